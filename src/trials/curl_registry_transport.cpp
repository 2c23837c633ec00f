#include "trials/curl_registry_transport.hpp"

#include <curl/curl.h>

#include <memory>
#include <mutex>
#include <stdexcept>
#include <string_view>

#include "core/text.hpp"

namespace cairn::trials {

namespace {

// libcurl asks to be set up once per process, before any thread uses it.
void init_curl_once() {
  static std::once_flag once;
  std::call_once(once, [] {
    if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK)
      throw std::runtime_error("libcurl failed to start");
  });
}

struct EasyDeleter {
  void operator()(CURL* curl) const { curl_easy_cleanup(curl); }
};
struct ListDeleter {
  void operator()(curl_slist* list) const { curl_slist_free_all(list); }
};

struct Download {
  RegistryReply reply;
  bool too_large = false;
};

std::size_t take_body(char* data, std::size_t size, std::size_t count, void* user) {
  auto* download = static_cast<Download*>(user);
  std::size_t n = size * count;
  if (download->reply.body.size() + n > CurlRegistryTransport::kMaxBodyBytes) {
    download->too_large = true;
    return 0;  // libcurl stops with CURLE_WRITE_ERROR
  }
  download->reply.body.append(data, n);
  return n;
}

std::size_t take_header(char* data, std::size_t size, std::size_t count, void* user) {
  auto* download = static_cast<Download*>(user);
  std::string_view line(data, size * count);
  constexpr std::string_view kName = "retry-after:";
  if (line.size() > kName.size() && to_lower_ascii(line.substr(0, kName.size())) == kName)
    download->reply.retry_after = std::string(trim(line.substr(kName.size())));
  return size * count;
}

}  // namespace

CurlRegistryTransport::CurlRegistryTransport() {
  init_curl_once();
}

Result<RegistryReply> CurlRegistryTransport::get(const std::string& url,
                                                 std::chrono::milliseconds timeout) {
  std::unique_ptr<CURL, EasyDeleter> curl(curl_easy_init());
  if (!curl)
    throw std::runtime_error("libcurl could not make a handle");
  std::unique_ptr<curl_slist, ListDeleter> headers(
      curl_slist_append(nullptr, "Accept: application/json"));
  Download download;
  char detail[CURL_ERROR_SIZE] = {};

  CURL* c = curl.get();
  curl_easy_setopt(c, CURLOPT_URL, url.c_str());
  curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "https,http");
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(c, CURLOPT_ERRORBUFFER, detail);
  curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, static_cast<long>(timeout.count()));
  curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS,
                   static_cast<long>(std::min<long>(timeout.count(), 30'000)));
  curl_easy_setopt(c, CURLOPT_SSL_VERIFYPEER, 1L);
  curl_easy_setopt(c, CURLOPT_SSL_VERIFYHOST, 2L);
  curl_easy_setopt(c, CURLOPT_ACCEPT_ENCODING, "");  // whatever libcurl can decode
  curl_easy_setopt(c, CURLOPT_USERAGENT, "Cairn trial sync (libcurl)");
  curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers.get());
  curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, take_body);
  curl_easy_setopt(c, CURLOPT_WRITEDATA, &download);
  curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, take_header);
  curl_easy_setopt(c, CURLOPT_HEADERDATA, &download);

  CURLcode rc = curl_easy_perform(c);
  if (download.too_large) {
    return make_error(Errc::too_large, "the registry's answer was larger than " +
                                           std::to_string(kMaxBodyBytes >> 20) + " MB");
  }
  if (rc != CURLE_OK) {
    std::string why = *detail ? detail : curl_easy_strerror(rc);
    return make_error(Errc::unavailable, "cannot fetch " + url + ": " + why);
  }
  curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &download.reply.status);
  return std::move(download.reply);
}

}  // namespace cairn::trials
