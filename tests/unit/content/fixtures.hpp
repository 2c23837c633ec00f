// Reading fixture files from tests/data/content for the content tests.
#pragma once

#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>

namespace cairn::content::testing {

inline std::filesystem::path data_dir() {
  return std::filesystem::path(CAIRN_TEST_DATA) / "content";
}

inline std::string read_fixture(const std::string& relative) {
  std::ifstream in(data_dir() / relative, std::ios::binary);
  if (!in)
    throw std::runtime_error("missing fixture " + relative);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace cairn::content::testing
