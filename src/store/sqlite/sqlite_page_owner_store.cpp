#include "store/sqlite/sqlite_page_owner_store.hpp"

namespace cairn::store::sqlite {

void SqlitePageOwnerStore::set_owner(const std::string& path, std::int64_t account_id) {
  auto db = db_.connect();
  if (account_id == 0) {
    db.prepare("DELETE FROM page_owners WHERE path = ?").bind(1, path).run();
    return;
  }
  db.prepare(
        "INSERT INTO page_owners (path, account_id) VALUES (?, ?) "
        "ON CONFLICT (path) DO UPDATE SET account_id = excluded.account_id")
      .bind(1, path)
      .bind(2, account_id)
      .run();
}

std::map<std::string, std::int64_t> SqlitePageOwnerStore::owners() {
  auto db = db_.connect();
  auto st = db.prepare("SELECT path, account_id FROM page_owners");
  std::map<std::string, std::int64_t> out;
  while (st.step()) out[st.text(0)] = st.integer(1);
  return out;
}

bool SqlitePageOwnerStore::claim_reminder(std::int64_t account_id, std::string_view week) {
  auto db = db_.connect();
  Transaction tx(db);
  auto last = db.prepare("SELECT week FROM review_reminders WHERE account_id = ?");
  last.bind(1, account_id);
  // Both ISO 8601 UTC to the second: they compare as text.
  if (last.step() && last.text(0) >= week)
    return false;
  db.prepare(
        "INSERT INTO review_reminders (account_id, week) VALUES (?, ?) "
        "ON CONFLICT (account_id) DO UPDATE SET week = excluded.week")
      .bind(1, account_id)
      .bind(2, week)
      .run();
  tx.commit();
  return true;
}

}  // namespace cairn::store::sqlite
