// Where imported clinical trials live: one current version per NCT id, stored as
// the trials part's JSON; every add, change or removal is recorded in the change feed.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cairn::store {

struct TrialRecord {
  std::string nct_id;
  std::string content;  // the trial as JSON (trials::trial_to_storage)
};

struct StoredTrial {
  std::string nct_id;
  std::string content;
  std::string content_hash;
  std::string updated_at;
  // When an import or registry sync last saw the record (ISO 8601 UTC), changed or not.
  std::string checked_at;
};

struct TrialImportReport {
  int added = 0;
  int updated = 0;
  int unchanged = 0;
};

class TrialStore {
 public:
  virtual ~TrialStore() = default;
  // All records in one transaction: a new id is added, a changed one replaced,
  // an identical one (same content hash) left alone and kept out of the feed.
  // Each, changed or not, is marked as checked at `checked_at` (ISO 8601 UTC;
  // empty: the database's clock now).
  virtual TrialImportReport upsert_trials(const std::vector<TrialRecord>& trials,
                                          std::string_view checked_at) = 0;
  // Marks the trials last checked at or after `seen_since`, and before
  // `checked_at`, as checked at `checked_at` (both ISO 8601 UTC): a registry
  // sync that asked for every change since then and heard of none for them.
  // Returns how many it marked.
  virtual int confirm_checked(std::string_view seen_since, std::string_view checked_at) = 0;
  // Removes the trials with these ids in one transaction (ids not stored are
  // passed over); returns how many it removed.
  virtual int remove_trials(const std::vector<std::string>& nct_ids) = 0;
  virtual std::optional<StoredTrial> trial(std::string_view nct_id) = 0;
  virtual std::int64_t trial_count() = 0;
  // Every trial in NCT id order, read a page at a time so writers are not held
  // up for the whole walk.
  virtual void for_each_trial(const std::function<void(const StoredTrial&)>& visit) = 0;
  // Trials added, changed or removed after change-feed position `since`: `visit`
  // gets each one still stored, `removed` the id of each one no longer stored.
  virtual void for_each_trial_changed_since(
      std::int64_t since, const std::function<void(const StoredTrial&)>& visit,
      const std::function<void(const std::string&)>& removed) = 0;
};

}  // namespace cairn::store
