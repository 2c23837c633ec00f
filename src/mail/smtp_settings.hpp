// Where and how mail goes: the relay's URL and what it asks of us. Built by
// the app from --smtp HOST:PORT (a plain local relay) or --smtp-url URL with
// its TLS, login and CA settings.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.hpp"

namespace cairn::mail {

struct SmtpSettings {
  // "smtp://relay.example.org:587" (STARTTLS when `starttls`, else plain) or
  // "smtps://relay.example.org:465" (TLS from the first byte).
  std::string url;
  bool starttls = false;  // refuse to send unless the relay upgrades to TLS
  std::string username;   // AUTH; empty: no login
  std::string password;   // never logged
  std::string ca_file;    // PEM file of CAs to trust instead of the system's; empty: system
  std::string helo_name = "localhost";
  std::chrono::milliseconds connect_timeout{10000};
  std::chrono::milliseconds timeout{60000};  // for the whole mail
};

// Checks an --smtp-url value: smtp:// or smtps://, a host, an optional port
// and nothing after it. Returns it without a trailing "/".
Result<std::string> parse_smtp_url(std::string_view url);

// True when the URL sends TLS from the first byte (smtps://).
bool implicit_tls(std::string_view url);

}  // namespace cairn::mail
