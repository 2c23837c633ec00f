// How a typed value is spelt in a text column: one table per enum, read both
// ways, so each spelling is written once.
#pragma once

#include <span>
#include <string_view>
#include <utility>

namespace cairn::store {

template <class Enum>
using StoredNames = std::span<const std::pair<Enum, std::string_view>>;

template <class Enum>
std::string_view stored_name(StoredNames<Enum> names, Enum value, std::string_view otherwise) {
  for (const auto& [v, name] : names) {
    if (v == value)
      return name;
  }
  return otherwise;
}

// `otherwise` for a spelling the table does not know: the safe reading.
template <class Enum>
Enum stored_value(StoredNames<Enum> names, std::string_view stored, Enum otherwise) {
  for (const auto& [v, name] : names) {
    if (name == stored)
      return v;
  }
  return otherwise;
}

}  // namespace cairn::store
