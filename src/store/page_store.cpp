// A page revision's state as the database keeps it (a text column): the one
// place it turns into text and back.
#include "store/page_store.hpp"

namespace cairn::store {

std::string_view to_string(RevisionState state) {
  switch (state) {
    case RevisionState::draft:
      return "draft";
    case RevisionState::in_review:
      return "in_review";
    case RevisionState::returned:
      return "returned";
    case RevisionState::published:
      return "published";
  }
  return "published";
}

RevisionState parse_revision_state(std::string_view stored) {
  if (stored == "draft")
    return RevisionState::draft;
  if (stored == "in_review")
    return RevisionState::in_review;
  if (stored == "returned")
    return RevisionState::returned;
  return RevisionState::published;
}

}  // namespace cairn::store
