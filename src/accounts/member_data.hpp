// How parts that keep a member's data (the forum's posts, the nurse inbox's
// messages) join in when the member downloads their data or deletes their
// account. They register with AccountService::add_member_data.
#pragma once

#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

namespace cairn::accounts {

// What happens to a deleted member's posts: the member chooses.
enum class PostChoice {
  keep_as_deleted_member,  // posts stay, shown as by "deleted member"
  remove,                  // posts are removed
};

class MemberData {
 public:
  virtual ~MemberData() = default;
  // The key for this part's section of the data download, e.g. "forum_posts".
  virtual std::string section() const = 0;
  virtual nlohmann::json export_for(std::int64_t account_id) = 0;
  // Called before the account is removed.
  virtual void account_deleted(std::int64_t account_id, PostChoice choice) = 0;
};

}  // namespace cairn::accounts
