#include "trials/record_parser.hpp"

#include <gtest/gtest.h>

#include <fstream>

#include "test_paths.hpp"

namespace cairn::trials {
namespace {

using nlohmann::json;

json load(const std::filesystem::path& file) {
  std::ifstream in(file);
  return json::parse(in);
}

json real_study(const std::string& file, const std::string& nct_id) {
  for (const auto& study : load(testing::real_trials(file))) {
    if (study["protocolSection"]["identificationModule"]["nctId"] == nct_id)
      return study;
  }
  ADD_FAILURE() << nct_id << " not in " << file;
  return json::object();
}

json minimal() {
  return json::parse(R"({"protocolSection": {
    "identificationModule": {"nctId": "NCT01234567", "briefTitle": "A trial"},
    "statusModule": {"overallStatus": "RECRUITING"}}})");
}

std::string reason_for(const json& record) {
  auto trial = parse_record(record);
  return trial ? std::string("<accepted>") : trial.error().message;
}

TEST(RecordParser, KeepsWhatPeopleNeedFromARealRecord) {
  auto trial = parse_record(real_study("mixed-export-50.json", "NCT05827016"));
  ASSERT_TRUE(trial) << trial.error().message;
  EXPECT_EQ(trial->nct_id, "NCT05827016");
  EXPECT_FALSE(trial->brief_title.empty());
  EXPECT_FALSE(trial->official_title.empty());
  EXPECT_FALSE(trial->brief_summary.empty());
  EXPECT_EQ(trial->conditions, std::vector<std::string>{"Multiple Myeloma"});
  EXPECT_EQ(trial->phases, std::vector<std::string>{"PHASE3"});
  EXPECT_EQ(trial->study_type, "INTERVENTIONAL");
  EXPECT_EQ(trial->overall_status, "NOT_YET_RECRUITING");
  EXPECT_EQ(trial->eligibility.minimum_age, "18 Years");
  EXPECT_EQ(trial->eligibility.sex, "ALL");
  EXPECT_NE(trial->eligibility.criteria.find("Exclusion"), std::string::npos);
  EXPECT_FALSE(trial->sponsor.empty());
  EXPECT_FALSE(trial->start_date.empty());
  EXPECT_FALSE(trial->last_update.empty());
  EXPECT_FALSE(trial->mesh_terms.empty());
  EXPECT_FALSE(trial->interventions.empty());
  bool uk_site_with_geo = false;
  for (const auto& l : trial->locations) {
    uk_site_with_geo = uk_site_with_geo || (l.country == "United Kingdom" && l.lat && l.lon);
  }
  EXPECT_TRUE(uk_site_with_geo);
}

TEST(RecordParser, KeepsWhenTheStatusWasLastVerifiedToTheMonthOrTheDay) {
  auto trial = parse_record(real_study("mixed-export-10.json", "NCT05923281"));
  ASSERT_TRUE(trial) << trial.error().message;
  EXPECT_EQ(trial->status_verified, "2023-06");
  json day = minimal();
  day["protocolSection"]["statusModule"]["statusVerifiedDate"] = "2024-05-01";
  auto by_day = parse_record_text(day.dump());
  ASSERT_TRUE(by_day) << by_day.error().message;
  EXPECT_EQ(by_day->status_verified, "2024-05-01");
  EXPECT_EQ(trial_from_storage(trial_to_storage(*by_day)).status_verified, "2024-05-01");
  EXPECT_EQ(parse_record(minimal())->status_verified, "");
  json bad = minimal();
  bad["protocolSection"]["statusModule"]["statusVerifiedDate"] = "lately";
  EXPECT_EQ(reason_for(bad),
            "bad date 'lately' in protocolSection.statusModule.statusVerifiedDate");
}

TEST(RecordParser, KeepsCentralContacts) {
  auto trial = parse_record(real_study("mixed-export-10.json", "NCT05923281"));
  ASSERT_TRUE(trial) << trial.error().message;
  ASSERT_FALSE(trial->central_contacts.empty());
  EXPECT_EQ(trial->central_contacts[0].name, "Saito Ayumi");
  EXPECT_EQ(trial->central_contacts[0].email, "ctrdinfo@kowa.co.jp");
  EXPECT_EQ(trial->eligibility.healthy_volunteers, false);
}

TEST(RecordParser, AcceptsEveryRealRecord) {
  std::size_t count = 0;
  for (const auto& entry : std::filesystem::directory_iterator(testing::real_trials())) {
    if (entry.path().extension() != ".json")
      continue;
    json doc = load(entry.path());
    const json& studies = doc.is_object() ? doc["studies"] : doc;
    for (const auto& study : studies) {
      auto trial = parse_record(study);
      ASSERT_TRUE(trial) << entry.path().filename() << ": " << trial.error().message;
      // Reading from text skips unkept fields; it must give the same trial.
      auto from_text = parse_record_text(study.dump());
      ASSERT_TRUE(from_text) << from_text.error().message;
      EXPECT_EQ(*from_text, *trial) << trial->nct_id;
      ++count;
    }
  }
  EXPECT_EQ(count, 938u);  // every record in the shared files, repeats included
}

TEST(RecordParser, NeedsAnNctId) {
  json record = minimal();
  record["protocolSection"]["identificationModule"].erase("nctId");
  EXPECT_EQ(reason_for(record), "missing protocolSection.identificationModule.nctId");
}

TEST(RecordParser, RefusesABadNctId) {
  json record = minimal();
  record["protocolSection"]["identificationModule"]["nctId"] = "NCT123";
  EXPECT_EQ(reason_for(record), "bad NCT id 'NCT123' (expected NCT and 8 digits)");
}

TEST(RecordParser, NeedsATitleAndAStatus) {
  json untitled = minimal();
  untitled["protocolSection"]["identificationModule"].erase("briefTitle");
  EXPECT_EQ(reason_for(untitled), "missing protocolSection.identificationModule.briefTitle");
  json no_status = minimal();
  no_status["protocolSection"].erase("statusModule");
  EXPECT_EQ(reason_for(no_status), "missing protocolSection.statusModule.overallStatus");
}

TEST(RecordParser, NamesTheFieldWithTheWrongType) {
  json record = minimal();
  record["protocolSection"]["conditionsModule"]["conditions"] = "Lung cancer";
  EXPECT_EQ(reason_for(record), "protocolSection.conditionsModule.conditions is not a list");
  json location = minimal();
  location["protocolSection"]["contactsLocationsModule"]["locations"] = json::parse(
      R"([{"city": "Leeds"}, {"city": "York", "geoPoint": {"lat": "north", "lon": 1}}])");
  EXPECT_EQ(reason_for(location),
            "protocolSection.contactsLocationsModule.locations[1].geoPoint.lat is not a number");
}

TEST(RecordParser, RefusesNonsenseValues) {
  json age = minimal();
  age["protocolSection"]["eligibilityModule"]["minimumAge"] = "eighteen";
  EXPECT_EQ(reason_for(age), "bad age 'eighteen' (expected e.g. '18 Years')");
  json date = minimal();
  date["protocolSection"]["statusModule"]["startDateStruct"]["date"] = "soon";
  EXPECT_NE(reason_for(date).find("bad date 'soon'"), std::string::npos);
  json sex = minimal();
  sex["protocolSection"]["eligibilityModule"]["sex"] = "BOTH";
  EXPECT_NE(reason_for(sex).find("bad sex 'BOTH'"), std::string::npos);
}

TEST(RecordParser, RefusesWhatIsNotAStudy) {
  EXPECT_EQ(reason_for(json::array()), "record is not a JSON object");
  EXPECT_EQ(reason_for(json::object()), "missing protocolSection");
}

TEST(RecordParser, ReportsInvalidJsonText) {
  auto trial = parse_record_text(R"({"protocolSection": {"identificationModule": tru}})");
  ASSERT_FALSE(trial);
  EXPECT_EQ(trial.error().message, "invalid JSON at byte 45: expected a value");
}

TEST(TrialStorage, RoundTripsEveryField) {
  auto trial = parse_record(real_study("mixed-export-50.json", "NCT05827016"));
  ASSERT_TRUE(trial);
  std::string stored = trial_to_storage(*trial);
  EXPECT_EQ(trial_from_storage(stored), *trial);
  // The same trial always stores as the same text, which is what "unchanged" rests on.
  EXPECT_EQ(trial_to_storage(trial_from_storage(stored)), stored);
}

TEST(TrialStorage, KeepsAwkwardTextIntact) {
  Trial trial;
  trial.nct_id = "NCT01234567";
  trial.brief_title = "Quotes \" backslash \\ tab \t bell \a and Leuk\u00e4mie \U0001F600";
  trial.eligibility.criteria = "Inclusion Criteria:\r\n* one\n\nExclusion Criteria:\n* two";
  trial.eligibility.healthy_volunteers = false;
  trial.locations.push_back({"", "", "", "", "", 51.5, -0.125});
  EXPECT_EQ(trial_from_storage(trial_to_storage(trial)), trial);
  EXPECT_EQ(nlohmann::json::parse(trial_to_storage(trial))["brief_title"], trial.brief_title);
}

TEST(TrialStorage, ForSearchKeepsWhatTheFinderReadsAndDropsTheRest) {
  auto trial = parse_record(real_study("mixed-export-50.json", "NCT05827016"));
  ASSERT_TRUE(trial);
  Trial light = trial_from_storage(trial_to_storage(*trial), true);
  EXPECT_TRUE(light.eligibility.criteria.empty());
  EXPECT_TRUE(light.central_contacts.empty());
  EXPECT_TRUE(light.sponsor.empty());
  EXPECT_TRUE(light.status_verified.empty());
  for (const auto& l : light.locations) EXPECT_TRUE(l.status.empty() && l.state.empty());
  // Everything the finder filters, scores or shows is still there.
  Trial expected = *trial;
  expected.eligibility.criteria.clear();
  expected.central_contacts.clear();
  expected.sponsor.clear();
  expected.start_date.clear();
  expected.completion_date.clear();
  expected.status_verified.clear();
  for (auto& l : expected.locations) l.status.clear(), l.state.clear();
  EXPECT_EQ(light, expected);
}

TEST(RecordParser, ChecksTheSyntaxOfFieldsItDoesNotKeep) {
  auto trial = parse_record_text(
      R"({"protocolSection": {"identificationModule": {"nctId": "NCT01234567", "briefTitle": "T"},)"
      R"( "statusModule": {"overallStatus": "RECRUITING"}}, "resultsSection": {"x": [1, 2,]}})");
  ASSERT_FALSE(trial);
  EXPECT_NE(trial.error().message.find("invalid JSON"), std::string::npos);
}

}  // namespace
}  // namespace cairn::trials
