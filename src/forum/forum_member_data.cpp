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

}  // namespace cairn::forum
