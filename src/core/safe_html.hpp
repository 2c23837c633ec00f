// HTML escaping, and SafeHtml: markup we produced ourselves, the only kind that
// may be written to a page unescaped.
#pragma once

#include <string>
#include <string_view>

namespace cairn {

// Escapes & < > " ' so the text is safe in element content and quoted attributes.
std::string escape_html(std::string_view text);
void append_escaped(std::string& out, std::string_view text);

class SafeHtml {
 public:
  SafeHtml() = default;
  // Only for markup built by our own renderers and templates.
  static SafeHtml trusted(std::string html) { return SafeHtml(std::move(html)); }
  static SafeHtml escaped(std::string_view text) { return SafeHtml(escape_html(text)); }

  const std::string& str() const { return html_; }
  bool empty() const { return html_.empty(); }
  SafeHtml& operator+=(const SafeHtml& other) {
    html_ += other.html_;
    return *this;
  }

 private:
  explicit SafeHtml(std::string html) : html_(std::move(html)) {}
  std::string html_;
};

}  // namespace cairn
