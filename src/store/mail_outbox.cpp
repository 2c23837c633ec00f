#include "store/mail_outbox.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <stdexcept>

namespace cairn::store {

namespace {

// Written by the sender for every mail; a caller may not set them twice.
constexpr std::array<std::string_view, 9> kSenderHeaders = {
    "from",       "to",           "subject",      "date",
    "message-id", "mime-version", "content-type", "content-transfer-encoding",
    "sender"};

std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

}  // namespace

std::optional<std::string> header_problem(const MailHeader& header) {
  if (header.name.empty() || header.name.size() > 76)
    return "a header name must be 1 to 76 characters";
  for (unsigned char c : header.name) {
    // RFC 5322 field names: printable ASCII except the colon, no spaces.
    if (c <= 0x20 || c >= 0x7F || c == ':')
      return "a header name may hold only printable ASCII without spaces or ':'";
  }
  if (std::find(kSenderHeaders.begin(), kSenderHeaders.end(), lower(header.name)) !=
      kSenderHeaders.end()) {
    return "the " + header.name + " header is written by the sender";
  }
  if (header.value.size() > 900)
    return "a header value must be at most 900 characters";
  for (unsigned char c : header.value) {
    if (c == '\r' || c == '\n' || c >= 0x7F || (c < 0x20 && c != '\t'))
      return "a header value must be one line of ASCII";
  }
  return std::nullopt;
}

std::string encode_mail_headers(const std::vector<MailHeader>& headers) {
  std::string out;
  for (const auto& header : headers) {
    if (auto problem = header_problem(header))
      throw std::invalid_argument("mail header refused: " + *problem);
    out += header.name + ": " + header.value + "\n";
  }
  return out;
}

std::vector<MailHeader> decode_mail_headers(std::string_view text) {
  std::vector<MailHeader> out;
  while (!text.empty()) {
    auto end = text.find('\n');
    auto line = text.substr(0, end);
    auto colon = line.find(": ");
    if (colon != std::string_view::npos)
      out.push_back({std::string(line.substr(0, colon)), std::string(line.substr(colon + 2))});
    if (end == std::string_view::npos)
      break;
    text.remove_prefix(end + 1);
  }
  return out;
}

}  // namespace cairn::store
