#include "views/html.hpp"

#include "core/text.hpp"

namespace cairn::views {

std::string safe_href(std::string_view url) {
  auto u = trim(url);
  if (u.starts_with("/") && !u.starts_with("//"))
    return std::string(u);
  if (u.starts_with("#") || u.starts_with("?"))
    return std::string(u);
  std::string lower = to_lower_ascii(u.substr(0, 8));
  for (std::string_view scheme : {"https://", "http://", "mailto:", "tel:"}) {
    if (lower.starts_with(scheme))
      return std::string(u);
  }
  return "#";
}

}  // namespace cairn::views
