#include "store/postgres/pg_page_owner_store.hpp"

namespace cairn::store::postgres {

void PgPageOwnerStore::set_owner(const std::string& path, std::int64_t account_id) {
  auto db = db_.connect();
  if (account_id == 0) {
    db.exec("DELETE FROM page_owners WHERE path = $1", {path});
    return;
  }
  db.exec(
      "INSERT INTO page_owners (path, account_id) VALUES ($1, $2) "
      "ON CONFLICT (path) DO UPDATE SET account_id = excluded.account_id",
      {path, std::to_string(account_id)});
}

std::map<std::string, std::int64_t> PgPageOwnerStore::owners() {
  auto db = db_.connect();
  auto r = db.exec("SELECT path, account_id FROM page_owners");
  std::map<std::string, std::int64_t> out;
  for (int i = 0; i < r.rows(); ++i) out[r.text(i, 0)] = r.integer(i, 1);
  return out;
}

bool PgPageOwnerStore::claim_reminder(std::int64_t account_id, std::string_view week) {
  auto db = db_.connect();
  // One statement: of two nodes claiming the same week, one gets the row back.
  // Both are ISO 8601 UTC to the second, so they compare as text.
  auto r = db.exec(
      "INSERT INTO review_reminders (account_id, week) VALUES ($1, $2) "
      "ON CONFLICT (account_id) DO UPDATE SET week = excluded.week "
      "WHERE review_reminders.week < excluded.week RETURNING 1",
      {std::to_string(account_id), std::string(week)});
  return r.rows() > 0;
}

}  // namespace cairn::store::postgres
