#include "trials/trial.hpp"

#include <gtest/gtest.h>

#include <string>

namespace cairn::trials {
namespace {

using nlohmann::json;

// Storage JSON escapes what JSON needs escaped wherever it falls in a long text (criteria
// run to kilobytes and are copied in runs), and reads back as the same trial.
TEST(TrialStorage, EscapesAndReadsBackEveryCharacterAnywhere) {
  std::string specials = std::string("\"\\\n\r\t\x01\x1f/") + '\0';
  for (char special : specials) {
    for (std::size_t at = 0; at < 20; ++at) {
      Trial t;
      t.nct_id = "NCT01234567";
      t.brief_title = "Title";
      t.overall_status = "RECRUITING";
      std::string text = std::string(at, 'a') + special + "Leuk\xC3\xA4mie" + std::string(9, 'b');
      t.eligibility.criteria = text;
      t.brief_summary = text + text;
      std::string stored = trial_to_storage(t);
      json parsed = json::parse(stored);  // what any JSON reader makes of it
      EXPECT_EQ(parsed["eligibility"]["criteria"], text) << int(special) << " at " << at;
      EXPECT_EQ(trial_from_storage(stored), t) << int(special) << " at " << at;
    }
  }
}

TEST(TrialStorage, WritesControlCharactersAsUnicodeEscapes) {
  Trial t;
  t.nct_id = "NCT01234567";
  t.brief_title = std::string("a\x01") + "b\"c\\d\te";
  EXPECT_NE(trial_to_storage(t).find(R"("brief_title":"a\u0001b\"c\\d\te")"), std::string::npos)
      << trial_to_storage(t);
}

}  // namespace
}  // namespace cairn::trials
