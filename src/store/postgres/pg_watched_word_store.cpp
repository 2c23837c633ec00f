#include "store/postgres/pg_watched_word_store.hpp"

namespace cairn::store::postgres {

namespace {

void insert(Connection& db, const WatchedWordRecord& w) {
  db.exec(
      "INSERT INTO watched_words (phrase, action, message, updated_at) VALUES ($1, $2, $3, $4) "
      "ON CONFLICT (phrase) DO UPDATE SET action = excluded.action, message = excluded.message, "
      "updated_at = excluded.updated_at",
      {w.phrase, w.action, w.message, w.updated_at});
}

}  // namespace

std::vector<WatchedWordRecord> PgWatchedWordStore::list() {
  auto db = db_.connect();
  auto r = db.exec("SELECT phrase, action, message, updated_at FROM watched_words ORDER BY phrase");
  std::vector<WatchedWordRecord> out;
  for (int i = 0; i < r.rows(); ++i)
    out.push_back({r.text(i, 0), r.text(i, 1), r.text(i, 2), r.text(i, 3)});
  return out;
}

void PgWatchedWordStore::put(const WatchedWordRecord& word) {
  auto db = db_.connect();
  insert(db, word);
}

bool PgWatchedWordStore::remove(std::string_view phrase) {
  auto db = db_.connect();
  return db.exec("DELETE FROM watched_words WHERE phrase = $1 RETURNING 1", {std::string(phrase)})
             .rows() > 0;
}

void PgWatchedWordStore::seed_once(const std::vector<WatchedWordRecord>& words) {
  auto db = db_.connect();
  Transaction tx(db);
  // The marker row is inserted by one node only; that node seeds the list.
  bool first = db.exec(
                     "INSERT INTO settings (key, value) VALUES ('watched_words_seeded', '1') "
                     "ON CONFLICT (key) DO NOTHING RETURNING 1")
                   .rows() > 0;
  if (first) {
    for (const auto& w : words) insert(db, w);
  }
  tx.commit();
}

}  // namespace cairn::store::postgres
