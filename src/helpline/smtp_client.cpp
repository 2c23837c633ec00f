#include "helpline/smtp_client.hpp"

#include <fcntl.h>
#include <netdb.h>
#include <poll.h>
#include <sodium.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <vector>

#include "core/random_token.hpp"

namespace cairn::helpline {

namespace {

using Deadline = std::chrono::steady_clock::time_point;

Error unavailable(std::string message) {
  return make_error(Errc::unavailable, std::move(message));
}

bool is_ascii(std::string_view text) {
  for (unsigned char c : text) {
    if (c >= 0x80)
      return false;
  }
  return true;
}

// An address that cannot break out of "<...>" or its line.
bool safe_address(std::string_view address) {
  if (address.empty() || address.size() > 254)
    return false;
  for (unsigned char c : address) {
    if (c <= 0x20 || c == 0x7F || c == '<' || c == '>')
      return false;
  }
  return address.find('@') != std::string_view::npos;
}

std::string base64(std::string_view bytes) {
  std::string out(sodium_base64_ENCODED_LEN(bytes.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()),
                    bytes.size(), sodium_base64_VARIANT_ORIGINAL);
  out.resize(out.find('\0'));
  return out;
}

// A header value: as it is when ASCII, else RFC 2047 encoded words of whole
// characters, folded onto continuation lines. Line breaks become spaces.
std::string header_text(std::string_view text) {
  std::string flat;
  for (char c : text) flat += (c == '\r' || c == '\n') ? ' ' : c;
  if (is_ascii(flat))
    return flat;
  std::string out;
  std::size_t i = 0;
  while (i < flat.size()) {
    std::size_t end = std::min(flat.size(), i + 45);
    // Never split a UTF-8 character: back up over continuation bytes.
    while (end < flat.size() && end > i && (static_cast<unsigned char>(flat[end]) & 0xC0) == 0x80) {
      --end;
    }
    if (!out.empty())
      out += "\r\n ";
    out += "=?UTF-8?B?" + base64(std::string_view(flat).substr(i, end - i)) + "?=";
    i = end;
  }
  return out;
}

std::string from_header(const MailMessage& mail) {
  if (mail.from_name.empty())
    return "<" + mail.from + ">";
  std::string name;
  for (char c : mail.from_name) {
    if (c == '\r' || c == '\n')
      continue;
    name += c;
  }
  if (!is_ascii(name))
    return header_text(name) + " <" + mail.from + ">";
  std::string quoted = "\"";
  for (char c : name) {
    if (c == '"' || c == '\\')
      quoted += '\\';
    quoted += c;
  }
  return quoted + "\" <" + mail.from + ">";
}

// "Tue, 03 Mar 2026 14:15:00 +0000": English names whatever the locale.
std::string rfc5322_date(std::chrono::system_clock::time_point t) {
  static constexpr const char* kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                            "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  std::time_t seconds = std::chrono::system_clock::to_time_t(t);
  std::tm tm{};
  ::gmtime_r(&seconds, &tm);
  char out[64];
  std::snprintf(out, sizeof out, "%s, %02d %s %04d %02d:%02d:%02d +0000", kDays[tm.tm_wday],
                tm.tm_mday, kMonths[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour, tm.tm_min,
                tm.tm_sec);
  return out;
}

std::vector<std::string> body_lines(std::string_view body) {
  std::vector<std::string> lines(1);
  for (std::size_t i = 0; i < body.size(); ++i) {
    char c = body[i];
    if (c == '\r') {
      if (i + 1 < body.size() && body[i + 1] == '\n')
        continue;
      c = '\n';
    }
    if (c == '\n') {
      lines.emplace_back();
    } else {
      lines.back() += c;
    }
  }
  if (lines.size() > 1 && lines.back().empty())
    lines.pop_back();
  return lines;
}

// RFC 2045 quoted-printable of one line, with soft breaks before 76 columns.
std::string quoted_printable(std::string_view line) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  std::size_t column = 0;
  for (std::size_t i = 0; i < line.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(line[i]);
    bool last = i + 1 == line.size();
    std::string piece;
    if ((c >= 33 && c <= 126 && c != '=') || ((c == ' ' || c == '\t') && !last)) {
      piece = static_cast<char>(c);
    } else {
      piece = {'=', kHex[c >> 4], kHex[c & 0xF]};
    }
    if (column + piece.size() > 75) {
      out += "=\r\n";
      column = 0;
    }
    out += piece;
    column += piece.size();
  }
  return out;
}

class Connection {
 public:
  explicit Connection(std::chrono::milliseconds timeout) : timeout_(timeout) {}
  ~Connection() {
    if (fd_ >= 0)
      ::close(fd_);
  }
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  Status open(const std::string& host, unsigned short port) {
    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    addrinfo* found = nullptr;
    std::string where = host + ":" + std::to_string(port);
    if (int rc = ::getaddrinfo(host.c_str(), std::to_string(port).c_str(), &hints, &found);
        rc != 0) {
      return unavailable("cannot find mail server " + where + ": " + ::gai_strerror(rc));
    }
    std::string last_error = "no address";
    for (addrinfo* a = found; a; a = a->ai_next) {
      int fd =
          ::socket(a->ai_family, a->ai_socktype | SOCK_CLOEXEC | SOCK_NONBLOCK, a->ai_protocol);
      if (fd < 0) {
        last_error = std::strerror(errno);
        continue;
      }
      if (::connect(fd, a->ai_addr, a->ai_addrlen) == 0 || errno == EINPROGRESS) {
        pollfd p{fd, POLLOUT, 0};
        int ready = ::poll(&p, 1, static_cast<int>(timeout_.count()));
        int error = 0;
        socklen_t size = sizeof error;
        if (ready == 1 && ::getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &size) == 0 &&
            error == 0) {
          fd_ = fd;
          break;
        }
        last_error = ready == 0 ? "timed out" : std::strerror(error ? error : errno);
      } else {
        last_error = std::strerror(errno);
      }
      ::close(fd);
    }
    ::freeaddrinfo(found);
    if (fd_ < 0)
      return unavailable("cannot connect to mail server " + where + ": " + last_error);
    return Ok{};
  }

  Status write(std::string_view data) {
    Deadline deadline = std::chrono::steady_clock::now() + timeout_;
    while (!data.empty()) {
      if (!wait(POLLOUT, deadline))
        return unavailable("the mail server stopped reading");
      ssize_t n = ::send(fd_, data.data(), data.size(), MSG_NOSIGNAL);
      if (n < 0) {
        if (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)
          continue;
        return unavailable(std::string("sending to the mail server failed: ") +
                           std::strerror(errno));
      }
      data.remove_prefix(static_cast<std::size_t>(n));
    }
    return Ok{};
  }

  struct Reply {
    int code = 0;
    std::string text;  // every line, joined by "\n"
  };

  // One reply, however many lines ("250-..." continues, "250 ..." ends it).
  Result<Reply> read_reply() {
    Deadline deadline = std::chrono::steady_clock::now() + timeout_;
    Reply reply;
    for (;;) {
      auto line = read_line(deadline);
      if (!line)
        return line.error();
      const std::string& l = *line;
      if (l.size() < 3 || !std::isdigit(static_cast<unsigned char>(l[0])) ||
          !std::isdigit(static_cast<unsigned char>(l[1])) ||
          !std::isdigit(static_cast<unsigned char>(l[2]))) {
        return unavailable("the mail server sent something that is not SMTP: " + l.substr(0, 80));
      }
      if (!reply.text.empty())
        reply.text += "\n";
      reply.text += l;
      if (l.size() == 3 || l[3] != '-') {
        reply.code = std::stoi(l.substr(0, 3));
        return reply;
      }
      if (reply.text.size() > 64 * 1024)
        return unavailable("the mail server's reply is too long");
    }
  }

 private:
  bool wait(short events, Deadline deadline) {
    for (;;) {
      auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
          deadline - std::chrono::steady_clock::now());
      if (left.count() <= 0)
        return false;
      pollfd p{fd_, events, 0};
      int ready = ::poll(&p, 1, static_cast<int>(left.count()));
      if (ready > 0)
        return true;
      if (ready < 0 && errno != EINTR)
        return false;
    }
  }

  Result<std::string> read_line(Deadline deadline) {
    for (;;) {
      if (auto end = buffer_.find('\n'); end != std::string::npos) {
        std::string line = buffer_.substr(0, end);
        buffer_.erase(0, end + 1);
        if (!line.empty() && line.back() == '\r')
          line.pop_back();
        return line;
      }
      if (buffer_.size() > 8192)
        return unavailable("the mail server sent a line that is too long");
      if (!wait(POLLIN, deadline))
        return unavailable("the mail server did not answer in time");
      char chunk[4096];
      ssize_t n = ::recv(fd_, chunk, sizeof chunk, 0);
      if (n == 0)
        return unavailable("the mail server closed the connection");
      if (n < 0) {
        if (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)
          continue;
        return unavailable(std::string("reading from the mail server failed: ") +
                           std::strerror(errno));
      }
      buffer_.append(chunk, static_cast<std::size_t>(n));
    }
  }

  std::chrono::milliseconds timeout_;
  int fd_ = -1;
  std::string buffer_;
};

// The first line of a reply, for error messages.
std::string first_line(const std::string& text) {
  return text.substr(0, text.find('\n'));
}

}  // namespace

std::string format_message(const MailMessage& mail, std::chrono::system_clock::time_point date,
                           std::string_view message_id) {
  auto lines = body_lines(mail.body);
  bool plain = is_ascii(mail.body);
  for (const auto& line : lines) plain = plain && line.size() <= 998;
  std::string out;
  out += "Date: " + rfc5322_date(date) + "\r\n";
  out += "From: " + from_header(mail) + "\r\n";
  out += "To: <" + mail.to + ">\r\n";
  out += "Subject: " + header_text(mail.subject) + "\r\n";
  out += "Message-ID: <" + std::string(message_id) + ">\r\n";
  out += "MIME-Version: 1.0\r\n";
  out += "Content-Type: text/plain; charset=utf-8\r\n";
  out += plain ? "Content-Transfer-Encoding: 7bit\r\n"
               : "Content-Transfer-Encoding: quoted-printable\r\n";
  out += "\r\n";
  for (const auto& line : lines) {
    std::string encoded = plain ? line : quoted_printable(line);
    // Dot-stuffing: a line of the message never starts the end-of-data mark.
    std::size_t start = 0;
    for (;;) {
      if (start < encoded.size() && encoded[start] == '.')
        out += '.';
      auto end = encoded.find("\r\n", start);
      if (end == std::string::npos)
        break;
      out.append(encoded, start, end + 2 - start);
      start = end + 2;
    }
    out.append(encoded, start);
    out += "\r\n";
  }
  return out;
}

SmtpClient::SmtpClient(SmtpSettings settings, const Clock& clock)
    : settings_(std::move(settings)), clock_(clock) {}

Status SmtpClient::send(const MailMessage& mail) {
  if (!safe_address(mail.from) || !safe_address(mail.to)) {
    return make_error(Errc::invalid_input,
                      "cannot send mail: the sender or recipient is not a usable address");
  }
  Connection c(settings_.timeout);
  if (auto opened = c.open(settings_.host, settings_.port); !opened)
    return opened;
  std::string where = settings_.host + ":" + std::to_string(settings_.port);

  // Sends a command (if any) and checks the reply's code is one of `expected`.
  auto step = [&](const std::string& command, std::initializer_list<int> expected,
                  std::string_view what) -> Result<Connection::Reply> {
    if (!command.empty()) {
      if (auto written = c.write(command + "\r\n"); !written)
        return written.error();
    }
    auto reply = c.read_reply();
    if (!reply)
      return reply.error();
    for (int code : expected) {
      if (reply->code == code)
        return reply;
    }
    return unavailable("mail server " + where + " refused " + std::string(what) + ": " +
                       first_line(reply->text));
  };

  if (auto r = step("", {220}, "the connection"); !r)
    return r.error();
  if (auto r = step("EHLO " + settings_.helo_name, {250}, "EHLO"); !r) {
    if (auto h = step("HELO " + settings_.helo_name, {250}, "HELO"); !h)
      return h.error();
  }
  if (auto r = step("MAIL FROM:<" + mail.from + ">", {250}, "the sender"); !r)
    return r.error();
  if (auto r = step("RCPT TO:<" + mail.to + ">", {250, 251}, "the recipient"); !r) {
    return r.error();
  }
  if (auto r = step("DATA", {354}, "DATA"); !r)
    return r.error();
  auto domain = mail.from.substr(mail.from.rfind('@') + 1);
  std::string data = format_message(mail, clock_.now(), random_token(18) + "@" + domain);
  if (auto written = c.write(data + ".\r\n"); !written)
    return written.error();
  if (auto r = step("", {250}, "the message"); !r)
    return r.error();
  // The mail is accepted; a failed goodbye changes nothing.
  (void)step("QUIT", {221}, "QUIT");
  return Ok{};
}

}  // namespace cairn::helpline
