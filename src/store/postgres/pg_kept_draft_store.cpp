#include "store/postgres/pg_kept_draft_store.hpp"

namespace cairn::store::postgres {

bool PgKeptDraftStore::keep(std::string_view token_hash, const KeptDraft& draft, std::int64_t now,
                            std::int64_t expires_at, int max_kept) {
  auto db = db_.connect();
  Transaction tx(db);
  // The count and the insert together: nodes cannot keep more than max_kept between them.
  lock_for_transaction(db, kEditorialLock);
  db.exec("DELETE FROM kept_drafts WHERE expires_at <= $1", {std::to_string(now)});
  if (db.exec("SELECT COUNT(*) FROM kept_drafts").integer(0, 0) >= max_kept)
    return false;
  db.exec(
      "INSERT INTO kept_drafts (token_hash, path, base_revision, source, note, created_at, "
      "expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
      {std::string(token_hash), draft.path, std::to_string(draft.base_revision), draft.source,
       draft.note, std::to_string(now), std::to_string(expires_at)});
  tx.commit();
  return true;
}

std::optional<KeptDraft> PgKeptDraftStore::take(std::string_view token_hash, std::int64_t now) {
  auto db = db_.connect();
  // One statement: a draft is handed out once, however many take it at once.
  auto r = db.exec(
      "DELETE FROM kept_drafts WHERE token_hash = $1 "
      "RETURNING path, base_revision, source, note, expires_at",
      {std::string(token_hash)});
  if (r.rows() == 0 || r.integer(0, 4) <= now)
    return std::nullopt;
  return KeptDraft{r.text(0, 0), static_cast<int>(r.integer(0, 1)), r.text(0, 2), r.text(0, 3)};
}

}  // namespace cairn::store::postgres
