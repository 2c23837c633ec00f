// A nurse message's status as the database keeps it (a text column): the one
// place it turns into text and back.
#include "store/nurse_message_store.hpp"

namespace cairn::store {

std::string_view to_string(NurseMessageStatus status) {
  switch (status) {
    case NurseMessageStatus::open:
      return "open";
    case NurseMessageStatus::assigned:
      return "assigned";
    case NurseMessageStatus::answered:
      return "answered";
  }
  return "open";
}

NurseMessageStatus parse_nurse_message_status(std::string_view stored) {
  if (stored == "assigned")
    return NurseMessageStatus::assigned;
  if (stored == "answered")
    return NurseMessageStatus::answered;
  return NurseMessageStatus::open;
}

}  // namespace cairn::store
