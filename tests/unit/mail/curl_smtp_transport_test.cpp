// libcurl's SMTP against a tiny SMTP server on a loopback port: the commands
// it sends, the message as it crosses the wire (dots doubled by libcurl), AUTH
// when a login is set, and errors that say why without the password.
#include "mail/curl_smtp_transport.hpp"

#include <gtest/gtest.h>

#include "smtp_sink.hpp"

namespace cairn::mail {
namespace {

using namespace std::chrono_literals;
using testing::clock_at_noon;
using testing::sample;
using testing::SmtpSink;

SmtpSettings plain_relay(unsigned short port) {
  SmtpSettings s;
  s.url = "smtp://127.0.0.1:" + std::to_string(port);
  s.helo_name = "cairn.example.org";
  s.connect_timeout = 2000ms;
  s.timeout = 3000ms;
  return s;
}

TEST(CurlSmtpTransport, SpeaksSmtpAndDeliversTheMessage) {
  SmtpSink sink;
  auto clock = clock_at_noon();
  CurlSmtpTransport transport(plain_relay(sink.port()), clock);
  auto sent = transport.send(sample());
  ASSERT_TRUE(sent.ok()) << sent.error().message;
  const auto& commands = sink.commands();
  ASSERT_GE(commands.size(), 4u);
  EXPECT_EQ(commands[0], "EHLO cairn.example.org");
  EXPECT_EQ(commands[1].substr(0, 38), "MAIL FROM:<no-reply@cairn.example.org>");
  EXPECT_EQ(commands[2], "RCPT TO:<asker@example.org>");
  EXPECT_EQ(commands[3], "DATA");
  const auto& data = sink.data();
  EXPECT_NE(data.find("\r\nTo: <asker@example.org>\r\n"), std::string::npos) << data;
  EXPECT_NE(data.find("Subject: Your answer from our nurses is ready\r\n"), std::string::npos);
  EXPECT_NE(data.find("From: \"Cairn\" <no-reply@cairn.example.org>\r\n"), std::string::npos);
  EXPECT_NE(data.find("Date: Tue, 03 Mar 2026 12:00:00 +0000\r\n"), std::string::npos) << data;
  EXPECT_NE(data.find("Message-ID: <"), std::string::npos);
  EXPECT_NE(data.find("@cairn.example.org>\r\n"), std::string::npos);
  // The sink undoes no dot-stuffing: the doubled dots are what went over the wire.
  EXPECT_NE(data.find("\r\n..\r\n..hidden\r\n"), std::string::npos) << data;
}

TEST(CurlSmtpTransport, ExtraHeadersGoOutWithTheMessage) {
  SmtpSink sink;
  auto clock = clock_at_noon();
  CurlSmtpTransport transport(plain_relay(sink.port()), clock);
  auto mail = sample();
  mail.headers = {{"List-Unsubscribe", "<https://cairn.example.org/u/abc>"},
                  {"List-Unsubscribe-Post", "List-Unsubscribe=One-Click"}};
  ASSERT_TRUE(transport.send(mail).ok());
  const auto& data = sink.data();
  EXPECT_NE(data.find("\r\nList-Unsubscribe: <https://cairn.example.org/u/abc>\r\n"),
            std::string::npos)
      << data;
  EXPECT_NE(data.find("\r\nList-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n"),
            std::string::npos);
}

TEST(CurlSmtpTransport, LogsInWhenALoginIsSet) {
  SmtpSink sink(std::map<std::string, std::string>{
      {"EHLO", "250-sink greets you\r\n250 AUTH PLAIN"}, {"AUTH", "235 2.7.0 welcome"}});
  auto clock = clock_at_noon();
  auto settings = plain_relay(sink.port());
  settings.username = "cairn";
  settings.password = "s3cret";
  CurlSmtpTransport transport(settings, clock);
  auto sent = transport.send(sample());
  ASSERT_TRUE(sent.ok()) << sent.error().message;
  // "\0cairn\0s3cret" in base64.
  bool logged_in = false;
  for (const auto& c : sink.commands())
    logged_in = logged_in || c == "AUTH PLAIN AGNhaXJuAHMzY3JldA==";
  EXPECT_TRUE(logged_in) << ::testing::PrintToString(sink.commands());
}

TEST(CurlSmtpTransport, ARefusedLoginIsAnErrorWithoutThePassword) {
  SmtpSink sink(std::map<std::string, std::string>{
      {"EHLO", "250-sink greets you\r\n250 AUTH PLAIN"}, {"AUTH", "535 5.7.8 bad login"}});
  auto clock = clock_at_noon();
  auto settings = plain_relay(sink.port());
  settings.username = "cairn";
  settings.password = "s3cret";
  CurlSmtpTransport transport(settings, clock);
  auto sent = transport.send(sample());
  ASSERT_FALSE(sent.ok());
  EXPECT_EQ(sent.error().code, Errc::unavailable);
  EXPECT_EQ(sent.error().message.find("s3cret"), std::string::npos) << sent.error().message;
  EXPECT_NE(sent.error().message.find("127.0.0.1"), std::string::npos) << sent.error().message;
}

TEST(CurlSmtpTransport, RequiredStartTlsIsNeverSkipped) {
  // The sink offers no STARTTLS: the mail must not go in the clear.
  SmtpSink sink;
  auto clock = clock_at_noon();
  auto settings = plain_relay(sink.port());
  settings.starttls = true;
  CurlSmtpTransport transport(settings, clock);
  auto sent = transport.send(sample());
  ASSERT_FALSE(sent.ok());
  for (const auto& c : sink.commands()) EXPECT_NE(c, "DATA") << "sent without TLS";
}

TEST(CurlSmtpTransport, ARefusedRecipientIsAnErrorSayingWhy) {
  SmtpSink sink(std::map<std::string, std::string>{{"RCPT", "550 5.1.1 no such user"}});
  auto clock = clock_at_noon();
  CurlSmtpTransport transport(plain_relay(sink.port()), clock);
  auto sent = transport.send(sample());
  ASSERT_FALSE(sent.ok());
  EXPECT_EQ(sent.error().code, Errc::unavailable);
  EXPECT_NE(sent.error().message.find("550"), std::string::npos) << sent.error().message;
}

TEST(CurlSmtpTransport, ASilentServerTimesOut) {
  SmtpSink sink({}, /*silent=*/true);
  auto clock = clock_at_noon();
  auto settings = plain_relay(sink.port());
  settings.timeout = 300ms;
  CurlSmtpTransport transport(settings, clock);
  auto started = std::chrono::steady_clock::now();
  auto sent = transport.send(sample());
  ASSERT_FALSE(sent.ok());
  EXPECT_EQ(sent.error().code, Errc::unavailable);
  EXPECT_LT(std::chrono::steady_clock::now() - started, 2s);
}

TEST(CurlSmtpTransport, NoServerIsAnError) {
  unsigned short port;
  {
    SmtpSink closed;  // a port that was free a moment ago
    port = closed.port();
    int fd = ::socket(AF_INET, SOCK_STREAM, 0);  // connect once so the sink's thread ends
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
    ::close(fd);
  }
  auto clock = clock_at_noon();
  CurlSmtpTransport transport(plain_relay(port), clock);
  auto sent = transport.send(sample());
  ASSERT_FALSE(sent.ok());
  EXPECT_EQ(sent.error().code, Errc::unavailable);
}

TEST(CurlSmtpTransport, AddressesThatCouldInjectCommandsAreRefused) {
  auto clock = clock_at_noon();
  CurlSmtpTransport transport(plain_relay(1), clock);
  auto mail = sample();
  mail.to = "asker@example.org>\r\nRCPT TO:<victim@example.org";
  auto sent = transport.send(mail);
  ASSERT_FALSE(sent.ok());
  EXPECT_EQ(sent.error().code, Errc::invalid_input);
}

}  // namespace
}  // namespace cairn::mail
