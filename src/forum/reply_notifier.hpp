// Tells members about replies in the threads they watch: an email for each
// reply or one daily digest, as each member chose. Only posts everyone may see
// are ever mentioned (a held post is told about when a moderator lets it
// through), and every email carries a one-click unsubscribe link (RFC 8058)
// that works without signing in: the link's token is signed with a secret the
// nodes share, so nothing about it needs to be stored.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "core/clock.hpp"
#include "store/account_store.hpp"
#include "store/forum_member_store.hpp"
#include "store/forum_store.hpp"
#include "store/mail_outbox.hpp"

namespace cairn::forum {

// Where the unsubscribe links lead (the token follows).
inline constexpr std::string_view kUnsubscribePath = "/forum/unsubscribe/";
inline constexpr std::size_t kExcerptLength = 300;  // characters of a reply quoted in its email

struct NotifierSettings {
  std::string public_url;  // "https://cairn.example.org", no trailing slash
  std::string site_name;
  std::string secret;  // signs unsubscribe tokens; the same on every node
  std::chrono::seconds digest_every = std::chrono::hours(24);
};

class ReplyNotifier {
 public:
  ReplyNotifier(store::ForumStore& forum, store::ForumMemberStore& members,
                store::AccountStore& accounts, store::MailOutbox& outbox, const Clock& clock,
                NotifierSettings settings);

  // Called after each mail is queued (the app wakes the sender with it).
  void on_queued(std::function<void()> queued) { queued_ = std::move(queued); }

  // A post became public (posted, or approved by a moderator): its thread's
  // watchers hear of it once, never its author.
  void post_visible(std::int64_t post_id);
  // Sends every digest that is due; returns how many were queued.
  int send_due_digests();

  std::string unsubscribe_token(std::int64_t account_id) const;
  // The account a token was made for; nothing for a forged or mangled one.
  std::optional<std::int64_t> account_of(std::string_view token) const;
  // Turns every forum email off for the token's account; false for a bad token.
  bool unsubscribe(std::string_view token);

  const NotifierSettings& settings() const { return settings_; }

 private:
  void queue(const store::AccountRecord& to, std::string subject, std::string body);
  std::string unsubscribe_url(std::int64_t account_id) const;
  std::int64_t now() const;

  store::ForumStore& forum_;
  store::ForumMemberStore& members_;
  store::AccountStore& accounts_;
  store::MailOutbox& outbox_;
  const Clock& clock_;
  NotifierSettings settings_;
  std::function<void()> queued_;
};

}  // namespace cairn::forum
