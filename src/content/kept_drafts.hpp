// Unsaved page source from an editor whose session ended before they saved:
// kept for a day against a one-time token, so after signing in again they land
// back in the editor with what they typed.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/clock.hpp"
#include "store/kept_draft_store.hpp"

namespace cairn::content {

inline constexpr int kKeptDraftHours = 24;
inline constexpr int kMaxKeptDrafts = 500;  // waiting at once, across the site

class KeptDrafts {
 public:
  KeptDrafts(store::KeptDraftStore& store, const Clock& clock) : store_(store), clock_(clock) {}

  // The token to come back with, or nothing when too many are waiting or the text
  // is too long to be a page (kMaxSourceBytes).
  std::optional<std::string> keep(const store::KeptDraft& draft);
  // The draft kept under `token` (once), if it is for `path` and still kept.
  std::optional<store::KeptDraft> take(std::string_view token, const std::string& path);

 private:
  store::KeptDraftStore& store_;
  const Clock& clock_;
};

}  // namespace cairn::content
