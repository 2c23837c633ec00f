#include "forum/watched_word_list.hpp"

#include "forum_fixture.hpp"

namespace cairn::forum::testing {
namespace {

class WatchedWordListTest : public ForumFixture {
 protected:
  // The nurse inbox and page feedback see the list only through this interface.
  const safeguarding::WatchedWordSource& source() const { return *words_; }
};

TEST_F(WatchedWordListTest, TheSeededFileIsInForceForEveryReader) {
  EXPECT_TRUE(source().matches("Some days I want to end my life."));
  EXPECT_FALSE(source().matches("The scan was clear."));
}

TEST_F(WatchedWordListTest, AnAdminsNewHoldPhraseAppliesAtOnce) {
  auto admin = add_account("Ada Admin", accounts::Role::admin);
  EXPECT_FALSE(source().matches("I have had enough of everything"));
  ASSERT_TRUE(words_->put(admin, "had enough of everything", "hold", "").ok());
  EXPECT_EQ(source().find_in("I have had enough of everything"),
            std::vector<std::string>{"had enough of everything"});

  ASSERT_TRUE(words_->remove(admin, "had enough of everything").ok());
  EXPECT_FALSE(source().matches("I have had enough of everything"));
}

TEST_F(WatchedWordListTest, ForumOnlyActionsAreNoSafeguardingCase) {
  auto admin = add_account("Ada Admin", accounts::Role::admin);
  ASSERT_TRUE(words_->put(admin, "miracle cure", "flag", "").ok());
  ASSERT_TRUE(words_->put(admin, "buy now", "block", "Adverts are not allowed.").ok());
  EXPECT_FALSE(source().matches("Buy now: a miracle cure"));
  EXPECT_TRUE(words_->rules().screen("Buy now: a miracle cure").block.has_value());
}

}  // namespace
}  // namespace cairn::forum::testing
