#include "mail/curl_smtp_transport.hpp"

#include <curl/curl.h>

#include <cstring>
#include <memory>
#include <mutex>
#include <stdexcept>

#include "core/random_token.hpp"
#include "mail/mime_message.hpp"

namespace cairn::mail {

namespace {

// libcurl asks to be set up once per process, before any thread uses it.
void init_curl_once() {
  static std::once_flag once;
  std::call_once(once, [] {
    if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK)
      throw std::runtime_error("libcurl failed to start");
  });
}

struct Upload {
  std::string_view data;
  std::size_t offset = 0;
};

std::size_t read_upload(char* buffer, std::size_t size, std::size_t count, void* user) {
  auto* upload = static_cast<Upload*>(user);
  std::size_t room = size * count;
  std::size_t left = upload->data.size() - upload->offset;
  std::size_t n = std::min(room, left);
  std::memcpy(buffer, upload->data.data() + upload->offset, n);
  upload->offset += n;
  return n;
}

struct EasyDeleter {
  void operator()(CURL* curl) const { curl_easy_cleanup(curl); }
};
struct ListDeleter {
  void operator()(curl_slist* list) const { curl_slist_free_all(list); }
};

// The relay's own words when it gave any, else libcurl's.
std::string failure(CURLcode code, const char* detail, long reply, const std::string& where) {
  std::string text = "mail relay " + where + ": ";
  text += (detail && *detail) ? detail : curl_easy_strerror(code);
  if (reply > 0)
    text += " (last reply " + std::to_string(reply) + ")";
  return text;
}

// "smtp://relay.example.org:587" -> "relay.example.org:587", for messages.
std::string where_of(const std::string& url) {
  auto start = url.find("://");
  return start == std::string::npos ? url : url.substr(start + 3);
}

}  // namespace

CurlSmtpTransport::CurlSmtpTransport(SmtpSettings settings, const Clock& clock)
    : settings_(std::move(settings)), clock_(clock) {
  init_curl_once();
}

Status CurlSmtpTransport::send(const MailMessage& mail) {
  if (!usable_address(mail.from) || !usable_address(mail.to)) {
    return make_error(Errc::invalid_input,
                      "cannot send mail: the sender or recipient is not a usable address");
  }
  std::unique_ptr<CURL, EasyDeleter> curl(curl_easy_init());
  if (!curl)
    throw std::runtime_error("libcurl could not make a handle");
  auto domain = mail.from.substr(mail.from.rfind('@') + 1);
  std::string text = format_message(mail, clock_.now(), random_token(18) + "@" + domain);
  Upload upload{text};
  std::string from = "<" + mail.from + ">";
  std::string to = "<" + mail.to + ">";
  std::unique_ptr<curl_slist, ListDeleter> recipients(curl_slist_append(nullptr, to.c_str()));
  // The URL's path is the name we greet the relay with (EHLO).
  std::string url = settings_.url + "/" + settings_.helo_name;
  char detail[CURL_ERROR_SIZE] = {};

  CURL* c = curl.get();
  curl_easy_setopt(c, CURLOPT_URL, url.c_str());
  curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(c, CURLOPT_ERRORBUFFER, detail);
  curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS,
                   static_cast<long>(settings_.connect_timeout.count()));
  curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, static_cast<long>(settings_.timeout.count()));
  if (implicit_tls(settings_.url)) {
    curl_easy_setopt(c, CURLOPT_USE_SSL, static_cast<long>(CURLUSESSL_ALL));
  } else {
    curl_easy_setopt(c, CURLOPT_USE_SSL,
                     static_cast<long>(settings_.starttls ? CURLUSESSL_ALL : CURLUSESSL_NONE));
  }
  // Verification stays on: a CA file adds trust, nothing turns it off.
  curl_easy_setopt(c, CURLOPT_SSL_VERIFYPEER, 1L);
  curl_easy_setopt(c, CURLOPT_SSL_VERIFYHOST, 2L);
  if (!settings_.ca_file.empty())
    curl_easy_setopt(c, CURLOPT_CAINFO, settings_.ca_file.c_str());
  if (!settings_.username.empty()) {
    curl_easy_setopt(c, CURLOPT_USERNAME, settings_.username.c_str());
    curl_easy_setopt(c, CURLOPT_PASSWORD, settings_.password.c_str());
    // The credentials go with the AUTH command itself (RFC 4954 initial response).
    curl_easy_setopt(c, CURLOPT_SASL_IR, 1L);
  }
  curl_easy_setopt(c, CURLOPT_MAIL_FROM, from.c_str());
  curl_easy_setopt(c, CURLOPT_MAIL_RCPT, recipients.get());
  curl_easy_setopt(c, CURLOPT_UPLOAD, 1L);
  curl_easy_setopt(c, CURLOPT_READFUNCTION, read_upload);
  curl_easy_setopt(c, CURLOPT_READDATA, &upload);
  curl_easy_setopt(c, CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(text.size()));

  CURLcode rc = curl_easy_perform(c);
  if (rc == CURLE_OK)
    return Ok{};
  long reply = 0;
  curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &reply);
  return make_error(Errc::unavailable, failure(rc, detail, reply, where_of(settings_.url)));
}

}  // namespace cairn::mail
