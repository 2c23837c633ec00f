// The shared temporary store (tests/unit/temp_store.hpp), under the name the
// trials tests use.
#pragma once

#include "../temp_store.hpp"

namespace cairn::trials::testing {

using cairn::testing::TempStore;

}  // namespace cairn::trials::testing
