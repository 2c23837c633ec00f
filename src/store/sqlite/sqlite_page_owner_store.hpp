// PageOwnerStore on SQLite.
#pragma once

#include "store/page_owner_store.hpp"
#include "store/sqlite/database.hpp"

namespace cairn::store::sqlite {

class SqlitePageOwnerStore final : public PageOwnerStore {
 public:
  explicit SqlitePageOwnerStore(Database& db) : db_(db) {}
  void set_owner(const std::string& path, std::int64_t account_id) override;
  std::map<std::string, std::int64_t> owners() override;
  bool claim_reminder(std::int64_t account_id, std::string_view week) override;

 private:
  Database& db_;
};

}  // namespace cairn::store::sqlite
