// A tiny SMTP server on a loopback port (a thread in the test) that records
// the commands it was sent and the data after DATA, exactly as they came over
// the wire (dots still doubled).
#pragma once

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <map>
#include <string>
#include <thread>
#include <vector>

#include "core/clock.hpp"
#include "mail/mail_message.hpp"

namespace cairn::mail::testing {

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

inline MailMessage sample() {
  return {"no-reply@cairn.example.org", "Cairn", "asker@example.org",
          "Your answer from our nurses is ready",
          "Hello,\n\nRead it here: https://cairn.example.org/helpline/answer/abc\n.\n.hidden\n"};
}

inline FixedClock clock_at_noon() {
  // 2026-03-03 12:00:00 UTC, a Tuesday.
  return FixedClock(std::chrono::system_clock::time_point(std::chrono::seconds(1772539200)));
}

}  // namespace cairn::mail::testing
