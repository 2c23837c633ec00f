// Maps a method and path to a handler through path patterns:
// "/forum/{category}/new" takes one segment as `category`, and a last
// "{rest...}" takes what is left of the path (slashes too, perhaps nothing).
// The most specific pattern that takes the method wins: literal segments beat
// captures, so "/forum/rules" wins over "/forum/{category}".
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cairn::http {

// The values a pattern captured, by name.
class PathParams {
 public:
  void add(std::string name, std::string value) {
    values_.emplace_back(std::move(name), std::move(value));
  }
  // The captured value, or empty when the pattern has no such name.
  std::string_view get(std::string_view name) const;

 private:
  std::vector<std::pair<std::string, std::string>> values_;
};

// The patterns alone, with no handler type: Router below holds the handlers.
class RouteTable {
 public:
  // Throws std::invalid_argument for a malformed pattern (a bug in our wiring).
  std::size_t add(std::string method, std::string_view pattern);

  struct Match {
    std::size_t route = kNone;
    PathParams params;
    bool path_known = false;  // some method matches: 405 rather than 404
    std::string allowed;      // "GET, HEAD" for the Allow header
  };
  static constexpr std::size_t kNone = static_cast<std::size_t>(-1);
  // HEAD is served by the GET route.
  Match match(std::string_view method, std::string_view path) const;

 private:
  struct Segment {
    enum Kind { literal, capture, rest } kind;
    std::string text;  // the literal, or the capture's name
  };
  struct Route {
    std::string method;
    std::vector<Segment> segments;
    std::size_t id;
  };
  static bool matches(const Route& route, const std::vector<std::string_view>& parts,
                      PathParams* params);
  std::vector<Route> routes_;  // most specific first
};

template <class Handler>
class Router {
 public:
  void add(std::string method, std::string_view pattern, Handler handler) {
    std::size_t id = table_.add(std::move(method), pattern);
    if (handlers_.size() <= id)
      handlers_.resize(id + 1);
    handlers_[id] = std::move(handler);
  }

  struct Match {
    const Handler* handler = nullptr;
    PathParams params;
    bool path_known = false;
    std::string allowed;
  };
  Match match(std::string_view method, std::string_view path) const {
    auto found = table_.match(method, path);
    Match m{nullptr, std::move(found.params), found.path_known, std::move(found.allowed)};
    if (found.route != RouteTable::kNone)
      m.handler = &handlers_[found.route];
    return m;
  }

 private:
  RouteTable table_;
  std::vector<Handler> handlers_;
};

}  // namespace cairn::http
