#include "safeguarding/watched_words.hpp"

namespace cairn::safeguarding {

Result<WatchedWords> WatchedWords::load(const std::filesystem::path& file) {
  auto phrases = PhraseList::load(file);
  if (!phrases)
    return make_error(Errc::not_found, "cannot read watched words list " + file.string());
  return WatchedWords(std::move(phrases.value()));
}

}  // namespace cairn::safeguarding
