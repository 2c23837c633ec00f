// Where the trial tests find their fixtures and the shared real records.
#pragma once

#include <filesystem>
#include <string>

namespace cairn::trials::testing {

inline std::filesystem::path fixture(const std::string& name) {
  return std::filesystem::path(CAIRN_TEST_DATA) / "trials" / name;
}

inline std::filesystem::path real_trials(const std::string& name = "") {
  return std::filesystem::path(CAIRN_SHARED_DATA) / "trials" / name;
}

inline std::filesystem::path geo(const std::string& name) {
  return std::filesystem::path(CAIRN_SHARED_DATA) / "geo" / name;
}

}  // namespace cairn::trials::testing
