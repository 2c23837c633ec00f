// TrialStore on SQLite.
#pragma once

#include "store/sqlite/database.hpp"
#include "store/trial_store.hpp"

namespace cairn::store::sqlite {

class SqliteTrialStore final : public TrialStore {
 public:
  explicit SqliteTrialStore(Database& db) : db_(db) {}
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

}  // namespace cairn::store::sqlite
