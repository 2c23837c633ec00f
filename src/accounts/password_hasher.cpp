#include "accounts/password_hasher.hpp"

#include <sodium.h>

#include <stdexcept>

namespace cairn::accounts {

namespace {

void start_sodium() {
  if (sodium_init() < 0)
    throw std::runtime_error("libsodium failed to start");
}

}  // namespace

PasswordHasher::PasswordHasher(HashCost cost) : cost_(cost) {
  start_sodium();
  unsigned char random[32];
  randombytes_buf(random, sizeof random);
  dummy_ = hash(std::string_view(reinterpret_cast<const char*>(random), sizeof random));
}

std::string PasswordHasher::hash(std::string_view password) const {
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(out, password.data(), password.size(), cost_.operations,
                            cost_.memory_bytes, crypto_pwhash_ALG_ARGON2ID13) != 0) {
    throw std::runtime_error("out of memory while hashing a password");
  }
  return out;
}

bool PasswordHasher::verify(std::string_view encoded, std::string_view password) const {
  // libsodium reads the encoded hash as a NUL-terminated string.
  if (encoded.empty() || encoded.size() >= crypto_pwhash_STRBYTES)
    return false;
  std::string copy(encoded);
  return crypto_pwhash_str_verify(copy.c_str(), password.data(), password.size()) == 0;
}

void PasswordHasher::verify_nothing(std::string_view password) const {
  (void)verify(dummy_, password);
}

bool PasswordHasher::needs_rehash(std::string_view encoded) const {
  if (encoded.empty() || encoded.size() >= crypto_pwhash_STRBYTES)
    return true;
  std::string copy(encoded);
  return crypto_pwhash_str_needs_rehash(copy.c_str(), cost_.operations, cost_.memory_bytes) != 0;
}

}  // namespace cairn::accounts
