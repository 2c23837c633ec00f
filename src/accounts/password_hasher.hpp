// Password hashing with argon2id (libsodium). The default cost is OWASP's
// recommended minimum for argon2id: m = 19 MiB, t = 2, p = 1 (libsodium uses one lane).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace cairn::accounts {

struct HashCost {
  unsigned long long operations;  // argon2 t: passes over memory
  std::size_t memory_bytes;       // argon2 m
};

// OWASP Password Storage Cheat Sheet: argon2id, m=19456 KiB, t=2, p=1. Chosen
// over libsodium's INTERACTIVE (64 MiB) because hashing runs on the server's
// few request threads: ~60 ms a hash instead of ~250 ms on a small machine.
inline constexpr HashCost kOwaspCost{2, 19ull * 1024 * 1024};

class PasswordHasher {
 public:
  explicit PasswordHasher(HashCost cost = kOwaspCost);

  // An encoded "$argon2id$v=19$m=...,t=...,p=1$salt$hash" string with a fresh salt.
  // Throws std::runtime_error only if memory runs out.
  std::string hash(std::string_view password) const;
  // Constant-time check of a password against an encoded hash.
  bool verify(std::string_view encoded, std::string_view password) const;
  // Does the same work as verify() against a hash no password matches: used
  // when no account has the email, so the answer takes just as long.
  void verify_nothing(std::string_view password) const;
  // True when the hash was made with another cost (re-hash at next sign-in).
  bool needs_rehash(std::string_view encoded) const;

 private:
  HashCost cost_;
  std::string dummy_;  // a hash of random bytes, made with cost_
};

}  // namespace cairn::accounts
