#include "mail/mime_message.hpp"

#include <sodium.h>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <vector>

namespace cairn::mail {

namespace {

bool is_ascii(std::string_view text) {
  return std::all_of(text.begin(), text.end(),
                     [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

std::string base64(std::string_view bytes) {
  std::string out(sodium_base64_ENCODED_LEN(bytes.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()),
                    bytes.size(), sodium_base64_VARIANT_ORIGINAL);
  out.resize(out.find('\0'));
  return out;
}

// A header value: as it is when ASCII, else RFC 2047 encoded words of whole
// characters, folded onto continuation lines. Line breaks become spaces.
std::string header_text(std::string_view text) {
  std::string flat;
  for (char c : text) flat += (c == '\r' || c == '\n') ? ' ' : c;
  if (is_ascii(flat))
    return flat;
  std::string out;
  std::size_t i = 0;
  while (i < flat.size()) {
    std::size_t end = std::min(flat.size(), i + 45);
    // Never split a UTF-8 character: back up over continuation bytes.
    while (end < flat.size() && end > i && (static_cast<unsigned char>(flat[end]) & 0xC0) == 0x80)
      --end;
    if (!out.empty())
      out += "\r\n ";
    out += "=?UTF-8?B?" + base64(std::string_view(flat).substr(i, end - i)) + "?=";
    i = end;
  }
  return out;
}

std::string from_header(const MailMessage& mail) {
  if (mail.from_name.empty())
    return "<" + mail.from + ">";
  std::string name;
  for (char c : mail.from_name) {
    if (c != '\r' && c != '\n')
      name += c;
  }
  if (!is_ascii(name))
    return header_text(name) + " <" + mail.from + ">";
  std::string quoted = "\"";
  for (char c : name) {
    if (c == '"' || c == '\\')
      quoted += '\\';
    quoted += c;
  }
  return quoted + "\" <" + mail.from + ">";
}

// "Tue, 03 Mar 2026 14:15:00 +0000": English names whatever the locale.
std::string rfc5322_date(std::chrono::system_clock::time_point t) {
  static constexpr const char* kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                            "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  std::time_t seconds = std::chrono::system_clock::to_time_t(t);
  std::tm tm{};
  ::gmtime_r(&seconds, &tm);
  char out[64];
  std::snprintf(out, sizeof out, "%s, %02d %s %04d %02d:%02d:%02d +0000", kDays[tm.tm_wday],
                tm.tm_mday, kMonths[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour, tm.tm_min,
                tm.tm_sec);
  return out;
}

std::vector<std::string> body_lines(std::string_view body) {
  std::vector<std::string> lines(1);
  for (std::size_t i = 0; i < body.size(); ++i) {
    char c = body[i];
    if (c == '\r') {
      if (i + 1 < body.size() && body[i + 1] == '\n')
        continue;
      c = '\n';
    }
    if (c == '\n') {
      lines.emplace_back();
    } else {
      lines.back() += c;
    }
  }
  if (lines.size() > 1 && lines.back().empty())
    lines.pop_back();
  return lines;
}

// RFC 2045 quoted-printable of one line, with soft breaks before 76 columns.
std::string quoted_printable(std::string_view line) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  std::size_t column = 0;
  for (std::size_t i = 0; i < line.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(line[i]);
    bool last = i + 1 == line.size();
    std::string piece;
    if ((c >= 33 && c <= 126 && c != '=') || ((c == ' ' || c == '\t') && !last)) {
      piece = static_cast<char>(c);
    } else {
      piece = {'=', kHex[c >> 4], kHex[c & 0xF]};
    }
    if (column + piece.size() > 75) {
      out += "=\r\n";
      column = 0;
    }
    out += piece;
    column += piece.size();
  }
  return out;
}

}  // namespace

bool usable_address(std::string_view address) {
  if (address.empty() || address.size() > 254)
    return false;
  for (unsigned char c : address) {
    if (c <= 0x20 || c == 0x7F || c == '<' || c == '>')
      return false;
  }
  return std::count(address.begin(), address.end(), '@') == 1;
}

std::string format_message(const MailMessage& mail, std::chrono::system_clock::time_point date,
                           std::string_view message_id) {
  auto lines = body_lines(mail.body);
  bool plain = is_ascii(mail.body);
  for (const auto& line : lines) plain = plain && line.size() <= 998;
  std::string out;
  out += "Date: " + rfc5322_date(date) + "\r\n";
  out += "From: " + from_header(mail) + "\r\n";
  out += "To: <" + mail.to + ">\r\n";
  out += "Subject: " + header_text(mail.subject) + "\r\n";
  out += "Message-ID: <" + std::string(message_id) + ">\r\n";
  for (const auto& header : mail.headers) out += header.name + ": " + header.value + "\r\n";
  out += "MIME-Version: 1.0\r\n";
  out += "Content-Type: text/plain; charset=utf-8\r\n";
  out += plain ? "Content-Transfer-Encoding: 7bit\r\n"
               : "Content-Transfer-Encoding: quoted-printable\r\n";
  out += "\r\n";
  for (const auto& line : lines) out += (plain ? line : quoted_printable(line)) + "\r\n";
  return out;
}

}  // namespace cairn::mail
