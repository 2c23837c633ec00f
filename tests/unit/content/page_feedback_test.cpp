#include <gtest/gtest.h>

#include "../temp_store.hpp"
#include "content/page_feedback.hpp"

namespace cairn::content {
namespace {

using namespace std::chrono_literals;

class PageFeedbackTest : public ::testing::Test {
 protected:
  void SetUp() override {
    feedback_ = std::make_unique<PageFeedback>(store_->feedback(), watched_, limiter_, clock_);
  }

  cairn::testing::TempStore store_;
  FixedClock clock_{std::chrono::sys_days{std::chrono::year{2026} / 11 / 29} + 15h + 7min};
  RateLimiter limiter_{clock_};
  safeguarding::FixedWatchedWords watched_{safeguarding::WatchedWords::parse("end my life\n")};
  std::unique_ptr<PageFeedback> feedback_;
};

TEST_F(PageFeedbackTest, KeepsTheAnswerTheCommentAndOnlyTheDay) {
  ASSERT_TRUE(feedback_->submit("/a", "no", "  Needs more about side effects.  ", "192.0.2.1"));
  ASSERT_TRUE(feedback_->submit("/a", "yes", "", "192.0.2.1"));
  auto counts = store_->feedback().counts();
  EXPECT_EQ(counts["/a"].useful, 1);
  EXPECT_EQ(counts["/a"].not_useful, 1);
  EXPECT_EQ(counts["/a"].comments, 1);
  auto comments = store_->feedback().comments("/a", 10);
  ASSERT_EQ(comments.size(), 1u);
  EXPECT_EQ(comments[0].comment, "Needs more about side effects.");
  EXPECT_EQ(comments[0].created_on, "2026-11-29");
  EXPECT_FALSE(comments[0].useful);
}

TEST_F(PageFeedbackTest, RefusesBadAnswersAndKeepsNothing) {
  auto none = feedback_->submit("/a", "", "hi", "192.0.2.1");
  ASSERT_FALSE(none);
  EXPECT_EQ(none.error().problems[0].field, "useful");
  EXPECT_FALSE(feedback_->submit("/a", "maybe", "", "192.0.2.1"));
  EXPECT_FALSE(
      feedback_->submit("/a", "yes", std::string(kMaxFeedbackChars + 1, 'x'), "192.0.2.1"));
  EXPECT_FALSE(feedback_->submit("/a", "yes", "bad \xc3\x28 text", "192.0.2.1"));
  auto phone = feedback_->submit("/a", "yes", "ring me on 07700 900123", "192.0.2.1");
  ASSERT_FALSE(phone);
  EXPECT_EQ(phone.error().problems[0].field, "comment");
  EXPECT_FALSE(feedback_->submit("/a", "yes", "jo@example.org", "192.0.2.1"));
  EXPECT_TRUE(store_->feedback().counts().empty());
}

TEST_F(PageFeedbackTest, ACommentAboutSelfHarmAsksForCrisisSupport) {
  auto sent = feedback_->submit("/a", "no", "I want to end my life", "192.0.2.1");
  ASSERT_TRUE(sent);
  EXPECT_TRUE(sent->crisis);
  auto plain = feedback_->submit("/a", "no", "The font is small", "192.0.2.1");
  ASSERT_TRUE(plain);
  EXPECT_FALSE(plain->crisis);
}

TEST_F(PageFeedbackTest, RateLimitedPerAddress) {
  for (int i = 0; i < kFeedbackPerAddress.attempts; ++i) {
    ASSERT_TRUE(feedback_->submit("/a", "yes", "", "192.0.2.1")) << i;
  }
  auto refused = feedback_->submit("/a", "yes", "", "192.0.2.1");
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, Errc::rate_limited);
  EXPECT_TRUE(feedback_->submit("/a", "yes", "", "192.0.2.2"));
  clock_.advance(2h);
  EXPECT_TRUE(feedback_->submit("/a", "yes", "", "192.0.2.1"));
  EXPECT_EQ(store_->feedback().counts()["/a"].useful, kFeedbackPerAddress.attempts + 2);
}

}  // namespace
}  // namespace cairn::content
