#include <gtest/gtest.h>

#include "http/router.hpp"

namespace cairn::http {
namespace {

Handler answering(std::string body) {
  return [body](const Request&) -> Result<Response> {
    return text_response(200, body, "text/plain");
  };
}

std::string call(const Router& router, const std::string& method, const std::string& path) {
  auto m = router.match(method, path);
  if (!m.handler) return m.path_known ? "405 " + m.allowed : "404";
  Request r;
  return (*m.handler)(r).value().body;
}

TEST(Router, ExactPathBeatsPrefix) {
  Router router;
  router.add_prefix("GET", "/api/v1/pages/", answering("prefix"));
  router.add("GET", "/api/v1/pages/special", answering("exact"));
  EXPECT_EQ(call(router, "GET", "/api/v1/pages/special"), "exact");
  EXPECT_EQ(call(router, "GET", "/api/v1/pages/other"), "prefix");
}

TEST(Router, LongestPrefixWins) {
  Router router;
  router.add_prefix("GET", "/a/", answering("short"));
  router.add_prefix("GET", "/a/b/", answering("long"));
  EXPECT_EQ(call(router, "GET", "/a/b/c"), "long");
  EXPECT_EQ(call(router, "GET", "/a/c"), "short");
}

TEST(Router, HeadIsServedByGet) {
  Router router;
  router.add("GET", "/healthz", answering("ok"));
  EXPECT_EQ(call(router, "HEAD", "/healthz"), "ok");
}

TEST(Router, WrongMethodIsReportedWithAllowedMethods) {
  Router router;
  router.add("GET", "/helpline", answering("page"));
  router.add("POST", "/helpline", answering("form"));
  EXPECT_EQ(call(router, "DELETE", "/helpline"), "405 GET, HEAD, POST");
}

TEST(Router, UnknownPathIsNotFound) {
  Router router;
  router.add("GET", "/", answering("home"));
  EXPECT_EQ(call(router, "GET", "/nope"), "404");
}

}  // namespace
}  // namespace cairn::http
