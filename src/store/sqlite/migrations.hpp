// The SQLite schema, as numbered steps applied in order, each once.
#pragma once

#include <string_view>
#include <vector>

namespace cairn::store::sqlite {

struct Migration {
  int version;
  std::string_view description;
  std::string_view sql;
};

const std::vector<Migration>& migrations();

}  // namespace cairn::store::sqlite
