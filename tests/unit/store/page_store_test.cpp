#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>

#include "store/sqlite/database.hpp"
#include "store/store.hpp"
#include "store_backends.hpp"

namespace cairn::store {
namespace {

// Every test below runs on SQLite and on PostgreSQL.
template <class Backend>
class PageStoreTest : public testing::StoreContract<Backend> {};
TYPED_TEST_SUITE(PageStoreTest, testing::StoreBackends, testing::BackendNames);

TYPED_TEST(PageStoreTest, FirstImportAddsEveryPage) {
  auto report =
      this->store_->pages().import_pages({{"/", "{\"a\":1}"}, {"/b", "{\"b\":1}"}}, "import");
  EXPECT_EQ(report.added, 2);
  EXPECT_EQ(report.updated, 0);
  EXPECT_EQ(this->store_->pages().published_pages().size(), 2u);
}

TYPED_TEST(PageStoreTest, UnchangedPageGetsNoNewRevision) {
  (void)this->store_->pages().import_pages({{"/b", "one"}}, "import");
  auto before = this->store_->changes().latest();
  auto report = this->store_->pages().import_pages({{"/b", "one"}}, "import");
  EXPECT_EQ(report.unchanged, 1);
  EXPECT_EQ(this->store_->pages().revisions("/b").size(), 1u);
  EXPECT_EQ(this->store_->changes().latest(), before);
}

TYPED_TEST(PageStoreTest, ChangedPageGetsNextRevisionAndIsPublished) {
  (void)this->store_->pages().import_pages({{"/b", "one"}}, "import");
  auto before = this->store_->changes().latest();
  auto report = this->store_->pages().import_pages({{"/b", "two"}}, "editor@example.org");
  EXPECT_EQ(report.updated, 1);
  auto page = this->store_->pages().published_page("/b");
  ASSERT_TRUE(page);
  EXPECT_EQ(page->revision, 2);
  EXPECT_EQ(page->content, "two");
  EXPECT_EQ(page->author, "editor@example.org");
  EXPECT_GT(this->store_->changes().latest(), before);
  auto all = this->store_->pages().revisions("/b");
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].content, "one");
}

TYPED_TEST(PageStoreTest, UnknownPageIsAbsent) {
  EXPECT_FALSE(this->store_->pages().published_page("/nope"));
}

TYPED_TEST(PageStoreTest, DataSurvivesReopen) {
  (void)this->store_->pages().import_pages({{"/b", "kept"}}, "import");
  this->store_.reset();
  this->store_ = this->backend_.open();
  auto page = this->store_->pages().published_page("/b");
  ASSERT_TRUE(page);
  EXPECT_EQ(page->content, "kept");
}

TYPED_TEST(PageStoreTest, SqlMetacharactersAreStoredVerbatim) {
  std::string hostile = "'); DROP TABLE pages; -- \"quoted\" \\ %_";
  (void)this->store_->pages().import_pages({{"/x'y", hostile}}, "import");
  auto page = this->store_->pages().published_page("/x'y");
  ASSERT_TRUE(page);
  EXPECT_EQ(page->content, hostile);
}

TEST(DatabaseTest, MigrationsAreAppliedOnceAndRecorded) {
  auto file = std::filesystem::temp_directory_path() / ("cairn-mig-" + std::to_string(::getpid()));
  std::filesystem::remove(file);
  int version = 0;
  {
    sqlite::Database db(file);
    version = db.connect().schema_version();
    EXPECT_GE(version, 2);
  }
  sqlite::Database again(file);
  EXPECT_EQ(again.connect().schema_version(), version);
  std::filesystem::remove(file);
}

TEST(DatabaseTest, TransactionRollsBackWhenNotCommitted) {
  auto file = std::filesystem::temp_directory_path() / ("cairn-tx-" + std::to_string(::getpid()));
  std::filesystem::remove(file);
  sqlite::Database file_db(file);
  auto db = file_db.connect();
  {
    sqlite::Transaction tx(db);
    db.exec("INSERT INTO changes (kind, key) VALUES ('x', 'y')");
  }
  auto st = db.prepare("SELECT COUNT(*) FROM changes");
  st.step();
  EXPECT_EQ(st.integer(0), 0);
  std::filesystem::remove(file);
}

TYPED_TEST(PageStoreTest, DraftsFollowTheNewestRevisionAndLeaveThePublishedOne) {
  (void)this->store_->pages().import_pages({{"/b", "one"}}, "import");
  auto draft = this->store_->pages().add_draft({"/b", "two", "Alice", 7, "why"});
  EXPECT_EQ(draft.revision, 2);
  EXPECT_EQ(draft.state, RevisionState::draft);
  EXPECT_EQ(draft.author_id, 7);
  EXPECT_EQ(draft.note, "why");
  EXPECT_EQ(this->store_->pages().published_page("/b")->content, "one");
  auto newest = this->store_->pages().latest_revisions();
  ASSERT_EQ(newest.size(), 1u);
  EXPECT_EQ(newest[0].revision, 2);
}

TYPED_TEST(PageStoreTest, StateMovesOnlyFromTheExpectedStateOfTheNewestRevision) {
  (void)this->store_->pages().import_pages({{"/b", "one"}}, "import");
  auto first = this->store_->pages().add_draft({"/b", "two", "Alice", 7, ""});
  EXPECT_FALSE(this->store_->pages().move_state("/b", first.revision, RevisionState::in_review,
                                                RevisionState::returned, {"Bob", ""}));
  EXPECT_TRUE(this->store_->pages().move_state("/b", first.revision, RevisionState::draft,
                                               RevisionState::in_review, {}));
  (void)this->store_->pages().add_draft({"/b", "three", "Bob", 8, ""});
  // No longer the newest: it cannot be sent back or published.
  EXPECT_FALSE(this->store_->pages().move_state("/b", first.revision, RevisionState::in_review,
                                                RevisionState::returned, {"Bob", "no"}));
  auto before = this->store_->changes().latest();
  EXPECT_FALSE(this->store_->pages().publish("/b", first.revision, {"Bob", ""}));
  EXPECT_EQ(this->store_->changes().latest(), before);
  EXPECT_EQ(this->store_->pages().published_page("/b")->content, "one");
}

TYPED_TEST(PageStoreTest, PublishingMakesTheRevisionLiveAndMovesTheFeed) {
  (void)this->store_->pages().import_pages({{"/b", "one"}}, "import");
  auto draft = this->store_->pages().add_draft({"/b", "two", "Alice", 7, ""});
  ASSERT_TRUE(this->store_->pages().move_state("/b", draft.revision, RevisionState::draft,
                                               RevisionState::in_review, {}));
  auto before = this->store_->changes().latest();
  ASSERT_TRUE(this->store_->pages().publish("/b", draft.revision, {"Bob", ""}));
  EXPECT_GT(this->store_->changes().latest(), before);
  auto live = this->store_->pages().published_page("/b");
  EXPECT_EQ(live->content, "two");
  EXPECT_EQ(live->reviewer, "Bob");
  EXPECT_EQ(live->state, RevisionState::published);
  EXPECT_FALSE(this->store_->pages().publish("/b", draft.revision, {"Bob", ""}));
}

TYPED_TEST(PageStoreTest, FeedbackIsCountedPerPage) {
  this->store_->feedback().add({"/a", true, "", "2026-11-29"});
  this->store_->feedback().add({"/a", false, "first", "2026-11-29"});
  this->store_->feedback().add({"/a", false, "second", "2026-11-30"});
  this->store_->feedback().add({"/b", true, "", "2026-11-30"});
  auto counts = this->store_->feedback().counts();
  EXPECT_EQ(counts["/a"].useful, 1);
  EXPECT_EQ(counts["/a"].not_useful, 2);
  EXPECT_EQ(counts["/a"].comments, 2);
  EXPECT_EQ(counts["/b"].useful, 1);
  auto comments = this->store_->feedback().comments("/a", 1);
  ASSERT_EQ(comments.size(), 1u);
  EXPECT_EQ(comments[0].comment, "second");
}

TYPED_TEST(PageStoreTest, ImportNeverOverwritesAVersionEditorsPublished) {
  (void)this->store_->pages().import_pages({{"/b", "one"}}, "import");
  auto draft = this->store_->pages().add_draft({"/b", "edited", "Alice", 7, ""});
  ASSERT_TRUE(this->store_->pages().move_state("/b", draft.revision, RevisionState::draft,
                                               RevisionState::in_review, {}));
  ASSERT_TRUE(this->store_->pages().publish("/b", draft.revision, {"Bob", ""}));
  auto report = this->store_->pages().import_pages({{"/b", "one"}, {"/c", "new"}}, "import");
  EXPECT_EQ(report.kept_editor_versions, std::vector<std::string>{"/b"});
  EXPECT_EQ(report.added, 1);
  EXPECT_EQ(this->store_->pages().published_page("/b")->content, "edited");
}

TYPED_TEST(PageStoreTest, AScheduledRevisionGoesLiveOnceItsTimeHasCome) {
  (void)this->store_->pages().import_pages({{"/b", "one"}}, "import");
  auto draft = this->store_->pages().add_draft({"/b", "two", "Alice", 7, ""});
  ASSERT_TRUE(this->store_->pages().move_state("/b", draft.revision, RevisionState::draft,
                                               RevisionState::in_review, {}));
  ASSERT_TRUE(
      this->store_->pages().schedule("/b", draft.revision, "2030-06-01T09:00:00Z", {"Bob", ""}));
  auto scheduled = this->store_->pages().revision("/b", draft.revision);
  EXPECT_EQ(scheduled->state, RevisionState::scheduled);
  EXPECT_EQ(scheduled->go_live_at, "2030-06-01T09:00:00Z");
  auto before = this->store_->changes().latest();
  EXPECT_TRUE(this->store_->pages().publish_due("2030-06-01T08:59:59Z").empty());
  EXPECT_EQ(this->store_->pages().published_page("/b")->content, "one");
  auto live = this->store_->pages().publish_due("2030-06-01T09:00:00Z");
  ASSERT_EQ(live.size(), 1u);
  EXPECT_EQ(live[0].revision, draft.revision);
  EXPECT_EQ(this->store_->pages().published_page("/b")->content, "two");
  EXPECT_GT(this->store_->changes().latest(), before);
  EXPECT_TRUE(this->store_->pages().publish_due("2030-06-02T00:00:00Z").empty());  // once
}

TYPED_TEST(PageStoreTest, AScheduledRevisionCanBeStoppedOrOvertaken) {
  (void)this->store_->pages().import_pages({{"/b", "one"}}, "import");
  auto first = this->store_->pages().add_draft({"/b", "two", "Alice", 7, ""});
  ASSERT_TRUE(this->store_->pages().move_state("/b", first.revision, RevisionState::draft,
                                               RevisionState::in_review, {}));
  ASSERT_TRUE(
      this->store_->pages().schedule("/b", first.revision, "2030-06-01T09:00:00Z", {"Bob", ""}));
  ASSERT_TRUE(this->store_->pages().unschedule("/b", first.revision));
  EXPECT_FALSE(this->store_->pages().unschedule("/b", first.revision));
  EXPECT_EQ(this->store_->pages().revision("/b", first.revision)->state, RevisionState::in_review);
  ASSERT_TRUE(
      this->store_->pages().schedule("/b", first.revision, "2030-06-01T09:00:00Z", {"Bob", ""}));
  // A newer revision is published first: the scheduled one is sent back at its time.
  auto second = this->store_->pages().add_draft({"/b", "three", "Alice", 7, ""});
  ASSERT_TRUE(this->store_->pages().move_state("/b", second.revision, RevisionState::draft,
                                               RevisionState::in_review, {}));
  ASSERT_TRUE(this->store_->pages().publish("/b", second.revision, {"Bob", ""}));
  EXPECT_TRUE(this->store_->pages().publish_due("2030-06-01T10:00:00Z").empty());
  auto sent_back = this->store_->pages().revision("/b", first.revision);
  EXPECT_EQ(sent_back->state, RevisionState::returned);
  EXPECT_NE(sent_back->review_note.find("was published before"), std::string::npos);
  EXPECT_EQ(this->store_->pages().published_page("/b")->content, "three");
}

}  // namespace
}  // namespace cairn::store
