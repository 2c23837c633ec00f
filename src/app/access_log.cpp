#include "app/access_log.hpp"

#include <ctime>
#include <cstdio>

namespace cairn::app {

void write_access_log(std::ostream& out, const http::Request& request, int status,
                      std::size_t bytes, std::chrono::microseconds elapsed) {
  std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char when[32];
  std::strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", &tm);
  // Paths are logged printable-only, so a hostile path cannot forge log lines.
  std::string path;
  for (char c : request.path.substr(0, 200)) {
    path += (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) ? '?' : c;
  }
  char line[512];
  std::snprintf(line, sizeof line, "%s %s %s %s %d %zu %.1fms %s\n", when,
                request.remote_address.c_str(), request.method.c_str(), path.c_str(), status,
                bytes, static_cast<double>(elapsed.count()) / 1000.0, request.request_id.c_str());
  out << line << std::flush;
}

}  // namespace cairn::app
