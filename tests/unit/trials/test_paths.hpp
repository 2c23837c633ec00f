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

// The site's own list of words that name a cancer.
inline std::filesystem::path cancer_words() {
  return std::filesystem::path(CAIRN_SOURCE_DIR) / "content" / "trials" / "cancer-words.txt";
}

inline std::filesystem::path geo(const std::string& name) {
  return std::filesystem::path(CAIRN_SHARED_DATA) / "geo" / name;
}

}  // namespace cairn::trials::testing
