// blake2b_hex against published BLAKE2b values, and hash_token built on it.
#include "core/digest.hpp"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>

#include "core/token_hash.hpp"

namespace cairn {
namespace {

struct DigestCase {
  std::string data;
  std::size_t bytes;
  std::string hex;
};

TEST(Blake2bHex, MatchesKnownDigests) {
  for (const auto& c : {
           DigestCase{"", 32, "0e5751c026e543b2e8ab2eb06099daa1d1e5df47778f7787faab45cdf12fe3a8"},
           DigestCase{"abc", 32,
                      "bddd813c634239723171ef3fee98579b94964e3bb1cb3e427262c8c068d52319"},
           DigestCase{"abc", 64,
                      "ba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d1"
                      "7d87c5392aab792dc252d5de4533cc9518d38aa8dbf1925ab92386edd4009923"},
           DigestCase{"abc", 16, "cf4ab791c62b8d2b2109c90275287816"},
           DigestCase{"<h1>Hello</h1>", 16, "25cb00d03c73ad09d25012da2d09e265"},
       }) {
    EXPECT_EQ(blake2b_hex(c.data, c.bytes), c.hex) << c.data << ", " << c.bytes << " bytes";
  }
}

TEST(Blake2bHex, DefaultIs32Bytes) {
  EXPECT_EQ(blake2b_hex("The quick brown fox jumps over the lazy dog"),
            "01718cec35cd3d796dd00020e0bfecb473ad23457d063b75eff29c0ffa2e58a9");
}

TEST(Blake2bHex, ReadsEveryByteNotUpToANul) {
  EXPECT_NE(blake2b_hex(std::string("a\0b", 3)), blake2b_hex("a"));
}

TEST(Blake2bHex, RefusesLengthsBLAKE2bHasNot) {
  EXPECT_THROW(blake2b_hex("abc", 15), std::invalid_argument);
  EXPECT_THROW(blake2b_hex("abc", 65), std::invalid_argument);
}

TEST(HashToken, IsTheHexOfBlake2b256) {
  // A session token's shape: 43 characters of base64url.
  std::string token = "q8Vv0c2ZlQ4mO1r7cX9tJm3nB6yE5aWkD0fHs2uLpRg";
  EXPECT_EQ(hash_token(token), blake2b_hex(token, 32));
  EXPECT_EQ(hash_token(token).size(), 64u);
  EXPECT_NE(hash_token(token), hash_token(token + "x"));
}

}  // namespace
}  // namespace cairn
