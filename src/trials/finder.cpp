#include "trials/finder.hpp"

#include <exception>
#include <thread>
#include <vector>

#include "trials/handoff.hpp"

namespace cairn::trials {

namespace {
// Changes are parsed outside the lock and applied this many at a time, so a big
// import never stalls searches for long; a load hands trials to its indexing
// thread this many at a time.
constexpr std::size_t kApplyBatch = 500;
}  // namespace

TrialFinder::TrialFinder(store::TrialStore& trials, store::ChangeFeed& changes,
                         const SiteLocator* locator)
    : trials_(trials),
      changes_(changes),
      locator_(locator),
      index_(std::make_unique<TrialIndex>()) {}

Trial TrialFinder::located(Trial trial) const {
  if (locator_)
    locator_->locate(trial);
  return trial;
}

TrialFinder::~TrialFinder() = default;

void TrialFinder::reload() {
  std::lock_guard update(update_mutex_);
  reload_locked();
}

void TrialFinder::reload_locked() {
  // Read the feed first: anything changed while we walk is taken in again by the
  // next refresh, which is harmless.
  std::int64_t position = changes_.latest();
  auto fresh = std::make_unique<TrialIndex>();
  // Trials are read and parsed on a thread of their own and indexed on this one, a
  // batch at a time and in the store's order, so the two halves of a load overlap.
  // The index is built here, so its memory comes from this thread's heap, as before.
  Handoff<std::vector<Trial>> parsed;
  std::thread reader([&] {
    std::exception_ptr error;
    try {
      std::vector<Trial> batch;
      bool wanted = true;
      trials_.for_each_trial([&](const store::StoredTrial& stored) {
        if (!wanted)
          return;
        batch.push_back(located(trial_from_storage(stored.content, true)));
        if (batch.size() >= kApplyBatch) {
          wanted = parsed.give(std::move(batch));
          batch.clear();
        }
      });
      if (wanted)
        parsed.give(std::move(batch));
    } catch (...) {
      error = std::current_exception();
    }
    parsed.finish(error);
  });
  try {
    while (auto batch = parsed.take()) {
      for (const Trial& trial : *batch) fresh->add(trial);
    }
  } catch (...) {
    parsed.stop();
    reader.join();
    throw;
  }
  reader.join();
  if (auto error = parsed.error())
    std::rethrow_exception(error);
  fresh->shrink_to_fit();
  {
    std::unique_lock write(index_mutex_);
    index_.swap(fresh);
    ++version_;
  }
  seen_ = position;
  loaded_ = true;
  // The old index is freed here, outside the lock.
}

std::size_t TrialFinder::refresh() {
  // Before the first load there is nothing to bring up to date (the load takes all), and
  // waiting for it would hold up whoever asked.
  if (!loaded_)
    return 0;
  std::lock_guard update(update_mutex_);
  std::int64_t position = changes_.latest();
  if (position == seen_)
    return 0;
  std::size_t taken = 0;
  std::vector<TrialIndex::Prepared> batch;
  std::vector<std::string> removed;
  auto apply = [&] {
    if (batch.empty() && removed.empty())
      return;
    std::unique_lock write(index_mutex_);
    for (auto& prepared : batch) index_->add(std::move(prepared));
    for (const auto& id : removed) index_->remove(id);
    ++version_;
    taken += batch.size() + removed.size();
    batch.clear();
    removed.clear();
  };
  trials_.for_each_trial_changed_since(
      seen_,
      [&](const store::StoredTrial& stored) {
        batch.push_back(TrialIndex::prepare(located(trial_from_storage(stored.content, true))));
        if (batch.size() >= kApplyBatch)
          apply();
      },
      [&](const std::string& nct_id) {
        // Each id comes once a refresh, so removals and additions may go in any order.
        removed.push_back(nct_id);
        if (removed.size() >= kApplyBatch)
          apply();
      });
  apply();
  seen_ = position;
  std::size_t dead = 0, live = 0;
  {
    std::shared_lock read(index_mutex_);
    dead = index_->dead();
    live = index_->size();
  }
  // Replaced versions cost memory and time; past a quarter, start afresh.
  if (dead > 1000 && dead * 4 > live)
    reload_locked();
  return taken;
}

FinderResult TrialFinder::search(const FinderQuery& query) const {
  std::string key = ResultCache::key_of(query);
  std::shared_lock read(index_mutex_);
  if (auto cached = cache_.find(key, version_))
    return *cached;
  FinderResult result = index_->search(query);
  cache_.put(key, version_, result);
  return result;
}

FinderResult TrialFinder::lm_trials(int limit) const {
  FinderQuery query;
  query.condition = "leptomeningeal metastases";
  query.statuses = {"RECRUITING"};
  query.country.clear();
  query.prefer_country = "United Kingdom";
  query.page_size = limit;
  return search(query);
}

std::optional<FoundTrial> TrialFinder::trial(std::string_view nct_id) const {
  auto stored = trials_.trial(nct_id);
  if (!stored)
    return std::nullopt;
  return FoundTrial{located(trial_from_storage(stored->content)), std::move(stored->checked_at)};
}

std::size_t TrialFinder::size() const {
  std::shared_lock read(index_mutex_);
  return index_->size();
}

}  // namespace cairn::trials
