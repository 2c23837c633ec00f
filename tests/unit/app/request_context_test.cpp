#include <gtest/gtest.h>

#include "../temp_store.hpp"
#include "accounts/session_service.hpp"
#include "app/outcome.hpp"
#include "app/request_context.hpp"
#include "core/clock.hpp"
#include "core/form_problems.hpp"
#include "http/csrf.hpp"

namespace cairn::app {
namespace {

class RequestContextTest : public ::testing::Test {
 protected:
  http::Request post(std::string body) {
    http::Request r;
    r.method = "POST";
    r.path = "/forum/t/12";
    r.headers = {{"Content-Type", "application/x-www-form-urlencoded"}};
    r.body = std::move(body);
    r.remote_address = "192.0.2.7";
    return r;
  }
  RequestContext context(const http::Request& r, http::PathParams params = {}) {
    return RequestContext(r, std::move(params), visitors_, false);
  }

  testing::TempStore store_;
  FixedClock clock_{std::chrono::system_clock::time_point(std::chrono::hours(24 * 20000))};
  accounts::SessionService sessions_{store_->accounts(), clock_};
  http::CsrfGuard csrf_{std::string(64, 'a'), {}};
  VisitorResolver visitors_{sessions_, csrf_, {}};
};

TEST_F(RequestContextTest, TheVisitorIsResolvedOnlyWhenAskedForAndOnlyOnce) {
  auto r = post("body=hello");
  auto c = context(r);
  EXPECT_EQ(c.resolved_visitor(), nullptr);  // a page that never asks touches no store
  auto& first = c.visitor();
  EXPECT_FALSE(first.csrf_token.empty());
  EXPECT_EQ(first.set_cookies.size(), 1u);  // a new visitor gets the CSRF cookie
  EXPECT_EQ(&c.visitor(), &first);
  EXPECT_EQ(c.resolved_visitor(), &first);
  EXPECT_EQ(c.account(), nullptr);
}

TEST_F(RequestContextTest, TheFormIsParsedOnceAndAMalformedOneIsInvalidInput) {
  auto good = post("body=two+words&title=%C3%A9");
  auto c = context(good);
  ASSERT_TRUE(c.form());
  EXPECT_EQ(c.form()->get("body"), "two words");
  EXPECT_EQ(c.form()->get("title"), "\u00e9");
  EXPECT_EQ(&c.form(), &c.form());

  auto bad = post("body=%FF");
  auto b = context(bad);
  ASSERT_FALSE(b.form());
  EXPECT_EQ(b.form().error().code, Errc::invalid_input);
}

TEST_F(RequestContextTest, PathIdsArePositiveNumbersOnly) {
  auto r = post("");
  http::PathParams params;
  params.add("thread", "12");
  params.add("post", "0");
  params.add("other", "12abc");
  auto c = context(r, params);
  EXPECT_EQ(c.path_id("thread"), 12);
  EXPECT_EQ(c.path_param("thread"), "12");
  EXPECT_FALSE(c.path_id("post"));
  EXPECT_FALSE(c.path_id("other"));
  EXPECT_FALSE(c.path_id("missing"));
  EXPECT_FALSE(positive_id("-3"));
  EXPECT_FALSE(positive_id("1234567890123456789"));
  EXPECT_EQ(positive_id("123456789012345678"), 123456789012345678);
}

TEST_F(RequestContextTest, FormStateShowsFieldProblemsBesideFieldsAndRefusalsAbove) {
  auto r = post("");
  auto c = context(r);
  FormProblems problems;
  problems.add("title", "Enter a title");
  problems.add("body", "Enter your message");
  Error both = problems.error();
  auto listed = c.form_state(&both).errors;
  ASSERT_EQ(listed.size(), 2u);
  EXPECT_EQ(listed[0].field, "title");
  EXPECT_EQ(listed[1].message, "Enter your message");

  Error wrong = make_error(Errc::unauthorized, "Wrong email or password", "email");
  auto one = c.form_state(&wrong);
  ASSERT_EQ(one.errors.size(), 1u);
  EXPECT_EQ(one.errors[0].field, "email");
  EXPECT_TRUE(one.refusal.empty());

  Error limited = make_error(Errc::rate_limited, "Too many tries. Try again in 5 minutes.");
  auto refused = c.form_state(&limited);
  EXPECT_TRUE(refused.errors.empty());
  EXPECT_EQ(refused.refusal, "Too many tries. Try again in 5 minutes.");
  EXPECT_EQ(refused.csrf_token, c.visitor().csrf_token);
}

TEST(Outcome, StatusComesFromTheKindNeverTheHandler) {
  auto page = Outcome::page(SafeHtml::trusted("<p>hi</p>"));
  EXPECT_EQ(page.response().status, 200);
  EXPECT_EQ(page.response().body, "<p>hi</p>");

  Error limited = make_error(Errc::rate_limited, "later");
  EXPECT_EQ(Outcome::form(SafeHtml::trusted("<form>"), limited).response().status, 429);
  FormProblems problems;
  problems.add("email", "Enter an email address");
  EXPECT_EQ(Outcome::form(SafeHtml::trusted("<form>"), problems.error()).response().status, 400);

  // A form page first shown is a plain page; sent back, it takes the problem's status.
  const Error* none = nullptr;
  EXPECT_EQ(Outcome::form(SafeHtml::trusted("<form>"), none).response().status, 200);
  EXPECT_EQ(Outcome::form(SafeHtml::trusted("<form>"), &limited).response().status, 429);

  auto moved = Outcome::see_other("/account");
  EXPECT_EQ(moved.response().status, 303);
  EXPECT_EQ(moved.response().header("Location"), "/account");

  auto json = Outcome::json("{}").no_store();
  EXPECT_EQ(json.response().content_type.rfind("application/json", 0), 0u);
  EXPECT_EQ(json.response().cache_control, "no-store");

  Outcome failed = make_error(Errc::not_found, "gone");
  ASSERT_NE(failed.error(), nullptr);
  EXPECT_EQ(failed.error()->code, Errc::not_found);
}

TEST(Outcome, EveryErrorCodeHasItsStatus) {
  EXPECT_EQ(status_for(Errc::invalid_input), 400);
  EXPECT_EQ(status_for(Errc::unauthorized), 401);
  EXPECT_EQ(status_for(Errc::forbidden), 403);
  EXPECT_EQ(status_for(Errc::not_found), 404);
  EXPECT_EQ(status_for(Errc::method_not_allowed), 405);
  EXPECT_EQ(status_for(Errc::conflict), 409);
  EXPECT_EQ(status_for(Errc::too_large), 413);
  EXPECT_EQ(status_for(Errc::rate_limited), 429);
  EXPECT_EQ(status_for(Errc::unavailable), 503);
  EXPECT_EQ(status_for(Errc::internal), 500);
}

TEST(Outcome, SignInComesBackToWhereTheVisitorWas) {
  auto to = to_sign_in("/forum/t/12?page=2");
  EXPECT_EQ(to.response().status, 303);
  EXPECT_EQ(to.response().header("Location"), "/account/sign-in?next=%2Fforum%2Ft%2F12%3Fpage%3D2");
}

}  // namespace
}  // namespace cairn::app
