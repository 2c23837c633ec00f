// A page revision's state as the database keeps it (a text column): the one
// place it turns into text and back.
#include "store/page_store.hpp"

#include "store/stored_names.hpp"

namespace cairn::store {

namespace {

constexpr std::pair<RevisionState, std::string_view> kStates[] = {
    {RevisionState::draft, "draft"},
    {RevisionState::in_review, "in_review"},
    {RevisionState::returned, "returned"},
    {RevisionState::scheduled, "scheduled"},
    {RevisionState::published, "published"}};

}  // namespace

std::string_view to_string(RevisionState state) {
  return stored_name<RevisionState>(kStates, state, "published");
}

RevisionState parse_revision_state(std::string_view stored) {
  return stored_value<RevisionState>(kStates, stored, RevisionState::published);
}

}  // namespace cairn::store
