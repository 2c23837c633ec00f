// Two Store objects on one database, as two nodes (or a node and a command)
// open it: what one writes the other reads, a mail is handed to one sender
// only, a shared setting has one value, and rate limits count across both.
// Runs on SQLite and on PostgreSQL.
#include <gtest/gtest.h>

#include <atomic>
#include <set>
#include <thread>
#include <vector>

#include "core/clock.hpp"
#include "core/rate_limiter.hpp"
#include "store_backends.hpp"

namespace cairn::store {
namespace {

template <class Backend>
class SharedDatabase : public testing::StoreContract<Backend> {
 protected:
  SharedDatabase() : other_(this->backend_.open()) {}
  Store& a() { return *this->store_; }
  Store& b() { return *other_; }
  std::unique_ptr<Store> other_;
};
TYPED_TEST_SUITE(SharedDatabase, testing::StoreBackends, testing::BackendNames);

TYPED_TEST(SharedDatabase, AnAccountAndSessionMadeThroughOneAreSeenThroughTheOther) {
  auto made = this->a().accounts().create_account(
      {"jo@example.org", "Jo", "$argon2id$x", "member", true, "", "2026-01-01T00:00:00Z"});
  ASSERT_EQ(made.outcome, CreatedAccount::Outcome::created);
  this->a().accounts().add_session({"hash", made.id, 10, 10, "ua"});
  auto session = this->b().accounts().session("hash");
  ASSERT_TRUE(session);
  EXPECT_EQ(session->account_id, made.id);
  EXPECT_EQ(this->b()
                .accounts()
                .create_account(
                    {"sam@example.org", "JO", "h", "member", true, "", "2026-01-01T00:00:00Z"})
                .outcome,
            CreatedAccount::Outcome::display_name_taken);
}

TYPED_TEST(SharedDatabase, ASettingHasOneValueWhoeverMadeItFirst) {
  auto first = this->a().settings().get_or_create("csrf_secret", "from-a");
  EXPECT_EQ(this->b().settings().get_or_create("csrf_secret", "from-b"), first);
}

TYPED_TEST(SharedDatabase, APagePublishedThroughOneMovesTheFeedBothSee) {
  auto before = this->b().changes().latest();
  (void)this->a().pages().import_pages({{"/x", "one"}}, "import");
  EXPECT_GT(this->b().changes().latest(), before);
  EXPECT_EQ(this->b().pages().published_page("/x")->content, "one");
}

TYPED_TEST(SharedDatabase, EachMailIsHandedToOneSenderOnly) {
  constexpr int kMails = 60;
  for (int i = 0; i < kMails; ++i)
    this->a().outbox().queue({"to" + std::to_string(i) + "@example.org", "Hi", "Body", {}}, 100);
  std::mutex mutex;
  std::vector<std::int64_t> taken;
  std::vector<std::thread> senders;
  for (Store* s : {&this->a(), &this->b(), &this->a(), &this->b()}) {
    senders.emplace_back([&, s] {
      for (;;) {
        auto due = s->outbox().take_due(200, 10'000, 5);
        if (due.empty())
          return;
        std::lock_guard lock(mutex);
        for (const auto& m : due) taken.push_back(m.id);
      }
    });
  }
  for (auto& t : senders) t.join();
  std::set<std::int64_t> distinct(taken.begin(), taken.end());
  EXPECT_EQ(taken.size(), static_cast<std::size_t>(kMails)) << "a mail was handed out twice";
  EXPECT_EQ(distinct.size(), static_cast<std::size_t>(kMails));
  EXPECT_EQ(this->b().outbox().unsent_count(), kMails);  // taken, not yet sent
}

TYPED_TEST(SharedDatabase, ANurseAnswersOnceThoughTwoTryAtOnce) {
  auto nurse = this->a().accounts().create_account(
      {"n@example.org", "Nurse", "h", "nurse", true, "", "2026-01-01T00:00:00Z"});
  auto id = this->a().nurse_messages().add_message(
      {"token-hash", "Sam", "sam@example.org", "A question; DROP TABLE x;--", true, false, 100},
      OutboxMail{"sam@example.org", "Answered", "Read it", {}});
  std::atomic<int> answered = 0;
  std::atomic<int> already = 0;
  std::vector<std::thread> nurses;
  for (Store* s : {&this->a(), &this->b()}) {
    nurses.emplace_back([&, s] {
      auto outcome = s->nurse_messages().answer({id, nurse.id, "The answer", 200});
      (outcome == AnswerOutcome::answered ? answered : already)++;
    });
  }
  for (auto& t : nurses) t.join();
  EXPECT_EQ(answered, 1);
  EXPECT_EQ(already, 1);
  auto m = this->b().nurse_messages().message_by_token_hash("token-hash");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->question, "A question; DROP TABLE x;--");
  EXPECT_EQ(m->status, NurseMessageStatus::answered);
  EXPECT_EQ(this->b().outbox().take_due(200, 300, 10).size(), 1u) << "the held answer mail is due";
}

TYPED_TEST(SharedDatabase, WatchedWordsAreSeededOnceAndEditedForBoth) {
  this->a().watched_words().seed_once({{"kill myself", "hold", "", "2026-01-01T00:00:00Z"}});
  this->b().watched_words().seed_once({{"other", "hold", "", "2026-01-01T00:00:00Z"}});
  this->b().watched_words().put({"zebra", "block", "No ads.", "2026-01-02T00:00:00Z"});
  auto words = this->a().watched_words().list();
  ASSERT_EQ(words.size(), 2u);
  EXPECT_EQ(words[0].phrase, "kill myself");
  EXPECT_EQ(words[1].message, "No ads.");
  EXPECT_TRUE(this->a().watched_words().remove("zebra"));
  EXPECT_FALSE(this->b().watched_words().remove("zebra"));
}

TYPED_TEST(SharedDatabase, AReminderWeekIsClaimedOnce) {
  auto owner = this->a().accounts().create_account(
      {"o@example.org", "Owner", "h", "editor", true, "", "2026-01-01T00:00:00Z"});
  EXPECT_TRUE(this->a().page_owners().claim_reminder(owner.id, "2026-03-09T08:00:00Z"));
  EXPECT_FALSE(this->b().page_owners().claim_reminder(owner.id, "2026-03-09T08:00:00Z"));
  EXPECT_TRUE(this->b().page_owners().claim_reminder(owner.id, "2026-03-16T08:00:00Z"));
}

// A limiter on each "node", both counting in the store's shared limits when it
// has them (PostgreSQL): the allowance is the site's, not each node's.
TYPED_TEST(SharedDatabase, RateLimitsCountAcrossBothWhereTheStoreSharesThem) {
  SystemClock clock;
  RateLimiter on_a(clock, this->a().shared_rate_limits());
  RateLimiter on_b(clock, this->b().shared_rate_limits());
  const RateLimit limit{3, std::chrono::seconds(60), std::chrono::seconds(30),
                        std::chrono::seconds(300)};
  EXPECT_TRUE(on_a.attempt("sign-in:jo", limit));
  EXPECT_TRUE(on_a.attempt("sign-in:jo", limit));
  EXPECT_TRUE(on_b.attempt("sign-in:jo", limit));
  if (this->a().shared_rate_limits() == nullptr) {
    GTEST_SKIP() << "SQLite serves one node: each limiter counts in its own memory";
  }
  auto refused = on_b.attempt("sign-in:jo", limit);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, Errc::rate_limited);
  EXPECT_FALSE(on_a.attempt("sign-in:jo", limit)) << "node A sees node B's count";
  EXPECT_TRUE(on_a.remembers("sign-in:jo"));
  on_b.reset("sign-in:jo");
  EXPECT_FALSE(on_a.remembers("sign-in:jo"));
  EXPECT_TRUE(on_a.attempt("sign-in:jo", limit));
}

}  // namespace
}  // namespace cairn::store
