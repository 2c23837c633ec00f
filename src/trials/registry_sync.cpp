#include "trials/registry_sync.hpp"

#include <charconv>
#include <chrono>
#include <cstdio>
#include <sstream>

#include "core/iso_time.hpp"

namespace cairn::trials {

namespace {

std::string seconds_text(std::int64_t ms) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f", static_cast<double>(ms) / 1000.0);
  return text;
}

bool read_number(std::string_view text, int& out) {
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc() && end == text.data() + text.size();
}

}  // namespace

std::string day_before(std::string_view iso_instant) {
  int y = 0, m = 0, d = 0;
  if (iso_instant.size() < 10 || iso_instant[4] != '-' || iso_instant[7] != '-' ||
      !read_number(iso_instant.substr(0, 4), y) || !read_number(iso_instant.substr(5, 2), m) ||
      !read_number(iso_instant.substr(8, 2), d))
    return {};
  std::chrono::year_month_day day{std::chrono::year(y),
                                  std::chrono::month(static_cast<unsigned>(m)),
                                  std::chrono::day(static_cast<unsigned>(d))};
  if (!day.ok())
    return {};
  std::chrono::year_month_day before{std::chrono::sys_days(day) - std::chrono::days(1)};
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(before.year()),
                static_cast<unsigned>(before.month()), static_cast<unsigned>(before.day()));
  return text;
}

std::string SyncSummary::summary_line() const {
  std::string line = "Sync: " + std::to_string(pages) + (pages == 1 ? " page, " : " pages, ") +
                     records.counts() + " in " + seconds_text(duration_ms) + " s";
  std::string notes;
  if (!since.empty())
    notes = "changes since " + since;
  if (resumed_after > 0) {
    notes += (notes.empty() ? "" : "; ") + std::string("carried on after page ") +
             std::to_string(resumed_after);
  }
  if (retries > 0)
    notes += (notes.empty() ? "" : "; ") + std::to_string(retries) + " retried";
  return notes.empty() ? line : line + " (" + notes + ")";
}

RegistrySync::RegistrySync(store::TrialStore& trials, store::TrialSyncStore& state,
                           RegistryClient& client, TrialScope scope, const Clock& clock,
                           const Sleeper& sleeper)
    : trials_(trials),
      state_(state),
      client_(client),
      scope_(scope.only_statuses(RegistryQuery::current_statuses())),
      clock_(clock),
      sleeper_(sleeper) {}

RegistryQuery RegistrySync::full_query(const std::string& term) const {
  RegistryQuery query;
  query.condition = scope_.registry_condition();
  query.term = term;
  query.statuses = RegistryQuery::current_statuses();
  return query;
}

Result<SyncSummary> RegistrySync::run(const std::string& term) {
  const auto started = sleeper_.now();
  const RegistryQuery full = full_query(term);
  const std::string question = full.describe();
  auto state = state_.sync_state();
  SyncSummary summary;

  if (!state.run_started_at.empty() && state.run_query == question) {
    summary.resumed_after = state.pages_done;
  } else {
    // A new run: only the changes when the same question was last answered in full.
    std::string since;
    if (!state.last_success_started_at.empty() && state.last_success_query == question) {
      // The registry dates updates by its own (US) calendar, which can be a day
      // behind ours; asking from the day before misses none (repeats are unchanged).
      since = day_before(state.last_success_started_at);
    }
    state.run_started_at = iso_date_time(clock_.now());
    state.run_query = question;
    state.run_since = since;
    state.next_page_token.clear();
    state.pages_done = 0;
    state_.save_sync_state(state);
  }
  RegistryQuery query = full;
  summary.since = state.run_since;
  if (!state.run_since.empty()) {
    query.statuses.clear();  // a trial that closed must reach us too
    query.updated_since = state.run_since;
  }

  Importer importer(trials_, scope_, static_cast<std::size_t>(query.page_size));
  // On the run's clock, the one confirm_checked compares with.
  importer.check_as_of(state.run_started_at);
  if (rejection_listener_)
    importer.on_rejection(rejection_listener_);
  const int retries_before = client_.retries();
  auto finish = [&](bool ok, std::string result) {
    summary.retries = client_.retries() - retries_before;
    summary.duration_ms =
        std::chrono::duration_cast<std::chrono::milliseconds>(sleeper_.now() - started).count();
    if (ok) {
      // Asked for every change since the last complete run, the registry named
      // none for the trials that run saw: they are checked as of this run too.
      if (!state.run_since.empty() && !state.last_success_started_at.empty())
        trials_.confirm_checked(state.last_success_started_at, state.run_started_at);
      state.last_success_started_at = state.run_started_at;
      state.last_success_query = state.run_query;
      state.run_started_at.clear();
      state.run_query.clear();
      state.run_since.clear();
      state.next_page_token.clear();
      state.pages_done = 0;
      result = summary.summary_line();
    }
    state.last_run_finished_at = iso_date_time(clock_.now());
    state.last_ok = ok;
    state.last_result = std::move(result);
    state.last_duration_ms = summary.duration_ms;
    state_.save_sync_state(state);
  };

  for (;;) {
    const int page_number = state.pages_done + 1;
    auto page = client_.fetch_page(query, state.next_page_token);
    if (!page) {
      std::string why = "Sync stopped at page " + std::to_string(page_number) + " after " +
                        std::to_string(summary.pages) + " new pages (" + summary.records.counts() +
                        "): " + page.error().message + ". The next run carries on from page " +
                        std::to_string(page_number) + ".";
      finish(false, why);
      return make_error(page.error().code, why);
    }
    ImportSummary page_summary;
    std::istringstream in(std::move(page->body));
    importer.import_stream(in, "registry page " + std::to_string(page_number),
                           RecordReader::Shape::json, page_summary);
    summary.records += page_summary;
    ++summary.pages;
    state.pages_done = page_number;
    state.next_page_token = page->next_page_token;
    if (state.next_page_token.empty())
      break;
    state_.save_sync_state(state);
  }
  finish(true, {});
  return summary;
}

}  // namespace cairn::trials
