#include "forum/reply_notifier.hpp"

#include <map>

#include "core/code_points.hpp"
#include "core/digest.hpp"
#include "core/text.hpp"
#include "forum/post_markdown.hpp"

namespace cairn::forum {

namespace {

// The first `limit` characters of a post's plain text, cut at a space.
std::string excerpt(std::string_view markdown, std::size_t limit) {
  std::string text = squeeze_spaces(trim(post_text(markdown)));
  auto points = decode_utf8(text);
  if (!points || points->size() <= limit)
    return text;
  std::string out;
  for (std::size_t i = 0; i < limit; ++i) append_utf8(out, (*points)[i]);
  if (auto space = out.rfind(' '); space != std::string::npos && space > limit / 2)
    out.resize(space);
  return out + " ...";
}

bool same(std::string_view a, std::string_view b) {
  if (a.size() != b.size())
    return false;
  unsigned char diff = 0;
  for (std::size_t i = 0; i < a.size(); ++i) diff |= static_cast<unsigned char>(a[i] ^ b[i]);
  return diff == 0;
}

}  // namespace

ReplyNotifier::ReplyNotifier(store::ForumStore& forum, store::ForumMemberStore& members,
                             store::AccountStore& accounts, store::MailOutbox& outbox,
                             const Clock& clock, NotifierSettings settings)
    : forum_(forum),
      members_(members),
      accounts_(accounts),
      outbox_(outbox),
      clock_(clock),
      settings_(std::move(settings)) {}

std::int64_t ReplyNotifier::now() const {
  return std::chrono::duration_cast<std::chrono::seconds>(clock_.now().time_since_epoch()).count();
}

std::string ReplyNotifier::unsubscribe_token(std::int64_t account_id) const {
  std::string id = std::to_string(account_id);
  return id + "-" + blake2b_hex(settings_.secret + ":forum-unsubscribe:" + id, 16);
}

std::optional<std::int64_t> ReplyNotifier::account_of(std::string_view token) const {
  auto dash = token.find('-');
  if (dash == std::string_view::npos || dash == 0 || dash > 18)
    return std::nullopt;
  std::int64_t id = 0;
  for (char c : token.substr(0, dash)) {
    if (c < '0' || c > '9')
      return std::nullopt;
    id = id * 10 + (c - '0');
  }
  if (id <= 0 || !same(unsubscribe_token(id), token))
    return std::nullopt;
  return id;
}

bool ReplyNotifier::unsubscribe(std::string_view token) {
  auto id = account_of(token);
  if (!id || !accounts_.account_by_id(*id))
    return false;
  members_.set_mail_choice(*id, store::MailChoice::off, now());
  return true;
}

std::string ReplyNotifier::unsubscribe_url(std::int64_t account_id) const {
  return settings_.public_url + std::string(kUnsubscribePath) + unsubscribe_token(account_id);
}

void ReplyNotifier::queue(const store::AccountRecord& to, std::string subject, std::string body) {
  std::string unsubscribe = unsubscribe_url(to.id);
  body +=
      "\n--\nYou get these emails because you watch threads on Cancer Chat.\n"
      "Choose how often, or which threads: " +
      settings_.public_url +
      "/account/forum\n"
      "Stop all Cancer Chat emails: " +
      unsubscribe + "\n";
  store::OutboxMail mail{to.email,
                         std::move(subject),
                         std::move(body),
                         {{"List-Unsubscribe", "<" + unsubscribe + ">"},
                          {"List-Unsubscribe-Post", "List-Unsubscribe=One-Click"}}};
  outbox_.queue(mail, now());
  if (queued_)
    queued_();
}

void ReplyNotifier::post_visible(std::int64_t post_id) {
  if (!forum_.claim_notification(post_id))
    return;
  auto post = forum_.post(post_id);
  if (!post)
    return;
  auto thread = forum_.thread(post->thread_id);
  // Replies in a thread that waits (or was hidden) are not for everyone yet.
  if (!thread || thread->status != store::PostStatus::published)
    return;
  std::string link = settings_.public_url + "/forum/t/" + std::to_string(thread->id) + "#post-" +
                     std::to_string(post->id);
  std::string who = post->author_name.empty() ? "A member" : post->author_name;
  for (auto watcher : members_.watchers(thread->id)) {
    if (watcher == post->author_id)
      continue;
    auto account = accounts_.account_by_id(watcher);
    if (!account || account->status != "active")
      continue;
    switch (members_.mail_choice(watcher)) {
      case store::MailChoice::off:
        break;
      case store::MailChoice::digest:
        members_.add_digest_item(watcher, post->id);
        break;
      case store::MailChoice::each:
        queue(*account, "New reply in \"" + thread->title + "\"",
              "Hello " + account->display_name + ",\n\n" + who + " replied in \"" + thread->title +
                  "\" on Cancer Chat:\n\n" + excerpt(post->body, kExcerptLength) +
                  "\n\nRead it and reply:\n" + link + "\n\n" + settings_.site_name + "\n");
        break;
    }
  }
}

int ReplyNotifier::send_due_digests() {
  int sent = 0;
  std::int64_t at = now();
  for (auto member : members_.digests_due(at - settings_.digest_every.count())) {
    auto account = accounts_.account_by_id(member);
    auto post_ids = members_.take_digest(member, at);
    if (!account || account->status != "active" || post_ids.empty())
      continue;
    // Thread by thread, each with its replies still public now.
    std::map<std::int64_t, std::vector<store::ForumPostRecord>> by_thread;
    for (auto id : post_ids) {
      auto post = forum_.post(id);
      if (post && post->status == store::PostStatus::published && post->deleted_at.empty())
        by_thread[post->thread_id].push_back(std::move(*post));
    }
    std::string body = "Hello " + account->display_name + ",\n\nNew replies on Cancer Chat in " +
                       "the threads you watch:\n";
    int replies = 0;
    for (const auto& [thread_id, posts] : by_thread) {
      auto thread = forum_.thread(thread_id);
      if (!thread || thread->status != store::PostStatus::published)
        continue;
      body += "\n" + thread->title + " (" + std::to_string(posts.size()) +
              (posts.size() == 1 ? " new reply" : " new replies") + ")\n";
      for (const auto& p : posts) {
        body += "- " + (p.author_name.empty() ? std::string("A member") : p.author_name) + ": " +
                excerpt(p.body, 140) + "\n";
        ++replies;
      }
      body += settings_.public_url + "/forum/t/" + std::to_string(thread_id) + "#post-" +
              std::to_string(posts.front().id) + "\n";
    }
    if (replies == 0)
      continue;
    body += "\n" + settings_.site_name + "\n";
    queue(*account,
          "Cancer Chat: " + std::to_string(replies) +
              (replies == 1 ? " new reply" : " new replies") + " in threads you watch",
          std::move(body));
    ++sent;
  }
  return sent;
}

}  // namespace cairn::forum
