// Command-line flags shared by the subcommands (--listen, --data, --content,
// --threads, ...): parsed strictly, with a message a person can act on.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"

namespace cairn::app {

struct Options {
  std::string host = "127.0.0.1";
  unsigned short port = 8080;
  std::filesystem::path data_dir = "data";
  // --db postgresql://user@host:5432/cairn: the store is that PostgreSQL (every
  // node of a site names the same one) and --data holds only this node's own
  // files (its search index, cached page bodies). Without it, the store is
  // SQLite in --data. --db-pool N: connections this node keeps open to it.
  std::string db_url;
  int db_pool = 8;
  std::filesystem::path content_dir = "content";
  std::filesystem::path web_dir = "web";
  int threads = 0;  // 0: one per core
  // Open connections at most, and from one address (0: no limit; behind a
  // proxy, every connection is the proxy's). --max-connections N,
  // --max-connections-per-address N.
  int max_connections = 4096;
  int max_connections_per_address = 1024;
  bool secure_cookies = false;  // --secure-cookies on: the site is reached over HTTPS
  bool trust_proxy = false;     // --trust-proxy on: take the client from X-Forwarded-For
  std::string public_url;       // --public-url https://example.org: for links in emails
  // Mail: --smtp HOST:PORT (a plain relay on a trusted network) or --smtp-url
  // smtp://HOST:PORT (STARTTLS required unless --smtp-starttls off) or
  // smtps://HOST:PORT (implicit TLS). Neither: mail stays queued.
  std::string smtp_host;
  unsigned short smtp_port = 25;
  std::string smtp_url;                      // --smtp-url, checked
  std::optional<bool> smtp_starttls;         // --smtp-starttls on|off
  std::string smtp_user;                     // --smtp-user NAME (or CAIRN_SMTP_USER)
  std::filesystem::path smtp_password_file;  // --smtp-password-file PATH (or CAIRN_SMTP_PASSWORD)
  std::filesystem::path smtp_ca_file;        // --smtp-ca-file PATH: PEM CAs to trust
  std::string mail_from;                     // --mail-from ADDRESS: the sender of our emails
  // Cancer Chat: how long members may edit their own posts, the gap between a
  // new member's posts on their first day (0: no slow mode), and how often a
  // member who chose the digest gets one.
  int forum_edit_minutes = 30;        // --forum-edit-minutes N
  int forum_slow_mode_seconds = 120;  // --forum-slow-mode SECONDS
  int forum_digest_seconds = 86400;   // --forum-digest-seconds SECONDS
  // The trial registry (sync-trials, serve --sync-trials): its base address,
  // the gap between requests, the first wait after a failure (doubling after
  // each) and how many times a page is asked for before the run stops.
  std::string registry_url = "https://clinicaltrials.gov";  // --registry URL
  int registry_interval_ms = 1200;                          // --registry-interval-ms N
  int registry_backoff_ms = 2000;                           // --registry-backoff-ms N
  int registry_attempts = 6;                                // --registry-attempts N
  std::string trial_query;                                  // --query TEXT: query.term
  std::optional<int> sync_trials_hour;  // --sync-trials daily[@HH]: the hour, Europe/London
  // How often serve looks for editors' work that is due: scheduled revisions and the
  // weekly review reminders. --editor-tasks-ms N.
  int editor_tasks_ms = 30'000;
  // --clock-file PATH: the time is read from PATH (app/file_clock.hpp), for tests.
  std::filesystem::path clock_file;
  std::vector<std::string> positional;
};

// True when args name a data folder (--data DIR or --data=DIR): the trial
// commands refuse one beside --db, where it would mean nothing.
bool names_data_folder(const std::vector<std::string>& args);

// Parses args (without the program and subcommand names). `allowed` lists the
// flags this subcommand takes, e.g. {"--listen", "--data"}.
Result<Options> parse_options(const std::vector<std::string>& args,
                              const std::vector<std::string>& allowed);

}  // namespace cairn::app
