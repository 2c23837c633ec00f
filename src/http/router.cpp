#include "http/router.hpp"

#include <algorithm>
#include <set>

namespace cairn::http {

void Router::add(std::string method, std::string path, Handler handler) {
  exact_[{std::move(method), std::move(path)}] = std::move(handler);
}

void Router::add_prefix(std::string method, std::string prefix, Handler handler) {
  prefixes_.emplace_back(std::move(method), std::move(prefix), std::move(handler));
  std::stable_sort(prefixes_.begin(), prefixes_.end(), [](const auto& a, const auto& b) {
    return std::get<1>(a).size() > std::get<1>(b).size();
  });
}

Router::Match Router::match(const std::string& method, const std::string& path) const {
  const std::string& wanted = method == "HEAD" ? std::string("GET") : method;
  Match m;
  std::set<std::string> methods;
  if (auto it = exact_.find({wanted, path}); it != exact_.end()) {
    m.handler = &it->second;
    return m;
  }
  for (const auto& [key, handler] : exact_) {
    if (key.second == path) methods.insert(key.first);
  }
  if (methods.empty()) {
    for (const auto& [m_method, prefix, handler] : prefixes_) {
      if (path.compare(0, prefix.size(), prefix) != 0) continue;
      if (m_method == wanted) {
        m.handler = &handler;
        return m;
      }
      methods.insert(m_method);
    }
  }
  if (!methods.empty()) {
    m.path_known = true;
    for (const auto& name : methods) {
      if (!m.allowed.empty()) m.allowed += ", ";
      m.allowed += name;
      if (name == "GET") m.allowed += ", HEAD";
    }
  }
  return m;
}

}  // namespace cairn::http
