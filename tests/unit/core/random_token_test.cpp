// random_token: its length and alphabet (its values cannot be predicted, on purpose).
#include "core/random_token.hpp"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace cairn {
namespace {

bool is_base64url(const std::string& text) {
  for (char c : text) {
    bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
              c == '-' || c == '_';
    if (!ok)
      return false;
  }
  return true;
}

TEST(RandomToken, LengthFollowsTheBytes) {
  struct Case {
    std::size_t bytes;
    std::size_t chars;  // unpadded base64url: 4 characters per 3 bytes, rounded up
  };
  for (auto [bytes, chars] :
       {Case{0, 0}, Case{1, 2}, Case{2, 3}, Case{3, 4}, Case{18, 24}, Case{32, 43}, Case{64, 86}}) {
    auto token = random_token(bytes);
    EXPECT_EQ(token.size(), chars) << bytes << " bytes";
    EXPECT_TRUE(is_base64url(token)) << token;
  }
}

TEST(RandomToken, DefaultIs32BytesIn43Characters) {
  EXPECT_EQ(random_token().size(), 43u);
}

TEST(RandomToken, NeverRepeats) {
  std::set<std::string> seen;
  for (int i = 0; i < 1000; ++i) EXPECT_TRUE(seen.insert(random_token()).second);
}

}  // namespace
}  // namespace cairn
