// A member's own posts: edited within the window (the earlier text kept, the
// hold rules applied again), deleted (the text kept for moderators only),
// watched by default, and new members' limits.
#include <gtest/gtest.h>

#include "core/iso_time.hpp"
#include "forum/forum_member_data.hpp"
#include "forum/forum_service.hpp"
#include "forum_fixture.hpp"

namespace cairn::forum {
namespace {

using namespace std::chrono_literals;
using testing::ForumFixture;

class OwnPostsTest : public ForumFixture {};

TEST_F(OwnPostsTest, AnEditInsideTheWindowKeepsTheEarlierTextAndIsMarked) {
  auto mod = add_account("Mod", accounts::Role::moderator);
  auto amy = add_trusted_member("Amy", mod);
  auto posted = forum_->reply(amy, forum_->start_thread(mod, "carers", "Hi", "Hello")->thread_id,
                              "Teh first text");
  ASSERT_TRUE(posted.ok());
  clock_.advance(29min);
  auto edited = forum_->edit_own(amy, posted->post_id, "The first text");
  ASSERT_TRUE(edited.ok()) << edited.error().message;
  EXPECT_FALSE(edited->hold.held());
  auto post = store_->forum().post(posted->post_id);
  EXPECT_EQ(post->body, "The first text");
  EXPECT_FALSE(post->author_edited_at.empty());
  auto versions = store_->forum().post_versions(posted->post_id);
  ASSERT_EQ(versions.size(), 1u);
  EXPECT_EQ(versions[0].body, "Teh first text");
  EXPECT_EQ(versions[0].why, "edited");
  auto audit = store_->forum().audit_log(0, 1);
  EXPECT_EQ(audit.at(0).action, "author edit");
  EXPECT_EQ(audit.at(0).before, "Teh first text");
}

TEST_F(OwnPostsTest, TheWindowClosesAndOthersCannotEditAtAll) {
  auto mod = add_account("Mod", accounts::Role::moderator);
  auto amy = add_trusted_member("Amy", mod);
  auto ben = add_trusted_member("Ben", mod);
  auto posted = forum_->start_thread(amy, "carers", "Mine", "Words");
  EXPECT_EQ(forum_->edit_own(ben, posted->post_id, "Hijack").error().code, Errc::not_found);
  clock_.advance(31min);
  EXPECT_FALSE(forum_->can_edit(&amy, *store_->forum().post(posted->post_id)));
  EXPECT_EQ(forum_->edit_own(amy, posted->post_id, "Late").error().code, Errc::forbidden);
  EXPECT_TRUE(forum_->can_delete(&amy, *store_->forum().post(posted->post_id)));
}

TEST_F(OwnPostsTest, AnEditedPostGoesThroughTheHoldRulesAgainAndAHoldIsNeverEditedAway) {
  auto mod = add_account("Mod", accounts::Role::moderator);
  auto amy = add_trusted_member("Amy", mod);
  auto posted = forum_->start_thread(amy, "carers", "Fine", "All fine here");
  ASSERT_FALSE(posted->hold.held());
  auto edited = forum_->edit_own(amy, posted->post_id, "I want to end my life");
  ASSERT_TRUE(edited.ok());
  EXPECT_TRUE(edited->hold.safeguarding());
  EXPECT_EQ(store_->forum().post(posted->post_id)->status, store::PostStatus::held);
  // Taking the words out again does not let it through unseen.
  auto again = forum_->edit_own(amy, posted->post_id, "All fine here really");
  ASSERT_TRUE(again.ok());
  EXPECT_TRUE(again->hold.safeguarding());
  EXPECT_EQ(store_->forum().post(posted->post_id)->status, store::PostStatus::held);
}

TEST_F(OwnPostsTest, ADeletedPostShowsNoTextButModeratorsKeepIt) {
  auto mod = add_account("Mod", accounts::Role::moderator);
  auto amy = add_trusted_member("Amy", mod);
  auto posted = forum_->start_thread(amy, "carers", "Gone soon", "Regrettable words");
  ASSERT_TRUE(forum_->delete_own(amy, posted->post_id).ok());
  auto post = store_->forum().post(posted->post_id);
  EXPECT_EQ(post->body, "");
  EXPECT_FALSE(post->deleted_at.empty());
  EXPECT_EQ(store_->forum().post_versions(posted->post_id).at(0).body, "Regrettable words");
  EXPECT_EQ(forum_->delete_own(amy, posted->post_id).error().code, Errc::not_found);
  EXPECT_EQ(store_->forum().audit_log(0, 1).at(0).action, "author delete");
}

TEST_F(OwnPostsTest, EarlierTextsAreExportedAndGoWhenTheMemberRemovesTheirPosts) {
  auto mod = add_account("Mod", accounts::Role::moderator);
  auto amy = add_trusted_member("Amy", mod);
  auto posted = forum_->start_thread(amy, "carers", "Mine", "First words");
  ASSERT_TRUE(forum_->edit_own(amy, posted->post_id, "Second words").ok());
  ForumMemberData data(store_->forum());
  auto exported = data.export_for(amy.id);
  auto& post = exported.back();
  EXPECT_EQ(post["body"], "Second words");
  EXPECT_EQ(post["earlier_texts"].at(0)["body"], "First words");
  data.account_deleted(amy.id, accounts::PostChoice::remove);
  EXPECT_TRUE(store_->forum().post_versions(posted->post_id).empty());
}

TEST_F(OwnPostsTest, PostingWatchesTheThreadUnlessTheMemberChoseNotTo) {
  auto mod = add_account("Mod", accounts::Role::moderator);
  auto amy = add_trusted_member("Amy", mod);
  auto thread = forum_->start_thread(mod, "carers", "Topic", "Start")->thread_id;
  EXPECT_FALSE(forum_->watching(amy, thread));
  ASSERT_TRUE(forum_->reply(amy, thread, "Me too").ok());
  EXPECT_TRUE(forum_->watching(amy, thread));
  ASSERT_TRUE(forum_->set_watching(amy, thread, false).ok());
  ASSERT_TRUE(forum_->reply(amy, thread, "Again").ok());
  EXPECT_FALSE(forum_->watching(amy, thread));
}

TEST_F(OwnPostsTest, NewMembersShareNoLinksUntilTwoPostsAreApproved) {
  auto mod = add_account("Mod", accounts::Role::moderator);
  auto newbie = add_account("Newbie");
  auto refused = forum_->start_thread(newbie, "carers", "Link", "See www.example.org");
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().problems.at(0).field, "body");
  auto trusted = add_trusted_member("Trusted", mod);
  EXPECT_TRUE(forum_->start_thread(trusted, "carers", "Link", "See www.nhs.uk").ok());
}

TEST_F(OwnPostsTest, SlowModeOnAMembersFirstDayOnly) {
  auto mod = add_account("Mod", accounts::Role::moderator);
  auto thread = forum_->start_thread(mod, "carers", "Topic", "Start")->thread_id;
  auto created =
      store_->accounts().create_account({"new@example.org", "New", "$argon2id$fake", "member", true,
                                         iso_date_time(clock_.now()), iso_date_time(clock_.now())});
  auto fresh = reload(created.id);
  ASSERT_TRUE(forum_->reply(fresh, thread, "One").ok());
  clock_.advance(60s);
  EXPECT_EQ(forum_->reply(fresh, thread, "Two").error().code, Errc::rate_limited);
  clock_.advance(61s);
  EXPECT_TRUE(forum_->reply(fresh, thread, "Two").ok());
  clock_.advance(25h);
  ASSERT_TRUE(forum_->reply(fresh, thread, "Three").ok());
  EXPECT_TRUE(forum_->reply(fresh, thread, "Four").ok()) << "no slow mode after the first day";
}

}  // namespace
}  // namespace cairn::forum
