// The HTTP/1.1 server: Boost.Beast and Asio coroutines on several threads,
// keep-alive, limits on header and body size and idle time, graceful stop,
// and a bounded slow lane for requests that hash passwords.
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <ostream>
#include <string>
#include <string_view>

#include "core/result.hpp"
#include "http/message.hpp"
#include "http/wire.hpp"

namespace cairn::http {

struct ServerOptions {
  std::string host = "127.0.0.1";
  unsigned short port = 8080;  // 0: any free port
  int threads = 2;
  std::size_t header_limit = 16 * 1024;
  std::size_t body_limit = 1024 * 1024;  // the most any route may take
  // The largest body a request to this method and (decoded) path may send, at
  // most body_limit; 0 when it takes none. Asked before the body is read, so a
  // route that takes no body never holds one. Not given: body_limit for all.
  std::function<std::size_t(std::string_view method, std::string_view path)> body_limit_for;
  std::chrono::seconds idle_timeout{30};
  std::chrono::seconds shutdown_grace{10};
  // Requests that do slow, CPU-heavy work (argon2id password hashing) run on
  // a small pool of their own, so they never hold up the io threads that
  // serve pages. When `slow_threads` are busy and `slow_queue` more wait, the
  // next such request gets 503 at once.
  std::function<bool(const Request&)> is_slow;
  int slow_threads = 1;
  int slow_queue = 16;
  // That 503's response (status and Retry-After are set by the server); when
  // not given, a line of plain text.
  std::function<Response(const Request&)> busy_response;
  // Open connections at most, and from one client address (0: no limit; behind
  // a proxy every connection comes from the proxy's address). Over either, a
  // connection gets 503 and is closed at once.
  int max_connections = 4096;
  int max_connections_per_address = 1024;
  // Request bodies held in memory at once, all connections together: a body
  // that would go over it gets 503, so many slow uploads cannot exhaust memory.
  std::size_t body_budget = 64 * 1024 * 1024;
  // Strict-Transport-Security on every response (the site is reached over HTTPS).
  bool hsts = false;
};

// Turns one parsed request into what goes on the wire; called on io threads.
using Application = std::function<WireResponse(Request&)>;
// Called once per request after the response is written.
using AccessLogger = std::function<void(const Request&, int status, std::size_t bytes,
                                        std::chrono::microseconds elapsed)>;

class Server {
 public:
  Server(ServerOptions options, Application app, AccessLogger log);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds the listening socket; a clear message if it cannot.
  Status listen();
  unsigned short port() const;
  // Serves until SIGTERM or SIGINT (or stop()): then stops accepting, lets
  // in-flight requests finish, and returns.
  void run();
  void stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace cairn::http
