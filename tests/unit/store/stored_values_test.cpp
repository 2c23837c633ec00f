// The typed values the store keeps as text: each one's text and back, and
// what an unknown stored text reads as (never a crash, always the safe side).
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "store/store.hpp"

namespace cairn::store {
namespace {

TEST(PostStatusText, RoundTripsEveryStatus) {
  for (auto s : {PostStatus::published, PostStatus::held, PostStatus::hidden})
    EXPECT_EQ(parse_post_status(to_string(s)), s);
}

TEST(PostStatusText, KeepsTheDatabasesWords) {
  EXPECT_EQ(to_string(PostStatus::published), "public");
  EXPECT_EQ(to_string(PostStatus::held), "held");
  EXPECT_EQ(to_string(PostStatus::hidden), "hidden");
}

TEST(PostStatusText, AnUnknownStatusReadsAsHidden) {
  EXPECT_EQ(parse_post_status(""), PostStatus::hidden);
  EXPECT_EQ(parse_post_status("Public"), PostStatus::hidden);
  EXPECT_EQ(parse_post_status("deleted"), PostStatus::hidden);
}

TEST(HoldReasonsText, RoundTripsAsStored) {
  HoldReasons all{HoldReason::safeguarding, HoldReason::contact_details, HoldReason::first_posts};
  EXPECT_EQ(to_string(all), "safeguarding contact_details first_posts");
  EXPECT_EQ(parse_hold_reasons(to_string(all)), all);
  EXPECT_EQ(to_string(HoldReasons{}), "");
  EXPECT_EQ(parse_hold_reasons(""), HoldReasons{});
  for (auto r : all) EXPECT_EQ(parse_hold_reasons(to_string(r)), HoldReasons{r});
}

TEST(HoldReasonsText, ComeBackMostUrgentFirstAndSkipUnknownWords) {
  EXPECT_EQ(parse_hold_reasons("first_posts spam safeguarding"),
            (HoldReasons{HoldReason::safeguarding, HoldReason::first_posts}));
  EXPECT_EQ(parse_hold_reasons("first_postsX safeguarding_"), HoldReasons{});
}

TEST(NurseMessageStatusText, RoundTripsEveryStatus) {
  for (auto s :
       {NurseMessageStatus::open, NurseMessageStatus::assigned, NurseMessageStatus::answered})
    EXPECT_EQ(parse_nurse_message_status(to_string(s)), s);
  EXPECT_EQ(to_string(NurseMessageStatus::open), "open");
  EXPECT_EQ(to_string(NurseMessageStatus::assigned), "assigned");
  EXPECT_EQ(to_string(NurseMessageStatus::answered), "answered");
}

TEST(NurseMessageStatusText, AnUnknownStatusReadsAsOpen) {
  EXPECT_EQ(parse_nurse_message_status(""), NurseMessageStatus::open);
  EXPECT_EQ(parse_nurse_message_status("Answered"), NurseMessageStatus::open);
  EXPECT_EQ(parse_nurse_message_status("closed"), NurseMessageStatus::open);
}

TEST(RevisionStateText, RoundTripsEveryState) {
  for (auto s : {RevisionState::draft, RevisionState::in_review, RevisionState::returned,
                 RevisionState::published})
    EXPECT_EQ(parse_revision_state(to_string(s)), s);
  EXPECT_EQ(to_string(RevisionState::in_review), "in_review");
}

TEST(RevisionStateText, AnUnknownStateReadsAsPublished) {
  EXPECT_EQ(parse_revision_state(""), RevisionState::published);
  EXPECT_EQ(parse_revision_state("In review"), RevisionState::published);
}

// The database's CHECK constraints keep unknown words out of the status
// columns, so the unknown readings above are tested on the text alone.
class StoredValuesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("cairn-values-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    store_ = open_sqlite_store(dir_);
    member_ = store_->accounts()
                  .create_account({"sam@example.com", "Sam", "$argon2id$fake", "member", true,
                                   "2025-01-01T00:00:00Z", "2025-01-01T00:00:00Z"})
                  .id;
  }
  void TearDown() override {
    store_.reset();
    std::filesystem::remove_all(dir_);
  }
  std::filesystem::path dir_;
  std::unique_ptr<Store> store_;
  std::int64_t member_ = 0;
};

TEST_F(StoredValuesTest, APostKeepsItsStatusAndReasons) {
  NewForumPost first{member_,
                     "Hi",
                     PostStatus::held,
                     {HoldReason::contact_details, HoldReason::first_posts},
                     2,
                     "2026-01-01T00:00:00Z"};
  auto [thread, post] = store_->forum().create_thread("general", "Hello", first);
  auto p = store_->forum().post(post);
  ASSERT_TRUE(p);
  EXPECT_EQ(p->status, PostStatus::held);
  EXPECT_EQ(p->held_reasons, first.held_reasons);
  EXPECT_EQ(store_->forum().thread(thread)->status, PostStatus::held);
  store_->forum().set_post_status(post, PostStatus::published);
  EXPECT_EQ(store_->forum().post(post)->status, PostStatus::published);
  EXPECT_EQ(store_->forum().thread(thread)->status, PostStatus::published);
  store_->forum().set_post_status(post, PostStatus::hidden);
  EXPECT_EQ(store_->forum().post(post)->status, PostStatus::hidden);
}

}  // namespace
}  // namespace cairn::store
