// The forum's stores on both back ends: who sees which posts, paging and
// positions, threads ordered by their last public post, read marks that only
// move forward, reports, an author's edit kept as a version, watched threads
// and digests taken once. Runs on SQLite and on PostgreSQL.
#include <gtest/gtest.h>

#include "store_backends.hpp"

namespace cairn::store {
namespace {

constexpr std::string_view kAt = "2026-12-01T10:00:00Z";

template <class Backend>
class ForumContract : public testing::StoreContract<Backend> {
 protected:
  ForumContract() {
    jo_ = add("jo@example.org", "Jo");
    sam_ = add("sam@example.org", "Sam");
  }
  std::int64_t add(const std::string& email, const std::string& name) {
    return this->store_->accounts()
        .create_account({email, name, "h", "member", true, "", std::string(kAt)})
        .id;
  }
  ForumStore& forum() { return this->store_->forum(); }
  ForumMemberStore& members() { return this->store_->forum_members(); }
  NewForumPost post(std::int64_t author, std::string body,
                    PostStatus status = PostStatus::published) {
    return {author, std::move(body), status, {}, 0, std::string(kAt)};
  }
  std::int64_t jo_ = 0;
  std::int64_t sam_ = 0;
};
TYPED_TEST_SUITE(ForumContract, testing::StoreBackends, testing::BackendNames);

TYPED_TEST(ForumContract, HeldPostsAreSeenByTheirAuthorAndModeratorsOnly) {
  auto [thread, first] =
      this->forum().create_thread("general", "Hello", this->post(this->jo_, "one"));
  auto held = this->forum().add_post(thread, this->post(this->sam_, "two", PostStatus::held));
  (void)this->forum().add_post(thread, this->post(this->jo_, "three"));
  ForumViewer anyone;
  ForumViewer sam{this->sam_, false};
  ForumViewer moderator{0, true};
  EXPECT_EQ(this->forum().count_posts_in(thread, anyone), 2);
  EXPECT_EQ(this->forum().count_posts_in(thread, sam), 3);
  EXPECT_EQ(this->forum().count_posts_in(thread, moderator), 3);
  auto page = this->forum().posts_in(thread, anyone, 1, 1);
  ASSERT_EQ(page.size(), 1u);
  EXPECT_EQ(page[0].body, "three");
  EXPECT_EQ(this->forum().position_of(thread, held, sam), 1);
  ASSERT_EQ(this->forum().held_posts().size(), 1u);
  EXPECT_EQ(this->forum().held_posts()[0].author_name, "Sam");
  auto t = this->forum().thread(thread);
  ASSERT_TRUE(t);
  EXPECT_EQ(t->public_posts, 2);
  EXPECT_EQ(t->last_public_post_by, "Jo");
  EXPECT_EQ(first, this->forum().posts_in(thread, anyone, 0, 1)[0].id);
}

TYPED_TEST(ForumContract, ThreadsComeNewestActivityFirstAndTextIsKeptVerbatim) {
  const std::string hostile = "'; DROP TABLE forum_posts; -- \" \\ % _ <b>";
  auto [older, a] = this->forum().create_thread("general", hostile, this->post(this->jo_, hostile));
  auto [newer, b] = this->forum().create_thread("general", "Newer", this->post(this->sam_, "x"));
  (void)a;
  (void)b;
  (void)this->forum().add_post(older, this->post(this->sam_, "a reply brings it up"));
  auto threads = this->forum().threads_in("general", ForumViewer{}, 0, 10);
  ASSERT_EQ(threads.size(), 2u);
  EXPECT_EQ(threads[0].id, older);
  EXPECT_EQ(threads[0].title, hostile);
  EXPECT_EQ(this->forum().posts_in(older, ForumViewer{}, 0, 1)[0].body, hostile);
  EXPECT_EQ(threads[1].id, newer);
  EXPECT_EQ(this->forum().count_threads_in("general", ForumViewer{}), 2);
  EXPECT_EQ(this->forum().count_threads_in("carers", ForumViewer{}), 0);
}

TYPED_TEST(ForumContract, ReadMarksMoveOnlyForward) {
  auto [thread, first] = this->forum().create_thread("general", "T", this->post(this->jo_, "one"));
  this->forum().mark_read(this->sam_, thread, first + 5);
  this->forum().mark_read(this->sam_, thread, first);
  auto read = this->forum().last_read(this->sam_, {thread, thread + 100});
  ASSERT_EQ(read.size(), 1u);
  EXPECT_EQ(read[thread], first + 5);
  EXPECT_TRUE(this->forum().last_read(this->sam_, {}).empty());
}

TYPED_TEST(ForumContract, ReportsEditsAndNotificationsAreKeptOnce) {
  auto [thread, first] =
      this->forum().create_thread("general", "T", this->post(this->jo_, "before"));
  this->forum().add_report(first, this->sam_, "unkind", kAt);
  this->forum().add_flag(first, "watched word", kAt);
  auto reports = this->forum().open_reports();
  ASSERT_EQ(reports.size(), 2u);
  EXPECT_EQ(reports[0].reporter_name, "Sam");
  EXPECT_EQ(reports[1].reporter_id, 0);
  this->forum().resolve_reports(first);
  EXPECT_TRUE(this->forum().open_reports().empty());

  this->forum().author_edit_post(first,
                                 {"after", PostStatus::published, {}, 0, "2026-12-01T11:00:00Z"});
  auto versions = this->forum().post_versions(first);
  ASSERT_EQ(versions.size(), 1u);
  EXPECT_EQ(versions[0].body, "before");
  EXPECT_EQ(this->forum().post(first)->body, "after");
  EXPECT_TRUE(this->forum().claim_notification(first));
  EXPECT_FALSE(this->forum().claim_notification(first));
  (void)thread;
}

TYPED_TEST(ForumContract, WatchedThreadsAndDigestsAreTakenOnce) {
  auto [quiet, a] = this->forum().create_thread("general", "Quiet", this->post(this->jo_, "x"));
  auto [busy, b] = this->forum().create_thread("general", "Busy", this->post(this->jo_, "y"));
  (void)this->forum().add_post(busy, this->post(this->jo_, "z"));
  this->members().watch_unless_chosen(this->sam_, quiet);
  this->members().set_watching(this->sam_, busy, true);
  this->members().set_watching(this->sam_, quiet, false);
  this->members().watch_unless_chosen(this->sam_, quiet);  // a choice made stays made
  EXPECT_EQ(this->members().watched_threads(this->sam_, 10), std::vector<std::int64_t>{busy});
  EXPECT_EQ(this->members().watchers(busy), std::vector<std::int64_t>{this->sam_});

  this->members().set_mail_choice(this->sam_, MailChoice::digest, 100);
  this->members().add_digest_item(this->sam_, b);
  this->members().add_digest_item(this->sam_, a);
  this->members().add_digest_item(this->sam_, a);
  EXPECT_EQ(this->members().digests_due(200), std::vector<std::int64_t>{this->sam_});
  EXPECT_EQ(this->members().take_digest(this->sam_, 300), (std::vector<std::int64_t>{a, b}));
  EXPECT_TRUE(this->members().take_digest(this->sam_, 301).empty());
  EXPECT_TRUE(this->members().digests_due(400).empty());
}

}  // namespace
}  // namespace cairn::store
