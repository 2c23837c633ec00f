// Fetches pages of studies from ClinicalTrials.gov API v2 politely: at most one
// request per minimum interval, and on 429, 5xx or a network failure it waits
// (the registry's Retry-After when given, else a doubling backoff) and asks again.
#pragma once

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.hpp"
#include "core/sleeper.hpp"
#include "trials/registry_page.hpp"
#include "trials/registry_query.hpp"
#include "trials/registry_transport.hpp"

namespace cairn::trials {

struct RegistrySettings {
  std::string registry = "https://clinicaltrials.gov";  // the API's base address
  // Between the starts of two requests: the registry asks for no more than
  // about 50 a minute.
  std::chrono::milliseconds min_interval{1200};
  std::chrono::milliseconds timeout{std::chrono::minutes(2)};  // one request, whole body
  int max_attempts = 6;                                        // per page, the first included
  std::chrono::milliseconds first_backoff{std::chrono::seconds(2)};
  // The longest wait before asking again; a Retry-After longer than this ends the
  // run (the next one carries on) rather than holding it for hours.
  std::chrono::milliseconds max_backoff{std::chrono::minutes(2)};
};

class RegistryClient {
 public:
  RegistryClient(RegistryTransport& transport, Sleeper& sleeper, RegistrySettings settings);

  // Told of each failed attempt that will be tried again, and how long it waits.
  void on_retry(std::function<void(const std::string& why, std::chrono::milliseconds wait)> f) {
    retry_listener_ = std::move(f);
  }

  // The page after `page_token` (empty: the first). Errors: unavailable when the
  // registry could not be reached or kept failing; invalid_input when it refused
  // the request or sent a page that is not a complete page of studies.
  Result<RegistryPage> fetch_page(const RegistryQuery& query, std::string_view page_token);

  int retries() const { return retries_; }
  int requests() const { return requests_; }
  const RegistrySettings& settings() const { return settings_; }

 private:
  void keep_interval();
  std::chrono::milliseconds backoff(int attempt) const;

  RegistryTransport& transport_;
  Sleeper& sleeper_;
  RegistrySettings settings_;
  std::function<void(const std::string&, std::chrono::milliseconds)> retry_listener_;
  std::optional<std::chrono::steady_clock::time_point> last_request_;
  int retries_ = 0;
  int requests_ = 0;
};

// Retry-After as a number of seconds ("120"); nothing for an HTTP date or junk.
std::optional<std::chrono::seconds> retry_after_seconds(std::string_view header);

}  // namespace cairn::trials
