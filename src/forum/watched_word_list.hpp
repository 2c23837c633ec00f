// The watched words as admins keep them in the browser: read from the store
// for every check, so an edit applies at once on every node. The file in
// content/ seeds the list (every phrase as "hold") on the first start only.
#pragma once

#include <string_view>
#include <vector>

#include "accounts/account.hpp"
#include "core/clock.hpp"
#include "core/result.hpp"
#include "safeguarding/watched_word_rules.hpp"
#include "safeguarding/watched_word_source.hpp"
#include "safeguarding/watched_words.hpp"
#include "store/forum_store.hpp"
#include "store/watched_word_store.hpp"

namespace cairn::forum {

class WatchedWordList final : public safeguarding::WatchedWordSource {
 public:
  WatchedWordList(store::WatchedWordStore& store, store::ForumStore& audit, const Clock& clock);

  void seed_once(const safeguarding::WatchedWords& file);
  safeguarding::WatchedWordRules rules() const;
  safeguarding::WatchedWordRules current() const override { return rules(); }

  // Admins only (forbidden otherwise). Fields: "phrase", "action", "message".
  // Adding a phrase that is there already changes its action and message.
  Status put(const accounts::Account& admin, std::string_view phrase, std::string_view action,
             std::string_view message);
  Status remove(const accounts::Account& admin, std::string_view phrase);
  Result<std::vector<safeguarding::WatchedWord>> list(const accounts::Account& admin) const;

 private:
  store::WatchedWordStore& store_;
  store::ForumStore& audit_;
  const Clock& clock_;
};

}  // namespace cairn::forum
