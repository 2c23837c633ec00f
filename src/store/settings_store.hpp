// Small values every node must agree on (e.g. the secret behind CSRF tokens),
// kept in the database so all nodes share them.
#pragma once

#include <string>
#include <string_view>

namespace cairn::store {

class SettingsStore {
 public:
  virtual ~SettingsStore() = default;
  // The value under `key`; if there is none yet, `initial` is stored and returned.
  // The first node to ask decides for all.
  virtual std::string get_or_create(std::string_view key, std::string_view initial) = 0;
};

}  // namespace cairn::store
