#include "http/message.hpp"

#include <strings.h>

#include "core/text.hpp"

namespace cairn::http {

namespace {
bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && ::strncasecmp(a.data(), b.data(), a.size()) == 0;
}
}  // namespace

std::string_view Request::header(std::string_view name) const {
  for (const auto& [k, v] : headers) {
    if (iequals(k, name))
      return v;
  }
  return {};
}

std::string Request::param(const std::string& name) const {
  auto it = query.find(name);
  return it == query.end() ? std::string() : it->second;
}

void Response::set_header(std::string name, std::string value) {
  for (auto& [k, v] : headers) {
    if (iequals(k, name)) {
      v = std::move(value);
      return;
    }
  }
  headers.emplace_back(std::move(name), std::move(value));
}

std::string_view Response::header(std::string_view name) const {
  for (const auto& [k, v] : headers) {
    if (iequals(k, name))
      return v;
  }
  return {};
}

Response text_response(int status, std::string body, std::string content_type) {
  Response r;
  r.status = status;
  r.body = std::move(body);
  r.content_type = std::move(content_type);
  return r;
}

Response json_response(int status, std::string body) {
  return text_response(status, std::move(body), "application/json; charset=utf-8");
}

Response redirect(std::string location, int status) {
  Response r;
  r.status = status;
  r.set_header("Location", std::move(location));
  r.content_type = "text/plain; charset=utf-8";
  r.body = "Redirecting";
  return r;
}

std::multimap<std::string, std::string> parse_query(std::string_view query) {
  std::multimap<std::string, std::string> out;
  for (const auto& part : split(query, '&')) {
    if (part.empty())
      continue;
    auto eq = part.find('=');
    std::string key = url_decode(std::string_view(part).substr(0, eq), true);
    std::string value =
        eq == std::string::npos ? "" : url_decode(std::string_view(part).substr(eq + 1), true);
    out.emplace(std::move(key), std::move(value));
  }
  return out;
}

}  // namespace cairn::http
