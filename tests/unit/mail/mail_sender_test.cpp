// The outbox's sender with a fake transport: due mail is sent once and marked
// sent, failures wait longer each time, and without a transport nothing is
// taken from the outbox.
#include "mail/mail_sender.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <memory>
#include <sstream>
#include <vector>

#include "store/sqlite/database.hpp"
#include "store/store.hpp"

namespace cairn::mail {
namespace {

using namespace std::chrono_literals;

class FakeTransport final : public MailTransport {
 public:
  Status send(const MailMessage& mail) override {
    sent.push_back(mail);
    if (failing)
      return make_error(Errc::unavailable, "mail server said 451 try later");
    return Ok{};
  }
  std::vector<MailMessage> sent;  // every attempt
  bool failing = false;
};

class MailSenderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("cairn-mail-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    store_ = store::open_sqlite_store(dir_);
  }
  void TearDown() override {
    store_.reset();
    std::filesystem::remove_all(dir_);
  }

  std::int64_t now() const {
    return std::chrono::duration_cast<std::chrono::seconds>(clock_.now().time_since_epoch())
        .count();
  }

  MailSenderSettings settings() const {
    MailSenderSettings s;
    s.from = "no-reply@cairn.example.org";
    s.from_name = "Cairn";
    s.max_attempts = 4;
    return s;
  }

  std::filesystem::path dir_;
  std::unique_ptr<store::Store> store_;
  FixedClock clock_{std::chrono::system_clock::time_point(std::chrono::seconds(1'780'000'000))};
  FakeTransport transport_;
  std::ostringstream log_;
};

TEST_F(MailSenderTest, DueMailIsSentOnceAndItsBodyForgotten) {
  store_->outbox().queue({"asker@example.org", "Subject", "Read it here: https://x/secret"}, now());
  MailSender sender(store_->outbox(), &transport_, clock_, settings(), log_);
  EXPECT_EQ(sender.send_due(), 1);
  ASSERT_EQ(transport_.sent.size(), 1u);
  EXPECT_EQ(transport_.sent[0].to, "asker@example.org");
  EXPECT_EQ(transport_.sent[0].from, "no-reply@cairn.example.org");
  EXPECT_EQ(transport_.sent[0].from_name, "Cairn");
  EXPECT_EQ(transport_.sent[0].subject, "Subject");
  EXPECT_EQ(transport_.sent[0].body, "Read it here: https://x/secret");
  EXPECT_EQ(store_->outbox().unsent_count(), 0);
  clock_.advance(1h);
  EXPECT_EQ(sender.send_due(), 0);
  EXPECT_EQ(transport_.sent.size(), 1u) << "sent twice";
  store::sqlite::Database file_db(dir_ / "cairn.sqlite");
  auto db = file_db.connect();
  auto st = db.prepare("SELECT body, sent_at FROM mail_outbox");
  ASSERT_TRUE(st.step());
  EXPECT_EQ(st.text(0), "") << "a sent mail keeps no private link";
  EXPECT_FALSE(st.is_null(1));
}

TEST_F(MailSenderTest, ExtraHeadersTravelWithTheMailAndAreForgottenOnceSent) {
  store::OutboxMail mail{"member@example.org", "New reply", "Someone replied."};
  mail.headers = {{"List-Unsubscribe", "<https://cairn.example.org/unsubscribe/secret>"},
                  {"List-Unsubscribe-Post", "List-Unsubscribe=One-Click"}};
  store_->outbox().queue(mail, now());
  MailSender sender(store_->outbox(), &transport_, clock_, settings(), log_);
  EXPECT_EQ(sender.send_due(), 1);
  ASSERT_EQ(transport_.sent.size(), 1u);
  EXPECT_EQ(transport_.sent[0].headers, mail.headers);
  store::sqlite::Database file_db(dir_ / "cairn.sqlite");
  auto db = file_db.connect();
  auto st = db.prepare("SELECT headers FROM mail_outbox");
  ASSERT_TRUE(st.step());
  EXPECT_EQ(st.text(0), "") << "the unsubscribe link is private too";
}

TEST_F(MailSenderTest, AHeaderThatCouldBreakTheMessageIsRefusedAtQueueTime) {
  store::OutboxMail mail{"member@example.org", "Subject", "Body"};
  mail.headers = {{"List-Unsubscribe", "<https://x/>\r\nBcc: victim@example.org"}};
  EXPECT_THROW(store_->outbox().queue(mail, now()), std::invalid_argument);
  mail.headers = {{"Subject", "a second subject"}};
  EXPECT_THROW(store_->outbox().queue(mail, now()), std::invalid_argument);
  mail.headers = {{"Bad Name", "x"}};
  EXPECT_THROW(store_->outbox().queue(mail, now()), std::invalid_argument);
  EXPECT_EQ(store_->outbox().unsent_count(), 0) << "nothing half-written";
  EXPECT_EQ(store::header_problem({"List-Unsubscribe-Post", "List-Unsubscribe=One-Click"}),
            std::nullopt);
}

TEST_F(MailSenderTest, AFailedMailIsTriedAgainAfterAGrowingDelay) {
  store_->outbox().queue({"asker@example.org", "Subject", "Body"}, now());
  transport_.failing = true;
  MailSender sender(store_->outbox(), &transport_, clock_, settings(), log_);
  EXPECT_EQ(sender.send_due(), 0);
  EXPECT_EQ(transport_.sent.size(), 1u);
  EXPECT_NE(log_.str().find("451 try later"), std::string::npos) << log_.str();
  EXPECT_EQ(log_.str().find("asker@example.org"), std::string::npos) << "address in the log";
  clock_.advance(29s);
  sender.send_due();
  EXPECT_EQ(transport_.sent.size(), 1u) << "tried again too soon";
  clock_.advance(1s);
  sender.send_due();
  EXPECT_EQ(transport_.sent.size(), 2u) << "30 seconds after the first failure";
  clock_.advance(59s);
  sender.send_due();
  EXPECT_EQ(transport_.sent.size(), 2u) << "the second wait is 60 seconds";
  transport_.failing = false;
  clock_.advance(1s);
  EXPECT_EQ(sender.send_due(), 1);
  EXPECT_EQ(store_->outbox().unsent_count(), 0);
}

TEST_F(MailSenderTest, RetryDelaysDoubleUpToTheCap) {
  MailSender sender(store_->outbox(), &transport_, clock_, settings(), log_);
  EXPECT_EQ(sender.retry_delay(1), 30s);
  EXPECT_EQ(sender.retry_delay(2), 60s);
  EXPECT_EQ(sender.retry_delay(3), 120s);
  EXPECT_EQ(sender.retry_delay(8), 3600s);
  EXPECT_EQ(sender.retry_delay(50), 3600s);
}

TEST_F(MailSenderTest, AfterTheLastAttemptTheMailIsLeftForAnOperator) {
  store_->outbox().queue({"asker@example.org", "Subject", "Body"}, now());
  transport_.failing = true;
  MailSender sender(store_->outbox(), &transport_, clock_, settings(), log_);
  for (int i = 0; i < 10; ++i) {
    sender.send_due();
    clock_.advance(2h);
  }
  EXPECT_EQ(transport_.sent.size(), 4u) << "max_attempts is 4";
  EXPECT_EQ(store_->outbox().unsent_count(), 1);
  EXPECT_NE(log_.str().find("giving up"), std::string::npos);
}

TEST_F(MailSenderTest, WithoutATransportMailStaysQueuedAndThatIsSaidOnce) {
  store_->outbox().queue({"asker@example.org", "Subject", "Body"}, now());
  MailSender sender(store_->outbox(), nullptr, clock_, settings(), log_);
  EXPECT_EQ(sender.send_due(), 0);
  EXPECT_EQ(sender.send_due(), 0);
  EXPECT_EQ(store_->outbox().unsent_count(), 1);
  auto log = log_.str();
  auto first = log.find("no mail relay");
  ASSERT_NE(first, std::string::npos) << log;
  EXPECT_EQ(log.find("no mail relay", first + 1), std::string::npos) << "logged more than once";
  // A sender started later with a transport still finds it.
  MailSender later(store_->outbox(), &transport_, clock_, settings(), log_);
  EXPECT_EQ(later.send_due(), 1);
}

TEST_F(MailSenderTest, TheBackgroundThreadSendsWhenNudged) {
  auto s = settings();
  s.every = std::chrono::milliseconds(60000);  // only a nudge can make it look in time
  MailSender sender(store_->outbox(), &transport_, clock_, s, log_);
  sender.start();
  store_->outbox().queue({"asker@example.org", "Subject", "Body"}, now());
  sender.nudge();
  for (int i = 0; i < 200 && store_->outbox().unsent_count() > 0; ++i) {
    std::this_thread::sleep_for(10ms);
  }
  EXPECT_EQ(store_->outbox().unsent_count(), 0);
}

}  // namespace
}  // namespace cairn::mail
