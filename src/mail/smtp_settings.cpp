#include "mail/smtp_settings.hpp"

#include <cctype>

namespace cairn::mail {

bool implicit_tls(std::string_view url) {
  return url.starts_with("smtps://");
}

Result<std::string> parse_smtp_url(std::string_view url) {
  auto refused = [&] {
    return make_error(Errc::invalid_input,
                      "--smtp-url takes smtp://HOST[:PORT] or smtps://HOST[:PORT], e.g. "
                      "smtp://smtp.office365.com:587, not '" +
                          std::string(url) + "'");
  };
  std::string_view rest;
  if (url.starts_with("smtp://")) {
    rest = url.substr(7);
  } else if (url.starts_with("smtps://")) {
    rest = url.substr(8);
  } else {
    return refused();
  }
  if (rest.ends_with('/'))
    rest.remove_suffix(1);
  if (rest.empty() || rest.size() > 255)
    return refused();
  std::string_view host = rest;
  std::string_view port;
  bool has_port = false;
  if (rest.front() == '[') {
    auto close = rest.find(']');
    if (close == std::string_view::npos)
      return refused();
    host = rest.substr(1, close - 1);
    auto after = rest.substr(close + 1);
    if (!after.empty()) {
      if (after.front() != ':')
        return refused();
      port = after.substr(1);
      has_port = true;
    }
    for (char c : host) {
      if (!std::isxdigit(static_cast<unsigned char>(c)) && c != ':' && c != '.')
        return refused();
    }
  } else {
    auto colon = rest.find(':');
    if (colon != std::string_view::npos) {
      host = rest.substr(0, colon);
      port = rest.substr(colon + 1);
      has_port = true;
    }
    for (char c : host) {
      if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '.')
        return refused();
    }
  }
  if (host.empty())
    return refused();
  if (has_port) {
    if (port.empty() || port.size() > 5)
      return refused();
    int n = 0;
    for (char c : port) {
      if (!std::isdigit(static_cast<unsigned char>(c)))
        return refused();
      n = n * 10 + (c - '0');
    }
    if (n < 1 || n > 65535)
      return refused();
  }
  return std::string(url.substr(0, url.size() - (url.ends_with('/') ? 1 : 0)));
}

}  // namespace cairn::mail
