#include "trials/registry_client.hpp"

#include <algorithm>
#include <charconv>

#include "core/text.hpp"

namespace cairn::trials {

namespace {

bool worth_retrying(long status) {
  return status == 429 || (status >= 500 && status <= 599);
}

// The start of what the registry said, for a refused request's message.
std::string said(const std::string& body) {
  constexpr std::size_t kShown = 200;
  std::string text(trim(body.substr(0, kShown)));
  return text.empty() ? std::string() : ": " + text;
}

}  // namespace

std::optional<std::chrono::seconds> retry_after_seconds(std::string_view header) {
  header = trim(header);
  long long seconds = 0;
  auto [end, ec] = std::from_chars(header.data(), header.data() + header.size(), seconds);
  if (header.empty() || ec != std::errc() || end != header.data() + header.size() || seconds < 0)
    return std::nullopt;
  return std::chrono::seconds(seconds);
}

RegistryClient::RegistryClient(RegistryTransport& transport, Sleeper& sleeper,
                               RegistrySettings settings)
    : transport_(transport), sleeper_(sleeper), settings_(std::move(settings)) {
  settings_.max_attempts = std::max(1, settings_.max_attempts);
}

void RegistryClient::keep_interval() {
  if (last_request_) {
    auto due = *last_request_ + settings_.min_interval;
    auto now = sleeper_.now();
    if (now < due)
      sleeper_.sleep_for(std::chrono::ceil<std::chrono::milliseconds>(due - now));
  }
  last_request_ = sleeper_.now();
}

std::chrono::milliseconds RegistryClient::backoff(int attempt) const {
  auto wait = settings_.first_backoff;
  for (int i = 1; i < attempt && wait < settings_.max_backoff; ++i) wait *= 2;
  return std::min(wait, settings_.max_backoff);
}

Result<RegistryPage> RegistryClient::fetch_page(const RegistryQuery& query,
                                                std::string_view page_token) {
  const std::string url = studies_url(settings_.registry, query, page_token);
  for (int attempt = 1;; ++attempt) {
    keep_interval();
    ++requests_;
    auto reply = transport_.get(url, settings_.timeout);
    std::string why;
    std::optional<std::chrono::milliseconds> asked_wait;
    if (!reply) {
      if (reply.error().code != Errc::unavailable)
        return reply.error();
      why = reply.error().message;
    } else if (reply->status == 200) {
      auto page = read_registry_page(std::move(reply->body));
      if (!page)
        return make_error(Errc::invalid_input, "the registry sent a page Cairn cannot use: " +
                                                   page.error().message + " (" + url + ")");
      return page;
    } else if (worth_retrying(reply->status)) {
      why = "the registry answered HTTP " + std::to_string(reply->status);
      if (auto seconds = retry_after_seconds(reply->retry_after))
        asked_wait = *seconds;
    } else {
      return make_error(Errc::invalid_input, "the registry refused " + url + " (HTTP " +
                                                 std::to_string(reply->status) + ")" +
                                                 said(reply->body));
    }
    if (attempt >= settings_.max_attempts) {
      return make_error(Errc::unavailable, why + "; gave up after " + std::to_string(attempt) +
                                               " attempts (" + url + ")");
    }
    if (asked_wait && *asked_wait > settings_.max_backoff) {
      return make_error(
          Errc::unavailable,
          why + " and asked us to wait " +
              std::to_string(std::chrono::ceil<std::chrono::seconds>(*asked_wait).count()) +
              " s; try again later (" + url + ")");
    }
    auto wait = asked_wait ? *asked_wait : backoff(attempt);
    ++retries_;
    if (retry_listener_)
      retry_listener_(why, wait);
    sleeper_.sleep_for(wait);
  }
}

}  // namespace cairn::trials
