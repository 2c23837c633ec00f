#include <gtest/gtest.h>

#include <functional>

#include "http/router.hpp"

namespace cairn::http {
namespace {

using Answer = std::function<std::string(const PathParams&)>;

Answer answering(std::string body) {
  return [body](const PathParams&) { return body; };
}

std::string call(const Router<Answer>& router, const std::string& method, const std::string& path) {
  auto m = router.match(method, path);
  if (!m.handler)
    return m.path_known ? "405 " + m.allowed : "404";
  return (*m.handler)(m.params);
}

TEST(Router, ExactPathBeatsPrefix) {
  Router<Answer> router;
  router.add("GET", "/api/v1/pages/{path...}", answering("prefix"));
  router.add("GET", "/api/v1/pages/special", answering("exact"));
  EXPECT_EQ(call(router, "GET", "/api/v1/pages/special"), "exact");
  EXPECT_EQ(call(router, "GET", "/api/v1/pages/other"), "prefix");
}

TEST(Router, LongestPrefixWins) {
  Router<Answer> router;
  router.add("GET", "/a/{rest...}", answering("short"));
  router.add("GET", "/a/b/{rest...}", answering("long"));
  EXPECT_EQ(call(router, "GET", "/a/b/c"), "long");
  EXPECT_EQ(call(router, "GET", "/a/c"), "short");
}

TEST(Router, HeadIsServedByGet) {
  Router<Answer> router;
  router.add("GET", "/healthz", answering("ok"));
  EXPECT_EQ(call(router, "HEAD", "/healthz"), "ok");
}

TEST(Router, WrongMethodIsReportedWithAllowedMethods) {
  Router<Answer> router;
  router.add("GET", "/helpline", answering("page"));
  router.add("POST", "/helpline", answering("form"));
  EXPECT_EQ(call(router, "DELETE", "/helpline"), "405 GET, HEAD, POST");
}

TEST(Router, UnknownPathIsNotFound) {
  Router<Answer> router;
  router.add("GET", "/", answering("home"));
  EXPECT_EQ(call(router, "GET", "/nope"), "404");
  EXPECT_EQ(call(router, "GET", "/"), "home");
}

Answer echoing(std::vector<std::string> names) {
  return [names](const PathParams& params) {
    std::string out;
    for (const auto& n : names) out += n + "=" + std::string(params.get(n)) + ";";
    return out;
  };
}

TEST(Router, CapturesNamedSegments) {
  Router<Answer> router;
  router.add("GET", "/forum/t/{thread}/report/{post}", echoing({"thread", "post"}));
  router.add("GET", "/forum/{category}", echoing({"category"}));
  EXPECT_EQ(call(router, "GET", "/forum/t/12/report/34"), "thread=12;post=34;");
  EXPECT_EQ(call(router, "GET", "/forum/general"), "category=general;");
  // A capture is one whole, non-empty segment.
  EXPECT_EQ(call(router, "GET", "/forum/t/12/report"), "404");
  EXPECT_EQ(call(router, "GET", "/forum/general/more"), "404");
  EXPECT_EQ(call(router, "GET", "/forum/"), "404");
}

TEST(Router, LiteralSegmentBeatsCapture) {
  Router<Answer> router;
  router.add("GET", "/forum/{category}", answering("category"));
  router.add("GET", "/forum/rules", answering("rules"));
  router.add("GET", "/forum/{category}/new", answering("new thread"));
  router.add("GET", "/forum/t/{thread}", answering("thread"));
  EXPECT_EQ(call(router, "GET", "/forum/rules"), "rules");
  EXPECT_EQ(call(router, "GET", "/forum/care"), "category");
  EXPECT_EQ(call(router, "GET", "/forum/t/new"), "thread");
  EXPECT_EQ(call(router, "GET", "/forum/care/new"), "new thread");
}

TEST(Router, RestTakesSlashesAndMayBeEmpty) {
  Router<Answer> router;
  router.add("GET", "/api/v1/pages/{path...}", echoing({"path"}));
  EXPECT_EQ(call(router, "GET", "/api/v1/pages/a/b"), "path=a/b;");
  EXPECT_EQ(call(router, "GET", "/api/v1/pages/"), "path=;");
  EXPECT_EQ(call(router, "GET", "/api/v1/pages"), "404");
}

TEST(Router, MostSpecificPatternForTheMethodWins) {
  Router<Answer> router;
  router.add("GET", "/staff/helpline/{id}", answering("message"));
  router.add("POST", "/staff/helpline/{id}/answer", answering("answer"));
  router.add("GET", "/staff/moderation/edit/{post}", answering("edit form"));
  router.add("POST", "/staff/moderation/edit/{post}", answering("edit"));
  EXPECT_EQ(call(router, "POST", "/staff/moderation/edit/3"), "edit");
  EXPECT_EQ(call(router, "GET", "/staff/moderation/edit/3"), "edit form");
  EXPECT_EQ(call(router, "POST", "/staff/helpline/3"), "405 GET, HEAD");
  EXPECT_EQ(call(router, "GET", "/staff/helpline/3/answer"), "405 POST");
}

TEST(Router, MalformedPatternIsRefused) {
  Router<Answer> router;
  EXPECT_THROW(router.add("GET", "no-slash", answering("x")), std::invalid_argument);
  EXPECT_THROW(router.add("GET", "/a/{rest...}/b", answering("x")), std::invalid_argument);
}

}  // namespace
}  // namespace cairn::http
