// The reply notifier: watchers hear of public replies once, never of held
// ones until approved; digests gather replies; unsubscribe tokens are signed.
#include "forum/reply_notifier.hpp"

#include <gtest/gtest.h>

#include "forum_fixture.hpp"

namespace cairn::forum {
namespace {

using namespace std::chrono_literals;
using testing::ForumFixture;

class ReplyNotifierTest : public ForumFixture {
 protected:
  void SetUp() override {
    ForumFixture::SetUp();
    notifier_ = std::make_unique<ReplyNotifier>(
        store_->forum(), store_->forum_members(), store_->accounts(), store_->outbox(), clock_,
        NotifierSettings{"https://cairn.example.org", "Cairn", "a secret", 24h});
    forum_->on_visible([this](std::int64_t id) { notifier_->post_visible(id); });
    moderation_->on_visible([this](std::int64_t id) { notifier_->post_visible(id); });
  }
  void TearDown() override {
    notifier_.reset();
    ForumFixture::TearDown();
  }
  std::vector<store::QueuedMail> due() {
    auto now = std::chrono::duration_cast<std::chrono::seconds>(clock_.now().time_since_epoch());
    return store_->outbox().take_due(now.count() + 1, now.count() + 2, 100);
  }
  std::unique_ptr<ReplyNotifier> notifier_;
};

TEST_F(ReplyNotifierTest, AHeldReplyIsMailedOnlyWhenApprovedAndOnlyOnce) {
  auto mod = add_account("Mod", accounts::Role::moderator);
  auto amy = add_trusted_member("Amy", mod);
  auto thread = forum_->start_thread(amy, "carers", "Mine", "Hello")->thread_id;
  auto newbie = add_account("Newbie");
  auto held = forum_->reply(newbie, thread, "Secret waiting words");
  ASSERT_TRUE(held->hold.held());
  EXPECT_TRUE(due().empty());
  ASSERT_TRUE(moderation_->approve(mod, held->post_id).ok());
  auto mails = due();
  ASSERT_EQ(mails.size(), 1u);
  EXPECT_EQ(mails[0].mail.to_address, "amy@example.org");
  EXPECT_NE(mails[0].mail.body.find("Secret waiting words"), std::string::npos);
  ASSERT_EQ(mails[0].mail.headers.size(), 2u);
  EXPECT_EQ(mails[0].mail.headers[1].value, "List-Unsubscribe=One-Click");
  ASSERT_TRUE(moderation_->approve(mod, held->post_id).ok());
  EXPECT_TRUE(due().empty());
}

TEST_F(ReplyNotifierTest, DigestsGatherRepliesAndWaitForTheDay) {
  auto mod = add_account("Mod", accounts::Role::moderator);
  auto amy = add_trusted_member("Amy", mod);
  auto thread = forum_->start_thread(amy, "carers", "Mine", "Hello")->thread_id;
  auto now = std::chrono::duration_cast<std::chrono::seconds>(clock_.now().time_since_epoch());
  store_->forum_members().set_mail_choice(amy.id, store::MailChoice::digest, now.count());
  ASSERT_TRUE(forum_->reply(mod, thread, "One").ok());
  ASSERT_TRUE(forum_->reply(mod, thread, "Two").ok());
  EXPECT_EQ(notifier_->send_due_digests(), 0);
  clock_.advance(24h);
  EXPECT_EQ(notifier_->send_due_digests(), 1);
  auto mails = due();
  ASSERT_EQ(mails.size(), 1u);
  EXPECT_NE(mails[0].mail.body.find("One"), std::string::npos);
  EXPECT_NE(mails[0].mail.body.find("Two"), std::string::npos);
  EXPECT_EQ(notifier_->send_due_digests(), 0);
}

TEST_F(ReplyNotifierTest, UnsubscribeTokensAreSignedAndTurnMailOff) {
  auto amy = add_account("Amy");
  auto token = notifier_->unsubscribe_token(amy.id);
  EXPECT_EQ(notifier_->account_of(token), amy.id);
  std::string forged = token;
  forged.back() = forged.back() == '0' ? '1' : '0';
  EXPECT_FALSE(notifier_->account_of(forged));
  EXPECT_FALSE(notifier_->account_of(std::to_string(amy.id + 1) + token.substr(token.find('-'))));
  EXPECT_FALSE(notifier_->account_of(""));
  EXPECT_FALSE(notifier_->account_of("-"));
  EXPECT_FALSE(notifier_->unsubscribe(forged));
  EXPECT_EQ(store_->forum_members().mail_choice(amy.id), store::MailChoice::each);
  EXPECT_TRUE(notifier_->unsubscribe(token));
  EXPECT_EQ(store_->forum_members().mail_choice(amy.id), store::MailChoice::off);
}

}  // namespace
}  // namespace cairn::forum
