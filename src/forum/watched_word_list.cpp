#include "forum/watched_word_list.hpp"

#include "core/iso_time.hpp"
#include "core/text.hpp"

namespace cairn::forum {

namespace {

Status check_admin(const accounts::Account& account) {
  if (account.role != accounts::Role::admin || account.suspended)
    return make_error(Errc::forbidden, "Only admins can change the watched words.");
  return Ok{};
}

safeguarding::WatchedWord word_of(const store::WatchedWordRecord& r) {
  // An unknown stored action reads as hold: a bad row never lets a post through unseen.
  auto action = safeguarding::parse_word_action(r.action);
  return {r.phrase, action.value_or(safeguarding::WordAction::hold), r.message};
}

}  // namespace

WatchedWordList::WatchedWordList(store::WatchedWordStore& store, store::ForumStore& audit,
                                 const Clock& clock)
    : store_(store), audit_(audit), clock_(clock) {}

void WatchedWordList::seed_once(const safeguarding::WatchedWords& file) {
  std::vector<store::WatchedWordRecord> words;
  std::string at = iso_date_time(clock_.now());
  for (auto& phrase : file.phrases()) words.push_back({phrase, "hold", "", at});
  store_.seed_once(words);
}

safeguarding::WatchedWordRules WatchedWordList::rules() const {
  std::vector<safeguarding::WatchedWord> words;
  for (const auto& r : store_.list()) words.push_back(word_of(r));
  return safeguarding::WatchedWordRules(std::move(words));
}

Status WatchedWordList::put(const accounts::Account& admin, std::string_view phrase_in,
                            std::string_view action_in, std::string_view message_in) {
  if (auto ok = check_admin(admin); !ok)
    return ok.error();
  auto action = safeguarding::parse_word_action(action_in);
  if (!action) {
    return make_error(Errc::invalid_input, "Choose what happens to a post with this phrase",
                      "action");
  }
  safeguarding::WatchedWord word{squeeze_spaces(trim(phrase_in)), *action,
                                 std::string(trim(message_in))};
  if (*action != safeguarding::WordAction::block)
    word.message.clear();
  if (auto ok = safeguarding::check_watched_word(word); !ok)
    return ok.error();
  std::string at = iso_date_time(clock_.now());
  store_.put({word.phrase, std::string(safeguarding::to_string(word.action)), word.message, at});
  store::ForumAuditRecord e;
  e.at = at;
  e.moderator_id = admin.id;
  e.moderator_name = admin.display_name;
  e.action = "watched word";
  e.reason = std::string(safeguarding::to_string(word.action));
  e.after = word.phrase;
  audit_.add_audit(e);
  return Ok{};
}

Status WatchedWordList::remove(const accounts::Account& admin, std::string_view phrase) {
  if (auto ok = check_admin(admin); !ok)
    return ok.error();
  if (!store_.remove(phrase))
    return make_error(Errc::not_found, "That phrase is not on the list.");
  store::ForumAuditRecord e;
  e.at = iso_date_time(clock_.now());
  e.moderator_id = admin.id;
  e.moderator_name = admin.display_name;
  e.action = "watched word removed";
  e.before = std::string(phrase);
  audit_.add_audit(e);
  return Ok{};
}

Result<std::vector<safeguarding::WatchedWord>> WatchedWordList::list(
    const accounts::Account& admin) const {
  if (auto ok = check_admin(admin); !ok)
    return ok.error();
  return rules().words();
}

}  // namespace cairn::forum
