// A nurse message's status as the database keeps it (a text column): the one
// place it turns into text and back.
#include "store/nurse_message_store.hpp"

#include "store/stored_names.hpp"

namespace cairn::store {

namespace {

constexpr std::pair<NurseMessageStatus, std::string_view> kStatuses[] = {
    {NurseMessageStatus::open, "open"},
    {NurseMessageStatus::assigned, "assigned"},
    {NurseMessageStatus::answered, "answered"}};

}  // namespace

std::string_view to_string(NurseMessageStatus status) {
  return stored_name<NurseMessageStatus>(kStatuses, status, "open");
}

NurseMessageStatus parse_nurse_message_status(std::string_view stored) {
  return stored_value<NurseMessageStatus>(kStatuses, stored, NurseMessageStatus::open);
}

}  // namespace cairn::store
