#include <sodium.h>

#include "store/sqlite/database.hpp"
#include "store/sqlite/sqlite_account_store.hpp"
#include "store/sqlite/sqlite_page_store.hpp"
#include "store/sqlite/sqlite_trial_store.hpp"
#include "store/store.hpp"

namespace cairn::store {

namespace {

class SqliteStore final : public Store {
 public:
  explicit SqliteStore(const std::filesystem::path& file)
      : db_(file), pages_(db_), changes_(db_), trials_(db_), accounts_(db_), settings_(db_) {}
  PageStore& pages() override { return pages_; }
  ChangeFeed& changes() override { return changes_; }
  TrialStore& trials() override { return trials_; }
  AccountStore& accounts() override { return accounts_; }
  SettingsStore& settings() override { return settings_; }

 private:
  sqlite::Database db_;
  sqlite::SqlitePageStore pages_;
  sqlite::SqliteChangeFeed changes_;
  sqlite::SqliteTrialStore trials_;
  sqlite::SqliteAccountStore accounts_;
  sqlite::SqliteSettingsStore settings_;
};

}  // namespace

std::unique_ptr<Store> open_sqlite_store(const std::filesystem::path& data_dir) {
  if (sodium_init() < 0) throw std::runtime_error("libsodium failed to start");
  std::filesystem::create_directories(data_dir);
  return std::make_unique<SqliteStore>(data_dir / "cairn.sqlite");
}

}  // namespace cairn::store
