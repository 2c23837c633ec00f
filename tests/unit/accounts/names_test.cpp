#include <gtest/gtest.h>

#include "accounts/display_name.hpp"
#include "accounts/email_address.hpp"
#include "accounts/role.hpp"

namespace cairn::accounts {
namespace {

TEST(EmailAddress, NormalisesCaseAndSpace) {
  EXPECT_EQ(normalise_email("  Jo.Bloggs@Example.COM "), "jo.bloggs@example.com");
}

TEST(EmailAddress, AcceptsOrdinaryAddresses) {
  for (const char* ok :
       {"jo@example.org", "o'brien+test@example.co.uk", "a.b-c_d@sub.example.org"}) {
    EXPECT_EQ(email_problem(ok), std::nullopt) << ok;
  }
}

TEST(EmailAddress, RefusesWhatCannotBeAnAddress) {
  for (const char* bad :
       {"", "jo", "jo@", "@example.org", "jo@example", "jo@@example.org", "jo @example.org",
        "jo@example..org", "jo@example.org.", "<jo@example.org>", "jo@exa\nmple.org"}) {
    EXPECT_NE(email_problem(bad), std::nullopt) << bad;
  }
}

TEST(DisplayName, CollapsesSpaces) {
  EXPECT_EQ(normalise_display_name("  Jo \t  Bloggs  "), "Jo Bloggs");
}

TEST(DisplayName, AcceptsAnyScript) {
  for (const char* ok : {"Jo", "Zoë Ó Briain", "Łukasz", "محمد", "山田太郎", "Robert'); DROP"}) {
    EXPECT_EQ(display_name_problem(ok), std::nullopt) << ok;
  }
}

TEST(DisplayName, LengthIsCountedInCharacters) {
  std::string fifty;
  for (int i = 0; i < 50; ++i) fifty += "é";
  EXPECT_EQ(display_name_problem(fifty), std::nullopt);
  EXPECT_NE(display_name_problem(fifty + "é"), std::nullopt);
}

TEST(DisplayName, ReservedNamesAreForStaffOnly) {
  EXPECT_NE(display_name_problem("Nurse"), std::nullopt);
  EXPECT_NE(display_name_problem("MODERATOR"), std::nullopt);
  EXPECT_EQ(display_name_problem("Nurse", true), std::nullopt);
}

TEST(Role, NamesRoundTrip) {
  for (Role r : {Role::member, Role::moderator, Role::nurse, Role::editor, Role::admin}) {
    EXPECT_EQ(parse_role(role_name(r)), r);
  }
  EXPECT_EQ(parse_role("Nurse"), Role::nurse);
  EXPECT_EQ(parse_role("superuser"), std::nullopt);
}

}  // namespace
}  // namespace cairn::accounts
