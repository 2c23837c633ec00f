// TrialStore and ChangeFeed on PostgreSQL, with the same behaviour as the
// SQLite ones (store/sqlite/sqlite_trial_store.hpp).
#pragma once

#include "store/page_store.hpp"
#include "store/postgres/change_listener.hpp"
#include "store/postgres/connection.hpp"
#include "store/trial_store.hpp"

namespace cairn::store::postgres {

class PgTrialStore final : public TrialStore {
 public:
  explicit PgTrialStore(Database& db) : db_(db) {}
  TrialImportReport upsert_trials(const std::vector<TrialRecord>& trials,
                                  std::string_view checked_at) override;
  int remove_trials(const std::vector<std::string>& nct_ids) override;
  int confirm_checked(std::string_view seen_since, std::string_view checked_at) override;
  std::optional<StoredTrial> trial(std::string_view nct_id) override;
  std::int64_t trial_count() override;
  void for_each_trial(const std::function<void(const StoredTrial&)>& visit) override;
  void for_each_trial_changed_since(
      std::int64_t since, const std::function<void(const StoredTrial&)>& visit,
      const std::function<void(const std::string&)>& removed) override;

 private:
  Database& db_;
};

class PgChangeFeed final : public ChangeFeed {
 public:
  explicit PgChangeFeed(Database& db) : db_(db), listener_(db.url()) {}
  std::int64_t latest() override;
  bool wait_for_change(std::chrono::milliseconds at_most) override {
    listener_.wait(at_most);
    return true;
  }

 private:
  Database& db_;
  ChangeListener listener_;
};

// Adds (kind, key) to the change feed inside the caller's transaction. Takes
// the feed's advisory lock first, so feed writers commit in seq order and a
// reader that has seen seq N can never later find a smaller seq appear.
void record_change(Connection& db, std::string_view kind, std::string_view key);
// Takes the feed's lock for the rest of the caller's transaction.
void lock_change_feed(Connection& db);

}  // namespace cairn::store::postgres
