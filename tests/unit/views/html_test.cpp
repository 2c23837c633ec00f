#include <gtest/gtest.h>

#include "content/site_settings.hpp"
#include "views/html.hpp"
#include "views/layout.hpp"

namespace cairn::views {
namespace {

using namespace literals;

TEST(Html, TextIsEscapedAndMarkupIsNot) {
  Html h;
  std::string hostile = "<script>alert(1)</script>";
  h << "<p>"_m << hostile << "</p>"_m;
  EXPECT_EQ(h.take().str(), "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>");
}

TEST(Html, PlainCharPointersAreTextNotMarkup) {
  Html h;
  h << "<b>";
  EXPECT_EQ(h.take().str(), "&lt;b&gt;");
}

TEST(SafeHref, OnlySafeSchemesPass) {
  EXPECT_EQ(safe_href("https://example.org/x"), "https://example.org/x");
  EXPECT_EQ(safe_href("/trials"), "/trials");
  EXPECT_EQ(safe_href("tel:08088004040"), "tel:08088004040");
  EXPECT_EQ(safe_href("javascript:alert(1)"), "#");
  EXPECT_EQ(safe_href(" JavaScript:alert(1)"), "#");
  EXPECT_EQ(safe_href("data:text/html,x"), "#");
  EXPECT_EQ(safe_href("//evil.example/x"), "#");
}

TEST(Layout, SiteStringsAreEscaped) {
  content::SiteSettings site;
  site.name = "Cairn <Info>";
  site.organisation = "A & B";
  site.donate_url = "javascript:alert(1)";
  Chrome chrome{site, [](std::string_view name) { return "/assets/" + std::string(name); }};
  PageShell shell{"Title \"quoted\"", "d", "/", {{"Home", "/"}}, "<q>"};
  auto html = render_layout(chrome, shell, SafeHtml::trusted("<p>main</p>")).str();
  EXPECT_NE(html.find("Cairn &lt;Info&gt;"), std::string::npos);
  EXPECT_NE(html.find("Title &quot;quoted&quot;"), std::string::npos);
  EXPECT_NE(html.find("value=\"&lt;q&gt;\""), std::string::npos);
  EXPECT_EQ(html.find("javascript:"), std::string::npos);
  EXPECT_NE(html.find("<p>main</p>"), std::string::npos);
  EXPECT_EQ(html.find("<script>"), std::string::npos);
}

TEST(FormatDate, WritesDatesInWords) {
  EXPECT_EQ(format_date("2023-08-30"), "30 August 2023");
  EXPECT_EQ(format_date("2026-01-05"), "5 January 2026");
  EXPECT_EQ(format_date("2024-05"), "May 2024");
  EXPECT_EQ(format_date("2024-13"), "2024-13");
  EXPECT_EQ(format_date("soon"), "soon");
}

}  // namespace
}  // namespace cairn::views
