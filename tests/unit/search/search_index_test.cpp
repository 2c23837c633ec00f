#include "search/search_index.hpp"

#include <algorithm>
#include <atomic>
#include <fstream>
#include <random>
#include <set>
#include <thread>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <xapian.h>
#include <nlohmann/json.hpp>

#include "fixtures.hpp"

namespace cairn::search {
namespace {

using ::testing::Contains;
using testing::corpus;
using testing::corpus_index;
using ::testing::HasSubstr;
using ::testing::Not;
using testing::of_type;
using testing::search;
using testing::test_synonyms;
using testing::urls;

class SearchIndexTest : public ::testing::Test {
 protected:
  std::unique_ptr<SearchIndex> index_ = corpus_index();
};

// A folder of its own for each test, removed afterwards.
class TempDir {
 public:
  TempDir() {
    std::random_device rd;
    path_ = std::filesystem::temp_directory_path() /
            ("cairn-search-test-" + std::to_string(rd()) + std::to_string(rd()));
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

TEST_F(SearchIndexTest, FindsASectionByItsTitleAndLinksToItsAnchor) {
  auto r = search(*index_, "radiotherapy");
  ASSERT_FALSE(r.results.empty());
  const Hit& page = r.results.front();
  EXPECT_EQ(page.url, "/treatment");
  EXPECT_EQ(page.title, "Treatment");
  EXPECT_EQ(page.type, "pages");
  ASSERT_FALSE(page.sections.empty());
  EXPECT_EQ(page.sections.front().url, "/treatment#radiotherapy");
  EXPECT_EQ(page.sections.front().title, "Radiotherapy");
  EXPECT_TRUE(r.notice.empty());
  EXPECT_FALSE(r.corrected);
}

TEST_F(SearchIndexTest, TitleMatchesRankAboveBodyMatches) {
  // "Symptoms" is one section's title; two other sections mention symptoms in passing.
  auto r = search(*index_, "symptoms");
  ASSERT_GE(r.results.size(), 2u);
  EXPECT_EQ(urls(r).at(1), "/lm#symptoms");
}

TEST_F(SearchIndexTest, StemmingFindsOtherFormsOfAWord) {
  EXPECT_THAT(urls(search(*index_, "headache")), Contains("/lm#symptoms"));
  EXPECT_THAT(urls(search(*index_, "treating")), Contains("/treatment#radiotherapy"));
}

TEST_F(SearchIndexTest, AbbreviationsFindTheFullWords) {
  // No document says "LM"; they say "leptomeningeal metastases".
  auto lm = search(*index_, "LM");
  EXPECT_THAT(urls(lm), Contains("/lm"));
  EXPECT_FALSE(lm.corrected);
  // "chemo" is not in any document either.
  EXPECT_THAT(urls(search(*index_, "chemo")), Contains("/treatment#chemotherapy-into-the-csf"));
  EXPECT_THAT(urls(search(*index_, "CSF chemo")), Contains("/treatment#chemotherapy-into-the-csf"));
}

TEST_F(SearchIndexTest, MultiWordSynonymsWorkBothWays) {
  // No document says "carcinomatous meningitis"; a page and a trial have "leptomeningeal
  // metastases" in their titles.
  auto cm = search(*index_, "carcinomatous meningitis");
  ASSERT_FALSE(cm.results.empty());
  EXPECT_THAT(cm.results.front().title, HasSubstr("leptomeningeal metastases"));
  ASSERT_FALSE(cm.others["trials"].empty());
  EXPECT_THAT(cm.others["trials"].front().title, HasSubstr("leptomeningeal metastases"));
  // "into the spinal fluid" -> intrathecal: the trastuzumab trial says only "intrathecal".
  auto question = search(*index_, "can trastuzumab go into the spinal fluid");
  ASSERT_FALSE(question.others["trials"].empty());
  EXPECT_EQ(question.others["trials"].front().url, "/trials/NCT00000002");
}

TEST_F(SearchIndexTest, QuestionsFindTheSectionThatAnswersThem) {
  auto r = search(*index_, "can chemo go into the spinal fluid?");
  ASSERT_FALSE(r.results.empty());
  EXPECT_EQ(urls(r).at(1), "/treatment#chemotherapy-into-the-csf");
}

TEST_F(SearchIndexTest, MisspeltWordsAreCorrectedAndTheCorrectedResultsShown) {
  auto r = search(*index_, "omaya");
  ASSERT_TRUE(r.corrected);
  EXPECT_EQ(*r.corrected, "ommaya");
  EXPECT_TRUE(r.showing_corrected);
  EXPECT_THAT(urls(r), Contains("/treatment#chemotherapy-into-the-csf"));
  EXPECT_THAT(r.notice, HasSubstr("ommaya"));

  auto both = search(*index_, "Omaya menengitis");  // two words wrong; the second via synonyms
  ASSERT_TRUE(both.corrected);
  EXPECT_EQ(*both.corrected, "ommaya meningitis");
}

TEST_F(SearchIndexTest, TheNoticeSaysWhetherTheQueryItselfFoundAnything) {
  auto alone = search(*index_, "omaya");
  EXPECT_EQ(alone.notice,
            "No results for \u201comaya\u201d, so these are results for "
            "\u201commaya\u201d.");
  // "radiotherapy" and "cancer" alone find documents.
  auto partly = search(*index_, "radiotherapy for leptomeningial cancer");
  ASSERT_TRUE(partly.showing_corrected);
  EXPECT_EQ(partly.notice,
            "Showing results for \u201cradiotherapy for leptomeningeal cancer\u201d instead of "
            "\u201cradiotherapy for leptomeningial cancer\u201d.");
}

TEST_F(SearchIndexTest, ASnippetHighlightsTheWordASynonymQueryFound) {
  // "omaya" is corrected to "ommaya", whose group also holds "reservoir".
  auto r = search(*index_, "omaya");
  ASSERT_FALSE(r.results.empty());
  EXPECT_EQ(urls(r).at(1), "/treatment#chemotherapy-into-the-csf");
  EXPECT_THAT(r.results.front().snippet.str(), HasSubstr("<mark>Ommaya</mark>"));
}

TEST_F(SearchIndexTest, ACorrectionKeepsTheRestOfTheQuery) {
  auto r = search(*index_, "radiotherapy for leptomeningial cancer");
  ASSERT_TRUE(r.corrected);
  EXPECT_EQ(*r.corrected, "radiotherapy for leptomeningeal cancer");
  EXPECT_TRUE(r.showing_corrected);
  ASSERT_FALSE(r.others["trials"].empty());
  EXPECT_EQ(r.others["trials"].front().url, "/trials/NCT00000001");
}

TEST_F(SearchIndexTest, AMisspellingInAForumPostDoesNotHideThePages) {
  // One forum post says "leptomeningial"; the pages say "leptomeningeal" many times.
  auto r = search(*index_, "leptomeningial");
  ASSERT_TRUE(r.corrected);
  EXPECT_EQ(*r.corrected, "leptomeningeal");
  EXPECT_TRUE(r.showing_corrected);
  EXPECT_THAT(urls(r), Contains("/lm"));
}

TEST_F(SearchIndexTest, CorrectlySpeltQueriesAreNotCorrected) {
  for (const char* q : {"ommaya", "steroids", "lm", "spinal fluid", "treatments"}) {
    auto r = search(*index_, q);
    EXPECT_FALSE(r.corrected) << q << " -> " << r.corrected.value_or("");
    EXPECT_FALSE(r.results.empty()) << q;
  }
}

TEST_F(SearchIndexTest, SnippetsHighlightMatchesAndEscapeDocumentText) {
  auto r = search(*index_, "steroids ease headaches", "pages");
  ASSERT_FALSE(r.results.empty());
  ASSERT_EQ(urls(r).at(1), "/treatment#steroids");
  const std::string& html = r.results.front().snippet.str();
  EXPECT_THAT(html, HasSubstr("<mark>Steroids</mark>"));
  EXPECT_THAT(html, HasSubstr("&lt;script&gt;"));
  EXPECT_THAT(html, HasSubstr("&amp;"));
  EXPECT_THAT(html, Not(HasSubstr("<script")));
  EXPECT_THAT(html, Not(HasSubstr("\"x\"")));
  // The only tags are the ones we add.
  std::string without = html;
  for (const char* tag : {"<mark>", "</mark>"}) {
    for (auto at = without.find(tag); at != std::string::npos; at = without.find(tag)) {
      without.erase(at, std::string(tag).size());
    }
  }
  EXPECT_EQ(without.find('<'), std::string::npos) << html;
}

TEST_F(SearchIndexTest, SynonymMatchesAreHighlightedToo) {
  auto r = search(*index_, "csf");
  ASSERT_FALSE(r.results.empty());
  EXPECT_THAT(r.results.front().snippet.str(), HasSubstr("<mark>"));
}

TEST_F(SearchIndexTest, AbsurdQueriesGetAnAnswerNeverAnError) {
  std::string huge(10 * 1024, 'x');
  std::string huge_words;
  while (huge_words.size() < 10 * 1024) huge_words += "steroids ";
  const std::vector<std::string> queries = {
      "",
      "   ",
      huge,
      huge_words,
      std::string("ster\0oids", 9),
      "\x01\x02\x03\x1b[31m",
      "\"unbalanced quote steroids",
      "\"\"\"",
      "AND OR NOT NEAR",
      "steroids AND OR NOT NEAR",
      "title:",
      "title:steroids",
      "*",
      "stero*",
      "((((steroids",
      "-steroids +csf",
      "\xff\xfe\xfd",
      "<script>alert(1)</script>",
      "ADJ/3 NEAR/2 XOR",
      "%00%27;DROP TABLE pages;--",
  };
  for (const auto& q : queries) {
    SearchResponse r;
    ASSERT_NO_THROW(r = search(*index_, q)) << q.substr(0, 40);
    EXPECT_LE(r.query.size(), 200u);
    if (r.results.empty()) {
      EXPECT_FALSE(r.notice.empty()) << q.substr(0, 40);
    }
    EXPECT_NO_THROW((void)r.to_json().dump());
  }
  EXPECT_THAT(search(*index_, "").notice, HasSubstr("Type a word"));
  EXPECT_THAT(search(*index_, "*").notice, HasSubstr("Type a word"));
  EXPECT_THAT(urls(search(*index_, huge_words)), Contains("/treatment#steroids"));
  EXPECT_THAT(search(*index_, huge_words).notice, HasSubstr("shortened"));
  EXPECT_THAT(urls(search(*index_, "title:steroids")), Contains("/treatment#steroids"));
  EXPECT_THAT(urls(search(*index_, "\"unbalanced quote steroids")),
              Contains("/treatment#steroids"));
  EXPECT_THAT(urls(search(*index_, "steroids AND OR NOT NEAR")), Contains("/treatment#steroids"));
}

TEST_F(SearchIndexTest, NothingFoundSaysSo) {
  auto r = search(*index_, "zzzzqqq");
  EXPECT_EQ(r.total, 0u);
  EXPECT_TRUE(r.results.empty());
  EXPECT_TRUE(r.facets.empty());
  EXPECT_THAT(r.notice, HasSubstr("No results"));
}

TEST_F(SearchIndexTest, QuotedPhrasesMatchExactly) {
  EXPECT_THAT(urls(search(*index_, "\"spinal cord\"")), Contains("/lm"));
  // Both words are in the corpus, never next to each other.
  EXPECT_TRUE(search(*index_, "\"cord headaches\"").results.empty());
}

TEST_F(SearchIndexTest, FacetsCountEveryTypeWhateverTheFilter) {
  auto all = search(*index_, "support");
  EXPECT_EQ(all.facets["pages"], 1u);
  EXPECT_EQ(all.facets["trials"], 1u);
  EXPECT_EQ(all.facets["forum"], 2u);
  EXPECT_EQ(all.total, 1u);  // with no type asked, the results are the information pages

  auto forum = search(*index_, "support", "forum");
  EXPECT_EQ(forum.facets, all.facets);
  EXPECT_EQ(forum.total, 2u);
  ASSERT_EQ(forum.results.size(), 2u);
  for (const auto& hit : forum.results) EXPECT_EQ(hit.type, "forum");

  // A type that is not a word is no filter at all.
  auto odd = search(*index_, "support", "<script>");
  EXPECT_EQ(odd.total, all.total);
  EXPECT_EQ(urls(odd), urls(all));
  EXPECT_THAT(odd.notice, Not(HasSubstr("script")));

  auto none = search(*index_, "radiotherapy", "forum");
  EXPECT_EQ(none.total, 0u);
  EXPECT_TRUE(none.results.empty());
  EXPECT_EQ(none.facets["pages"], 1u);
  EXPECT_THAT(none.notice, HasSubstr("other kinds of result"));
}

TEST_F(SearchIndexTest, InformationComesFirstAndOtherTypesApart) {
  // "support" is in a page, a trial and two forum threads.
  auto r = search(*index_, "support");
  ASSERT_EQ(r.results.size(), 1u);
  EXPECT_EQ(r.results.front().url, "/support");
  ASSERT_EQ(r.others["trials"].size(), 1u);
  EXPECT_EQ(r.others["trials"].front().url, "/trials/NCT00000002");
  EXPECT_EQ(r.others["forum"].size(), 2u);
  EXPECT_EQ(r.others.size(), 2u);
  // A type asked for has its results, and nothing apart.
  auto trials = search(*index_, "support", "trials");
  ASSERT_EQ(trials.results.size(), 1u);
  EXPECT_TRUE(trials.others.empty());
  // Only pages found: nothing apart.
  EXPECT_TRUE(search(*index_, "lumbar puncture").others.empty());
}

TEST(SearchIndexTrials, ShowTheirStatusAndNeverALineOfTheirRecord) {
  auto index = SearchIndex::in_memory(test_synonyms());
  Document trial{"trials",
                 "trial:NCT00000009",
                 "/trials/NCT00000009",
                 "A study of scans",
                 "",
                 "",
                 "The outlook is poor for people with this cancer.",
                 {}};
  trial.status = "RECRUITING";
  index->upsert(trial);
  for (const char* type : {"", "trials"}) {
    auto r = search(*index, "outlook", type);
    std::vector<Hit> hits = *type ? r.results : r.others["trials"];
    ASSERT_EQ(hits.size(), 1u) << type;
    EXPECT_EQ(hits.front().title, "A study of scans");
    EXPECT_EQ(hits.front().status, "RECRUITING");
    EXPECT_EQ(hits.front().snippet.str(), "");
  }
  auto json = search(*index, "outlook", "trials").to_json();
  EXPECT_EQ(json["results"][0]["status"], "RECRUITING");
  EXPECT_EQ(json["results"][0]["snippet"], "");
}

TEST(SearchIndexPaging, PagesSplitTheResultsWithoutOverlap) {
  auto index = SearchIndex::in_memory(test_synonyms());
  std::vector<Document> docs;
  for (int i = 0; i < 25; ++i) {
    docs.push_back(Document{"forum",
                            "/forum/t/" + std::to_string(i),
                            "/forum/t/" + std::to_string(i),
                            "Thread " + std::to_string(i),
                            "",
                            "",
                            "Looking for support with scans.",
                            {}});
  }
  index->replace_type("forum", docs);
  std::set<std::string> seen;
  for (int page = 1; page <= 3; ++page) {
    auto r = search(*index, "support", "forum", page);
    EXPECT_EQ(r.total, 25u);
    EXPECT_EQ(r.page, page);
    EXPECT_EQ(r.results.size(), page < 3 ? 10u : 5u);
    for (const auto& hit : r.results) EXPECT_TRUE(seen.insert(hit.url).second) << hit.url;
  }
  EXPECT_EQ(seen.size(), 25u);
  auto past = search(*index, "support", "forum", 4);
  EXPECT_TRUE(past.results.empty());
  EXPECT_EQ(past.total, 25u);
  EXPECT_THAT(past.notice, HasSubstr("past the last"));

  auto odd = search(*index, "support", "forum", -5, 100000);
  EXPECT_EQ(odd.page, 1);
  EXPECT_EQ(odd.page_size, 50);
  EXPECT_EQ(odd.results.size(), 25u);
  EXPECT_NO_THROW(search(*index, "support", "forum", 2147483647, 2147483647));
}

TEST(SearchIndexWrites, UpsertReplacesAndRemoveDeletes) {
  auto index = SearchIndex::in_memory(test_synonyms());
  Document d{"forum", "/forum/t/9", "/forum/t/9", "Scanxiety", "", "", "Waiting for scan results.",
             {}};
  index->upsert(d);
  EXPECT_THAT(urls(search(*index, "scan results")), Contains("/forum/t/9"));
  d.body = "Waiting is hard.";
  index->upsert(d);
  EXPECT_EQ(index->document_count(), 1u);
  EXPECT_TRUE(search(*index, "results").results.empty());
  index->remove("/forum/t/9");
  EXPECT_EQ(index->document_count(), 0u);
  EXPECT_TRUE(search(*index, "scanxiety").results.empty());
}

TEST(SearchIndexWrites, UpsertAllAddsAndReplacesABatchInOneWrite) {
  auto index = SearchIndex::in_memory(test_synonyms());
  std::vector<Document> batch;
  for (int i = 0; i < 3; ++i) {
    std::string id = "trial:NCT0000000" + std::to_string(i);
    batch.push_back(Document{"trials",
                             id,
                             "/trials/" + id.substr(6),
                             "Trial " + std::to_string(i),
                             "",
                             "",
                             "Radiotherapy dose study.",
                             {}});
  }
  index->upsert_all(batch);
  EXPECT_EQ(index->document_count(), 3u);
  batch[1].body = "A study of exercise.";
  index->upsert_all(batch);
  index->upsert_all({});
  EXPECT_EQ(index->document_count(), 3u);
  EXPECT_EQ(search(*index, "exercise", "trials").results.size(), 1u);
  EXPECT_EQ(search(*index, "radiotherapy", "trials").total, 2u);
}

TEST(SearchIndexWrites, LongIdsWorkAndStayDistinct) {
  auto index = SearchIndex::in_memory(test_synonyms());
  std::string a = "/forum/t/" + std::string(1000, 'a'), b = a + "b";
  index->upsert(Document{"forum", a, a, "Alpha", "", "", "Shared words.", {}});
  index->upsert(Document{"forum", b, b, "Beta", "", "", "Shared words.", {}});
  EXPECT_EQ(index->document_count(), 2u);
  index->remove(a);
  auto r = search(*index, "shared words", "forum");
  ASSERT_EQ(r.results.size(), 1u);
  EXPECT_EQ(r.results.front().url, b);
}

TEST(SearchIndexWrites, MarkerCharactersInDocumentsCannotMakeMarkup) {
  auto index = SearchIndex::in_memory(test_synonyms());
  index->upsert(Document{
      "forum", "/f/1", "/f/1", "Post", "", "", "Radiotherapy \x02<b>bold</b>\x03 text", {}});
  auto html = search(*index, "radiotherapy", "forum").results.at(0).snippet.str();
  EXPECT_EQ(html, "<mark>Radiotherapy</mark> &lt;b&gt;bold&lt;/b&gt; text");
}

TEST(SearchIndexWrites, APageSummaryFindsThePageNotEachOfItsSections) {
  auto index = SearchIndex::in_memory(test_synonyms());
  const std::string summary = "All about xylophones.";
  index->replace_type(
      "pages",
      {Document{"pages", "/x", "/x", "Music", "", summary, "Intro.", {}},
       Document{
           "pages", "/x#drums", "/x#drums", "Drums", "Music", summary, "Drums are loud.", {}}});
  EXPECT_EQ(urls(search(*index, "xylophones")), std::vector<std::string>{"/x"});
  // A section with no matched words in its body (it matched by its page's title) shows its
  // page's summary.
  index->replace_type(
      "pages",
      {Document{
          "pages", "/y#drums", "/y#drums", "Drums", "Music", summary, "Drums are loud.", {}}});
  auto music = search(*index, "music");
  ASSERT_EQ(music.results.size(), 1u);
  EXPECT_EQ(music.results.front().url, "/y");
  EXPECT_EQ(music.results.front().snippet.str(), "All about xylophones.");
}

TEST(SearchIndexWrites, APageIsOneResultHoweverManyOfItsSectionsMatch) {
  auto index = SearchIndex::in_memory(test_synonyms());
  auto page = [](std::string path, std::string title, std::string body) {
    return Document{"pages", path, path, std::move(title), "", "", std::move(body), {}};
  };
  auto section = [](std::string url, std::string title, std::string page_title, std::string body) {
    return Document{"pages",         url, url, std::move(title), std::move(page_title), "",
                    std::move(body), {}};
  };
  index->replace_type(
      "pages", {page("/x", "Music", "Xylophones, drums and bells."),
                section("/x#drums", "Drums", "Music", "Drums are louder than xylophones."),
                section("/x#bells", "Bells", "Music", "Bells ring like xylophones."),
                section("/x#harps", "Harps", "Music", "Harps are plucked."),
                section("/x#tuning", "Tuning xylophones", "Music", "Each bar of xylophones."),
                section("/x#cases", "Cases", "Music", "Xylophones travel in cases."),
                page("/y", "Percussion", "Xylophones are percussion.")});
  index->replace_type(
      "forum", {Document{"forum", "/f/1", "/f/1", "Xylophones", "", "", "Mine is blue.", {}}});
  auto r = search(*index, "xylophones");
  EXPECT_EQ(r.total, 2u);
  EXPECT_EQ(r.facets["pages"], 2u);
  EXPECT_EQ(r.facets["forum"], 1u);
  std::vector<std::string> pages;
  for (const auto& hit : r.results) pages.push_back(hit.url);
  EXPECT_THAT(pages, Contains("/x").Times(1));
  EXPECT_THAT(pages, Contains("/y").Times(1));
  auto x =
      std::find_if(r.results.begin(), r.results.end(), [](const Hit& h) { return h.url == "/x"; });
  ASSERT_NE(x, r.results.end());
  EXPECT_EQ(x->title, "Music");
  // Its best sections, best first (the one with the word in its title), never the harps
  // section that does not match, and at most three.
  ASSERT_EQ(x->sections.size(), 3u);
  EXPECT_EQ(x->sections.front().url, "/x#tuning");
  EXPECT_EQ(x->sections.front().title, "Tuning xylophones");
  for (const auto& s : x->sections) EXPECT_NE(s.url, "/x#harps");
  // The filtered search groups too, and pages on.
  auto only_pages = search(*index, "xylophones", "pages", 1, 1);
  EXPECT_EQ(only_pages.total, 2u);
  ASSERT_EQ(only_pages.results.size(), 1u);
  auto second = search(*index, "xylophones", "pages", 2, 1);
  ASSERT_EQ(second.results.size(), 1u);
  EXPECT_NE(second.results.front().url, only_pages.results.front().url);
}

TEST(SearchIndexWrites, ReplaceTypeLeavesOtherTypesAlone) {
  auto index = corpus_index();
  std::size_t before = index->document_count();
  index->replace_type("trials", {Document{"trials",
                                          "NCT9",
                                          "/trials/NCT9",
                                          "Nivolumab trial",
                                          "",
                                          "",
                                          "Nivolumab given into the CSF.",
                                          {}}});
  EXPECT_EQ(index->document_count(), before - 2 + 1);
  EXPECT_TRUE(search(*index, "trastuzumab").results.empty());
  EXPECT_THAT(urls(search(*index, "nivolumab")), Contains("/trials/NCT9"));
  EXPECT_THAT(urls(search(*index, "radiotherapy")), Contains("/treatment#radiotherapy"));
}

TEST(SearchIndexSuggest, CompletesTitlesAndWords) {
  auto index = corpus_index();
  auto lepto = index->suggest("lepto");
  ASSERT_FALSE(lepto.empty());
  EXPECT_EQ(lepto.front(), "What are leptomeningeal metastases?");  // a page before trials
  EXPECT_THAT(lepto, Contains("leptomeningeal"));
  EXPECT_THAT(lepto, Not(Contains("leptomeningial")));  // forum words are not offered
  EXPECT_THAT(index->suggest("carcinomatous m"), Contains("carcinomatous meningitis"));
  EXPECT_THAT(index->suggest("Intrathecal tras"),
              Contains("Intrathecal trastuzumab for breast cancer"));
  EXPECT_THAT(index->suggest("chemotherapy str"), Contains("chemotherapy straight"));
  EXPECT_LE(index->suggest("s", 8).size(), 8u);
  EXPECT_LE(index->suggest("st", 3).size(), 3u);
  EXPECT_TRUE(index->suggest("").empty());
  EXPECT_TRUE(index->suggest("x").empty());
  EXPECT_TRUE(index->suggest("***").empty());
  EXPECT_TRUE(index->suggest("qqqqzz").empty());
  EXPECT_NO_THROW(index->suggest(std::string(10 * 1024, 'a')));
  EXPECT_NO_THROW(index->suggest("\"AND OR NOT *"));
}

TEST(SearchResponseJson, HasTheDocumentedShape) {
  auto index = corpus_index();
  auto j = search(*index, "omaya").to_json();
  EXPECT_EQ(j["query"], "omaya");
  EXPECT_EQ(j["corrected"], "ommaya");
  EXPECT_EQ(j["showing_corrected"], true);
  EXPECT_TRUE(j["total"].is_number());
  EXPECT_TRUE(j["facets"]["pages"].is_number());
  ASSERT_FALSE(j["results"].empty());
  for (const char* key : {"type", "title", "url", "snippet"}) {
    EXPECT_TRUE(j["results"][0][key].is_string()) << key;
  }
  auto plain = search(*index, "steroids").to_json();
  EXPECT_TRUE(plain["corrected"].is_null());
  EXPECT_TRUE(plain["notice"].is_null());
  // The treatment page once, its steroids section under it; the forum thread apart.
  ASSERT_EQ(plain["results"].size(), 1u);
  EXPECT_EQ(plain["results"][0]["url"], "/treatment");
  EXPECT_EQ(plain["results"][0]["sections"][0]["url"], "/treatment#steroids");
  EXPECT_EQ(plain["results"][0]["sections"][0]["title"], "Steroids");
  EXPECT_EQ(plain["others"]["forum"][0]["url"], "/forum/t/2");
}

TEST(SearchIndexOnDisk, KeepsDocumentsAcrossRestartsWithoutRebuilding) {
  TempDir dir;
  {
    auto index = SearchIndex::open(dir.path() / "search", test_synonyms());
    ASSERT_TRUE(index) << index.error().message;
    EXPECT_TRUE((*index)->needs_rebuild());  // new and empty
    (*index)->replace_all(corpus());
    EXPECT_EQ((*index)->document_count(), corpus().size());
  }
  auto index = SearchIndex::open(dir.path() / "search", test_synonyms());
  ASSERT_TRUE(index) << index.error().message;
  EXPECT_FALSE((*index)->needs_rebuild());
  EXPECT_EQ((*index)->document_count(), corpus().size());
  EXPECT_THAT(urls((*index)->search({"omaya", "", 1, 10})),
              Contains("/treatment#chemotherapy-into-the-csf"));
  (*index)->remove("/lm#symptoms");
  EXPECT_THAT(urls((*index)->search({"leptomeningeal", "pages", 1, 10})),
              Not(Contains("/lm#symptoms")));
}

TEST(SearchIndexOnDisk, AnIndexFromAnOlderVersionIsEmptiedAndFlagged) {
  TempDir dir;
  {
    std::filesystem::create_directories(dir.path());
    Xapian::WritableDatabase old((dir.path() / "search").string(), Xapian::DB_CREATE_OR_OPEN);
    Xapian::Document doc;
    doc.add_term("stale");
    old.add_document(doc);
    old.set_metadata("cairn.search.schema", "0");
    old.commit();
  }
  auto index = SearchIndex::open(dir.path() / "search", test_synonyms());
  ASSERT_TRUE(index) << index.error().message;
  EXPECT_TRUE((*index)->needs_rebuild());
  EXPECT_EQ((*index)->document_count(), 0u);
}

TEST(SearchIndexOnDisk, AnIndexWrittenWithOtherSynonymsIsEmptiedAndFlagged) {
  // Documents hold a term per synonym group, so other groups need the documents indexed again.
  TempDir dir;
  {
    auto index = SearchIndex::open(dir.path() / "search", test_synonyms());
    ASSERT_TRUE(index) << index.error().message;
    (*index)->replace_all(corpus());
  }
  auto other = Synonyms::from_groups({{"lm", "leptomeningeal metastases"}, {"chemo", "drugs"}});
  auto index = SearchIndex::open(dir.path() / "search", other);
  ASSERT_TRUE(index) << index.error().message;
  EXPECT_TRUE((*index)->needs_rebuild());
  EXPECT_EQ((*index)->document_count(), 0u);
  (*index)->replace_all(corpus());
  EXPECT_THAT(urls((*index)->search({"drugs", "", 1, 10})),
              Contains("/treatment#chemotherapy-into-the-csf"));
}

TEST(SearchIndexOnDisk, ADocumentGivenTwiceInOneWriteIsKeptOnce) {
  TempDir dir;
  auto index = SearchIndex::open(dir.path(), test_synonyms());
  ASSERT_TRUE(index);
  Document first{"forum", "/f/1", "/f/1", "Post", "", "", "First words about scans.", {}};
  Document second = first;
  second.body = "Second words about scans.";
  (*index)->replace_type("forum", {first, second});
  EXPECT_EQ((*index)->document_count(), 1u);
  auto r = (*index)->search({"scans", "forum", 1, 10});
  ASSERT_EQ(r.results.size(), 1u);
  EXPECT_THAT(r.results.front().snippet.str(), HasSubstr("Second"));
  (*index)->replace_type("forum", {first});
  EXPECT_EQ((*index)->document_count(), 1u);
  EXPECT_THAT((*index)->search({"scans", "forum", 1, 10}).results.at(0).snippet.str(),
              HasSubstr("First"));
}

TEST(SearchIndexOnDisk, ASecondWriterIsRefusedWithAReason) {
  TempDir dir;
  auto first = SearchIndex::open(dir.path(), test_synonyms());
  ASSERT_TRUE(first);
  auto second = SearchIndex::open(dir.path(), test_synonyms());
  ASSERT_FALSE(second);
  EXPECT_EQ(second.error().code, Errc::unavailable);
  EXPECT_THAT(second.error().message, HasSubstr("in use"));
}

TEST(SearchIndexOnDisk, AFileInTheWayIsAnError) {
  TempDir dir;
  std::filesystem::create_directories(dir.path());
  { std::ofstream(dir.path() / "file") << "x"; }
  auto index = SearchIndex::open(dir.path() / "file", test_synonyms());
  EXPECT_FALSE(index);
}

// Several threads search while one thread writes; every search sees a complete index.
void search_while_writing(SearchIndex& index) {
  std::atomic<bool> stop{false};
  std::atomic<int> failures{0};
  std::atomic<int> searches{0};
  std::vector<std::thread> readers;
  for (int t = 0; t < 6; ++t) {
    readers.emplace_back([&, t] {
      const char* queries[] = {"LM", "omaya", "steroids", "csf chemo", "support"};
      for (int i = 0; i < 150; ++i) {
        auto r = index.search({queries[(i + t) % 5], "", 1, 10});
        if (r.results.empty() || (!r.notice.empty() && !r.showing_corrected)) {
          ADD_FAILURE() << queries[(i + t) % 5] << ": " << r.notice;
          ++failures;
        }
        ++searches;
        if (i % 10 == 0)
          (void)index.suggest("lepto");
      }
    });
  }
  std::thread writer([&] {
    auto docs = corpus();
    for (int i = 0; !stop && i < 200; ++i) {
      index.upsert(Document{"forum",
                            "/forum/t/x" + std::to_string(i),
                            "/forum/t/x" + std::to_string(i),
                            "Thread",
                            "",
                            "",
                            "More support " + std::to_string(i),
                            {}});
      if (i % 20 == 0)
        index.replace_type("pages", of_type(docs, "pages"));
    }
  });
  for (auto& r : readers) r.join();
  stop = true;
  writer.join();
  EXPECT_EQ(failures, 0);
  EXPECT_EQ(searches, 6 * 150);
}

TEST(SearchIndexThreads, ConcurrentSearchesInMemory) {
  auto index = corpus_index();
  search_while_writing(*index);
}

TEST(SearchIndexThreads, ConcurrentSearchesOnDisk) {
  TempDir dir;
  auto index = SearchIndex::open(dir.path(), test_synonyms());
  ASSERT_TRUE(index);
  (*index)->replace_all(corpus());
  search_while_writing(**index);
}

}  // namespace
}  // namespace cairn::search
