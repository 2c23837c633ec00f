// The SMTP client against a tiny SMTP server on a loopback port (a thread in
// this test), and the message it writes: CRLF lines, dots doubled, headers.
#include "helpline/smtp_client.hpp"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <functional>
#include <map>
#include <string>
#include <thread>
#include <vector>

namespace cairn::helpline {
namespace {

using namespace std::chrono_literals;

// Listens on 127.0.0.1 (a free port) and serves one connection: 220, then a
// reply per command ("EHLO" -> "250 ok" unless `replies` says otherwise),
// collecting the data after DATA up to the lone dot. `silent` never greets.
class SmtpSink {
 public:
  explicit SmtpSink(std::map<std::string, std::string> replies = {}, bool silent = false)
      : replies_(std::move(replies)) {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    EXPECT_EQ(::bind(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
    EXPECT_EQ(::listen(fd_, 1), 0);
    socklen_t size = sizeof addr;
    ::getsockname(fd_, reinterpret_cast<sockaddr*>(&addr), &size);
    port_ = ntohs(addr.sin_port);
    thread_ = std::thread([this, silent] { serve(silent); });
  }
  ~SmtpSink() {
    ::shutdown(fd_, SHUT_RDWR);
    ::close(fd_);
    if (thread_.joinable())
      thread_.join();
  }

  unsigned short port() const { return port_; }
  // Read only after the client is done (the thread has finished by then).
  const std::vector<std::string>& commands() {
    if (thread_.joinable())
      thread_.join();
    return commands_;
  }
  const std::string& data() {
    if (thread_.joinable())
      thread_.join();
    return data_;
  }

 private:
  void serve(bool silent) {
    int c = ::accept(fd_, nullptr, nullptr);
    if (c < 0)
      return;
    if (silent) {
      char buf[512];
      while (::recv(c, buf, sizeof buf, 0) > 0) {
      }
      ::close(c);
      return;
    }
    auto say = [c](const std::string& line) {
      std::string out = line + "\r\n";
      ::send(c, out.data(), out.size(), MSG_NOSIGNAL);
    };
    say("220 sink ready");
    std::string buffer;
    bool in_data = false;
    for (;;) {
      char chunk[4096];
      ssize_t n = ::recv(c, chunk, sizeof chunk, 0);
      if (n <= 0)
        break;
      buffer.append(chunk, static_cast<std::size_t>(n));
      for (;;) {
        if (in_data) {
          auto end = buffer.find("\r\n.\r\n");
          if (end == std::string::npos)
            break;
          data_ = buffer.substr(0, end + 2);
          buffer.erase(0, end + 5);
          in_data = false;
          say("250 queued");
          continue;
        }
        auto eol = buffer.find("\r\n");
        if (eol == std::string::npos)
          break;
        std::string line = buffer.substr(0, eol);
        buffer.erase(0, eol + 2);
        commands_.push_back(line);
        std::string verb = line.substr(0, line.find_first_of(" :"));
        if (auto custom = replies_.find(verb); custom != replies_.end()) {
          say(custom->second);
        } else if (verb == "EHLO") {
          say("250-sink greets you");
          say("250 8BITMIME");
        } else if (verb == "DATA") {
          say("354 go ahead");
          in_data = true;
        } else if (verb == "QUIT") {
          say("221 bye");
          ::close(c);
          return;
        } else {
          say("250 ok");
        }
      }
    }
    ::close(c);
  }

  std::map<std::string, std::string> replies_;
  int fd_ = -1;
  unsigned short port_ = 0;
  std::vector<std::string> commands_;
  std::string data_;
  std::thread thread_;
};

MailMessage sample() {
  return {"no-reply@cairn.example.org", "Cairn", "asker@example.org",
          "Your answer from our nurses is ready",
          "Hello,\n\nRead it here: https://cairn.example.org/helpline/answer/abc\n.\n.hidden\n"};
}

FixedClock clock_at_noon() {
  // 2026-03-03 12:00:00 UTC, a Tuesday.
  return FixedClock(std::chrono::system_clock::time_point(std::chrono::seconds(1772539200)));
}

TEST(SmtpClient, SpeaksSmtpAndDeliversTheMessage) {
  SmtpSink sink;
  auto clock = clock_at_noon();
  SmtpClient client({"127.0.0.1", sink.port(), "cairn.example.org", 2000ms}, clock);
  auto sent = client.send(sample());
  ASSERT_TRUE(sent.ok()) << sent.error().message;
  std::vector<std::string> expected = {"EHLO cairn.example.org",
                                       "MAIL FROM:<no-reply@cairn.example.org>",
                                       "RCPT TO:<asker@example.org>", "DATA", "QUIT"};
  EXPECT_EQ(sink.commands(), expected);
  const auto& data = sink.data();
  EXPECT_NE(data.find("\r\nTo: <asker@example.org>\r\n"), std::string::npos) << data;
  EXPECT_NE(data.find("Subject: Your answer from our nurses is ready\r\n"), std::string::npos);
  EXPECT_NE(data.find("From: \"Cairn\" <no-reply@cairn.example.org>\r\n"), std::string::npos);
  EXPECT_NE(data.find("Date: Tue, 03 Mar 2026 12:00:00 +0000\r\n"), std::string::npos) << data;
  EXPECT_NE(data.find("Read it here: https://cairn.example.org/helpline/answer/abc\r\n"),
            std::string::npos);
  // The sink undoes no dot-stuffing: the doubled dots are what went over the wire.
  EXPECT_NE(data.find("\r\n..\r\n..hidden\r\n"), std::string::npos) << data;
}

TEST(SmtpClient, FallsBackToHeloWhenEhloIsRefused) {
  SmtpSink sink(std::map<std::string, std::string>{{"EHLO", "502 not here"}});
  auto clock = clock_at_noon();
  SmtpClient client({"127.0.0.1", sink.port(), "cairn.example.org", 2000ms}, clock);
  ASSERT_TRUE(client.send(sample()).ok());
  ASSERT_GE(sink.commands().size(), 2u);
  EXPECT_EQ(sink.commands()[1], "HELO cairn.example.org");
}

TEST(SmtpClient, ARefusedRecipientIsAnErrorSayingWhy) {
  SmtpSink sink(std::map<std::string, std::string>{{"RCPT", "550 5.1.1 no such user"}});
  auto clock = clock_at_noon();
  SmtpClient client({"127.0.0.1", sink.port(), "cairn.example.org", 2000ms}, clock);
  auto sent = client.send(sample());
  ASSERT_FALSE(sent.ok());
  EXPECT_EQ(sent.error().code, Errc::unavailable);
  EXPECT_NE(sent.error().message.find("550 5.1.1 no such user"), std::string::npos)
      << sent.error().message;
}

TEST(SmtpClient, ASilentServerTimesOut) {
  SmtpSink sink({}, /*silent=*/true);
  auto clock = clock_at_noon();
  SmtpClient client({"127.0.0.1", sink.port(), "cairn.example.org", 200ms}, clock);
  auto started = std::chrono::steady_clock::now();
  auto sent = client.send(sample());
  ASSERT_FALSE(sent.ok());
  EXPECT_NE(sent.error().message.find("did not answer in time"), std::string::npos)
      << sent.error().message;
  EXPECT_LT(std::chrono::steady_clock::now() - started, 2s);
}

TEST(SmtpClient, NoServerIsAnError) {
  unsigned short port;
  {
    SmtpSink closed;  // a port that was free a moment ago
    port = closed.port();
    // Connect once so the sink's thread ends.
    int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
    ::close(fd);
  }
  auto clock = clock_at_noon();
  SmtpClient client({"127.0.0.1", port, "cairn.example.org", 500ms}, clock);
  auto sent = client.send(sample());
  ASSERT_FALSE(sent.ok());
  EXPECT_EQ(sent.error().code, Errc::unavailable);
  EXPECT_NE(sent.error().message.find("cannot connect"), std::string::npos) << sent.error().message;
}

TEST(SmtpClient, AddressesThatCouldInjectCommandsAreRefused) {
  auto clock = clock_at_noon();
  SmtpClient client({"127.0.0.1", 1, "cairn.example.org", 200ms}, clock);
  auto mail = sample();
  mail.to = "asker@example.org>\r\nRCPT TO:<victim@example.org";
  auto sent = client.send(mail);
  ASSERT_FALSE(sent.ok());
  EXPECT_EQ(sent.error().code, Errc::invalid_input);
}

TEST(FormatMessage, AsciiGoesAsSevenBitWithCrlfLines) {
  auto clock = clock_at_noon();
  auto text = format_message(sample(), clock.now(), "id@cairn.example.org");
  EXPECT_NE(text.find("Content-Transfer-Encoding: 7bit\r\n"), std::string::npos);
  EXPECT_NE(text.find("Message-ID: <id@cairn.example.org>\r\n"), std::string::npos);
  EXPECT_NE(text.find("\r\n\r\nHello,\r\n\r\nRead it here"), std::string::npos) << text;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') {
      ASSERT_TRUE(i > 0 && text[i - 1] == '\r') << "bare LF at " << i;
    }
  }
  EXPECT_TRUE(text.ends_with("\r\n..hidden\r\n"));
}

TEST(FormatMessage, OtherTextIsEncodedSoEveryLineIsAscii) {
  auto clock = clock_at_noon();
  MailMessage mail = sample();
  mail.from_name = "Cairn Cymru \xE2\x80\x94 nyrsys";  // an em dash
  mail.subject = "Mae eich ateb yn barod \xE2\x9C\x93";
  mail.body = "Diolch \xE2\x80\x94 caf\xC3\xA9\n.";
  auto text = format_message(mail, clock.now(), "id@x");
  EXPECT_NE(text.find("Content-Transfer-Encoding: quoted-printable\r\n"), std::string::npos);
  EXPECT_NE(text.find("Subject: =?UTF-8?B?"), std::string::npos) << text;
  EXPECT_NE(text.find("From: =?UTF-8?B?"), std::string::npos) << text;
  EXPECT_NE(text.find("Diolch =E2=80=94 caf=C3=A9\r\n"), std::string::npos) << text;
  EXPECT_NE(text.find("\r\n..\r\n"), std::string::npos) << "a lone dot is doubled";
  for (unsigned char c : text) ASSERT_LT(c, 0x80);
}

}  // namespace
}  // namespace cairn::helpline
