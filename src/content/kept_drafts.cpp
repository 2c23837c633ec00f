#include "content/kept_drafts.hpp"

#include <chrono>

#include "content/editorial_desk.hpp"
#include "core/random_token.hpp"
#include "core/token_hash.hpp"

namespace cairn::content {

namespace {

std::int64_t seconds(std::chrono::system_clock::time_point t) {
  return std::chrono::duration_cast<std::chrono::seconds>(t.time_since_epoch()).count();
}

}  // namespace

std::optional<std::string> KeptDrafts::keep(const store::KeptDraft& draft) {
  if (draft.path.empty() || draft.source.size() > kMaxSourceBytes ||
      draft.note.size() > 4 * kMaxNoteChars)
    return std::nullopt;
  std::string token = random_token();
  auto now = clock_.now();
  if (!store_.keep(hash_token(token), draft, seconds(now),
                   seconds(now + std::chrono::hours(kKeptDraftHours)), kMaxKeptDrafts))
    return std::nullopt;
  return token;
}

std::optional<store::KeptDraft> KeptDrafts::take(std::string_view token, const std::string& path) {
  if (token.empty() || token.size() > 100)
    return std::nullopt;
  auto kept = store_.take(hash_token(token), seconds(clock_.now()));
  if (!kept || kept->path != path)
    return std::nullopt;
  return kept;
}

}  // namespace cairn::content
