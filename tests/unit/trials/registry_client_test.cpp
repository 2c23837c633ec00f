#include "trials/registry_client.hpp"

#include <gtest/gtest.h>

#include <deque>
#include <vector>

namespace cairn::trials {
namespace {

using namespace std::chrono_literals;

// Answers from a script, one per request, and remembers what was asked.
class ScriptedTransport final : public RegistryTransport {
 public:
  std::deque<Result<RegistryReply>> script;
  std::vector<std::string> urls;
  std::vector<std::chrono::steady_clock::time_point> asked_at;
  const Sleeper* sleeper = nullptr;

  Result<RegistryReply> get(const std::string& url, std::chrono::milliseconds) override {
    urls.push_back(url);
    if (sleeper)
      asked_at.push_back(sleeper->now());
    if (script.empty())
      return make_error(Errc::internal, "the test's script ran out");
    auto next = std::move(script.front());
    script.pop_front();
    return next;
  }
};

// Time moves only when slept; every sleep is kept.
class RecordingSleeper final : public Sleeper {
 public:
  std::vector<std::chrono::milliseconds> sleeps;
  std::chrono::steady_clock::time_point now() const override { return now_; }
  void sleep_for(std::chrono::milliseconds pause) override {
    sleeps.push_back(pause);
    now_ += pause;
  }

 private:
  std::chrono::steady_clock::time_point now_{};
};

RegistryReply reply(long status, std::string body = {}, std::string retry_after = {}) {
  return RegistryReply{status, std::move(body), std::move(retry_after)};
}
const std::string kPage = R"({"studies": [{}, {}], "nextPageToken": "T2"})";

class RegistryClientTest : public ::testing::Test {
 protected:
  RegistryClientTest() { transport_.sleeper = &sleeper_; }
  RegistryClient client(RegistrySettings settings = quick()) {
    return RegistryClient(transport_, sleeper_, std::move(settings));
  }
  static RegistrySettings quick() {
    RegistrySettings s;
    s.registry = "http://registry.test";
    s.min_interval = 0ms;
    s.first_backoff = 1s;
    s.max_backoff = 8s;
    s.max_attempts = 5;
    return s;
  }
  ScriptedTransport transport_;
  RecordingSleeper sleeper_;
  RegistryQuery query_;
};

TEST_F(RegistryClientTest, APageOnTheFirstTry) {
  transport_.script.push_back(reply(200, kPage));
  auto c = client();
  auto page = c.fetch_page(query_, "T1");
  ASSERT_TRUE(page) << page.error().message;
  EXPECT_EQ(page->study_count, 2u);
  EXPECT_EQ(page->next_page_token, "T2");
  ASSERT_EQ(transport_.urls.size(), 1u);
  EXPECT_EQ(transport_.urls[0], studies_url("http://registry.test", query_, "T1"));
  EXPECT_TRUE(sleeper_.sleeps.empty());
  EXPECT_EQ(c.retries(), 0);
}

TEST_F(RegistryClientTest, ServerErrorsAndNetworkFailuresBackOffDoubling) {
  transport_.script.push_back(reply(500));
  transport_.script.push_back(make_error(Errc::unavailable, "connection refused"));
  transport_.script.push_back(reply(503));
  transport_.script.push_back(reply(200, kPage));
  auto c = client();
  std::vector<std::string> told;
  c.on_retry([&](const std::string& why, std::chrono::milliseconds) { told.push_back(why); });
  auto page = c.fetch_page(query_, "");
  ASSERT_TRUE(page) << page.error().message;
  EXPECT_EQ(sleeper_.sleeps, (std::vector<std::chrono::milliseconds>{1s, 2s, 4s}));
  EXPECT_EQ(c.retries(), 3);
  EXPECT_EQ(c.requests(), 4);
  ASSERT_EQ(told.size(), 3u);
  EXPECT_EQ(told[0], "the registry answered HTTP 500");
  EXPECT_EQ(told[1], "connection refused");
  // The same page each time.
  EXPECT_EQ(transport_.urls[0], transport_.urls[3]);
}

TEST_F(RegistryClientTest, BackoffStopsGrowingAtTheCap) {
  for (int i = 0; i < 5; ++i) transport_.script.push_back(reply(502));
  transport_.script.push_back(reply(200, kPage));
  auto settings = quick();
  settings.max_attempts = 6;
  auto c = client(settings);
  ASSERT_TRUE(c.fetch_page(query_, ""));
  EXPECT_EQ(sleeper_.sleeps, (std::vector<std::chrono::milliseconds>{1s, 2s, 4s, 8s, 8s}));
}

TEST_F(RegistryClientTest, TooManyRequestsHonoursRetryAfter) {
  transport_.script.push_back(reply(429, "", "3"));
  transport_.script.push_back(reply(429, "", "Wed, 21 Oct 2026 07:28:00 GMT"));
  transport_.script.push_back(reply(200, kPage));
  auto c = client();
  ASSERT_TRUE(c.fetch_page(query_, ""));
  // Three seconds as asked; an HTTP date falls back to the backoff for attempt 2.
  EXPECT_EQ(sleeper_.sleeps, (std::vector<std::chrono::milliseconds>{3s, 2s}));
}

TEST_F(RegistryClientTest, GivesUpAfterTheLastAttempt) {
  for (int i = 0; i < 5; ++i) transport_.script.push_back(reply(500));
  auto c = client();
  auto page = c.fetch_page(query_, "");
  ASSERT_FALSE(page);
  EXPECT_EQ(page.error().code, Errc::unavailable);
  EXPECT_NE(page.error().message.find("gave up after 5 attempts"), std::string::npos)
      << page.error().message;
  EXPECT_EQ(transport_.urls.size(), 5u);
  EXPECT_EQ(sleeper_.sleeps.size(), 4u);
}

TEST_F(RegistryClientTest, ARetryAfterLongerThanTheCapEndsTheRun) {
  transport_.script.push_back(reply(429, "", "3600"));
  auto c = client();
  auto page = c.fetch_page(query_, "");
  ASSERT_FALSE(page);
  EXPECT_NE(page.error().message.find("wait 3600 s"), std::string::npos) << page.error().message;
  EXPECT_TRUE(sleeper_.sleeps.empty());
}

TEST_F(RegistryClientTest, ARefusedRequestIsNotRetried) {
  transport_.script.push_back(reply(400, "Unknown parameter query.bogus"));
  auto c = client();
  auto page = c.fetch_page(query_, "");
  ASSERT_FALSE(page);
  EXPECT_EQ(page.error().code, Errc::invalid_input);
  EXPECT_NE(page.error().message.find("HTTP 400): Unknown parameter"), std::string::npos)
      << page.error().message;
  EXPECT_EQ(transport_.urls.size(), 1u);
}

TEST_F(RegistryClientTest, ABrokenPageIsReportedNotRetried) {
  transport_.script.push_back(reply(200, kPage.substr(0, 20)));
  auto c = client();
  auto page = c.fetch_page(query_, "");
  ASSERT_FALSE(page);
  EXPECT_EQ(page.error().code, Errc::invalid_input);
  EXPECT_NE(page.error().message.find("not complete JSON"), std::string::npos);
  EXPECT_EQ(transport_.urls.size(), 1u);
}

TEST_F(RegistryClientTest, KeepsTheMinimumIntervalBetweenRequests) {
  auto settings = quick();
  settings.min_interval = 1200ms;
  for (int i = 0; i < 3; ++i) transport_.script.push_back(reply(200, kPage));
  auto c = client(settings);
  for (int i = 0; i < 3; ++i) ASSERT_TRUE(c.fetch_page(query_, ""));
  ASSERT_EQ(transport_.asked_at.size(), 3u);
  EXPECT_EQ(transport_.asked_at[1] - transport_.asked_at[0], 1200ms);
  EXPECT_EQ(transport_.asked_at[2] - transport_.asked_at[1], 1200ms);
}

TEST_F(RegistryClientTest, ABackoffLongerThanTheIntervalNeedsNoExtraWait) {
  auto settings = quick();
  settings.min_interval = 500ms;
  transport_.script.push_back(reply(503));
  transport_.script.push_back(reply(200, kPage));
  auto c = client(settings);
  ASSERT_TRUE(c.fetch_page(query_, ""));
  EXPECT_EQ(sleeper_.sleeps, (std::vector<std::chrono::milliseconds>{1s}));
}

TEST(RetryAfterTest, ReadsSecondsOnly) {
  EXPECT_EQ(retry_after_seconds(" 120 "), std::chrono::seconds(120));
  EXPECT_EQ(retry_after_seconds("0"), std::chrono::seconds(0));
  EXPECT_FALSE(retry_after_seconds(""));
  EXPECT_FALSE(retry_after_seconds("-1"));
  EXPECT_FALSE(retry_after_seconds("12s"));
  EXPECT_FALSE(retry_after_seconds("Wed, 21 Oct 2026 07:28:00 GMT"));
}

}  // namespace
}  // namespace cairn::trials
