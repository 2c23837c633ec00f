// The nurse inbox on a real SQLite store: questions in, private links out,
// flagged-first ordering, wait times from the clock, and exactly one "answer
// ready" email per answer, which never carries the question or the answer.
#include "helpline/nurse_inbox.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cctype>
#include <filesystem>
#include <memory>
#include <string>

#include "core/token_hash.hpp"
#include "store/sqlite/database.hpp"
#include "store/store.hpp"

namespace cairn::helpline {
namespace {

using namespace std::chrono_literals;

std::chrono::system_clock::time_point t0() {
  return std::chrono::system_clock::time_point(std::chrono::seconds(1'780'000'000));
}

class NurseInboxTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("cairn-nurse-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    store_ = store::open_sqlite_store(dir_);
    auto watched = safeguarding::WatchedWords::load(std::filesystem::path(CAIRN_SOURCE_DIR) /
                                                    "content/safeguarding/watched-words.txt");
    ASSERT_TRUE(watched.ok()) << watched.error().message;
    watched_ = std::make_unique<safeguarding::FixedWatchedWords>(watched.value());
    inbox_ =
        std::make_unique<NurseInbox>(store_->nurse_messages(), *watched_, limiter_, clock_,
                                     NurseInboxSettings{"https://cairn.example.org/", "Cairn"});
  }
  void TearDown() override {
    inbox_.reset();
    store_.reset();
    std::filesystem::remove_all(dir_);
  }

  accounts::Account staff(const std::string& name, accounts::Role role) {
    std::string email;
    for (char c : name) email += c == ' ' ? '.' : static_cast<char>(std::tolower(c));
    store::NewAccount a{
        email + "@example.org", name, "x", std::string(accounts::role_name(role)), true, "",
        "2026-01-01T00:00:00Z"};
    auto created = store_->accounts().create_account(a);
    return accounts::account_from_record(*store_->accounts().account_by_id(created.id));
  }

  // Sends a question from its own address; the test fails if it is refused.
  SentQuestion ask(const std::string& text, const std::string& email = "asker@example.org") {
    auto sent = inbox_->submit({"Sam", email, text, true}, "203.0.113." + std::to_string(++n_));
    EXPECT_TRUE(sent.ok());
    return sent.ok() ? sent.value() : SentQuestion{};
  }

  std::int64_t id_of(const SentQuestion& sent) { return inbox_->read(sent.token)->id; }

  std::vector<store::QueuedMail> due_mail() {
    auto now = std::chrono::duration_cast<std::chrono::seconds>(clock_.now().time_since_epoch());
    return store_->outbox().take_due(now.count(), now.count(), 100);
  }

  std::filesystem::path dir_;
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<safeguarding::FixedWatchedWords> watched_;
  FixedClock clock_{t0()};
  RateLimiter limiter_{clock_};
  std::unique_ptr<NurseInbox> inbox_;
  int n_ = 0;
};

TEST_F(NurseInboxTest, ASentQuestionIsReadAtItsPrivateLink) {
  auto sent = ask("Can I travel abroad during chemotherapy?");
  EXPECT_EQ(sent.token.size(), 43u);
  EXPECT_EQ(sent.token.find_first_not_of(
                "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"),
            std::string::npos);
  EXPECT_EQ(sent.link, "https://cairn.example.org/helpline/answer/" + sent.token);
  EXPECT_FALSE(sent.flagged);
  auto message = inbox_->read(sent.token);
  ASSERT_TRUE(message);
  EXPECT_EQ(message->question, "Can I travel abroad during chemotherapy?");
  EXPECT_EQ(message->name, "Sam");
  EXPECT_EQ(message->email, "asker@example.org");
  EXPECT_EQ(message->status, store::NurseMessageStatus::open);
  EXPECT_EQ(message->answer, "");
}

TEST_F(NurseInboxTest, TwoQuestionsGetDifferentLinks) {
  EXPECT_NE(ask("First question").token, ask("Second question").token);
}

TEST_F(NurseInboxTest, UnknownOrAlteredTokensReadNothing) {
  auto sent = ask("A question");
  EXPECT_FALSE(inbox_->read(""));
  EXPECT_FALSE(inbox_->read("not-a-token"));
  std::string altered = sent.token;
  altered[5] = altered[5] == 'A' ? 'B' : 'A';
  EXPECT_FALSE(inbox_->read(altered));
  EXPECT_FALSE(inbox_->read(std::string(5000, 'a')));
  EXPECT_TRUE(inbox_->read(sent.token));
}

TEST_F(NurseInboxTest, TheMessageIsStoredUnderTheTokensHashNotTheToken) {
  auto sent = ask("A question");
  store::sqlite::Database file_db(dir_ / "cairn.sqlite");
  auto db = file_db.connect();
  auto st = db.prepare("SELECT token_hash FROM nurse_messages");
  ASSERT_TRUE(st.step());
  EXPECT_EQ(st.text(0), hash_token(sent.token));
  EXPECT_EQ(st.text(0).find(sent.token), std::string::npos);
}

TEST_F(NurseInboxTest, FlaggedMessagesComeFirstThenOldestFirst) {
  auto a = ask("How long does radiotherapy take?");
  clock_.advance(1h);
  auto b = ask("I just want to die, I cannot cope");
  clock_.advance(1h);
  auto c = ask("What should I eat during treatment?");
  clock_.advance(1h);
  auto d = ask("I have been thinking about self-harm");
  clock_.advance(1h);
  EXPECT_FALSE(a.flagged);
  EXPECT_TRUE(b.flagged);
  EXPECT_TRUE(d.flagged);
  auto inbox = inbox_->inbox();
  ASSERT_EQ(inbox.waiting.size(), 4u);
  EXPECT_EQ(inbox.waiting[0].message.id, id_of(b));
  EXPECT_EQ(inbox.waiting[1].message.id, id_of(d));
  EXPECT_EQ(inbox.waiting[2].message.id, id_of(a));
  EXPECT_EQ(inbox.waiting[3].message.id, id_of(c));
  EXPECT_TRUE(inbox.waiting[0].message.flagged);
  EXPECT_FALSE(inbox.waiting[2].message.flagged);
  EXPECT_TRUE(inbox.answered.empty());
}

TEST_F(NurseInboxTest, WaitTimesComeFromTheClock) {
  ask("A question");
  clock_.advance(2h + 30min);
  auto inbox = inbox_->inbox();
  ASSERT_EQ(inbox.waiting.size(), 1u);
  EXPECT_EQ(inbox.waiting[0].wait, 2h + 30min);
  EXPECT_EQ(describe_wait(inbox.waiting[0].wait), "2 hours");
  clock_.advance(72h);
  EXPECT_EQ(describe_wait(inbox_->inbox().waiting[0].wait), "3 days");
}

TEST_F(NurseInboxTest, WaitsAreDescribedInWholeUnits) {
  EXPECT_EQ(describe_wait(0s), "less than a minute");
  EXPECT_EQ(describe_wait(59s), "less than a minute");
  EXPECT_EQ(describe_wait(60s), "1 minute");
  EXPECT_EQ(describe_wait(59min + 59s), "59 minutes");
  EXPECT_EQ(describe_wait(1h), "1 hour");
  EXPECT_EQ(describe_wait(23h + 59min), "23 hours");
  EXPECT_EQ(describe_wait(24h), "1 day");
  EXPECT_EQ(describe_wait(24h * 10 + 5h), "10 days");
}

TEST_F(NurseInboxTest, AnsweringQueuesExactlyOneEmailWithTheLinkOnly) {
  auto nurse = staff("Nurse Jo", accounts::Role::nurse);
  auto sent = ask("Is it safe to have the flu jab during chemotherapy?", "Asker@Example.org");
  EXPECT_TRUE(due_mail().empty()) << "no email before there is an answer";
  clock_.advance(3h);
  auto answered = inbox_->answer(id_of(sent), nurse, "Yes, the flu jab is usually recommended.");
  ASSERT_TRUE(answered.ok());
  auto mail = due_mail();
  ASSERT_EQ(mail.size(), 1u);
  EXPECT_EQ(mail[0].mail.to_address, "asker@example.org");
  EXPECT_EQ(mail[0].mail.subject, "Your answer from our nurses is ready");
  EXPECT_NE(
      mail[0].mail.body.find("Your answer from our nurses is ready. Read it here: " + sent.link),
      std::string::npos)
      << mail[0].mail.body;
  EXPECT_EQ(mail[0].mail.body.find("flu jab"), std::string::npos) << "question or answer leaked";
  EXPECT_EQ(mail[0].mail.body.find("chemotherapy"), std::string::npos);
}

TEST_F(NurseInboxTest, AMessageIsAnsweredOnceAndEmailedOnce) {
  auto nurse = staff("Nurse Jo", accounts::Role::nurse);
  auto other = staff("Nurse Ali", accounts::Role::nurse);
  auto sent = ask("A question");
  ASSERT_TRUE(inbox_->answer(id_of(sent), nurse, "The first answer").ok());
  auto again = inbox_->answer(id_of(sent), other, "A second answer");
  ASSERT_FALSE(again.ok());
  ASSERT_TRUE(again.error().problems.empty());  // a refusal of the whole form
  EXPECT_EQ(again.error().code, Errc::conflict);
  EXPECT_EQ(inbox_->read(sent.token)->answer, "The first answer");
  EXPECT_EQ(store_->outbox().unsent_count(), 1);
}

TEST_F(NurseInboxTest, TheAnswerAppearsAtThePrivateLink) {
  auto nurse = staff("Nurse Jo", accounts::Role::nurse);
  auto sent = ask("A question");
  clock_.advance(26h);
  ASSERT_TRUE(inbox_->answer(id_of(sent), nurse, "  Line one\r\nLine two\n\n").ok());
  auto message = inbox_->read(sent.token);
  ASSERT_TRUE(message);
  EXPECT_EQ(message->status, store::NurseMessageStatus::answered);
  EXPECT_EQ(message->answer, "Line one\nLine two");
  EXPECT_EQ(message->answered_name, "Nurse Jo");
  EXPECT_EQ(message->assigned_name, "Nurse Jo") << "whoever answers keeps the message";
  auto inbox = inbox_->inbox();
  EXPECT_TRUE(inbox.waiting.empty());
  ASSERT_EQ(inbox.answered.size(), 1u);
  EXPECT_EQ(inbox.answered[0].wait, 26h) << "for an answered message: the time it took";
}

TEST_F(NurseInboxTest, AnsweredMessagesAreListedMostRecentFirst) {
  auto nurse = staff("Nurse Jo", accounts::Role::nurse);
  auto a = ask("Question A");
  auto b = ask("Question B");
  ASSERT_TRUE(inbox_->answer(id_of(b), nurse, "Answer B").ok());
  clock_.advance(1h);
  ASSERT_TRUE(inbox_->answer(id_of(a), nurse, "Answer A").ok());
  auto inbox = inbox_->inbox();
  ASSERT_EQ(inbox.answered.size(), 2u);
  EXPECT_EQ(inbox.answered[0].message.id, id_of(a));
  EXPECT_EQ(inbox.answered[1].message.id, id_of(b));
}

TEST_F(NurseInboxTest, AssigningGivesTheMessageToANurse) {
  auto jo = staff("Nurse Jo", accounts::Role::nurse);
  auto ali = staff("Nurse Ali", accounts::Role::nurse);
  auto sent = ask("A question");
  auto id = id_of(sent);
  ASSERT_TRUE(inbox_->assign(id, jo).ok());
  auto item = inbox_->message(id);
  ASSERT_TRUE(item.ok());
  EXPECT_EQ(item->message.status, store::NurseMessageStatus::assigned);
  EXPECT_EQ(item->message.assigned_to, jo.id);
  EXPECT_EQ(item->message.assigned_name, "Nurse Jo");
  ASSERT_TRUE(inbox_->assign(id, ali).ok()) << "another nurse can take it over";
  EXPECT_EQ(inbox_->message(id)->message.assigned_name, "Nurse Ali");
  ASSERT_TRUE(inbox_->answer(id, ali, "An answer").ok());
  auto late = inbox_->assign(id, jo);
  ASSERT_FALSE(late.ok());
  EXPECT_EQ(late.error().code, Errc::conflict);
  EXPECT_EQ(inbox_->assign(id + 100, jo).error().code, Errc::not_found);
}

TEST_F(NurseInboxTest, OnlyNursesAndAdministratorsMayAssignOrAnswer) {
  auto member = staff("Reader", accounts::Role::member);
  auto moderator = staff("Mod", accounts::Role::moderator);
  auto admin = staff("Admin", accounts::Role::admin);
  auto id = id_of(ask("A question"));
  EXPECT_EQ(inbox_->assign(id, member).error().code, Errc::forbidden);
  EXPECT_EQ(inbox_->assign(id, moderator).error().code, Errc::forbidden);
  auto refused = inbox_->answer(id, member, "An answer");
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, Errc::forbidden);
  EXPECT_EQ(inbox_->message(id)->message.status, store::NurseMessageStatus::open);
  EXPECT_TRUE(inbox_->answer(id, admin, "An answer").ok());
  EXPECT_TRUE(may_use_inbox(admin));
  EXPECT_FALSE(may_use_inbox(moderator));
}

TEST_F(NurseInboxTest, AnEmptyAnswerIsAProblemWithTheAnswerField) {
  auto nurse = staff("Nurse Jo", accounts::Role::nurse);
  auto id = id_of(ask("A question"));
  auto empty = inbox_->answer(id, nurse, " \n\t ");
  ASSERT_FALSE(empty.ok());
  ASSERT_EQ(empty.error().problems.size(), 1u);
  EXPECT_EQ(empty.error().problems[0].field, "answer");
  EXPECT_EQ(inbox_->message(id)->message.status, store::NurseMessageStatus::open);
  EXPECT_TRUE(due_mail().empty());
  EXPECT_EQ(inbox_->answer(id + 100, nurse, "An answer").error().code, Errc::not_found);
}

TEST_F(NurseInboxTest, ProblemsAreReportedFieldByFieldAndNothingIsStored) {
  auto sent = inbox_->submit({"", "not an email", "   ", false}, "203.0.113.9");
  ASSERT_FALSE(sent.ok());
  const auto& fields = sent.error().problems;
  ASSERT_EQ(fields.size(), 3u);
  EXPECT_EQ(fields[0].field, "email");
  EXPECT_EQ(fields[1].field, "question");
  EXPECT_EQ(fields[1].message, "Enter your question");
  EXPECT_EQ(fields[2].field, "consent");
  EXPECT_TRUE(inbox_->inbox().waiting.empty());
  EXPECT_EQ(store_->outbox().unsent_count(), 0);
}

TEST_F(NurseInboxTest, TheNameIsOptional) {
  auto sent = inbox_->submit({"", "asker@example.org", "A question", true}, "203.0.113.9");
  ASSERT_TRUE(sent.ok());
  EXPECT_EQ(inbox_->read(sent->token)->name, "");
}

TEST_F(NurseInboxTest, QuestionsAreLimitedInCharactersNotBytes) {
  std::string long_ascii(kMaxQuestionChars + 1, 'a');
  auto refused = inbox_->submit({"", "asker@example.org", long_ascii, true}, "203.0.113.9");
  ASSERT_FALSE(refused.ok());
  ASSERT_EQ(refused.error().problems.size(), 1u);
  EXPECT_EQ(refused.error().problems[0].field, "question");
  EXPECT_EQ(refused.error().problems[0].message,
            "Your question must be 5,000 characters or fewer (it has 5,001)");
  std::string accented;
  for (std::size_t i = 0; i < kMaxQuestionChars; ++i) accented += "\xC3\xA9";  // é
  EXPECT_TRUE(inbox_->submit({"", "asker@example.org", accented, true}, "203.0.113.9").ok());
}

TEST_F(NurseInboxTest, OneAddressMayAskFiveTimesAnHour) {
  for (int i = 0; i < 5; ++i) {
    EXPECT_TRUE(
        inbox_->submit({"", "a@example.org", "Question " + std::to_string(i), true}, "198.51.100.7")
            .ok());
  }
  auto refused = inbox_->submit({"", "a@example.org", "Question 6", true}, "198.51.100.7");
  ASSERT_FALSE(refused.ok());
  ASSERT_TRUE(refused.error().problems.empty());  // a refusal of the whole form
  EXPECT_EQ(refused.error().code, Errc::rate_limited);
  EXPECT_NE(refused.error().message.find("Try again in"), std::string::npos);
  EXPECT_EQ(inbox_->inbox().waiting.size(), 5u);
  EXPECT_TRUE(inbox_->submit({"", "b@example.org", "Question", true}, "198.51.100.8").ok())
      << "another address is not held up";
  clock_.advance(16min);
  EXPECT_TRUE(inbox_->submit({"", "a@example.org", "Later", true}, "198.51.100.7").ok());
}

TEST_F(NurseInboxTest, ProblemsDoNotCountTowardsTheLimit) {
  for (int i = 0; i < 10; ++i) {
    EXPECT_FALSE(inbox_->submit({"", "a@example.org", "", true}, "198.51.100.7").ok());
  }
  EXPECT_TRUE(inbox_->submit({"", "a@example.org", "Now", true}, "198.51.100.7").ok());
}

TEST_F(NurseInboxTest, WatchedWordsAreFoundInTheQuestion) {
  auto sent = ask("Some days I feel like I want to end it all.");
  EXPECT_TRUE(sent.flagged);
  auto words = inbox_->watched_words_in(inbox_->read(sent.token)->question);
  ASSERT_EQ(words.size(), 1u);
  EXPECT_EQ(words[0], "end it all");
}

}  // namespace
}  // namespace cairn::helpline
