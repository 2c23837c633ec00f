#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "content/site_settings.hpp"
#include "fixtures.hpp"

namespace cairn::content {
namespace {

using testing::data_dir;
using ::testing::HasSubstr;
using testing::read_fixture;

TEST(SiteSettings, LoadsEverySetting) {
  auto s = load_site_settings(data_dir() / "site");
  ASSERT_TRUE(s.ok()) << s.error().message;
  EXPECT_EQ(s->name, "Cairn Cancer Information");
  EXPECT_EQ(s->organisation, "The Cairn Cancer Charity");
  EXPECT_EQ(s->donate_url, "https://example.org/donate");
  EXPECT_EQ(s->helpline_phone, "0808 800 4040");
  EXPECT_EQ(s->helpline_timezone, "Europe/London");
  EXPECT_TRUE(s->bank_holidays_file.is_absolute());
  EXPECT_EQ(s->bank_holidays_file,
            std::filesystem::absolute(data_dir() / "site/holidays/bank-holidays.json")
                .lexically_normal());
  EXPECT_EQ(s->helpline_hours.size(), 5u);
  EXPECT_EQ(s->helpline_hours.at("wednesday"), "09:00-20:00");
  EXPECT_EQ(s->helpline_hours.count("saturday"), 0u);
  ASSERT_EQ(s->special_days.size(), 2u);
  EXPECT_EQ(s->special_days[0].date, "2026-12-24");
  EXPECT_FALSE(s->special_days[0].closed);
  EXPECT_EQ(s->special_days[0].hours, "09:00-13:00");
  EXPECT_EQ(s->special_days[0].note, "Christmas Eve");
  EXPECT_TRUE(s->special_days[1].closed);
  ASSERT_EQ(s->crisis.size(), 2u);
  EXPECT_EQ(s->crisis[0].phone, "116 123");
  EXPECT_EQ(s->crisis[1].phone, "999");  // a bare number is still text
  EXPECT_EQ(s->supporter_credit, "Funded by people like you.");
  ASSERT_EQ(s->trust_marks.size(), 1u);
  EXPECT_EQ(s->trust_marks[0].name, "PIF TICK");
  ASSERT_EQ(s->footer_links.size(), 2u);
  EXPECT_EQ(s->footer_links[0].title, "About us");
  EXPECT_EQ(s->footer_links[0].url, "/about");
}

TEST(SiteSettings, OptionalPartsMayBeLeftOut) {
  auto s = parse_site_settings(read_fixture("settings/minimal.yaml"), "site.yaml", data_dir());
  ASSERT_TRUE(s.ok()) << s.error().message;
  EXPECT_TRUE(s->helpline_hours.empty());
  EXPECT_TRUE(s->bank_holidays_file.empty());
  EXPECT_TRUE(s->crisis.empty());
}

struct BadSettings {
  const char* file;
  std::vector<std::string> problems;
};

TEST(SiteSettings, EachMistakeIsReportedWithItsLine) {
  const BadSettings cases[] = {
      {"missing-name.yaml", {"site.yaml:1: missing required key 'name'"}},
      {"bad-hours.yaml",
       {"site.yaml:8: 'monday' must be opening hours like \"09:00-17:00\", not '17:00-09:00'",
        "site.yaml:9: unknown key 'funday'"}},
      {"bad-special-day.yaml",
       {"site.yaml:8: a special day needs either", "site.yaml:10: 'date' must be a real date"}},
      {"missing-holidays.yaml",
       {"site.yaml:7: bank holidays file 'holidays/not-there.json' not found"}},
      {"bad-links.yaml",
       {"site.yaml:3: 'donate_url' must start with https://",
        "site.yaml:9: footer link 'javascript:alert(1)' must be a path"}},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.file);
    auto s = parse_site_settings(read_fixture(std::string("settings/") + c.file), "site.yaml",
                                 data_dir() / "site");
    ASSERT_FALSE(s.ok());
    for (const auto& p : c.problems) EXPECT_THAT(s.error().message, HasSubstr(p));
  }
}

TEST(SiteSettings, MissingFileIsNotFound) {
  auto s = load_site_settings(data_dir() / "pages");
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, Errc::not_found);
}

}  // namespace
}  // namespace cairn::content
