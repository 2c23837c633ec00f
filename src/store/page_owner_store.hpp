// Who looks after each page (an editor's account), and which week's review
// reminder each owner has been sent: claimed in the database, so with several
// nodes an owner still gets one reminder a week.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>

namespace cairn::store {

class PageOwnerStore {
 public:
  virtual ~PageOwnerStore() = default;
  // Sets (or, with account_id 0, clears) the owner of the page at `path`.
  virtual void set_owner(const std::string& path, std::int64_t account_id) = 0;
  // Every page that has an owner: path -> account id.
  virtual std::map<std::string, std::int64_t> owners() = 0;
  // True when `week` (ISO 8601 UTC: when that week's reminders are due) is later than
  // the last week the owner's reminder was claimed for, and records it; false when
  // this week's reminder is already claimed (by this node or another).
  virtual bool claim_reminder(std::int64_t account_id, std::string_view week) = 0;
};

}  // namespace cairn::store
