// The content checker behind `cairn check`: review dates, reading level, unexplained
// jargon, broken links and anchors, and sources, as "file:line: level: message" findings.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "content/glossary.hpp"
#include "content/jargon.hpp"
#include "content/page.hpp"

namespace cairn::content {

enum class Level { info, warning, error };

struct Finding {
  std::string file;  // as the page names itself: "content/pages/x.md"
  int line = 1;
  Level level = Level::warning;
  std::string message;
};

std::string_view level_name(Level level);
// "content/pages/x.md:12: warning: sentence has 31 words (keep under 25)"
std::string format_finding(const Finding& finding);

struct CheckOptions {
  std::string today;                      // YYYY-MM-DD
  int review_soon_days = 60;              // next_review this close is a warning
  int max_review_years = 3;               // next_review further after last_reviewed is a warning
  bool review_dates_as_warnings = false;  // overdue reviews are warnings, not errors
  double max_reading_age = 12;
  int max_sentence_words = 25;
  // More unexplained terms on one page than this is an error; each one is a warning.
  int max_unexplained_terms = 3;
  bool section_scores = false;  // also an info line with the scores of every section
  // Addresses the app serves that are not pages: links to them (and below them) are fine.
  std::vector<std::string> app_paths;
  // Anchors every page has besides its sections and glossary terms (from the page layout).
  std::vector<std::string> layout_anchors = {"maincontent", "words-used", "sources",
                                             "related-heading"};
};

// Everything the checks look at. The file texts give front matter findings their lines;
// a page without one is reported at line 1.
struct CheckInput {
  std::vector<Page> pages;
  std::map<std::string, std::string, std::less<>> file_texts;  // by Page::file
  Glossary glossary;
  std::vector<JargonTerm> jargon;
  std::vector<Finding> problems;  // found while loading: invalid pages, unreadable files
};

// Loads content_dir/pages, glossary.yaml and synonyms.yaml (optional). Files are named
// content_dir/pages/... as content_dir is written, so messages match what was typed.
// Never fails: what cannot be loaded is reported in `problems` (as errors).
CheckInput load_check_input(const std::filesystem::path& content_dir);

// The line of a front matter key ("next_review"), or of the first line after it holding
// `value` (an item of "related:"); 1 when not found.
int front_matter_line(std::string_view file_text, std::string_view key,
                      std::string_view value = {});

// The single checks, each for one page (links for all of them, since they point at each
// other). file_text (the page file) only gives front matter findings their lines; it may be
// empty.

// next_review past: error (warning with review_dates_as_warnings); within review_soon_days:
// warning; more than max_review_years after last_reviewed: warning.
std::vector<Finding> check_review_dates(const Page& page, std::string_view file_text,
                                        const CheckOptions& options);
// No sources, or a source without a web address: errors.
std::vector<Finding> check_sources(const Page& page, std::string_view file_text);
// An info line with the page's scores (and each section's with section_scores); warnings for
// a page or section (of 30 words or more) above max_reading_age, and for each sentence
// longer than max_sentence_words, at the line where it starts.
std::vector<Finding> check_reading_level(const Page& page, const CheckOptions& options);
// A warning for each term used before it is explained (see find_unexplained_terms) and,
// when there are more than `max_unexplained` (negative: no limit), an error at the first
// one past the limit.
std::vector<Finding> check_jargon(const Page& page, const std::vector<JargonTerm>& jargon,
                                  int max_unexplained = -1);
// Errors: links, related pages and glossary keys that go nowhere (check_references), and
// "#anchor"s that are not a section, a glossary term or a layout anchor of the target page.
std::vector<Finding> check_links(const std::vector<Page>& pages, const Glossary& glossary,
                                 const std::map<std::string, std::string, std::less<>>& file_texts,
                                 const CheckOptions& options);

struct CheckReport {
  std::vector<Finding> findings;  // sorted by file, then line
  int errors = 0, warnings = 0;
  size_t pages = 0;
};

// Every check over every page, plus the load problems.
CheckReport check_content(const CheckInput& input, const CheckOptions& options);

}  // namespace cairn::content
