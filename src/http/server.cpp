// The only translation unit that includes Boost.Beast and Asio (build time).
#include "http/server.hpp"

#include <malloc.h>
#include <sodium.h>
#include <sys/sendfile.h>
#include <sys/socket.h>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <algorithm>
#include <array>
#include <atomic>
#include <cerrno>
#include <csignal>
#include <ctime>
#include <list>
#include <map>
#include <mutex>
#include <thread>

#include "core/text.hpp"

namespace cairn::http {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;
using tcp = asio::ip::tcp;
using asio::awaitable;
using asio::use_awaitable;

namespace {

// Request ids only need to be unique in the logs, not secret: a per-thread
// generator seeded once from the OS avoids a system call per request.
std::string new_request_id() {
  thread_local std::uint64_t state = [] {
    std::uint64_t seed = 0;
    randombytes_buf(&seed, sizeof seed);
    return seed | 1;
  }();
  state ^= state << 13;
  state ^= state >> 7;
  state ^= state << 17;
  static constexpr char kHex[] = "0123456789abcdef";
  std::string id(12, '0');
  std::uint64_t v = state;
  for (auto& c : id) {
    c = kHex[v & 15];
    v >>= 4;
  }
  return id;
}

// What the server tracks of each open connection, for a graceful stop.
struct Connection {
  beast::tcp_stream* stream = nullptr;
  bool busy = false;  // between reading a request and finishing its response
};

// "Sun, 29 Nov 2026 15:00:00 GMT", formatted once a second per thread.
const std::string& http_date() {
  thread_local std::time_t cached_second = 0;
  thread_local std::string cached;
  std::time_t now = std::time(nullptr);
  if (now != cached_second) {
    std::tm tm{};
    gmtime_r(&now, &tm);
    char text[64];
    std::strftime(text, sizeof text, "%a, %d %b %Y %H:%M:%S GMT", &tm);
    cached = text;
    cached_second = now;
  }
  return cached;
}

// Header values never carry line breaks, whatever a handler put in them.
void append_header(std::string& out, std::string_view name, std::string_view value) {
  out.append(name).append(": ");
  std::size_t start = out.size();
  out.append(value);
  static constexpr std::string_view kBreaks("\r\n\0", 3);
  for (auto at = out.find_first_of(kBreaks, start); at != std::string::npos;
       at = out.find_first_of(kBreaks, at + 1))
    out[at] = ' ';
  out.append("\r\n");
}

// The security headers as sent, serialised once: every response carries them.
const std::string& security_header_lines() {
  static const std::string kLines = [] {
    std::string lines;
    for (const auto& [name, value] : security_headers()) append_header(lines, name, value);
    return lines;
  }();
  return kLines;
}

std::string serialize_head(const WireResponse& wire, bool hsts) {
  std::string head;
  head.reserve(1024);
  head += "HTTP/1.1 ";
  head += std::to_string(wire.status);
  head += ' ';
  head += bhttp::obsolete_reason(static_cast<bhttp::status>(wire.status));
  head += "\r\n";
  append_header(head, "Date", http_date());
  append_header(head, "Server", "cairn");
  if (hsts)
    append_header(head, "Strict-Transport-Security", "max-age=31536000");
  if (wire.fixed_headers == &security_headers()) {
    head += security_header_lines();
  } else if (wire.fixed_headers) {
    for (const auto& [name, value] : *wire.fixed_headers) append_header(head, name, value);
  }
  bool has_length = false;
  for (const auto& [name, value] : wire.headers) {
    append_header(head, name, value);
    if (beast::iequals(name, "Content-Length"))
      has_length = true;
  }
  if (!has_length && wire.status != 304 && wire.status != 204) {
    append_header(head, "Content-Length", std::to_string(wire.body ? wire.body->size() : 0));
  }
  append_header(head, "Connection", wire.close ? "close" : "keep-alive");
  head += "\r\n";
  return head;
}

// After an early error (431, 413, 400) the client may still be sending what we
// refused. Closing with unread bytes resets the connection, and a client that
// is still writing then never reads our answer: so stop writing, and read and
// drop its bytes for a moment (bounded in time and size) before closing.
awaitable<void> drain_before_close(beast::tcp_stream& stream) {
  beast::error_code ec;
  stream.socket().shutdown(tcp::socket::shutdown_send, ec);
  if (ec)
    co_return;
  stream.expires_after(std::chrono::seconds(2));
  char scratch[16384];
  std::size_t total = 0;
  while (total < 8 * 1024 * 1024) {
    total += co_await stream.async_read_some(asio::buffer(scratch),
                                             asio::redirect_error(use_awaitable, ec));
    if (ec)
      break;
  }
}

// The head, then the body straight from its file with sendfile(2), so the
// kernel sends the file's pages and the body is never copied through our
// memory. The head goes with MSG_MORE, to leave in one segment with the body's
// start. When the socket's buffer is full we wait for it, at most `timeout`
// for each wait. False when the client went away or stopped reading.
awaitable<bool> write_head_and_file(beast::tcp_stream& stream, std::string_view head,
                                    const FileSpan& file, std::chrono::seconds timeout) {
  auto& socket = stream.socket();
  beast::error_code ec;
  if (!socket.native_non_blocking()) {
    socket.native_non_blocking(true, ec);
    if (ec)
      co_return false;
  }
  const int out = socket.native_handle();
  off_t offset = static_cast<off_t>(file.offset);
  const off_t end = offset + static_cast<off_t>(file.length);
  std::size_t head_sent = 0;
  while (head_sent < head.size() || offset < end) {
    ssize_t n =
        head_sent < head.size()
            ? ::send(out, head.data() + head_sent, head.size() - head_sent, MSG_MORE | MSG_NOSIGNAL)
            : ::sendfile(out, file.fd(), &offset, static_cast<std::size_t>(end - offset));
    if (n > 0) {
      if (head_sent < head.size())
        head_sent += static_cast<std::size_t>(n);
      continue;
    }
    if (n < 0 && errno == EINTR)
      continue;
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
      // The timer's handler runs on this connection's executor, as this coroutine
      // does, so it sees `waiting` cleared once the wait is over.
      auto waiting = std::make_shared<tcp::socket*>(&socket);
      asio::steady_timer deadline(socket.get_executor(), timeout);
      deadline.async_wait([waiting](beast::error_code e) {
        if (!e && *waiting)
          (*waiting)->cancel();
      });
      co_await socket.async_wait(tcp::socket::wait_write, asio::redirect_error(use_awaitable, ec));
      *waiting = nullptr;
      deadline.cancel();
      if (ec)
        co_return false;
      continue;
    }
    co_return false;  // an error, or the file ended early
  }
  co_return true;
}

// Reads a request's head into `parser`, as bhttp::async_read_header does, but
// first straight from the socket: under load the next request is usually
// there already, and a plain recv then saves the composed read, its timer
// and a posted completion (bench/pages). Only when nothing is waiting does
// it wait through the stream, whose timer ends the wait at `deadline`.
template <class Parser>
awaitable<void> read_head(beast::tcp_stream& stream, beast::flat_buffer& buffer, Parser& parser,
                          std::chrono::steady_clock::time_point deadline, beast::error_code& ec) {
  auto& socket = stream.socket();
  if (!socket.native_non_blocking()) {
    socket.native_non_blocking(true, ec);
    if (ec)
      co_return;
  }
  constexpr std::size_t kReadSize = 8192;
  for (;;) {
    if (buffer.size() > 0) {
      std::size_t used = parser.put(buffer.data(), ec);
      buffer.consume(used);
      if (ec == bhttp::error::need_more) {
        ec = {};
      } else if (ec || parser.is_header_done()) {
        co_return;
      }
    }
    if (buffer.size() + kReadSize > buffer.max_size()) {
      ec = bhttp::error::buffer_overflow;
      co_return;
    }
    auto space = buffer.prepare(kReadSize);
    ssize_t n = ::recv(socket.native_handle(), space.data(), space.size(), 0);
    if (n > 0) {
      buffer.commit(static_cast<std::size_t>(n));
      continue;
    }
    if (n == 0) {
      ec = parser.got_some() ? bhttp::error::partial_message : bhttp::error::end_of_stream;
      co_return;
    }
    if (errno == EINTR)
      continue;
    if (errno != EAGAIN && errno != EWOULDBLOCK) {
      ec = beast::error_code(errno, boost::system::system_category());
      co_return;
    }
    stream.expires_at(deadline);
    std::size_t got =
        co_await stream.async_read_some(space, asio::redirect_error(use_awaitable, ec));
    if (ec) {
      if (ec == asio::error::eof)
        ec = parser.got_some() ? bhttp::error::partial_message : bhttp::error::end_of_stream;
      co_return;
    }
    buffer.commit(got);
  }
}

// A share of ServerOptions::body_budget, held while a request's body is in memory.
struct BodyReservation {
  std::atomic<std::size_t>& total;
  std::atomic<std::size_t>& peak;  // the most held at once since the last trim
  std::size_t held = 0;
  bool take(std::size_t bytes, std::size_t budget) {
    std::size_t now = total.fetch_add(bytes) + bytes;
    if (now > budget) {
      total.fetch_sub(bytes);
      return false;
    }
    held = bytes;
    for (std::size_t seen = peak.load(); seen < now && !peak.compare_exchange_weak(seen, now);) {
    }
    return true;
  }
  ~BodyReservation() { total.fetch_sub(held); }
};

// RFC 9112's framing rules that Beast leaves to us. A request is refused (400,
// and the connection closed) when a Transfer-Encoding does not end in chunked
// (its length is unknowable), when it comes with a Content-Length as well (the
// two could be read differently by a proxy in front: request smuggling), and
// when HTTP/1.1 comes without exactly one Host.
bool badly_framed(const bhttp::request_parser<bhttp::string_body>& parser) {
  const auto& msg = parser.get();
  bool has_te = msg.find(bhttp::field::transfer_encoding) != msg.end();
  if (has_te && (!parser.chunked() || msg.find(bhttp::field::content_length) != msg.end()))
    return true;
  if (msg.version() >= 11 && msg.count(bhttp::field::host) != 1)
    return true;
  return false;
}

// The path and query of a request target. An absolute-form target
// ("http://host/path?q", RFC 9112 3.2.2) is taken as its path and query.
std::string_view origin_form(std::string_view target) {
  if (target.starts_with('/'))
    return target;
  auto scheme = target.find("://");
  if (scheme == std::string_view::npos || target.find_first_of("/?") < scheme)
    return target;
  auto path = target.find_first_of("/?", scheme + 3);
  return path == std::string_view::npos ? std::string_view("/") : target.substr(path);
}

}  // namespace

struct Server::Impl {
  ServerOptions options;
  Application app;
  AccessLogger log;
  asio::io_context ioc;
  tcp::acceptor acceptor{ioc};
  asio::signal_set signals{ioc, SIGINT, SIGTERM};
  std::atomic<bool> stopping{false};
  std::mutex connections_mutex;
  std::list<Connection> connections;
  // Set by begin_stop while connections remain; serve() cancels it when the
  // last one ends, so a stop does not wait out the whole grace period.
  std::shared_ptr<asio::steady_timer> grace_timer;
  // Open connections per client address (under connections_mutex), for the cap.
  std::map<std::string, int> per_address;
  // Bytes of request bodies being held now, against options.body_budget.
  std::atomic<std::size_t> body_bytes{0};
  std::atomic<std::size_t> body_peak{0};
  // Wakes trim_after_bursts; cancelled by begin_stop so that run() can return.
  asio::steady_timer trim_timer{ioc};
  // The slow lane: its own threads, and a count of the requests in it
  // (running or waiting), so a flood is refused instead of queued without end.
  asio::thread_pool slow_pool;
  std::atomic<int> slow_in_lane{0};

  Impl(ServerOptions o, Application a, AccessLogger l)
      : options(std::move(o)),
        app(std::move(a)),
        log(std::move(l)),
        ioc(options.threads),
        slow_pool(static_cast<std::size_t>(std::max(1, options.slow_threads))) {}
  ~Impl() { slow_pool.join(); }

  awaitable<WireResponse> respond(Request& request);

  awaitable<void> accept_loop();
  awaitable<void> trim_after_bursts();
  awaitable<void> serve(tcp::socket socket);
  awaitable<void> refuse_when_full(beast::tcp_stream& stream);
  awaitable<bool> serve_one(beast::tcp_stream& stream, beast::flat_buffer& buffer,
                            const std::string& remote_address,
                            std::list<Connection>::iterator self);
  void begin_stop();
  void set_busy(std::list<Connection>::iterator it, bool busy) {
    std::lock_guard lock(connections_mutex);
    it->busy = busy;
  }
};

Server::Server(ServerOptions options, Application app, AccessLogger log)
    : impl_(std::make_unique<Impl>(std::move(options), std::move(app), std::move(log))) {}

Server::~Server() = default;

Status Server::listen() {
  // A client that goes away mid-body makes sendfile raise SIGPIPE; the error is
  // enough (send uses MSG_NOSIGNAL).
  std::signal(SIGPIPE, SIG_IGN);
  beast::error_code ec;
  auto address = asio::ip::make_address(impl_->options.host, ec);
  if (ec)
    return make_error(Errc::invalid_input, "not an IP address: " + impl_->options.host);
  tcp::endpoint endpoint(address, impl_->options.port);
  auto& acceptor = impl_->acceptor;
  acceptor.open(endpoint.protocol(), ec);
  if (!ec)
    acceptor.set_option(asio::socket_base::reuse_address(true), ec);
  if (!ec)
    acceptor.bind(endpoint, ec);
  if (!ec)
    acceptor.listen(asio::socket_base::max_listen_connections, ec);
  if (ec) {
    return make_error(Errc::unavailable, "cannot listen on " + impl_->options.host + ":" +
                                             std::to_string(impl_->options.port) + ": " +
                                             ec.message());
  }
  return Ok{};
}

unsigned short Server::port() const {
  return impl_->acceptor.local_endpoint().port();
}

void Server::run() {
  auto& impl = *impl_;
  impl.signals.async_wait([&impl](beast::error_code ec, int) {
    if (!ec)
      impl.begin_stop();
  });
  asio::co_spawn(impl.ioc, impl.accept_loop(), asio::detached);
  asio::co_spawn(impl.ioc, impl.trim_after_bursts(), asio::detached);
  std::vector<std::thread> threads;
  for (int i = 1; i < impl.options.threads; ++i) threads.emplace_back([&impl] { impl.ioc.run(); });
  impl.ioc.run();
  for (auto& t : threads) t.join();
}

void Server::stop() {
  asio::post(impl_->ioc, [impl = impl_.get()] { impl->begin_stop(); });
}

void Server::Impl::begin_stop() {
  if (stopping.exchange(true))
    return;
  beast::error_code ignored;
  acceptor.close(ignored);
  signals.cancel(ignored);
  trim_timer.cancel();
  // Idle connections are closed now; busy ones close after their response.
  std::lock_guard lock(connections_mutex);
  for (auto& c : connections) {
    if (!c.busy) {
      asio::post(c.stream->get_executor(), [this, stream = c.stream] {
        // The connection may have ended (its stream freed) or become busy since.
        std::lock_guard lock(connections_mutex);
        for (auto& open : connections) {
          if (open.stream != stream || open.busy)
            continue;
          beast::error_code e;
          stream->socket().shutdown(tcp::socket::shutdown_both, e);
          stream->cancel();
        }
      });
    }
  }
  if (connections.empty())
    return;  // nothing to wait for: run() returns now
  // A last resort if some connection never finishes.
  grace_timer = std::make_shared<asio::steady_timer>(ioc, options.shutdown_grace);
  grace_timer->async_wait([this](beast::error_code ec) {
    if (ec)
      return;  // cancelled: every connection has ended
    std::lock_guard lock(connections_mutex);
    if (!connections.empty())
      ioc.stop();
  });
}

// After a burst of large bodies (an upload flood, say) the freed memory stays
// with the process unless given back: once the bodies are gone, hand the
// allocator's free pages back to the system.
awaitable<void> Server::Impl::trim_after_bursts() {
  constexpr std::size_t kBurst = 8 * 1024 * 1024;
  while (!stopping) {
    trim_timer.expires_after(std::chrono::seconds(2));
    beast::error_code ec;
    co_await trim_timer.async_wait(asio::redirect_error(use_awaitable, ec));
    if (ec || stopping)
      break;
    if (body_peak.load() >= kBurst && body_bytes.load() < kBurst / 8) {
      body_peak = 0;
      malloc_trim(0);
    }
  }
}

awaitable<void> Server::Impl::accept_loop() {
  std::chrono::milliseconds pause(0);
  while (!stopping) {
    beast::error_code ec;
    // With one io thread nothing runs concurrently: a strand per connection would
    // only cost (it was a few per cent of a cached page's time).
    asio::any_io_executor executor = options.threads > 1
                                         ? asio::any_io_executor(asio::make_strand(ioc))
                                         : asio::any_io_executor(ioc.get_executor());
    tcp::socket socket =
        co_await acceptor.async_accept(executor, asio::redirect_error(use_awaitable, ec));
    if (ec) {
      if (stopping || ec == asio::error::operation_aborted)
        break;
      // At the open-file limit accept fails at once, again and again: pause (longer
      // each time, at most 250 ms) so no core spins and the open connections are
      // served; a freed descriptor is used within the pause.
      pause = std::clamp(pause * 2, std::chrono::milliseconds(5), std::chrono::milliseconds(250));
      asio::steady_timer timer(ioc, pause);
      co_await timer.async_wait(asio::redirect_error(use_awaitable, ec));
      continue;
    }
    pause = std::chrono::milliseconds(0);
    asio::co_spawn(socket.get_executor(), serve(std::move(socket)), asio::detached);
  }
  // With the acceptor closed and no connections, the timer is the last work.
}

awaitable<void> Server::Impl::serve(tcp::socket socket) {
  beast::tcp_stream stream(std::move(socket));
  beast::flat_buffer buffer;
  beast::error_code remote_ec;
  auto remote = stream.socket().remote_endpoint(remote_ec);
  std::string remote_address = remote_ec ? std::string() : remote.address().to_string();
  std::list<Connection>::iterator self;
  bool admitted = false;
  {
    std::lock_guard lock(connections_mutex);
    int& from_address = per_address[remote_address];
    bool full = options.max_connections > 0 &&
                connections.size() >= static_cast<std::size_t>(options.max_connections);
    bool address_full = options.max_connections_per_address > 0 &&
                        from_address >= options.max_connections_per_address;
    if (!full && !address_full) {
      ++from_address;
      self = connections.insert(connections.end(), Connection{&stream, false});
      admitted = true;
    } else if (from_address == 0) {
      per_address.erase(remote_address);
    }
  }
  if (!admitted) {
    co_await refuse_when_full(stream);
    co_return;
  }
  // One bad request ends this connection, never the server.
  try {
    while (!stopping.load() || self->busy) {
      if (!co_await serve_one(stream, buffer, remote_address, self))
        break;
      if (stopping)
        break;
    }
  } catch (const std::exception&) {
  }
  beast::error_code ec;
  stream.socket().shutdown(tcp::socket::shutdown_send, ec);
  stream.close();
  std::lock_guard lock(connections_mutex);
  connections.erase(self);
  if (auto it = per_address.find(remote_address); it != per_address.end() && --it->second <= 0)
    per_address.erase(it);
  if (connections.empty() && grace_timer)
    grace_timer->cancel();
}

// A full server answers at once (503, Retry-After) and closes, rather than
// leaving the client to wait; the request itself is never read.
awaitable<void> Server::Impl::refuse_when_full(beast::tcp_stream& stream) {
  static const std::string kFull = [] {
    std::string body = "The server is too busy right now. Please try again in a moment.\n";
    return "HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/plain; charset=utf-8\r\n"
           "Retry-After: 5\r\nCache-Control: no-store\r\nConnection: close\r\n"
           "Content-Length: " +
           std::to_string(body.size()) + "\r\n\r\n" + body;
  }();
  stream.expires_after(std::chrono::seconds(5));
  beast::error_code ec;
  co_await asio::async_write(stream, asio::buffer(kFull), asio::redirect_error(use_awaitable, ec));
  if (!ec)
    co_await drain_before_close(stream);
  stream.close();
}

awaitable<WireResponse> Server::Impl::respond(Request& request) {
  if (!options.is_slow || !options.is_slow(request))
    co_return app(request);
  int limit = std::max(1, options.slow_threads) + std::max(0, options.slow_queue);
  if (slow_in_lane.fetch_add(1) >= limit) {
    slow_in_lane.fetch_sub(1);
    Response busy;
    if (options.busy_response) {
      busy = options.busy_response(request);
    } else {
      busy.content_type = "text/plain; charset=utf-8";
      busy.body = "Too many people are signing in at once. Please try again in a moment.\n";
    }
    busy.status = 503;
    busy.cache_control = "no-store";
    busy.set_header("Retry-After", "2");
    co_return to_wire(request, std::move(busy));
  }
  struct LeaveLane {
    std::atomic<int>& count;
    ~LeaveLane() { count.fetch_sub(1); }
  } leave{slow_in_lane};
  // Runs on the slow lane; the coroutine resumes on this connection's io thread.
  co_return co_await asio::co_spawn(
      slow_pool, [this, &request]() -> awaitable<WireResponse> { co_return app(request); },
      use_awaitable);
}

awaitable<bool> Server::Impl::serve_one(beast::tcp_stream& stream, beast::flat_buffer& buffer,
                                        const std::string& remote_address,
                                        std::list<Connection>::iterator self) {
  bhttp::request_parser<bhttp::string_body> parser;
  parser.header_limit(static_cast<std::uint32_t>(options.header_limit));
  parser.body_limit(options.body_limit);
  const auto deadline = std::chrono::steady_clock::now() + options.idle_timeout;
  beast::error_code ec;
  co_await read_head(stream, buffer, parser, deadline, ec);
  // The body is read only once the head is known to be sound and there is
  // memory for it.
  int early_status = 0;
  BodyReservation reservation{body_bytes, body_peak};
  Request request;
  if (!ec && badly_framed(parser)) {
    early_status = 400;
  } else if (!ec) {
    auto& msg = parser.get();
    request.method = std::string(msg.method_string());
    request.target = std::string(origin_form(msg.target()));
    auto q = request.target.find('?');
    request.path = url_decode(std::string_view(request.target).substr(0, q), false);
    if (q != std::string::npos)
      request.query = parse_query(std::string_view(request.target).substr(q + 1));
    if (!parser.is_done()) {
      std::size_t limit = options.body_limit;
      if (options.body_limit_for)
        limit = std::min(limit, options.body_limit_for(request.method, request.path));
      auto length = parser.content_length();
      std::size_t need = length ? static_cast<std::size_t>(*length) : limit;
      if (need > limit || limit == 0) {
        early_status = 413;
      } else if (!reservation.take(need, options.body_budget)) {
        early_status = 503;
      } else {
        parser.body_limit(limit);
        stream.expires_at(deadline);
        co_await bhttp::async_read(stream, buffer, parser, asio::redirect_error(use_awaitable, ec));
      }
    }
  }
  auto started = std::chrono::steady_clock::now();

  request.request_id = new_request_id();
  request.remote_address = remote_address;

  if (early_status) {
    // Refused above, from the head alone.
  } else if (ec == bhttp::error::header_limit) {
    early_status = 431;
  } else if (ec == bhttp::error::body_limit) {
    early_status = 413;
  } else if (ec == bhttp::error::end_of_stream || ec == asio::error::operation_aborted ||
             ec == beast::error::timeout || ec == asio::error::eof ||
             ec == asio::error::connection_reset) {
    co_return false;
  } else if (ec) {
    early_status = 400;
  }
  set_busy(self, true);

  WireResponse wire;
  if (early_status) {
    request.method = "?";
    request.path = "?";
    Response r;
    r.status = early_status;
    r.content_type = "text/plain; charset=utf-8";
    r.body = early_status == 431   ? "Request headers too large.\n"
             : early_status == 413 ? "Request body too large.\n"
             : early_status == 503
                 ? "The server is too busy right now. Please try again in a moment.\n"
                 : "Bad request.\n";
    if (early_status == 503)
      r.set_header("Retry-After", "5");
    wire = to_wire(request, std::move(r));
    wire.close = true;
  } else {
    auto& msg = parser.get();
    request.headers.reserve(16);
    for (const auto& field : msg) {
      request.headers.emplace_back(std::string(field.name_string()), std::string(field.value()));
    }
    request.body = std::move(msg.body());
    wire = co_await respond(request);
    if (!msg.keep_alive())
      wire.close = true;
  }
  if (stopping)
    wire.close = true;

  // The head is written by hand into one buffer and sent with the shared body
  // in a single gathered write: no copy of the body, few allocations.
  std::string head = serialize_head(wire, options.hsts);
  std::size_t body_size = wire.body ? wire.body->size() : 0;
  bool with_body = !wire.head_only && wire.status != 304 && wire.body;
  beast::error_code write_ec;
  if (with_body && wire.file.file && wire.file.length == body_size) {
    if (!co_await write_head_and_file(stream, head, wire.file, options.idle_timeout))
      write_ec = asio::error::broken_pipe;
  } else {
    std::array<asio::const_buffer, 2> buffers{
        asio::buffer(head), with_body ? asio::buffer(*wire.body) : asio::const_buffer()};
    stream.expires_after(options.idle_timeout);
    co_await asio::async_write(stream, buffers, asio::redirect_error(use_awaitable, write_ec));
  }
  set_busy(self, false);
  if (log) {
    log(request, wire.status, wire.head_only ? 0 : body_size,
        std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() -
                                                              started));
  }
  if (early_status && !write_ec)
    co_await drain_before_close(stream);
  co_return !write_ec && !wire.close;
}

}  // namespace cairn::http
