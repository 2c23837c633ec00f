#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "../temp_store.hpp"
#include "content/editorial_desk.hpp"
#include "content/finding_json.hpp"
#include "content/page_source.hpp"

namespace cairn::content {
namespace {

accounts::Account person(std::int64_t id, std::string name, accounts::Role role) {
  accounts::Account a;
  a.id = id;
  a.display_name = std::move(name);
  a.role = role;
  return a;
}

Page sample_page(std::string next_review = "2027-06-01", std::string path = "/about") {
  Page page;
  page.path = std::move(path);
  page.file = "content/pages" + page.path + ".md";
  page.title = "About " + page.path;
  page.summary = "What this page is for.";
  page.last_reviewed = "2026-01-01";
  page.next_review = std::move(next_review);
  page.sources = {{"A source", "https://example.org"}};
  page.markdown = "Some words in short sentences. They are easy to read.\n";
  return page;
}

class EditorialDeskTest : public ::testing::Test {
 protected:
  void SetUp() override {
    (void)store_->pages().import_pages({{"/about", page_to_json(sample_page()).dump()}}, "import");
    desk_ = std::make_unique<EditorialDesk>(store_->pages(), store_->feedback(), clock_);
  }

  // A draft of /about whose body ends with `words`.
  int save(const accounts::Account& who, const std::string& words, int base = 1) {
    Page page = sample_page();
    page.markdown += "\n" + words + "\n";
    auto saved = desk_->save_draft(who, "/about", page_source(page), "a change", base);
    EXPECT_TRUE(saved);
    return saved ? saved->revision : 0;
  }

  cairn::testing::TempStore store_;
  FixedClock clock_{std::chrono::sys_days{std::chrono::year{2026} / 11 / 29}};
  std::unique_ptr<EditorialDesk> desk_;
  accounts::Account alice_ = person(1, "Alice", accounts::Role::editor);
  accounts::Account bob_ = person(2, "Bob", accounts::Role::editor);
  accounts::Account admin_ = person(3, "Ada", accounts::Role::admin);
  accounts::Account member_ = person(4, "Mo", accounts::Role::member);
  accounts::Account nurse_ = person(5, "Nia", accounts::Role::nurse);
};

TEST(ReviewDue, OverdueDueSoonAndCurrent) {
  EXPECT_EQ(review_due(sample_page("2026-11-28"), "2026-11-29").status, ReviewStatus::overdue);
  EXPECT_EQ(review_due(sample_page("2026-11-28"), "2026-11-29").days, -1);
  EXPECT_EQ(review_due(sample_page("2026-11-29"), "2026-11-29").status, ReviewStatus::due_soon);
  EXPECT_EQ(review_due(sample_page("2027-01-28"), "2026-11-29").status, ReviewStatus::due_soon);
  EXPECT_EQ(review_due(sample_page("2027-01-29"), "2026-11-29").status, ReviewStatus::current);
  EXPECT_EQ(review_due(sample_page("2027-01-29"), "2026-11-29").days, 61);
}

TEST(MayEditPages, OnlyEditorsAndAdministrators) {
  EXPECT_TRUE(may_edit_pages(person(1, "e", accounts::Role::editor)));
  EXPECT_TRUE(may_edit_pages(person(1, "a", accounts::Role::admin)));
  EXPECT_FALSE(may_edit_pages(person(1, "m", accounts::Role::member)));
  EXPECT_FALSE(may_edit_pages(person(1, "n", accounts::Role::nurse)));
  EXPECT_FALSE(may_edit_pages(person(1, "o", accounts::Role::moderator)));
  auto suspended = person(1, "s", accounts::Role::editor);
  suspended.suspended = true;
  EXPECT_FALSE(may_edit_pages(suspended));
}

TEST_F(EditorialDeskTest, OverviewPutsOverdueFirstWithReadingAgeAndFeedback) {
  (void)store_->pages().import_pages(
      {{"/late", page_to_json(sample_page("2026-01-01", "/late")).dump()},
       {"/soon", page_to_json(sample_page("2026-12-20", "/soon")).dump()}},
      "import");
  store_->feedback().add({"/about", true, "", "2026-11-29"});
  store_->feedback().add({"/about", false, "Too short", "2026-11-29"});
  auto rows = desk_->overview("2026-11-29");
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0].page.path, "/late");
  EXPECT_EQ(rows[0].review.status, ReviewStatus::overdue);
  EXPECT_EQ(rows[1].page.path, "/soon");
  EXPECT_EQ(rows[2].page.path, "/about");
  EXPECT_GT(rows[2].reading_age, 5);
  EXPECT_LT(rows[2].reading_age, 12);
  EXPECT_EQ(rows[2].feedback.useful, 1);
  EXPECT_EQ(rows[2].feedback.not_useful, 1);
  EXPECT_EQ(rows[2].feedback.comments, 1);
  EXPECT_FALSE(rows[2].has_open_draft());
}

TEST_F(EditorialDeskTest, DraftIsKeptButNotPublished) {
  int revision = save(alice_, "New words.");
  EXPECT_EQ(revision, 2);
  EXPECT_EQ(store_->pages().published_page("/about")->revision, 1);
  auto page = desk_->page("/about", "2026-11-29");
  ASSERT_TRUE(page);
  EXPECT_TRUE(page->has_open_draft());
  EXPECT_EQ(page->newest.state, store::RevisionState::draft);
  EXPECT_EQ(page->newest.author, "Alice");
  EXPECT_EQ(page->newest.note, "a change");
  // The working copy is the newest revision, not the published one.
  auto copy = desk_->working_copy("/about");
  ASSERT_TRUE(copy);
  EXPECT_NE(copy->source.find("New words."), std::string::npos);
}

TEST_F(EditorialDeskTest, SecondEditorPublishesAndTheFeedMoves) {
  int revision = save(alice_, "New words.");
  ASSERT_TRUE(desk_->submit(alice_, "/about", revision));
  auto own = desk_->publish(alice_, "/about", revision);
  ASSERT_FALSE(own);
  EXPECT_EQ(own.error().code, Errc::forbidden);
  auto before = store_->changes().latest();
  ASSERT_TRUE(desk_->publish(bob_, "/about", revision));
  EXPECT_GT(store_->changes().latest(), before);
  auto published = store_->pages().published_page("/about");
  EXPECT_EQ(published->revision, revision);
  EXPECT_EQ(published->state, store::RevisionState::published);
  EXPECT_EQ(published->reviewer, "Bob");
  EXPECT_FALSE(published->reviewed_at.empty());
}

TEST_F(EditorialDeskTest, OnlyARevisionInReviewCanBePublished) {
  int revision = save(alice_, "New words.");
  auto early = desk_->publish(bob_, "/about", revision);
  ASSERT_FALSE(early);
  EXPECT_EQ(early.error().code, Errc::conflict);
  EXPECT_EQ(store_->pages().published_page("/about")->revision, 1);
}

TEST_F(EditorialDeskTest, ANewerDraftStopsTheOlderOneBeingPublished) {
  int first = save(alice_, "First.");
  ASSERT_TRUE(desk_->submit(alice_, "/about", first));
  int second = save(bob_, "Second.", first);
  EXPECT_EQ(second, first + 1);
  auto publish_old = desk_->publish(admin_, "/about", first);
  ASSERT_FALSE(publish_old);
  EXPECT_EQ(publish_old.error().code, Errc::conflict);
  EXPECT_FALSE(desk_->submit(alice_, "/about", first));
  EXPECT_TRUE(desk_->submit(bob_, "/about", second));
}

TEST_F(EditorialDeskTest, SendBackNeedsANoteAndCanBeSentAgain) {
  int revision = save(alice_, "New words.");
  ASSERT_TRUE(desk_->submit(alice_, "/about", revision));
  auto no_note = desk_->send_back(bob_, "/about", revision, "   ");
  ASSERT_FALSE(no_note);
  EXPECT_EQ(no_note.error().problems.at(0).field, "note");
  ASSERT_TRUE(desk_->send_back(bob_, "/about", revision, "Add a source"));
  auto r = store_->pages().revision("/about", revision);
  EXPECT_EQ(r->state, store::RevisionState::returned);
  EXPECT_EQ(r->review_note, "Add a source");
  EXPECT_EQ(r->reviewer, "Bob");
  ASSERT_TRUE(desk_->submit(alice_, "/about", revision));
  ASSERT_TRUE(desk_->publish(bob_, "/about", revision));
}

TEST_F(EditorialDeskTest, SavingOverSomeoneElsesDraftKeepsBoth) {
  int first = save(alice_, "Alice's words.", 1);
  auto second = desk_->save_draft(
      bob_, "/about",
      [&] {
        Page page = sample_page();
        page.markdown += "\nBob's words.\n";
        return page_source(page);
      }(),
      "", 1);
  ASSERT_TRUE(second);
  EXPECT_EQ(second->overtaken_by, first);
  EXPECT_EQ(second->overtaken_author, "Alice");
  EXPECT_EQ(desk_->history("/about").size(), 3u);
}

TEST_F(EditorialDeskTest, UnchangedTextAddsNoRevision) {
  auto saved = desk_->save_draft(alice_, "/about", page_source(sample_page()), "", 1);
  ASSERT_TRUE(saved);
  EXPECT_TRUE(saved->unchanged);
  EXPECT_EQ(desk_->history("/about").size(), 1u);
}

TEST_F(EditorialDeskTest, BrokenSourceIsRefusedWithItsLine) {
  auto saved = desk_->save_draft(alice_, "/about", "---\ntitle: [\n---\nBody\n", "", 1);
  ASSERT_FALSE(saved);
  ASSERT_FALSE(saved.error().problems.empty());
  EXPECT_EQ(saved.error().problems[0].field, "source");
  EXPECT_TRUE(saved.error().problems[0].message.starts_with("Line "))
      << saved.error().problems[0].message;
  EXPECT_EQ(desk_->history("/about").size(), 1u);
}

TEST_F(EditorialDeskTest, InvalidUtf8AndHugeSourcesAreRefused) {
  EXPECT_FALSE(desk_->save_draft(alice_, "/about", "---\ntitle: \xff\n---\n", "", 1));
  EXPECT_FALSE(desk_->save_draft(alice_, "/about", std::string(kMaxSourceBytes + 1, 'a'), "", 1));
  EXPECT_EQ(desk_->history("/about").size(), 1u);
}

TEST_F(EditorialDeskTest, OnlyEditorsMayActAndUnknownPagesAreNotFound) {
  auto source = page_source(sample_page());
  for (const auto* who : {&member_, &nurse_}) {
    auto saved = desk_->save_draft(*who, "/about", source + "x", "", 1);
    ASSERT_FALSE(saved);
    EXPECT_EQ(saved.error().code, Errc::forbidden);
    EXPECT_EQ(desk_->submit(*who, "/about", 1).error().code, Errc::forbidden);
    EXPECT_EQ(desk_->publish(*who, "/about", 1).error().code, Errc::forbidden);
  }
  auto unknown = desk_->save_draft(alice_, "/nope", source, "", 1);
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().code, Errc::not_found);
  EXPECT_EQ(desk_->working_copy("/nope").error().code, Errc::not_found);
}

// (A page without sources, with a source that is not a web address, or without
// review dates is refused when it is saved: see BrokenSourceIsRefusedWithItsLine.)
TEST_F(EditorialDeskTest, ChecksFindBrokenLinksAndAnchorsInADraftByLine) {
  Page page = sample_page();
  page.markdown +=
      "\n## Money\n\nSee [our part](#nowhere).\n\nSee [benefits](/about-cancer/benefits).\n";
  std::string source = page_source(page);
  auto read = desk_->read_source("/about", source);
  ASSERT_TRUE(read);
  auto found = desk_->check(*read, source);
  std::vector<std::string> errors;
  for (const auto& f : found) {
    if (f.level == Level::error)
      errors.push_back(f.message);
  }
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_NE(errors[0].find("has no section or term '#nowhere'"), std::string::npos) << errors[0];
  EXPECT_NE(errors[1].find("/about-cancer/benefits"), std::string::npos) << errors[1];
  // The link's finding names the line of the source where it is written.
  auto line_of = [&](std::string_view needle) {
    auto at = source.find(needle);
    return 1 + static_cast<int>(std::count(source.begin(), source.begin() + at, '\n'));
  };
  EXPECT_EQ(found.back().line, line_of("[benefits]"));
}

TEST_F(EditorialDeskTest, ARevisionWithErrorsCannotBeSentOrApproved) {
  int revision = save(alice_, "See [benefits](/about-cancer/benefits).");
  auto sent = desk_->submit(alice_, "/about", revision);
  ASSERT_FALSE(sent);
  EXPECT_EQ(sent.error().code, Errc::unprocessable);
  ASSERT_EQ(sent.error().problems.size(), 2u);
  EXPECT_EQ(sent.error().problems[1].field, "checks");
  EXPECT_TRUE(sent.error().problems[1].message.starts_with("Line "));
  EXPECT_NE(sent.error().problems[1].message.find("/about-cancer/benefits"), std::string::npos);
  EXPECT_EQ(store_->pages().revision("/about", revision)->state, store::RevisionState::draft);

  // An administrator may send it on; an editor still cannot approve it.
  ASSERT_TRUE(desk_->submit(admin_, "/about", revision));
  auto approved = desk_->publish(bob_, "/about", revision);
  ASSERT_FALSE(approved);
  EXPECT_EQ(approved.error().code, Errc::unprocessable);
  EXPECT_EQ(store_->pages().published_page("/about")->revision, 1);
}

TEST_F(EditorialDeskTest, AnAdministratorPublishesOverFailedChecksOnlyWithAReason) {
  int revision = save(alice_, "See [benefits](/about-cancer/benefits).");
  ASSERT_TRUE(desk_->submit(admin_, "/about", revision));
  auto no_reason = desk_->publish(admin_, "/about", revision, "   ");
  ASSERT_FALSE(no_reason);
  EXPECT_EQ(no_reason.error().code, Errc::unprocessable);
  EXPECT_EQ(no_reason.error().problems.at(1).field, "override_reason");
  EXPECT_EQ(store_->pages().published_page("/about")->revision, 1);

  ASSERT_TRUE(desk_->publish(admin_, "/about", revision, " The benefits page goes live today. "));
  auto live = store_->pages().published_page("/about");
  EXPECT_EQ(live->revision, revision);
  EXPECT_EQ(live->override_reason, "The benefits page goes live today.");
  auto recorded = findings_from_json(live->checks);
  ASSERT_FALSE(recorded.empty());
  EXPECT_EQ(recorded.front().level, Level::error);
}

TEST_F(EditorialDeskTest, WarningsAreRecordedButDoNotBlock) {
  std::string long_sentence = "This sentence";
  for (int i = 0; i < 30; ++i) long_sentence += " goes on";
  int revision = save(alice_, long_sentence + ".");
  ASSERT_TRUE(desk_->submit(alice_, "/about", revision));
  auto sent = findings_from_json(store_->pages().revision("/about", revision)->checks);
  ASSERT_FALSE(sent.empty());
  EXPECT_EQ(sent.front().level, Level::warning);
  EXPECT_NE(sent.front().message.find("words"), std::string::npos);
  ASSERT_TRUE(desk_->publish(bob_, "/about", revision));
  EXPECT_TRUE(store_->pages().published_page("/about")->override_reason.empty());
}

TEST_F(EditorialDeskTest, AnApprovedRevisionGoesLiveAtItsChosenTime) {
  int revision = save(alice_, "Timed words.");
  ASSERT_TRUE(desk_->submit(alice_, "/about", revision));
  auto now = clock_.now();
  auto past = desk_->schedule(bob_, "/about", revision, now - std::chrono::minutes(1));
  ASSERT_FALSE(past);
  EXPECT_EQ(past.error().field, "go_live_date");
  EXPECT_FALSE(desk_->schedule(bob_, "/about", revision, now + std::chrono::days(3 * 365)));
  EXPECT_EQ(desk_->schedule(alice_, "/about", revision, now + std::chrono::hours(1)).error().code,
            Errc::forbidden);  // still not their own
  ASSERT_TRUE(desk_->schedule(bob_, "/about", revision, now + std::chrono::hours(1)));
  EXPECT_TRUE(desk_->publish_due().empty());
  clock_.advance(std::chrono::minutes(59));
  EXPECT_TRUE(desk_->publish_due().empty());
  clock_.advance(std::chrono::minutes(1));
  auto live = desk_->publish_due();
  ASSERT_EQ(live.size(), 1u);
  EXPECT_EQ(store_->pages().published_page("/about")->revision, revision);
}

}  // namespace
}  // namespace cairn::content
