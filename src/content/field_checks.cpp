#include "content/field_checks.hpp"

#include <fstream>
#include <sstream>

namespace cairn::content {

namespace {
bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
}  // namespace

bool is_valid_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-')
    return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (!is_digit(text[i]))
      return false;
  }
  auto number = [&](size_t from, size_t len) {
    int n = 0;
    for (size_t i = from; i < from + len; ++i) n = n * 10 + (text[i] - '0');
    return n;
  };
  int year = number(0, 4), month = number(5, 2), day = number(8, 2);
  if (year < 1900 || month < 1 || month > 12 || day < 1)
    return false;
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  int last = kDays[month - 1] + (month == 2 && leap ? 1 : 0);
  return day <= last;
}

bool is_web_address(std::string_view text) {
  for (std::string_view scheme : {"https://", "http://"}) {
    if (text.size() > scheme.size() && text.substr(0, scheme.size()) == scheme) {
      for (char c : text) {
        if (static_cast<unsigned char>(c) <= 0x20)
          return false;
      }
      return true;
    }
  }
  return false;
}

bool is_slug_word(std::string_view text) {
  if (text.empty())
    return false;
  for (char c : text) {
    if (!((c >= 'a' && c <= 'z') || is_digit(c) || c == '-'))
      return false;
  }
  return true;
}

std::optional<std::string> read_text_file(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in)
    return std::nullopt;
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad())
    return std::nullopt;
  return text.str();
}

std::string folder_label(const std::filesystem::path& dir) {
  auto normal = dir.lexically_normal();
  if (!normal.has_filename())
    normal = normal.parent_path();
  auto name = normal.filename().generic_string();
  return name.empty() || name == "." ? std::string("content") : name;
}

}  // namespace cairn::content
