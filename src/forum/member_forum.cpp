#include "forum/member_forum.hpp"

#include <algorithm>
#include <map>

#include "core/iso_time.hpp"

namespace cairn::forum {

MemberForum::MemberForum(store::ForumStore& forum, store::ForumMemberStore& members,
                         const Clock& clock)
    : forum_(forum), members_(members), clock_(clock) {}

std::vector<OwnPost> MemberForum::own_posts(const accounts::Account& member) {
  auto posts = forum_.posts_by(member.id);
  std::reverse(posts.begin(), posts.end());
  if (posts.size() > static_cast<std::size_t>(kOwnPostsShown))
    posts.resize(kOwnPostsShown);
  std::map<std::int64_t, std::string> titles;
  std::vector<OwnPost> out;
  for (auto& p : posts) {
    // A post a moderator hid is not the member's to list as theirs on the forum.
    if (p.status == store::PostStatus::hidden)
      continue;
    auto it = titles.find(p.thread_id);
    if (it == titles.end()) {
      auto t = forum_.thread(p.thread_id);
      it = titles.emplace(p.thread_id, t ? t->title : std::string()).first;
    }
    out.push_back({std::move(p), it->second});
  }
  return out;
}

std::vector<store::ForumThreadRecord> MemberForum::watched_threads(
    const accounts::Account& member) {
  std::vector<store::ForumThreadRecord> out;
  for (auto id : members_.watched_threads(member.id, kWatchedThreadsShown)) {
    auto t = forum_.thread(id);
    // A thread hidden since is no longer there for the member.
    if (t && (t->status == store::PostStatus::published ||
              (t->status == store::PostStatus::held && t->author_id == member.id)))
      out.push_back(std::move(*t));
  }
  return out;
}

store::MailChoice MemberForum::mail_choice(const accounts::Account& member) {
  return members_.mail_choice(member.id);
}

Status MemberForum::set_mail_choice(const accounts::Account& member, std::string_view choice) {
  if (choice != "each" && choice != "digest" && choice != "off")
    return make_error(Errc::invalid_input, "Choose how you want to hear about replies", "mail");
  auto now = std::chrono::duration_cast<std::chrono::seconds>(clock_.now().time_since_epoch());
  members_.set_mail_choice(member.id, store::parse_mail_choice(choice), now.count());
  return Ok{};
}

std::vector<store::ForumMessageRecord> MemberForum::messages(const accounts::Account& member) {
  return members_.messages_for(member.id);
}

int MemberForum::unread_messages(const accounts::Account& member) {
  return members_.unread_messages(member.id);
}

Result<store::ForumMessageRecord> MemberForum::open_message(const accounts::Account& member,
                                                            std::int64_t id) {
  auto m = members_.message(id);
  if (!m || m->member_id != member.id)
    return make_error(Errc::not_found, "There is no such message.");
  if (m->read_at.empty()) {
    m->read_at = iso_date_time(clock_.now());
    members_.mark_message_read(id, m->read_at);
  }
  return std::move(*m);
}

}  // namespace cairn::forum
