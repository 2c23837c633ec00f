#include "store/sqlite/sqlite_watched_word_store.hpp"

namespace cairn::store::sqlite {

namespace {

void insert(Connection& db, const WatchedWordRecord& w) {
  db.prepare(
        "INSERT INTO watched_words (phrase, action, message, updated_at) VALUES (?, ?, ?, ?) "
        "ON CONFLICT (phrase) DO UPDATE SET action = excluded.action, message = "
        "excluded.message, updated_at = excluded.updated_at")
      .bind(1, w.phrase)
      .bind(2, w.action)
      .bind(3, w.message)
      .bind(4, w.updated_at)
      .run();
}

}  // namespace

std::vector<WatchedWordRecord> SqliteWatchedWordStore::list() {
  auto db = db_.connect();
  auto st =
      db.prepare("SELECT phrase, action, message, updated_at FROM watched_words ORDER BY phrase");
  std::vector<WatchedWordRecord> out;
  while (st.step()) out.push_back({st.text(0), st.text(1), st.text(2), st.text(3)});
  return out;
}

void SqliteWatchedWordStore::put(const WatchedWordRecord& word) {
  auto db = db_.connect();
  insert(db, word);
}

bool SqliteWatchedWordStore::remove(std::string_view phrase) {
  auto db = db_.connect();
  auto st = db.prepare("DELETE FROM watched_words WHERE phrase = ? RETURNING 1");
  st.bind(1, phrase);
  return st.step();
}

void SqliteWatchedWordStore::seed_once(const std::vector<WatchedWordRecord>& words) {
  auto db = db_.connect();
  Transaction tx(db);
  auto st = db.prepare(
      "INSERT INTO settings (key, value) VALUES ('watched_words_seeded', '1') "
      "ON CONFLICT (key) DO NOTHING RETURNING 1");
  bool first = st.step();
  st.reset();
  if (first) {
    for (const auto& w : words) insert(db, w);
  }
  tx.commit();
}

}  // namespace cairn::store::sqlite
