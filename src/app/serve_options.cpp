#include "app/serve_options.hpp"

#include <algorithm>
#include <charconv>
#include <thread>

#include "mail/smtp_settings.hpp"

namespace cairn::app {

namespace {

Result<int> parse_int(std::string_view text, int min, int max, const std::string& flag) {
  int value = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || ptr != text.data() + text.size() || value < min || value > max) {
    return make_error(Errc::invalid_input, flag + " must be a whole number from " +
                                               std::to_string(min) + " to " + std::to_string(max) +
                                               ", not '" + std::string(text) + "'");
  }
  return value;
}

struct HostPort {
  std::string host;
  unsigned short port = 0;
};

// "127.0.0.1:8080", "[::1]:25", "mail.example.org:25".
Result<HostPort> parse_host_port(std::string_view value, const std::string& flag,
                                 std::string_view example) {
  auto colon = value.rfind(':');
  if (colon == std::string_view::npos || colon == 0) {
    return make_error(Errc::invalid_input, flag + " takes HOST:PORT, e.g. " + std::string(example));
  }
  auto port = parse_int(value.substr(colon + 1), 0, 65535, "the port");
  if (!port)
    return port.error();
  HostPort out{std::string(value.substr(0, colon)), static_cast<unsigned short>(*port)};
  if (out.host.size() > 2 && out.host.front() == '[' && out.host.back() == ']') {
    out.host = out.host.substr(1, out.host.size() - 2);
  }
  return out;
}

// "https://example.org" or "http://host:port", without a path; a trailing
// slash is dropped.
Result<std::string> parse_base_url(std::string value, const std::string& flag,
                                   std::string_view what, std::string_view example) {
  while (value.ends_with('/')) value.pop_back();
  auto scheme_end = value.find("://");
  std::string scheme = scheme_end == std::string::npos ? "" : value.substr(0, scheme_end);
  std::string host = scheme_end == std::string::npos ? "" : value.substr(scheme_end + 3);
  bool ok = (scheme == "http" || scheme == "https") && !host.empty();
  for (unsigned char c : host) {
    if (c <= 0x20 || c >= 0x7F || c == '/' || c == '?' || c == '#' || c == '@' || c == '\\') {
      ok = false;
    }
  }
  if (!ok) {
    return make_error(Errc::invalid_input, flag + " takes " + std::string(what) +
                                               " without a path, e.g. " + std::string(example) +
                                               ", not '" + value + "'");
  }
  return value;
}

// "daily" (at 03:00) or "daily@HH".
Result<int> parse_daily_hour(std::string_view value) {
  constexpr int kDefaultHour = 3;
  if (value == "daily")
    return kDefaultHour;
  if (value.starts_with("daily@") && value.size() <= 8)
    return parse_int(value.substr(6), 0, 23, "the hour in --sync-trials daily@HH");
  return make_error(Errc::invalid_input,
                    "--sync-trials takes daily or daily@HH (an hour from 00 to 23, "
                    "Europe/London), not '" +
                        std::string(value) + "'");
}

}  // namespace

bool names_data_folder(const std::vector<std::string>& args) {
  return std::any_of(args.begin(), args.end(), [](const std::string& a) {
    return a == "--data" || a.starts_with("--data=");
  });
}

Result<Options> parse_options(const std::vector<std::string>& args,
                              const std::vector<std::string>& allowed) {
  Options o;
  for (size_t i = 0; i < args.size(); ++i) {
    std::string flag = args[i];
    std::string value;
    bool has_inline = false;
    if (flag.starts_with("--")) {
      if (auto eq = flag.find('='); eq != std::string::npos) {
        value = flag.substr(eq + 1);
        flag = flag.substr(0, eq);
        has_inline = true;
      }
    } else {
      o.positional.push_back(flag);
      continue;
    }
    if (std::find(allowed.begin(), allowed.end(), flag) == allowed.end()) {
      return make_error(Errc::invalid_input, "unknown option " + flag);
    }
    if (!has_inline) {
      if (i + 1 >= args.size())
        return make_error(Errc::invalid_input, flag + " needs a value");
      value = args[++i];
    }
    if (flag == "--listen") {
      auto listen = parse_host_port(value, flag, "127.0.0.1:8080");
      if (!listen)
        return listen.error();
      o.host = listen->host;
      o.port = listen->port;
    } else if (flag == "--data") {
      o.data_dir = value;
    } else if (flag == "--db") {
      if (!value.starts_with("postgresql://") && !value.starts_with("postgres://")) {
        return make_error(Errc::invalid_input,
                          "--db takes a PostgreSQL address, e.g. "
                          "postgresql://cairn@db.example.org:5432/cairn");
      }
      o.db_url = value;
    } else if (flag == "--db-pool") {
      auto pool = parse_int(value, 1, 200, "--db-pool");
      if (!pool)
        return pool.error();
      o.db_pool = *pool;
    } else if (flag == "--content") {
      o.content_dir = value;
    } else if (flag == "--web") {
      o.web_dir = value;
    } else if (flag == "--secure-cookies" || flag == "--trust-proxy" || flag == "--smtp-starttls") {
      if (value != "on" && value != "off") {
        return make_error(Errc::invalid_input, flag + " takes on or off, not '" + value + "'");
      }
      if (flag == "--smtp-starttls") {
        o.smtp_starttls = value == "on";
      } else {
        (flag == "--secure-cookies" ? o.secure_cookies : o.trust_proxy) = value == "on";
      }
    } else if (flag == "--smtp-url") {
      auto url = mail::parse_smtp_url(value);
      if (!url)
        return url.error();
      o.smtp_url = *url;
    } else if (flag == "--smtp-user") {
      if (value.empty() || value.size() > 256)
        return make_error(Errc::invalid_input, "--smtp-user takes the relay's login name");
      o.smtp_user = value;
    } else if (flag == "--smtp-password-file") {
      o.smtp_password_file = value;
    } else if (flag == "--smtp-ca-file") {
      o.smtp_ca_file = value;
    } else if (flag == "--smtp") {
      auto smtp = parse_host_port(value, flag, "127.0.0.1:25");
      if (!smtp)
        return smtp.error();
      if (smtp->port == 0)
        return make_error(Errc::invalid_input, "--smtp needs a port from 1");
      o.smtp_host = smtp->host;
      o.smtp_port = smtp->port;
    } else if (flag == "--public-url") {
      auto url = parse_base_url(value, flag, "the site's address", "https://cairn.example.org");
      if (!url)
        return url.error();
      o.public_url = *url;
    } else if (flag == "--registry") {
      auto url = parse_base_url(value, flag, "the registry API's base address",
                                "https://clinicaltrials.gov");
      if (!url)
        return url.error();
      o.registry_url = *url;
    } else if (flag == "--registry-interval-ms") {
      auto n = parse_int(value, 0, 60'000, flag);
      if (!n)
        return n.error();
      o.registry_interval_ms = *n;
    } else if (flag == "--registry-backoff-ms") {
      auto n = parse_int(value, 0, 600'000, flag);
      if (!n)
        return n.error();
      o.registry_backoff_ms = *n;
    } else if (flag == "--registry-attempts") {
      auto n = parse_int(value, 1, 20, flag);
      if (!n)
        return n.error();
      o.registry_attempts = *n;
    } else if (flag == "--query") {
      if (value.empty() || value.size() > 500)
        return make_error(Errc::invalid_input, "--query takes the words to ask the registry for");
      o.trial_query = value;
    } else if (flag == "--sync-trials") {
      auto hour = parse_daily_hour(value);
      if (!hour)
        return hour.error();
      o.sync_trials_hour = *hour;
    } else if (flag == "--mail-from") {
      bool ok = value.find('@') != std::string::npos && value.size() <= 254;
      for (unsigned char c : value) ok = ok && c > 0x20 && c != 0x7F && c != '<' && c != '>';
      if (!ok) {
        return make_error(Errc::invalid_input,
                          "--mail-from takes an email address, e.g. nurses@example.org");
      }
      o.mail_from = value;
    } else if (flag == "--max-connections") {
      auto n = parse_int(value, 1, 1'000'000, flag);
      if (!n)
        return n.error();
      o.max_connections = *n;
    } else if (flag == "--max-connections-per-address") {
      auto n = parse_int(value, 0, 1'000'000, flag);
      if (!n)
        return n.error();
      o.max_connections_per_address = *n;
    } else if (flag == "--threads") {
      auto n = parse_int(value, 1, 256, "--threads");
      if (!n)
        return n.error();
      o.threads = *n;
    } else if (flag == "--forum-edit-minutes") {
      auto n = parse_int(value, 0, 24 * 60, "--forum-edit-minutes");
      if (!n)
        return n.error();
      o.forum_edit_minutes = *n;
    } else if (flag == "--forum-slow-mode") {
      auto n = parse_int(value, 0, 24 * 3600, "--forum-slow-mode");
      if (!n)
        return n.error();
      o.forum_slow_mode_seconds = *n;
    } else if (flag == "--editor-tasks-ms") {
      auto n = parse_int(value, 50, 3'600'000, flag);
      if (!n)
        return n.error();
      o.editor_tasks_ms = *n;
    } else if (flag == "--clock-file") {
      o.clock_file = value;
    } else if (flag == "--forum-digest-seconds") {
      auto n = parse_int(value, 1, 7 * 24 * 3600, "--forum-digest-seconds");
      if (!n)
        return n.error();
      o.forum_digest_seconds = *n;
    }
  }
  if (!o.smtp_host.empty() && !o.smtp_url.empty())
    return make_error(Errc::invalid_input, "give --smtp or --smtp-url, not both");
  if (o.smtp_url.starts_with("smtps://") && o.smtp_starttls)
    return make_error(Errc::invalid_input,
                      "--smtp-starttls is for smtp:// URLs; smtps:// is TLS from the start");
  if (o.threads == 0)
    o.threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  return o;
}

}  // namespace cairn::app
