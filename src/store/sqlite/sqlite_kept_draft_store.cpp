#include "store/sqlite/sqlite_kept_draft_store.hpp"

namespace cairn::store::sqlite {

bool SqliteKeptDraftStore::keep(std::string_view token_hash, const KeptDraft& draft,
                                std::int64_t now, std::int64_t expires_at, int max_kept) {
  auto db = db_.connect();
  Transaction tx(db);
  db.prepare("DELETE FROM kept_drafts WHERE expires_at <= ?").bind(1, now).run();
  auto count = db.prepare("SELECT COUNT(*) FROM kept_drafts");
  count.step();
  if (count.integer(0) >= max_kept)
    return false;
  db.prepare(
        "INSERT INTO kept_drafts (token_hash, path, base_revision, source, note, created_at, "
        "expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
      .bind(1, token_hash)
      .bind(2, draft.path)
      .bind(3, draft.base_revision)
      .bind(4, draft.source)
      .bind(5, draft.note)
      .bind(6, now)
      .bind(7, expires_at)
      .run();
  tx.commit();
  return true;
}

std::optional<KeptDraft> SqliteKeptDraftStore::take(std::string_view token_hash, std::int64_t now) {
  auto db = db_.connect();
  Transaction tx(db);
  auto st = db.prepare(
      "SELECT path, base_revision, source, note, expires_at FROM kept_drafts WHERE token_hash = ?");
  st.bind(1, token_hash);
  std::optional<KeptDraft> kept;
  if (st.step() && st.integer(4) > now)
    kept = KeptDraft{st.text(0), static_cast<int>(st.integer(1)), st.text(2), st.text(3)};
  db.prepare("DELETE FROM kept_drafts WHERE token_hash = ?").bind(1, token_hash).run();
  tx.commit();
  return kept;
}

}  // namespace cairn::store::sqlite
