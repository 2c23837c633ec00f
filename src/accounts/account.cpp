#include "accounts/account.hpp"

namespace cairn::accounts {

Account account_from_record(const store::AccountRecord& record) {
  Account a;
  a.id = record.id;
  a.email = record.email;
  a.display_name = record.display_name;
  a.role = parse_role(record.role).value_or(Role::member);
  a.suspended = record.status != "active";
  a.over_14 = record.over_14;
  a.rules_accepted_at = record.rules_accepted_at;
  a.created_at = record.created_at;
  return a;
}

}  // namespace cairn::accounts
