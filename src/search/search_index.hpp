// Site search over pages, trials and forum threads, kept in a Xapian index: synonyms,
// "did you mean", type facets, paging and suggestions as you type.
#pragma once

#include <atomic>

#include <cstddef>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "core/result.hpp"
#include "core/safe_html.hpp"
#include "search/document.hpp"
#include "search/synonyms.hpp"

namespace cairn::search {

// A section of an information page that matched, listed under its page's result.
struct SectionHit {
  std::string title;
  std::string url;  // path#anchor
};

// One result: an information page (however many of its sections matched), a trial or a
// forum thread.
struct Hit {
  std::string type;
  std::string title;  // for a page, the page's own title even when a section matched
  std::string url;    // for a page, its path (no anchor)
  // Escaped text, matched words in <mark>, from the best match; none for a result with a
  // status.
  SafeHtml snippet;
  std::string status;                // a trial's recruitment status (a ClinicalTrials.gov code)
  std::vector<SectionHit> sections;  // a page's best matching sections, best first
  double score = 0;
};

struct SearchRequest {
  std::string query;
  // "" for information first: the results are information pages, and `others` holds the
  // first few results of each other type.
  std::string type;
  int page = 1;  // from 1; out of range values are brought into range
  int page_size = 10;
};

struct SearchResponse {
  std::string query;                     // what was searched for, cleaned
  std::optional<std::string> corrected;  // "did you mean", when a word looked misspelt
  bool showing_corrected = false;        // the results are for `corrected`
  std::size_t total = 0;  // results of the requested type (information pages when none was)
  std::map<std::string, std::size_t> facets;  // results per type, whatever type was asked
  std::vector<Hit> results;
  // With no type asked: the best few results of each other type that matched (trials,
  // forum), shown apart from the information pages; their counts are in facets.
  std::map<std::string, std::vector<Hit>> others;
  std::string notice;  // plain text for the visitor: empty query, nothing found, and so on
  int page = 1;        // the page and size actually used
  int page_size = 10;

  // {query, corrected|null, showing_corrected, total, page, page_size, facets:{type:count},
  //  results:[hit], others:{type:[hit]}, notice|null}, where hit is
  //  {type,title,url,snippet,sections:[{title,url}]} and a trial's also has status
  nlohmann::json to_json() const;
};

class SearchIndex {
 public:
  // Opens the index kept in dir, creating it when missing. An existing index is kept as it is
  // (startup does not rebuild); one written by an older version of this code is emptied, and
  // needs_rebuild() says so. Fails when another process holds the index or it is unreadable.
  static Result<std::unique_ptr<SearchIndex>> open(const std::filesystem::path& dir,
                                                   Synonyms synonyms);
  // An index that lives in memory only: for tests and benchmarks.
  static std::unique_ptr<SearchIndex> in_memory(Synonyms synonyms);
  ~SearchIndex();
  SearchIndex(const SearchIndex&) = delete;
  SearchIndex& operator=(const SearchIndex&) = delete;

  // The index was new or outdated when opened: the caller should index everything.
  bool needs_rebuild() const;
  // Set while the index is being built in the background (a node serves before
  // it is complete): searches work, on what has been indexed so far.
  void set_rebuilding(bool rebuilding) { rebuilding_ = rebuilding; }
  bool rebuilding() const { return rebuilding_; }

  // Writes come from one writer at a time (they are serialised); searches see each change
  // once it returns. Infrastructure failures (disk full) throw.
  // Replaces every document of the type with docs, atomically.
  void replace_type(const std::string& type, const std::vector<Document>& docs);
  // Replaces the whole index with docs, atomically: `cairn reindex`.
  void replace_all(const std::vector<Document>& docs);
  void upsert(const Document& doc);
  // Adds or replaces each document, in one write: for batches (a big import).
  void upsert_all(const std::vector<Document>& docs);
  void remove(const std::string& id);
  std::size_t document_count() const;

  // Never throws and never fails: odd queries get an empty result with a notice.
  // Safe to call from many threads at once.
  SearchResponse search(const SearchRequest& request) const;
  // Titles and words that complete what has been typed so far, best first.
  std::vector<std::string> suggest(std::string_view prefix, std::size_t limit = 8) const;

 private:
  struct Impl;
  explicit SearchIndex(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
  std::atomic<bool> rebuilding_{false};
};

}  // namespace cairn::search
