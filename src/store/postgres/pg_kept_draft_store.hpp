// KeptDraftStore on PostgreSQL, as the SQLite one behaves.
#pragma once

#include "store/kept_draft_store.hpp"
#include "store/postgres/connection.hpp"

namespace cairn::store::postgres {

class PgKeptDraftStore final : public KeptDraftStore {
 public:
  explicit PgKeptDraftStore(Database& db) : db_(db) {}
  bool keep(std::string_view token_hash, const KeptDraft& draft, std::int64_t now,
            std::int64_t expires_at, int max_kept) override;
  std::optional<KeptDraft> take(std::string_view token_hash, std::int64_t now) override;

 private:
  Database& db_;
};

}  // namespace cairn::store::postgres
