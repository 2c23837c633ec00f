// The shared UK places, loaded once for all the tests that need them.
#pragma once

#include <gtest/gtest.h>

#include "test_paths.hpp"
#include "trials/places.hpp"

namespace cairn::trials::testing {

inline const Places& uk_places() {
  static const Places kPlaces = [] {
    auto places = Places::load(geo("uk-places.csv"), geo("postcode-outcodes.csv"));
    if (!places) {
      ADD_FAILURE() << places.error().message;
      return Places();
    }
    return std::move(*places);
  }();
  return kPlaces;
}

}  // namespace cairn::trials::testing
