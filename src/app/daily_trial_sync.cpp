#include "app/daily_trial_sync.hpp"

#include <date/tz.h>

#include <ostream>

#include "app/trial_sync_setup.hpp"
#include "core/iso_time.hpp"
#include "core/sleeper.hpp"

namespace cairn::app {

std::chrono::system_clock::time_point latest_sync_hour(int hour,
                                                       std::chrono::system_clock::time_point now) {
  const date::time_zone& london = *date::locate_zone("Europe/London");
  const auto local_now = london.to_local(std::chrono::floor<std::chrono::seconds>(now));
  auto day = std::chrono::floor<date::days>(local_now);
  // An hour the clocks skip (01:00 on the spring change) is the instant they change.
  auto at = [&](date::local_days d) {
    return std::chrono::time_point_cast<std::chrono::system_clock::duration>(
        london.to_sys(d + std::chrono::hours(hour), date::choose::earliest));
  };
  auto slot = at(day);
  return slot <= now ? slot : at(day - date::days(1));
}

std::chrono::system_clock::time_point next_sync_hour(int hour,
                                                     std::chrono::system_clock::time_point now) {
  // Days are 23 to 25 hours long in London: a day on finds the next one, or
  // two hours more after a 25-hour day.
  auto next = latest_sync_hour(hour, now + std::chrono::hours(24));
  return next > now ? next : latest_sync_hour(hour, now + std::chrono::hours(26));
}

bool trial_sync_due(int hour, std::string_view last_run_finished_at,
                    std::chrono::system_clock::time_point now) {
  // Both ISO 8601 UTC to the second: they compare as text.
  return last_run_finished_at.empty() ||
         last_run_finished_at < iso_date_time(latest_sync_hour(hour, now));
}

DailyTrialSync::DailyTrialSync(store::Store& store, trials::TrialScope scope,
                               const Options& options, const Clock& clock, std::ostream& log,
                               std::chrono::milliseconds check_every)
    : store_(store),
      scope_(std::move(scope)),
      options_(options),
      clock_(clock),
      log_(log),
      hour_(options.sync_trials_hour.value_or(3)),
      task_(
          "trial sync", std::chrono::milliseconds(0), check_every, [this] { run_if_due(); }, log) {}

void DailyTrialSync::run_if_due() {
  if (trial_sync_due(hour_, store_.trial_sync().sync_state().last_run_finished_at, clock_.now())) {
    run();
    said_next_ = false;
  }
  if (!said_next_) {
    log_ << "cairn: trial sync: the next run is at "
         << iso_date_time(next_sync_hour(hour_, clock_.now())) << "\n";
    said_next_ = true;
  }
}

void DailyTrialSync::run() {
  log_ << "cairn: trial sync: starting (daily at " << (hour_ < 10 ? "0" : "") << hour_
       << ":00 Europe/London) from " << options_.registry_url << "\n";
  ThreadSleeper sleeper;
  auto summary = sync_trials(
      store_.trials(), store_.trial_sync(), scope_, options_, clock_, sleeper,
      [this](const std::string& line) { log_ << "cairn: trial sync: " << line << "\n"; });
  if (summary) {
    log_ << "cairn: trial sync: " << summary->summary_line() << "\n";
  } else {
    log_ << "cairn: trial sync failed: " << summary.error().message << "\n";
  }
}

}  // namespace cairn::app
