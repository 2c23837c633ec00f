#include "app/file_clock.hpp"

#include <date/date.h>

#include <fstream>
#include <sstream>

#include "core/text.hpp"

namespace cairn::app {

namespace {

std::optional<std::chrono::system_clock::time_point> read_instant(
    const std::filesystem::path& file) {
  std::ifstream in(file);
  if (!in)
    return std::nullopt;
  std::stringstream text;
  text << in.rdbuf();
  return parse_iso_instant(trim(text.str()));
}

}  // namespace

std::optional<std::chrono::system_clock::time_point> parse_iso_instant(std::string_view text) {
  if (text.size() != 20 || text.back() != 'Z')
    return std::nullopt;
  std::istringstream in{std::string(text)};
  date::sys_seconds t;
  in >> date::parse("%Y-%m-%dT%H:%M:%SZ", t);
  if (in.fail())
    return std::nullopt;
  return std::chrono::time_point_cast<std::chrono::system_clock::duration>(t);
}

Result<std::unique_ptr<FileClock>> FileClock::open(std::filesystem::path file) {
  auto t = read_instant(file);
  if (!t) {
    return make_error(
        Errc::invalid_input,
        "--clock-file: " + file.string() + " must hold an instant written 2026-06-01T08:59:00Z");
  }
  return std::unique_ptr<FileClock>(new FileClock(std::move(file), *t));
}

std::chrono::system_clock::time_point FileClock::now() const {
  std::lock_guard lock(mutex_);
  std::error_code ec;
  auto changed = std::filesystem::last_write_time(file_, ec);
  if (!ec && changed != read_at_) {
    if (auto t = read_instant(file_)) {
      last_ = *t;
      read_at_ = changed;
    }
  }
  return last_;
}

}  // namespace cairn::app
