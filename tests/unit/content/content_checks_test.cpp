#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "content/content_checks.hpp"
#include "content/glossary.hpp"
#include "content/jargon.hpp"
#include "content/page.hpp"
#include "content/readability.hpp"
#include "fixtures.hpp"

namespace cairn::content {
namespace {

using ::testing::AllOf;
using ::testing::Contains;
using testing::data_dir;
using ::testing::ElementsAre;
using ::testing::Field;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;
using testing::read_fixture;
using ::testing::SizeIs;

const std::string kSite = "check/site/";

}  // namespace

// Readable failures: "file:line: level: message".
void PrintTo(const Finding& f, std::ostream* os) {
  *os << format_finding(f);
}

namespace {

Page fixture_page(const std::string& relative) {
  auto page = parse_page(read_fixture(kSite + "pages/" + relative), relative, "/" + relative);
  if (!page)
    throw std::runtime_error(page.error().message);
  return std::move(page).value();
}

std::string text_of(const std::string& relative) {
  return read_fixture(kSite + "pages/" + relative);
}

CheckOptions options_today() {
  CheckOptions o;
  o.today = "2026-11-29";
  o.app_paths = {"/search", "/trials"};
  return o;
}

auto finding(int line, Level level, const std::string& words) {
  return AllOf(Field(&Finding::line, line), Field(&Finding::level, level),
               Field(&Finding::message, HasSubstr(words)));
}

std::vector<Finding> of_level(const std::vector<Finding>& all, Level level) {
  std::vector<Finding> out;
  std::copy_if(all.begin(), all.end(), std::back_inserter(out),
               [&](const Finding& f) { return f.level == level; });
  return out;
}

std::vector<JargonTerm> fixture_jargon() {
  auto glossary = load_glossary(data_dir() / kSite / "glossary.yaml");
  auto groups = load_synonym_groups(data_dir() / kSite / "synonyms.yaml");
  if (!glossary || !groups)
    throw std::runtime_error("fixture glossary or synonyms do not load");
  return jargon_terms(*glossary, *groups);
}

TEST(FormatFinding, WritesFileLineLevelAndMessage) {
  EXPECT_EQ(format_finding({"content/pages/x.md", 12, Level::warning,
                            "sentence has 31 words (aim for 25 or fewer)"}),
            "content/pages/x.md:12: warning: sentence has 31 words (aim for 25 or fewer)");
  EXPECT_EQ(format_finding({"a.md", 1, Level::error, "m"}), "a.md:1: error: m");
  EXPECT_EQ(format_finding({"a.md", 1, Level::info, "m"}), "a.md:1: info: m");
}

TEST(FrontMatterLine, FindsKeysAndListItems) {
  std::string text = text_of("links.md");
  EXPECT_EQ(front_matter_line(text, "next_review"), 5);
  EXPECT_EQ(front_matter_line(text, "related", "/missing-related"), 11);
  EXPECT_EQ(front_matter_line(text, "glossary", "not-in-glossary"), 13);
  // Not a key of this page, or text that is only in the body: line 1 / the key's line.
  EXPECT_EQ(front_matter_line(text, "cancer_type"), 1);
  EXPECT_EQ(front_matter_line(text, "related", "/nowhere"), 9);
  EXPECT_EQ(front_matter_line("", "title"), 1);
}

// ---- review dates

TEST(CheckReviewDates, AnOverdueReviewIsAnErrorAtTheNextReviewLine) {
  auto found = check_review_dates(fixture_page("reviews/overdue.md"), text_of("reviews/overdue.md"),
                                  options_today());
  EXPECT_THAT(found, ElementsAre(finding(5, Level::error,
                                         "review is overdue: next_review was 2026-10-01, 59 "
                                         "days ago")));
}

TEST(CheckReviewDates, ReviewDatesAsWarningsNeverMakesADateAnError) {
  CheckOptions o = options_today();
  o.review_dates_as_warnings = true;
  auto found =
      check_review_dates(fixture_page("reviews/overdue.md"), text_of("reviews/overdue.md"), o);
  EXPECT_THAT(found, ElementsAre(finding(5, Level::warning, "review is overdue")));
}

TEST(CheckReviewDates, AReviewWithin60DaysIsAWarning) {
  auto found = check_review_dates(fixture_page("reviews/due-soon.md"),
                                  text_of("reviews/due-soon.md"), options_today());
  // Exactly three years after last_reviewed is fine, so only the coming review is reported.
  EXPECT_THAT(found, ElementsAre(finding(5, Level::warning,
                                         "review is due in 42 days (next_review 2027-01-10)")));
}

TEST(CheckReviewDates, CountsTheDaysToTheEdgeOfTheWindow) {
  Page page = fixture_page("reviews/due-soon.md");
  page.last_reviewed = "2026-01-01";
  CheckOptions o = options_today();
  page.next_review = "2027-01-28";  // 60 days on
  EXPECT_THAT(check_review_dates(page, "", o), ElementsAre(finding(1, Level::warning, "60 days")));
  page.next_review = "2027-01-29";  // 61 days on
  EXPECT_THAT(check_review_dates(page, "", o), IsEmpty());
  page.next_review = "2026-11-29";
  EXPECT_THAT(check_review_dates(page, "", o),
              ElementsAre(finding(1, Level::warning, "review is due today")));
  page.next_review = "2026-11-28";
  EXPECT_THAT(check_review_dates(page, "", o), ElementsAre(finding(1, Level::error, "1 day ago")));
}

TEST(CheckReviewDates, MoreThanThreeYearsBetweenReviewsIsAWarning) {
  auto found = check_review_dates(fixture_page("reviews/long-gap.md"),
                                  text_of("reviews/long-gap.md"), options_today());
  EXPECT_THAT(found, ElementsAre(finding(5, Level::warning,
                                         "next_review 2027-06-02 is more than 3 years after "
                                         "last_reviewed 2024-06-01")));
}

TEST(CheckReviewDates, ALeapDayReviewedPageMayWaitUntil28February) {
  Page page;
  page.file = "p.md";
  page.last_reviewed = "2024-02-29";
  page.next_review = "2027-02-28";
  CheckOptions o = options_today();
  o.today = "2025-01-01";
  EXPECT_THAT(check_review_dates(page, "", o), IsEmpty());
  page.next_review = "2027-03-01";
  EXPECT_THAT(check_review_dates(page, "", o), ElementsAre(finding(1, Level::warning, "3 years")));
}

TEST(CheckReviewDates, ReportsDatesThatAreNotDates) {
  Page page;
  page.file = "p.md";
  page.last_reviewed = "2024-02-30";
  page.next_review = "soon";
  auto found = check_review_dates(page, "", options_today());
  EXPECT_THAT(found, ElementsAre(finding(1, Level::error, "next_review 'soon' is not a date"),
                                 finding(1, Level::error, "last_reviewed '2024-02-30'")));
}

// ---- sources

TEST(CheckSources, APageWithNoSourcesIsAnError) {
  Page page = fixture_page("index.md");
  page.sources.clear();
  EXPECT_THAT(check_sources(page, text_of("index.md")),
              ElementsAre(finding(6, Level::error, "page has no sources")));
}

TEST(CheckSources, ASourceWithNoAddressIsAnError) {
  Page page = fixture_page("index.md");
  EXPECT_THAT(check_sources(page, text_of("index.md")), IsEmpty());
  page.sources[0].address = "";
  page.sources.push_back({"Leaflet", "leaflet.pdf"});
  EXPECT_THAT(check_sources(page, text_of("index.md")),
              ElementsAre(finding(7, Level::error, "source 'Example source' has no address"),
                          finding(6, Level::error, "'leaflet.pdf', which is not a web address")));
}

// ---- reading level

TEST(CheckReadingLevel, GivesEveryPageItsScores) {
  auto found = check_reading_level(fixture_page("reading/plain.md"), options_today());
  EXPECT_THAT(found,
              ElementsAre(AllOf(finding(1, Level::info, "reading age "),
                                Field(&Finding::message, HasSubstr("Flesch reading ease")),
                                Field(&Finding::message, HasSubstr("(30 words, 6 sentences)")))));
}

TEST(CheckReadingLevel, WarnsAboutHardSectionsAndLongSentences) {
  auto warnings = of_level(check_reading_level(fixture_page("reading/hard.md"), options_today()),
                           Level::warning);
  EXPECT_THAT(warnings, ElementsAre(finding(1, Level::warning, "page reading age"),
                                    finding(12, Level::warning,
                                            "section 'Complicated terminology' has reading age"),
                                    finding(23, Level::warning,
                                            "sentence has 33 words (aim for 25 or "
                                            "fewer)")));
  // The easy intro and the short sections are not reported.
  EXPECT_THAT(warnings, Not(Contains(Field(&Finding::message, HasSubstr("introduction")))));
}

TEST(CheckReadingLevel, TheLimitsCanBeChanged) {
  CheckOptions o = options_today();
  o.max_reading_age = 90;
  o.max_sentence_words = 33;
  EXPECT_THAT(of_level(check_reading_level(fixture_page("reading/hard.md"), o), Level::warning),
              IsEmpty());
  o.max_sentence_words = 32;
  EXPECT_THAT(of_level(check_reading_level(fixture_page("reading/hard.md"), o), Level::warning),
              ElementsAre(finding(23, Level::warning, "33 words")));
}

TEST(CheckReadingLevel, ComparesTheReadingAgeAsShown) {
  Page page = fixture_page("reading/plain.md");
  const double age = std::round(measure_page(page).page.reading_age() * 10) / 10;
  CheckOptions o = options_today();
  o.max_reading_age = age;  // "reading age 4.2" is not above 4.2
  EXPECT_THAT(of_level(check_reading_level(page, o), Level::warning), IsEmpty());
  o.max_reading_age = age - 0.1;
  EXPECT_THAT(of_level(check_reading_level(page, o), Level::warning),
              ElementsAre(finding(1, Level::warning, "page reading age")));
}

TEST(CheckReadingLevel, SectionScoresAreInfoLinesAtEachHeading) {
  CheckOptions o = options_today();
  o.section_scores = true;
  auto info = of_level(check_reading_level(fixture_page("reading/plain.md"), o), Level::info);
  EXPECT_THAT(info, ElementsAre(finding(1, Level::info, "reading age"),
                                finding(10, Level::info, "the introduction: reading age"),
                                finding(12, Level::info, "section 'How to call us': reading age")));
}

// ---- jargon

TEST(JargonTerms, AddsAbbreviationsTheGlossaryDoesNotHave) {
  auto terms = fixture_jargon();
  auto abbreviation = [&](const std::string& word) -> const JargonTerm* {
    for (const auto& t : terms) {
      if (t.glossary_key.empty() && t.matches == std::vector<std::string>{word})
        return &t;
    }
    return nullptr;
  };
  ASSERT_NE(abbreviation("WBRT"), nullptr);
  EXPECT_EQ(abbreviation("WBRT")->expansion, "whole brain radiotherapy");
  ASSERT_NE(abbreviation("PBT"), nullptr);
  EXPECT_EQ(abbreviation("PBT")->expansion, "proton beam therapy");
  EXPECT_EQ(abbreviation("CSF"), nullptr);    // the glossary's own
  EXPECT_EQ(abbreviation("CHEMO"), nullptr);  // a glossary word too
}

TEST(CheckJargon, WarnsWhereATermIsFirstUsedWithoutAnExplanation) {
  auto found = check_jargon(fixture_page("jargon/unexplained.md"), fixture_jargon());
  EXPECT_THAT(found,
              ElementsAre(finding(14, Level::warning,
                                  "'CSF' is used before it is explained: add 'csf' to "
                                  "glossary: in the front matter, or explain it in brackets"),
                          finding(17, Level::warning,
                                  "'WBRT' is used before it is explained: write it out the first "
                                  "time, e.g. 'whole brain radiotherapy (WBRT)'"),
                          finding(17, Level::warning, "'chemotherapy' is used before")));
}

TEST(CheckJargon, MoreUnexplainedTermsThanTheLimitIsAnError) {
  Page page = fixture_page("jargon/unexplained.md");
  EXPECT_THAT(check_jargon(page, fixture_jargon(), 3), SizeIs(3));
  auto found = check_jargon(page, fixture_jargon(), 2);
  ASSERT_THAT(found, SizeIs(4));
  EXPECT_EQ(found[0].level, Level::error);
  EXPECT_EQ(found[0].line, 17);  // where the third term is first used
  EXPECT_THAT(found[0].message, HasSubstr("3 terms are used before they are explained"));
}

TEST(CheckJargon, AGlossaryEntryInTheFrontMatterExplainsTheTerm) {
  Page page = fixture_page("jargon/unexplained.md");
  page.glossary = {"csf", "chemotherapy"};
  EXPECT_THAT(check_jargon(page, fixture_jargon()),
              ElementsAre(Field(&Finding::message, HasSubstr("'WBRT'"))));
}

TEST(CheckJargon, WordsInBracketsExplainATermEitherWayRound) {
  EXPECT_THAT(check_jargon(fixture_page("jargon/explained.md"), fixture_jargon()), IsEmpty());
}

TEST(CheckJargon, BracketsElsewhereDoNotExplainIt) {
  Page page;
  page.file = "p.md";
  page.markdown = "Some tests (like scans) look at CSF.\n";
  EXPECT_THAT(check_jargon(page, fixture_jargon()),
              ElementsAre(Field(&Finding::message, HasSubstr("'CSF'"))));
  page.markdown = "Some tests look at (the) CSF.\n";
  EXPECT_THAT(check_jargon(page, fixture_jargon()), SizeIs(1));
}

// ---- links

TEST(CheckLinks, ReportsMissingPagesRelatedPagesGlossaryKeysAndAnchorsWithTheirLines) {
  CheckInput input = load_check_input(data_dir() / "check/site");
  ASSERT_THAT(input.problems, IsEmpty());
  auto found = check_links(input.pages, input.glossary, input.file_texts, options_today());
  for (const auto& f : found) EXPECT_THAT(f.file, HasSubstr("links.md")) << f.message;
  std::sort(found.begin(), found.end(),
            [](const Finding& a, const Finding& b) { return a.line < b.line; });
  EXPECT_THAT(
      found,
      ElementsAre(finding(11, Level::error, "related page '/missing-related' does not exist"),
                  finding(13, Level::error, "glossary key 'not-in-glossary'"),
                  finding(17, Level::error, "link to '/nowhere' goes to no page"),
                  finding(19, Level::error,
                          "link to '/about#no-such-section': /about has no section or "
                          "term '#no-such-section'"),
                  finding(20, Level::error,
                          "link to '#nor-here': this page has no section or term "
                          "'#nor-here'")));
}

// ---- the whole checker

TEST(CheckContent, ChecksEveryPageAndSortsTheFindings) {
  const auto dir = data_dir() / "check/site";
  CheckInput input = load_check_input(dir);
  ASSERT_THAT(input.problems, IsEmpty());
  ASSERT_EQ(input.pages.size(), 10u);
  CheckReport report = check_content(input, options_today());
  EXPECT_EQ(report.pages, 10u);

  // Files are named from the content folder as it was given.
  const std::string prefix = dir.lexically_normal().generic_string() + "/pages/";
  for (const auto& f : report.findings) EXPECT_TRUE(f.file.starts_with(prefix)) << f.file;
  EXPECT_TRUE(std::is_sorted(report.findings.begin(), report.findings.end(),
                             [](const Finding& a, const Finding& b) {
                               return a.file != b.file ? a.file < b.file : a.line < b.line;
                             }));

  // 5 link errors and the overdue review.
  EXPECT_EQ(report.errors, 6);
  EXPECT_EQ(report.errors, static_cast<int>(of_level(report.findings, Level::error).size()));
  EXPECT_EQ(report.warnings, static_cast<int>(of_level(report.findings, Level::warning).size()));
  // The good pages have their scores and nothing else.
  EXPECT_THAT(report.findings, Contains(Field(&Finding::file, prefix + "index.md")));
  for (const auto& f : report.findings) {
    if (f.file == prefix + "index.md" || f.file == prefix + "about.md") {
      EXPECT_EQ(f.level, Level::info) << format_finding(f);
    }
  }
}

TEST(CheckContent, OverdueReviewsAsWarningsLeaveOnlyRealErrors) {
  CheckOptions o = options_today();
  o.review_dates_as_warnings = true;
  CheckReport report = check_content(load_check_input(data_dir() / "check/site"), o);
  EXPECT_EQ(report.errors, 5);
  for (const auto& f : of_level(report.findings, Level::error))
    EXPECT_THAT(f.file, HasSubstr("links.md"));
}

TEST(CheckContent, ReportsWhatCannotBeLoadedAsErrorsWithTheirLines) {
  const auto dir = data_dir() / "check/broken";
  CheckReport report = check_content(load_check_input(dir), options_today());
  const std::string shown = dir.lexically_normal().generic_string();
  EXPECT_EQ(report.pages, 0u);
  EXPECT_THAT(report.findings, Contains(AllOf(Field(&Finding::file, shown + "/pages/typo.md"),
                                              finding(5, Level::error, "next_reveiw"))));
  EXPECT_THAT(report.findings, Contains(AllOf(Field(&Finding::file, shown + "/glossary.yaml"),
                                              finding(1, Level::error, "cannot be read"))));
  EXPECT_THAT(report.findings, Contains(AllOf(Field(&Finding::file, shown + "/synonyms.yaml"),
                                              Field(&Finding::level, Level::error))));
  EXPECT_EQ(report.errors, static_cast<int>(report.findings.size()));
}

}  // namespace
}  // namespace cairn::content
