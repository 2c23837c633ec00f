// Maps method and path to a handler: exact paths first, then the longest
// matching prefix ("/api/v1/pages/" takes the rest of the path).
#pragma once

#include <functional>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "core/result.hpp"
#include "http/message.hpp"

namespace cairn::http {

// Expected failures come back as Errors; one place turns them into pages.
using Handler = std::function<Result<Response>(const Request&)>;

class Router {
 public:
  void add(std::string method, std::string path, Handler handler);
  void add_prefix(std::string method, std::string prefix, Handler handler);

  struct Match {
    const Handler* handler = nullptr;
    bool path_known = false;  // some method matches: 405 rather than 404
    std::string allowed;      // "GET, HEAD" for the Allow header
  };
  // HEAD is served by the GET handler.
  Match match(const std::string& method, const std::string& path) const;

 private:
  std::map<std::pair<std::string, std::string>, Handler> exact_;
  std::vector<std::tuple<std::string, std::string, Handler>> prefixes_;  // longest first
};

}  // namespace cairn::http
