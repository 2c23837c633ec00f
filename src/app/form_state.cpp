#include "app/form_state.hpp"

namespace cairn::app {

views::FormState form_state(const Visitor& visitor, const accounts::FormProblems& problems) {
  views::FormState state;
  state.csrf_token = visitor.csrf_token;
  for (const auto& p : problems.fields) state.errors.push_back({p.field, p.message});
  if (problems.refusal)
    state.refusal = problems.refusal->message;
  return state;
}

}  // namespace cairn::app
