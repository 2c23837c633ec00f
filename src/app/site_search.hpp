// Keeps the search index in step with the store: each section of a page is a
// document of its own (search shows the page once, with its matching sections), each
// trial one result; only what changed is re-indexed.
#pragma once

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <mutex>
#include <vector>

#include "app/site_content.hpp"
#include "search/search_index.hpp"
#include "store/store.hpp"
#include "trials/trial.hpp"

namespace cairn::app {

std::vector<search::Document> page_documents(const std::vector<PageText>& pages);
// Found by title, summary, conditions, keywords and treatments; never by the
// eligibility criteria ("no leptomeningeal disease" is not about LM). Shown by its
// title and status, with no snippet.
search::Document trial_document(const trials::Trial& trial);
// The search document id of a trial: "trial:NCT01234567".
std::string trial_document_id(std::string_view nct_id);
// One result per public Cancer Chat thread: its title and its public posts
// (held and hidden posts are never indexed).
std::vector<search::Document> forum_documents(store::ForumStore& forum);

class SiteIndexer {
 public:
  // The file `marker` records the change-feed position the index reflects.
  SiteIndexer(search::SearchIndex& index, store::Store& store, std::filesystem::path marker)
      : index_(index), store_(store), marker_(std::move(marker)) {}
  // Re-indexes pages and the trials changed since the index was last written
  // (everything when `full`); returns the number of documents written. One at
  // a time: while one runs (the start-up build, which can take minutes), another
  // caller returns 0 at once, and the next update after it takes its changes.
  std::size_t update(const SiteContent& site, bool full = false);
  // The next update, whoever calls it, indexes everything; the index says it is
  // being rebuilt until an update has finished.
  void require_full_update();
  // Makes a running update stop at its next batch of trials (leaving what it did,
  // and the pending rebuild, for the next run): a server stopping does not wait out
  // a long first build.
  void stop() { stopping_ = true; }

 private:
  std::size_t update_locked(const SiteContent& site, bool full);
  std::mutex mutex_;
  bool full_pending_ = false;  // under mutex_
  std::atomic<bool> stopping_{false};
  search::SearchIndex& index_;
  store::Store& store_;
  std::filesystem::path marker_;
};

}  // namespace cairn::app
