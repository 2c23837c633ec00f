// PageOwnerStore on PostgreSQL, as the SQLite one behaves.
#pragma once

#include "store/page_owner_store.hpp"
#include "store/postgres/connection.hpp"

namespace cairn::store::postgres {

class PgPageOwnerStore final : public PageOwnerStore {
 public:
  explicit PgPageOwnerStore(Database& db) : db_(db) {}
  void set_owner(const std::string& path, std::int64_t account_id) override;
  std::map<std::string, std::int64_t> owners() override;
  bool claim_reminder(std::int64_t account_id, std::string_view week) override;

 private:
  Database& db_;
};

}  // namespace cairn::store::postgres
