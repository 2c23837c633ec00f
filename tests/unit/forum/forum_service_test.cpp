#include "forum/forum_service.hpp"

#include <gtest/gtest.h>

#include "forum/forum_member_data.hpp"
#include "forum_fixture.hpp"

namespace cairn::forum {
namespace {

using testing::ForumFixture;

class ForumServiceTest : public ForumFixture {};

std::vector<std::int64_t> ids_of(const std::vector<store::ForumPostRecord>& posts) {
  std::vector<std::int64_t> out;
  for (const auto& p : posts) out.push_back(p.id);
  return out;
}

TEST_F(ForumServiceTest, ANewMembersThreadWaitsAndOnlyTheyCanSeeIt) {
  auto amy = add_account("Amy");
  auto rory = add_account("Rory");
  auto posted = forum_->start_thread(amy, "carers", "Looking after Mum", "It is hard some days.");
  ASSERT_TRUE(posted.ok());
  EXPECT_TRUE(posted->hold.held());
  EXPECT_EQ(posted->hold.stored(), "first_posts");
  auto own = forum_->thread_page(posted->thread_id, &amy, 1);
  ASSERT_TRUE(own.ok());
  ASSERT_EQ(own->posts.size(), 1u);
  EXPECT_EQ(own->posts[0].status, store::PostStatus::held);
  EXPECT_EQ(forum_->thread_page(posted->thread_id, &rory, 1).error().code, Errc::not_found);
  EXPECT_EQ(forum_->thread_page(posted->thread_id, nullptr, 1).error().code, Errc::not_found);
  EXPECT_TRUE(forum_->category_page("carers", nullptr, 1)->threads.empty());
  EXPECT_EQ(forum_->category_page("carers", &amy, 1)->threads.size(), 1u);
}

TEST_F(ForumServiceTest, AfterTwoApprovedPostsAMembersPostsArePublicAtOnce) {
  auto mod = add_account("Mod", accounts::Role::moderator);
  auto amy = add_account("Amy");
  auto first = forum_->start_thread(amy, "carers", "One", "First post");
  auto second = forum_->reply(amy, first->thread_id, "Second post");
  ASSERT_TRUE(second.ok());
  EXPECT_TRUE(second->hold.held());
  auto third_early = forum_->reply(amy, first->thread_id, "Third, before any approval");
  EXPECT_TRUE(third_early->hold.held()) << "still new until a moderator approves two";
  ASSERT_TRUE(moderation_->approve(mod, first->post_id).ok());
  ASSERT_TRUE(moderation_->approve(mod, second->post_id).ok());
  auto fourth = forum_->reply(amy, first->thread_id, "Fourth");
  ASSERT_TRUE(fourth.ok());
  EXPECT_FALSE(fourth->hold.held());
  auto seen = forum_->thread_page(first->thread_id, nullptr, 1);
  ASSERT_TRUE(seen.ok());
  EXPECT_EQ(ids_of(seen->posts),
            (std::vector<std::int64_t>{first->post_id, second->post_id, fourth->post_id}));
}

TEST_F(ForumServiceTest, SafeguardingPostsGoToTheTopOfTheQueue) {
  auto mod = add_account("Mod", accounts::Role::moderator);
  auto newbie = add_account("Newbie");
  auto amy = add_trusted_member("Amy", mod);
  auto hello = forum_->start_thread(newbie, "general-chat", "Hi", "New here");
  auto phone = forum_->start_thread(amy, "general-chat", "Call me", "My number is 07700 900123");
  auto worry = forum_->start_thread(amy, "general-chat", "Tonight", "I feel like I want to die");
  ASSERT_TRUE(worry.ok());
  EXPECT_TRUE(worry->hold.safeguarding());
  auto queue = moderation_->queue(mod);
  ASSERT_TRUE(queue.ok());
  ASSERT_EQ(queue->size(), 3u);
  EXPECT_EQ((*queue)[0].post.id, worry->post_id);
  EXPECT_EQ((*queue)[1].post.id, phone->post_id);
  EXPECT_EQ((*queue)[2].post.id, hello->post_id);
  EXPECT_EQ((*queue)[0].held_for.front(), HoldReason::safeguarding);
}

TEST_F(ForumServiceTest, ReportedPostsComeAfterSafeguardingAndBeforeNewMembers) {
  auto mod = add_account("Mod", accounts::Role::moderator);
  auto amy = add_trusted_member("Amy", mod);
  auto rory = add_trusted_member("Rory", mod);
  auto newbie = add_account("Newbie");
  auto rude = forum_->start_thread(amy, "carers", "A thread", "Something unkind");
  ASSERT_FALSE(rude->hold.held());
  auto hello = forum_->start_thread(newbie, "carers", "Hi", "New here");
  auto worry = forum_->start_thread(rory, "carers", "Tonight", "better off dead");
  ASSERT_TRUE(forum_->report(rory, rude->post_id, "This is unkind").ok());
  auto queue = moderation_->queue(mod);
  ASSERT_EQ(queue->size(), 3u);
  EXPECT_EQ((*queue)[0].post.id, worry->post_id);
  EXPECT_EQ((*queue)[1].post.id, rude->post_id);
  ASSERT_EQ((*queue)[1].reports.size(), 1u);
  EXPECT_EQ((*queue)[1].reports[0].reason, "This is unkind");
  EXPECT_EQ((*queue)[2].post.id, hello->post_id);
  // Keeping the post closes the report.
  ASSERT_TRUE(moderation_->approve(mod, rude->post_id).ok());
  EXPECT_EQ(moderation_->queue(mod)->size(), 2u);
}

TEST_F(ForumServiceTest, OnlyPublicPostsCanBeReportedAndAReasonIsNeeded) {
  auto mod = add_account("Mod", accounts::Role::moderator);
  auto amy = add_account("Amy");
  auto rory = add_trusted_member("Rory", mod);
  auto held = forum_->start_thread(amy, "carers", "Held", "Waiting");
  auto refused = forum_->report(rory, held->post_id, "why");
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, Errc::not_found);
  auto open = forum_->start_thread(rory, "carers", "Open", "Public");
  auto empty = forum_->report(amy, open->post_id, "   ");
  ASSERT_FALSE(empty.ok());
  EXPECT_EQ(empty.error().problems.at(0).field, "reason");
}

TEST_F(ForumServiceTest, HiddenPostsDisappearForEveryoneButModerators) {
  auto mod = add_account("Mod", accounts::Role::moderator);
  auto amy = add_trusted_member("Amy", mod);
  auto t = forum_->start_thread(amy, "carers", "Thread", "Opening");
  auto r = forum_->reply(amy, t->thread_id, "Reply to hide");
  ASSERT_TRUE(moderation_->hide(mod, r->post_id, "off topic").ok());
  EXPECT_EQ(forum_->thread_page(t->thread_id, nullptr, 1)->posts.size(), 1u);
  EXPECT_EQ(forum_->thread_page(t->thread_id, &amy, 1)->posts.size(), 1u);
  EXPECT_EQ(forum_->thread_page(t->thread_id, &mod, 1)->posts.size(), 2u);
}

TEST_F(ForumServiceTest, EveryModeratorActionIsInTheAuditLogAndEditsKeepTheOriginal) {
  auto mod = add_account("Mod", accounts::Role::moderator);
  auto amy = add_account("Amy");
  auto t = forum_->start_thread(amy, "carers", "Thread", "My name is Amy Pond");
  ASSERT_TRUE(moderation_->approve(mod, t->post_id).ok());
  auto edited = moderation_->edit(mod, t->post_id, "My name is [removed]", "full name");
  ASSERT_TRUE(edited.ok());
  EXPECT_EQ(store_->forum().post(t->post_id)->body, "My name is [removed]");
  ASSERT_TRUE(moderation_->hide(mod, t->post_id, "rules").ok());
  ASSERT_TRUE(moderation_->suspend(mod, amy.id, "repeated").ok());
  auto log = moderation_->audit_log(mod, 1);
  ASSERT_TRUE(log.ok());
  ASSERT_EQ(log->size(), 4u);
  EXPECT_EQ((*log)[0].action, "suspend");
  EXPECT_EQ((*log)[0].member_id, amy.id);
  EXPECT_EQ((*log)[1].action, "hide");
  EXPECT_EQ((*log)[2].action, "edit");
  EXPECT_EQ((*log)[2].before, "My name is Amy Pond");
  EXPECT_EQ((*log)[2].after, "My name is [removed]");
  EXPECT_EQ((*log)[2].reason, "full name");
  EXPECT_EQ((*log)[3].action, "approve");
  for (const auto& e : *log) EXPECT_EQ(e.moderator_name, "Mod");
}

TEST_F(ForumServiceTest, AnEditNeedsAReason) {
  auto mod = add_account("Mod", accounts::Role::moderator);
  auto amy = add_account("Amy");
  auto t = forum_->start_thread(amy, "carers", "Thread", "Text");
  auto edited = moderation_->edit(mod, t->post_id, "New text", "");
  ASSERT_FALSE(edited.ok());
  EXPECT_EQ(edited.error().problems.at(0).field, "reason");
  EXPECT_EQ(store_->forum().post(t->post_id)->body, "Text");
  EXPECT_TRUE(moderation_->audit_log(mod, 1)->empty());
}

TEST_F(ForumServiceTest, OnlyModeratorsModerate) {
  auto amy = add_account("Amy");
  auto nurse = add_account("Nurse", accounts::Role::nurse);
  auto t = forum_->start_thread(amy, "carers", "Thread", "Text");
  for (const auto& who : {amy, nurse}) {
    EXPECT_EQ(moderation_->approve(who, t->post_id).error().code, Errc::forbidden);
    EXPECT_EQ(moderation_->queue(who).error().code, Errc::forbidden);
    EXPECT_EQ(moderation_->suspend(who, amy.id, "x").error().code, Errc::forbidden);
  }
  EXPECT_EQ(store_->forum().post(t->post_id)->status, store::PostStatus::held);
}

TEST_F(ForumServiceTest, ASuspendedMemberCannotPostAndStaffCannotBeSuspended) {
  auto mod = add_account("Mod", accounts::Role::moderator);
  auto admin = add_account("Admin", accounts::Role::admin);
  auto amy = add_account("Amy");
  ASSERT_TRUE(moderation_->suspend(mod, amy.id, "spam").ok());
  auto suspended = reload(amy.id);
  EXPECT_TRUE(suspended.suspended);
  auto refused = forum_->start_thread(suspended, "carers", "Again", "Spam");
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, Errc::forbidden);
  EXPECT_EQ(moderation_->suspend(mod, admin.id, "no").error().code, Errc::forbidden);
}

TEST_F(ForumServiceTest, ThreadsArePagedTwentyPostsAtATime) {
  auto mod = add_account("Mod", accounts::Role::moderator);
  auto t = forum_->start_thread(mod, "carers", "Long", "Post 1");
  std::int64_t last = 0;
  for (int i = 2; i <= 45; ++i)
    last = forum_->reply(mod, t->thread_id, "Post " + std::to_string(i))->post_id;
  auto p1 = forum_->thread_page(t->thread_id, nullptr, 1);
  EXPECT_EQ(p1->pages, 3);
  EXPECT_EQ(p1->posts.size(), 20u);
  EXPECT_EQ(p1->posts.front().body, "Post 1");
  auto p3 = forum_->thread_page(t->thread_id, nullptr, 3);
  EXPECT_EQ(p3->posts.size(), 5u);
  EXPECT_EQ(p3->posts.back().body, "Post 45");
  EXPECT_EQ(forum_->thread_page(t->thread_id, nullptr, 99)->page, 3);
  EXPECT_EQ(forum_->page_of(t->thread_id, last, nullptr), 3);
}

TEST_F(ForumServiceTest, NewSinceYourLastVisit) {
  auto mod = add_account("Mod", accounts::Role::moderator);
  auto rory = add_trusted_member("Rory", mod);
  auto t = forum_->start_thread(mod, "carers", "Updates", "First");
  // Never opened: new to Rory.
  auto listing = forum_->category_page("carers", &rory, 1);
  ASSERT_EQ(listing->threads.size(), 1u);
  EXPECT_TRUE(listing->threads[0].unread);
  auto visit = forum_->thread_page(t->thread_id, &rory, 1);
  EXPECT_EQ(visit->last_read, 0);
  EXPECT_FALSE(forum_->category_page("carers", &rory, 1)->threads[0].unread);
  auto reply = forum_->reply(mod, t->thread_id, "Second");
  EXPECT_TRUE(forum_->category_page("carers", &rory, 1)->threads[0].unread);
  auto again = forum_->thread_page(t->thread_id, &rory, 1);
  EXPECT_EQ(again->last_read, t->post_id);  // the reply is after it: shown as new
  EXPECT_GT(reply->post_id, again->last_read);
  EXPECT_FALSE(forum_->category_page("carers", &rory, 1)->threads[0].unread);
}

TEST_F(ForumServiceTest, FieldsAreCheckedAndKeptVerbatim) {
  auto mod = add_account("Mod", accounts::Role::moderator);
  auto empty = forum_->start_thread(mod, "carers", "  ", "");
  ASSERT_FALSE(empty.ok());
  ASSERT_EQ(empty.error().problems.size(), 2u);
  EXPECT_EQ(empty.error().problems[0].field, "title");
  EXPECT_EQ(empty.error().problems[1].field, "body");
  EXPECT_EQ(forum_->start_thread(mod, "nope", "t", "b").error().code, Errc::not_found);
  std::string sql = "Robert'); DROP TABLE forum_posts;--";
  auto t = forum_->start_thread(mod, "carers", sql, sql);
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(store_->forum().thread(t->thread_id)->title, sql);
  EXPECT_EQ(store_->forum().post(t->post_id)->body, sql);
}

TEST_F(ForumServiceTest, DeletedMembersPostsAreKeptWithoutTheirNameOrRemoved) {
  auto mod = add_account("Mod", accounts::Role::moderator);
  auto keep = add_trusted_member("Keeper", mod);
  auto go = add_trusted_member("Goer", mod);
  auto t = forum_->start_thread(mod, "carers", "Thread", "Opening");
  auto kept = forum_->reply(keep, t->thread_id, "I stay");
  auto gone = forum_->reply(go, t->thread_id, "I go");
  ForumMemberData data(store_->forum());
  EXPECT_EQ(data.export_for(go.id).size(), 3u);
  data.account_deleted(keep.id, accounts::PostChoice::keep_as_deleted_member);
  data.account_deleted(go.id, accounts::PostChoice::remove);
  auto post = store_->forum().post(kept->post_id);
  EXPECT_EQ(post->author_id, 0);
  EXPECT_EQ(post->body, "I stay");
  EXPECT_FALSE(store_->forum().post(gone->post_id).has_value());
}

TEST(Categories, LoadsInOrderAndRefusesBadFiles) {
  auto c = Categories::load(std::string(CAIRN_TEST_DATA) + "/forum/categories.yaml");
  ASSERT_TRUE(c) << c.error().message;
  ASSERT_EQ(c->all().size(), 2u);
  EXPECT_EQ(c->all()[0].slug, "carers");
  EXPECT_EQ(c->find("general-chat")->name, "General chat");
  EXPECT_EQ(c->find("nope"), nullptr);
  EXPECT_FALSE(Categories::load(std::string(CAIRN_TEST_DATA) + "/forum/categories-bad-slug.yaml"));
  EXPECT_FALSE(
      Categories::load(std::string(CAIRN_TEST_DATA) + "/forum/categories-missing-name.yaml"));
  auto real = Categories::load(std::string(CAIRN_SOURCE_DIR) + "/content/forum/categories.yaml");
  ASSERT_TRUE(real) << real.error().message;
  EXPECT_EQ(real->all().size(), 4u);
}

}  // namespace
}  // namespace cairn::forum
