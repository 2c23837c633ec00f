#include "http/cookies.hpp"

#include <gtest/gtest.h>

namespace cairn::http {
namespace {

Request with_cookies(std::vector<std::string> headers) {
  Request r;
  for (auto& h : headers) r.headers.emplace_back("Cookie", std::move(h));
  return r;
}

TEST(Cookies, ReadsPairsFromEveryCookieHeader) {
  auto r = with_cookies({"a=1; cairn_session=abc", "b=\"quoted\""});
  EXPECT_EQ(cookie(r, "cairn_session"), "abc");
  EXPECT_EQ(cookie(r, "a"), "1");
  EXPECT_EQ(cookie(r, "b"), "quoted");
  EXPECT_EQ(cookie(r, "missing"), std::nullopt);
}

TEST(Cookies, FirstOfTheSameNameWins) {
  EXPECT_EQ(cookie(with_cookies({"x=first; x=second"}), "x"), "first");
}

TEST(Cookies, IgnoresJunk) {
  auto r = with_cookies({";;=nothing; novalue; ok=yes ;"});
  EXPECT_EQ(cookie(r, "ok"), "yes");
  EXPECT_EQ(parse_cookies(r).size(), 1u);
}

TEST(Cookies, HeaderNameIsCaseInsensitive) {
  Request r;
  r.headers.emplace_back("cookie", "k=v");
  EXPECT_EQ(cookie(r, "k"), "v");
}

TEST(Cookies, SetCookieIsHttpOnlyLaxAndSiteWide) {
  EXPECT_EQ(set_cookie("s", "tok-EN_1", {}), "s=tok-EN_1; Path=/; HttpOnly; SameSite=Lax");
  EXPECT_EQ(set_cookie("s", "t", {true}, std::chrono::seconds(60)),
            "s=t; Path=/; Max-Age=60; HttpOnly; SameSite=Lax; Secure");
  EXPECT_EQ(clear_cookie("s", {}), "s=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax");
}

TEST(Cookies, RefusesValuesThatCouldSplitTheHeader) {
  EXPECT_THROW(set_cookie("s", "a;b", {}), std::invalid_argument);
  EXPECT_THROW(set_cookie("s", "a\r\nSet-Cookie: x=y", {}), std::invalid_argument);
  EXPECT_THROW(set_cookie("bad name", "v", {}), std::invalid_argument);
}

TEST(Cookies, SeveralSetCookieHeadersAreKept) {
  Response r;
  add_set_cookie(r, "a=1");
  add_set_cookie(r, "b=2");
  int count = 0;
  for (const auto& [name, value] : r.headers) count += name == "Set-Cookie";
  EXPECT_EQ(count, 2);
}

}  // namespace
}  // namespace cairn::http
