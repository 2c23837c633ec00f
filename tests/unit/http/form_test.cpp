#include "http/form.hpp"

#include <gtest/gtest.h>

namespace cairn::http {
namespace {

Request post(std::string body, std::string type = "application/x-www-form-urlencoded") {
  Request r;
  r.method = "POST";
  r.headers.emplace_back("Content-Type", std::move(type));
  r.body = std::move(body);
  return r;
}

TEST(Form, DecodesFields) {
  auto form = parse_form(post("display_name=Jo+Bloggs&email=jo%40example.org&over_14=yes"));
  ASSERT_TRUE(form);
  EXPECT_EQ(form->get("display_name"), "Jo Bloggs");
  EXPECT_EQ(form->get("email"), "jo@example.org");
  EXPECT_TRUE(form->has("over_14"));
  EXPECT_FALSE(form->has("accept_rules"));
  EXPECT_EQ(form->get("accept_rules"), "");
}

TEST(Form, KeepsMetacharactersVerbatim) {
  auto form = parse_form(post("n=%27%3B+DROP+TABLE+x%3B--+%3Cscript%3E"));
  ASSERT_TRUE(form);
  EXPECT_EQ(form->get("n"), "'; DROP TABLE x;-- <script>");
}

TEST(Form, AcceptsACharsetParameter) {
  EXPECT_TRUE(parse_form(post("a=1", "Application/X-WWW-Form-Urlencoded; charset=UTF-8")));
}

TEST(Form, RefusesOtherBodies) {
  auto json = parse_form(post("{\"a\":1}", "application/json"));
  ASSERT_FALSE(json);
  EXPECT_EQ(json.error().code, Errc::invalid_input);
  Request bare;
  bare.body = "a=1";
  EXPECT_FALSE(parse_form(bare));
}

TEST(Form, RefusesTextThatIsNotUtf8) {
  auto bad = parse_form(post("name=%FF%FE"));
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().code, Errc::invalid_input);
  EXPECT_FALSE(parse_form(post("%C3=x")));
  EXPECT_TRUE(parse_form(post("name=Zo%C3%AB")));
}

}  // namespace
}  // namespace cairn::http
