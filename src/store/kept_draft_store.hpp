// Page source an editor sent after their session had ended: kept for a while
// against a one-time token (only its hash is stored), so after signing in again
// they get their text back instead of losing it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace cairn::store {

struct KeptDraft {
  std::string path;
  int base_revision = 0;
  std::string source;
  std::string note;
};

class KeptDraftStore {
 public:
  virtual ~KeptDraftStore() = default;
  // Keeps `draft` under `token_hash` until `expires_at` (seconds since the epoch),
  // first forgetting those expired at `now`. False (nothing kept) when `max_kept`
  // unexpired drafts are already waiting: a bound on what visitors can make us store.
  virtual bool keep(std::string_view token_hash, const KeptDraft& draft, std::int64_t now,
                    std::int64_t expires_at, int max_kept) = 0;
  // The draft under `token_hash` if it has not expired at `now`; it is forgotten
  // either way, so a token works once.
  virtual std::optional<KeptDraft> take(std::string_view token_hash, std::int64_t now) = 0;
};

}  // namespace cairn::store
