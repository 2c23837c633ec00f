// Command-line flags shared by the subcommands (--listen, --data, --content,
// --threads, ...): parsed strictly, with a message a person can act on.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "core/result.hpp"

namespace cairn::app {

struct Options {
  std::string host = "127.0.0.1";
  unsigned short port = 8080;
  std::filesystem::path data_dir = "data";
  std::filesystem::path content_dir = "content";
  std::filesystem::path web_dir = "web";
  int threads = 0;              // 0: one per core
  bool secure_cookies = false;  // --secure-cookies on: the site is reached over HTTPS
  bool trust_proxy = false;     // --trust-proxy on: take the client from X-Forwarded-For
  std::string public_url;       // --public-url https://example.org: for links in emails
  std::string smtp_host;        // --smtp HOST:PORT: where mail goes; empty: mail stays queued
  unsigned short smtp_port = 25;
  std::string mail_from;  // --mail-from ADDRESS: the sender of our emails
  std::vector<std::string> positional;
};

// Parses args (without the program and subcommand names). `allowed` lists the
// flags this subcommand takes, e.g. {"--listen", "--data"}.
Result<Options> parse_options(const std::vector<std::string>& args,
                              const std::vector<std::string>& allowed);

}  // namespace cairn::app
