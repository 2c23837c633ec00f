#include "http/csrf.hpp"

#include <gtest/gtest.h>

#include "core/text.hpp"

namespace cairn::http {
namespace {

constexpr std::string_view kSecret =
    "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";

// "cairn_csrf=ID; Path=/; HttpOnly; SameSite=Lax" -> "ID"
std::string visitor_id(const std::string& set_cookie) {
  auto start = set_cookie.find('=') + 1;
  return set_cookie.substr(start, set_cookie.find(';') - start);
}

Request form_post(const std::string& visitor, const std::string& token) {
  Request r;
  r.method = "POST";
  r.headers.emplace_back("Cookie", "cairn_csrf=" + visitor);
  r.headers.emplace_back("Content-Type", "application/x-www-form-urlencoded");
  r.body = "email=jo%40example.org&csrf_token=" + url_encode(token);
  return r;
}

class CsrfTest : public ::testing::Test {
 protected:
  CsrfGuard guard_{kSecret, {}};
};

TEST_F(CsrfTest, NewVisitorGetsACookieAndAToken) {
  auto visit = guard_.visit(Request{});
  EXPECT_EQ(visit.token.size(), 43u);
  EXPECT_TRUE(visit.set_cookie.starts_with("cairn_csrf=")) << visit.set_cookie;
  EXPECT_NE(visit.set_cookie.find("HttpOnly; SameSite=Lax"), std::string::npos);
}

TEST_F(CsrfTest, ReturningVisitorKeepsTheirToken) {
  auto first = guard_.visit(Request{});
  Request again;
  again.headers.emplace_back("Cookie", "cairn_csrf=" + visitor_id(first.set_cookie));
  auto second = guard_.visit(again);
  EXPECT_EQ(second.token, first.token);
  EXPECT_TRUE(second.set_cookie.empty());
}

TEST_F(CsrfTest, FormWithTheRightTokenPasses) {
  auto visit = guard_.visit(Request{});
  EXPECT_TRUE(guard_.verify(form_post(visitor_id(visit.set_cookie), visit.token)));
}

TEST_F(CsrfTest, HeaderTokenPasses) {
  auto visit = guard_.visit(Request{});
  Request r;
  r.method = "POST";
  r.headers.emplace_back("Cookie", "cairn_csrf=" + visitor_id(visit.set_cookie));
  r.headers.emplace_back("X-CSRF-Token", visit.token);
  EXPECT_TRUE(guard_.verify(r));
}

TEST_F(CsrfTest, MissingOrWrongTokenIsForbidden) {
  auto visit = guard_.visit(Request{});
  auto id = visitor_id(visit.set_cookie);
  auto other = guard_.visit(Request{});
  for (const auto& r :
       {form_post(id, ""), form_post(id, other.token), form_post(id, visit.token.substr(0, 42)),
        form_post(id, visit.token + "x"), form_post(visitor_id(other.set_cookie), visit.token)}) {
    auto checked = guard_.verify(r);
    ASSERT_FALSE(checked);
    EXPECT_EQ(checked.error().code, Errc::forbidden);
  }
}

TEST_F(CsrfTest, TokenWithoutItsCookieIsForbidden) {
  auto visit = guard_.visit(Request{});
  Request r = form_post("", visit.token);
  r.headers.erase(r.headers.begin());
  EXPECT_FALSE(guard_.verify(r));
}

TEST_F(CsrfTest, TokensDependOnTheSecret) {
  auto visit = guard_.visit(Request{});
  CsrfGuard other_site(CsrfGuard::new_secret(), {});
  EXPECT_FALSE(other_site.verify(form_post(visitor_id(visit.set_cookie), visit.token)));
}

TEST_F(CsrfTest, RenewGivesANewVisitor) {
  auto a = guard_.renew();
  auto b = guard_.renew();
  EXPECT_NE(a.token, b.token);
  EXPECT_FALSE(a.set_cookie.empty());
}

TEST_F(CsrfTest, SecureCookieWhenAsked) {
  CsrfGuard secure(kSecret, {true});
  EXPECT_TRUE(secure.visit(Request{}).set_cookie.ends_with("; Secure"));
}

TEST(CsrfSecret, MustBe64HexDigits) {
  EXPECT_THROW(CsrfGuard("short", {}), std::invalid_argument);
  EXPECT_THROW(CsrfGuard(std::string(64, 'z'), {}), std::invalid_argument);
  EXPECT_EQ(CsrfGuard::new_secret().size(), 64u);
  EXPECT_NE(CsrfGuard::new_secret(), CsrfGuard::new_secret());
}

}  // namespace
}  // namespace cairn::http
