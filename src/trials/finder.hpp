// The trial finder: every trial in the store held in memory (TrialIndex) and
// kept up to date from the change feed, answering searches from many threads.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <shared_mutex>
#include <string>
#include <string_view>

#include "store/page_store.hpp"
#include "store/trial_store.hpp"
#include "trials/finder_query.hpp"
#include "trials/finder_result.hpp"
#include "trials/result_cache.hpp"
#include "trials/site_locator.hpp"
#include "trials/trial.hpp"
#include "trials/trial_index.hpp"

namespace cairn::trials {

// One trial in full, for its page, and when an import or registry sync last
// saw it (ISO 8601 UTC; the store's, not the record's).
struct FoundTrial {
  Trial trial;
  std::string checked_at;
};

class TrialFinder {
 public:
  // Starts empty: call reload() before the first search. With a locator, UK
  // sites without coordinates are placed at their town.
  TrialFinder(store::TrialStore& trials, store::ChangeFeed& changes,
              const SiteLocator* locator = nullptr);
  ~TrialFinder();

  // Reads every trial into a fresh index and swaps it in; searches carry on
  // against the old one meanwhile.
  void reload();
  // Takes in the trials changed since the last reload or refresh, so a running
  // server sees an import without a restart. Returns how many it took in; costs
  // one query when nothing changed. Rebuilds when replaced versions pile up.
  std::size_t refresh();
  // Whether a reload has finished: a node serves while its first load runs, and
  // says so rather than showing an empty finder.
  bool loaded() const { return loaded_; }

  // Answers repeated queries from a cache that any change to the index empties.
  FinderResult search(const FinderQuery& query) const;
  // 'Trials for leptomeningeal metastases' on the LM pages: recruiting, filed
  // under LM or a synonym (never because criteria mention it), UK sites first.
  FinderResult lm_trials(int limit) const;
  std::optional<FoundTrial> trial(std::string_view nct_id) const;
  std::size_t size() const;

 private:
  void reload_locked();
  Trial located(Trial trial) const;

  store::TrialStore& trials_;
  store::ChangeFeed& changes_;
  const SiteLocator* locator_;
  std::mutex update_mutex_;  // one reload or refresh at a time
  mutable std::shared_mutex index_mutex_;
  std::unique_ptr<TrialIndex> index_;
  std::uint64_t version_ = 0;  // changes with every change to index_, under its lock
  mutable ResultCache cache_;
  std::int64_t seen_ = 0;  // change-feed position the index reflects
  std::atomic<bool> loaded_{false};
};

}  // namespace cairn::trials
