#include "app/file_clock.hpp"

#include <fstream>
#include <sstream>

#include "core/iso_time.hpp"
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
  return parse_iso_date_time(trim(text.str()));
}

}  // namespace

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
