// Small text helpers shared by every part.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace cairn {

// "How is LM treated?" -> "how-is-lm-treated": anchors and URL parts.
std::string slugify(std::string_view text);
std::string to_lower_ascii(std::string_view text);
std::string_view trim(std::string_view text);
std::vector<std::string> split(std::string_view text, char sep);
bool is_valid_utf8(std::string_view text);
// Appends `cp` as UTF-8 (one to four bytes); NUL and surrogates are written as
// they are, so callers that must refuse them check first. Past U+10FFFF: U+FFFD.
void append_utf8(std::string& out, char32_t cp);
// Runs of spaces, tabs and line breaks -> one space, and none at either end:
// "  Jo \n Bloggs " -> "Jo Bloggs".
std::string squeeze_spaces(std::string_view text);
// 0 to 15 for a hex digit (either case), -1 for any other character.
constexpr int hex_digit_value(char c) {
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}
// Percent-decoding for URL paths and forms ('+' is a space only in forms).
std::string url_decode(std::string_view text, bool plus_is_space);
std::string url_encode(std::string_view text);
// For a log line: control bytes (line breaks, escapes) and DEL become "\xNN", so
// text from a request cannot start a forged line; at most max_bytes are kept.
std::string printable_for_log(std::string_view text, std::size_t max_bytes = 200);

}  // namespace cairn
