#include "http/csrf.hpp"

#include <sodium.h>

#include <cctype>
#include <stdexcept>

#include "http/form.hpp"

namespace cairn::http {

namespace {

constexpr std::size_t kVisitorBytes = 32;

std::string base64url(const unsigned char* bytes, std::size_t size) {
  std::string out(sodium_base64_ENCODED_LEN(size, sodium_base64_VARIANT_URLSAFE_NO_PADDING), '\0');
  sodium_bin2base64(out.data(), out.size(), bytes, size, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  out.resize(out.find('\0'));
  return out;
}

// A visitor id we could have made: 43 base64url characters.
bool plausible_visitor_id(std::string_view id) {
  if (id.size() !=
      sodium_base64_ENCODED_LEN(kVisitorBytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING) - 1) {
    return false;
  }
  for (unsigned char c : id) {
    if (!std::isalnum(c) && c != '-' && c != '_')
      return false;
  }
  return true;
}

Status refused() {
  return make_error(Errc::forbidden,
                    "This form has expired or did not come from this website, so nothing was "
                    "changed. Go back, reload the page and try again.");
}

}  // namespace

CsrfGuard::CsrfGuard(std::string_view secret_hex, CookieOptions cookies) : cookies_(cookies) {
  if (sodium_init() < 0)
    throw std::runtime_error("libsodium failed to start");
  unsigned char raw[crypto_auth_hmacsha256_KEYBYTES];
  std::size_t length = 0;
  if (secret_hex.size() != 2 * sizeof raw ||
      sodium_hex2bin(raw, sizeof raw, secret_hex.data(), secret_hex.size(), nullptr, &length,
                     nullptr) != 0 ||
      length != sizeof raw) {
    throw std::invalid_argument("the CSRF secret must be 64 hex digits");
  }
  secret_.assign(reinterpret_cast<const char*>(raw), sizeof raw);
  sodium_memzero(raw, sizeof raw);
}

std::string CsrfGuard::new_secret() {
  if (sodium_init() < 0)
    throw std::runtime_error("libsodium failed to start");
  unsigned char raw[crypto_auth_hmacsha256_KEYBYTES];
  randombytes_buf(raw, sizeof raw);
  char hex[sizeof raw * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, raw, sizeof raw);
  return hex;
}

std::string CsrfGuard::token_for(std::string_view visitor_id) const {
  unsigned char mac[crypto_auth_hmacsha256_BYTES];
  crypto_auth_hmacsha256(mac, reinterpret_cast<const unsigned char*>(visitor_id.data()),
                         visitor_id.size(), reinterpret_cast<const unsigned char*>(secret_.data()));
  return base64url(mac, sizeof mac);
}

CsrfGuard::Visit CsrfGuard::visit_for(std::string visitor_id, bool is_new) const {
  Visit v;
  v.token = token_for(visitor_id);
  if (is_new)
    v.set_cookie = set_cookie(kCookie, visitor_id, cookies_);
  return v;
}

CsrfGuard::Visit CsrfGuard::visit(const Request& request) const {
  auto id = cookie(request, kCookie);
  if (id && plausible_visitor_id(*id))
    return visit_for(std::move(*id), false);
  return renew();
}

CsrfGuard::Visit CsrfGuard::renew() const {
  unsigned char raw[kVisitorBytes];
  randombytes_buf(raw, sizeof raw);
  return visit_for(base64url(raw, sizeof raw), true);
}

Status CsrfGuard::verify(const Request& request) const {
  auto id = cookie(request, kCookie);
  if (!id || !plausible_visitor_id(*id))
    return refused();
  std::string sent(request.header(kHeader));
  if (sent.empty() && is_form_post(request)) {
    auto form = parse_form(request);
    if (form)
      sent = form->get(std::string(kField));
  }
  std::string expected = token_for(*id);
  // The length of a token is no secret; its bytes are compared in constant time.
  if (sent.size() != expected.size() ||
      sodium_memcmp(sent.data(), expected.data(), expected.size()) != 0) {
    return refused();
  }
  return Ok{};
}

}  // namespace cairn::http
