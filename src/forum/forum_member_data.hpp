// The forum's part in "download my data" and "delete my account": a member's
// posts are exported, and on deletion kept as by "deleted member" or removed.
#pragma once

#include "accounts/member_data.hpp"
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

}  // namespace cairn::forum
