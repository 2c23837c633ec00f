// A person's account as the rest of Cairn sees it: no password hash, and an
// email that is never shown to anyone but its owner.
#pragma once

#include <cstdint>
#include <string>

#include "accounts/role.hpp"
#include "store/account_store.hpp"

namespace cairn::accounts {

struct Account {
  std::int64_t id = 0;
  std::string email;
  std::string display_name;
  Role role = Role::member;
  bool suspended = false;
  bool over_14 = false;
  std::string rules_accepted_at;  // ISO 8601 UTC; empty if never
  std::string created_at;         // ISO 8601 UTC
};

// The stored record without its hash; an unknown role reads as member (the
// schema does not allow one, so this only guards against a hand-edited file).
Account account_from_record(const store::AccountRecord& record);

}  // namespace cairn::accounts
