// Writing HTML where every string is escaped unless it is a literal of our
// own markup ("<p>"_m) or SafeHtml from our renderers.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "core/safe_html.hpp"

namespace cairn::views {

// Markup known at compile time: only string literals can become one.
struct Markup {
  std::string_view text;
};

namespace literals {
consteval Markup operator""_m(const char* s, std::size_t n) {
  return Markup{std::string_view(s, n)};
}
}  // namespace literals

class Html {
 public:
  Html& operator<<(Markup m) {
    out_ += m.text;
    return *this;
  }
  Html& operator<<(const SafeHtml& html) {
    out_ += html.str();
    return *this;
  }
  // Everything else is text, and is escaped.
  Html& operator<<(std::string_view text) {
    append_escaped(out_, text);
    return *this;
  }
  Html& operator<<(const std::string& text) { return *this << std::string_view(text); }
  Html& operator<<(const char* text) { return *this << std::string_view(text); }
  Html& operator<<(long long n) {
    out_ += std::to_string(n);
    return *this;
  }
  Html& operator<<(int n) { return *this << static_cast<long long>(n); }
  Html& operator<<(std::size_t n) { return *this << static_cast<long long>(n); }

  SafeHtml take() { return SafeHtml::trusted(std::move(out_)); }
  std::string& str() { return out_; }

 private:
  std::string out_;
};

// An address safe to put in href: http(s), mailto, tel or a local path/anchor;
// anything else (javascript:, data:) becomes "#".
std::string safe_href(std::string_view url);

}  // namespace cairn::views
