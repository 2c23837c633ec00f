// What a form shows after it was sent: the visitor's CSRF token and the
// problems found, beside their fields or above the whole form.
#pragma once

#include "accounts/form_result.hpp"
#include "app/visitor.hpp"
#include "views/components.hpp"

namespace cairn::app {

views::FormState form_state(const Visitor& visitor, const accounts::FormProblems& problems = {});

}  // namespace cairn::app
