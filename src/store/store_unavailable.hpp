// Thrown by a store whose database cannot be reached just now (PostgreSQL
// restarting, the network to it down): the write was not made, and a later
// attempt may succeed. The web app answers it with 503, not 500.
#pragma once

#include <stdexcept>

namespace cairn::store {

class StoreUnavailable : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace cairn::store
