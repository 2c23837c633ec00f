// The forum's part in "download my data" and "delete my account": a member's
// posts (with the earlier texts of their own edits) are exported, and on
// deletion kept as by "deleted member" or removed.
#pragma once

#include "accounts/member_data.hpp"
#include "store/forum_member_store.hpp"
#include "store/forum_store.hpp"

namespace cairn::forum {

inline constexpr std::string_view kRemovedPostText = "This post was removed by its author.";

class ForumMemberData final : public accounts::MemberData {
 public:
  explicit ForumMemberData(store::ForumStore& store) : store_(store) {}
  std::string section() const override { return "forum_posts"; }
  nlohmann::json export_for(std::int64_t account_id) override;
  void account_deleted(std::int64_t account_id, accounts::PostChoice choice) override;

 private:
  store::ForumStore& store_;
};

// The rest of a member's Cancer Chat data: their email choice, the threads
// they watch and the messages moderators sent them.
class ForumMemberSettingsData final : public accounts::MemberData {
 public:
  explicit ForumMemberSettingsData(store::ForumMemberStore& members) : members_(members) {}
  std::string section() const override { return "forum_settings"; }
  nlohmann::json export_for(std::int64_t account_id) override;
  void account_deleted(std::int64_t account_id, accounts::PostChoice choice) override;

 private:
  store::ForumMemberStore& members_;
};

}  // namespace cairn::forum
