#include "forum/forum_member_data.hpp"

namespace cairn::forum {

nlohmann::json ForumMemberData::export_for(std::int64_t account_id) {
  auto out = nlohmann::json::array();
  for (const auto& p : store_.posts_by(account_id)) {
    nlohmann::json post = {{"id", p.id},
                           {"thread_id", p.thread_id},
                           {"body", p.body},
                           {"status", store::to_string(p.status)},
                           {"created_at", p.created_at}};
    if (p.first_in_thread) {
      if (auto t = store_.thread(p.thread_id))
        post["thread_title"] = t->title;
    }
    if (!p.edited_at.empty())
      post["edited_by_moderator_at"] = p.edited_at;
    if (!p.author_edited_at.empty())
      post["edited_at"] = p.author_edited_at;
    if (!p.deleted_at.empty())
      post["deleted_at"] = p.deleted_at;
    if (!p.author_edited_at.empty() || !p.deleted_at.empty()) {
      auto earlier = nlohmann::json::array();
      for (const auto& v : store_.post_versions(p.id))
        earlier.push_back({{"body", v.body}, {"replaced_at", v.replaced_at}, {"why", v.why}});
      post["earlier_texts"] = std::move(earlier);
    }
    out.push_back(std::move(post));
  }
  return out;
}

void ForumMemberData::account_deleted(std::int64_t account_id, accounts::PostChoice choice) {
  if (choice == accounts::PostChoice::remove) {
    store_.remove_posts_by(account_id, kRemovedPostText);
  } else {
    store_.detach_author(account_id);
  }
}

nlohmann::json ForumMemberSettingsData::export_for(std::int64_t account_id) {
  auto watched = nlohmann::json::array();
  for (auto id : members_.watched_threads(account_id, 1 << 20)) watched.push_back(id);
  auto messages = nlohmann::json::array();
  for (const auto& m : members_.messages_for(account_id)) {
    messages.push_back({{"from", m.moderator_name},
                        {"body", m.body},
                        {"sent_at", m.created_at},
                        {"read_at", m.read_at}});
  }
  return {{"email_about_replies", store::to_string(members_.mail_choice(account_id))},
          {"watched_thread_ids", std::move(watched)},
          {"messages_from_moderators", std::move(messages)}};
}

// The store removes the member's watches, choices and messages with the account.
void ForumMemberSettingsData::account_deleted(std::int64_t, accounts::PostChoice) {}

}  // namespace cairn::forum
