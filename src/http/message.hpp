// Requests and responses as the rest of Cairn sees them: plain structs, no
// Boost.Beast, so handlers compile fast and test without a socket.
#pragma once

#include <chrono>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "http/body_file.hpp"

namespace cairn::http {

using Headers = std::vector<std::pair<std::string, std::string>>;

struct Request {
  std::string method;                             // "GET", "HEAD", "POST", ...
  std::string target;                             // as sent: "/search?q=lm"
  std::string path;                               // decoded path without the query: "/search"
  std::multimap<std::string, std::string> query;  // decoded query parameters
  Headers headers;
  std::string body;
  std::string remote_address;
  std::string request_id;

  // Case-insensitive header look-up; empty when absent.
  std::string_view header(std::string_view name) const;
  // First value of a query parameter, or empty.
  std::string param(const std::string& name) const;
  bool has_param(const std::string& name) const { return query.count(name) > 0; }
};

// A body shared between many responses (cached pages, static assets).
using SharedBody = std::shared_ptr<const std::string>;

struct Response {
  int status = 200;
  std::string content_type = "text/html; charset=utf-8";
  Headers headers;
  std::string body;
  // When set, these are sent instead of `body`: the plain and gzip forms.
  SharedBody shared_body;
  SharedBody shared_gzip_body;
  // The shared bodies in a file as well (cached pages), for sendfile.
  FileSpan body_file;
  FileSpan gzip_file;
  std::string etag;           // strong validator, quoted: "\"abc\""
  std::string cache_control;  // empty: "no-cache" for HTML, set by the caller otherwise

  void set_header(std::string name, std::string value);
  std::string_view header(std::string_view name) const;
  const std::string& plain_body() const { return shared_body ? *shared_body : body; }
};

Response text_response(int status, std::string body, std::string content_type);
Response json_response(int status, std::string body);
Response redirect(std::string location, int status = 303);

// Parses "a=1&b=two+words" into decoded pairs.
std::multimap<std::string, std::string> parse_query(std::string_view query);

}  // namespace cairn::http
