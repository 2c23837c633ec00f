#include "http/router.hpp"

#include <algorithm>
#include <set>
#include <stdexcept>

namespace cairn::http {

namespace {

// "/forum/t/12" -> "forum", "t", "12"; "/forum/" -> "forum", ""; "/" -> nothing.
std::vector<std::string_view> path_parts(std::string_view path) {
  std::vector<std::string_view> parts;
  if (path.starts_with('/'))
    path.remove_prefix(1);
  if (path.empty())
    return parts;
  std::size_t start = 0;
  while (true) {
    auto slash = path.find('/', start);
    parts.push_back(path.substr(start, slash - start));
    if (slash == std::string_view::npos)
      break;
    start = slash + 1;
  }
  return parts;
}

}  // namespace

std::string_view PathParams::get(std::string_view name) const {
  for (const auto& [key, value] : values_) {
    if (key == name)
      return value;
  }
  return {};
}

std::size_t RouteTable::add(std::string method, std::string_view pattern) {
  if (!pattern.starts_with('/'))
    throw std::invalid_argument("route must start with /");
  Route route{std::move(method), {}, routes_.size()};
  auto parts = path_parts(pattern);
  for (std::size_t i = 0; i < parts.size(); ++i) {
    std::string_view part = parts[i];
    if (part.starts_with('{') && part.ends_with("...}")) {
      if (i + 1 != parts.size())
        throw std::invalid_argument("{rest...} must come last");
      route.segments.push_back({Segment::rest, std::string(part.substr(1, part.size() - 5))});
    } else if (part.starts_with('{') && part.ends_with('}')) {
      route.segments.push_back({Segment::capture, std::string(part.substr(1, part.size() - 2))});
    } else {
      route.segments.push_back({Segment::literal, std::string(part)});
    }
  }
  // Most specific first: segment by segment, a literal before a capture before
  // the rest; a longer pattern before its own prefix.
  auto rank = [](const Route& r) {
    std::vector<int> out;
    for (const auto& s : r.segments)
      out.push_back(s.kind == Segment::literal ? 0 : s.kind == Segment::capture ? 1 : 2);
    return out;
  };
  auto at =
      std::upper_bound(routes_.begin(), routes_.end(), route, [&](const Route& a, const Route& b) {
        auto ra = rank(a), rb = rank(b);
        for (std::size_t i = 0; i < std::min(ra.size(), rb.size()); ++i) {
          if (ra[i] != rb[i])
            return ra[i] < rb[i];
        }
        return ra.size() > rb.size();
      });
  std::size_t id = route.id;
  routes_.insert(at, std::move(route));
  return id;
}

bool RouteTable::matches(const Route& route, const std::vector<std::string_view>& parts,
                         PathParams* params) {
  std::size_t i = 0;
  for (const auto& segment : route.segments) {
    if (segment.kind == Segment::rest) {
      if (i >= parts.size())
        return false;  // "/api/v1/pages" is not under "/api/v1/pages/"
      if (params) {
        std::string rest;
        for (std::size_t j = i; j < parts.size(); ++j) {
          if (j > i)
            rest += '/';
          rest += parts[j];
        }
        params->add(segment.text, std::move(rest));
      }
      return true;
    }
    if (i >= parts.size())
      return false;
    if (segment.kind == Segment::literal && parts[i] != segment.text)
      return false;
    if (segment.kind == Segment::capture) {
      if (parts[i].empty())
        return false;
      if (params)
        params->add(segment.text, std::string(parts[i]));
    }
    ++i;
  }
  return i == parts.size();
}

RouteTable::Match RouteTable::match(std::string_view method, std::string_view path) const {
  std::string_view wanted = method == "HEAD" ? std::string_view("GET") : method;
  auto parts = path_parts(path);
  Match m;
  std::set<std::string> methods;
  for (const auto& route : routes_) {
    if (!matches(route, parts, nullptr))
      continue;
    // As Go's ServeMux: the most specific pattern that takes this method wins;
    // a path that only other methods take is 405.
    if (route.method == wanted) {
      matches(route, parts, &m.params);
      m.route = route.id;
      return m;
    }
    methods.insert(route.method);
  }
  if (!methods.empty()) {
    m.path_known = true;
    for (const auto& name : methods) {
      if (!m.allowed.empty())
        m.allowed += ", ";
      m.allowed += name;
      if (name == "GET")
        m.allowed += ", HEAD";
    }
  }
  return m;
}

}  // namespace cairn::http
