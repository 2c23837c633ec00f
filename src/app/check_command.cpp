// `cairn check`: runs the content checker over content/ and prints one
// "file:line: level: message" line per finding, then a summary. With
// --due-within DAYS it reads the store instead (--data DIR) and prints the
// published pages whose review is overdue or due within DAYS, one a line:
// path, owner's email ("-" for none), next review date and days until it
// (negative when overdue), separated by tabs, for scripts.
#include <charconv>
#include <chrono>
#include <filesystem>
#include <iostream>
#include <string>

#include "app/commands.hpp"
#include "app/content_folder.hpp"
#include "app/open_store.hpp"
#include "content/content_checks.hpp"
#include "content/review_reminders.hpp"
#include "core/iso_time.hpp"
#include "core/london_time.hpp"

namespace cairn::app {

namespace {

namespace fs = std::filesystem;

constexpr std::string_view kUsage =
    "usage: cairn check [--content DIR] [--today YYYY-MM-DD] [--reading-age N]\n"
    "                   [--jargon-limit N] [--review-dates-as-warnings] [--section-scores]\n"
    "       cairn check --due-within DAYS [--data DIR] [--today YYYY-MM-DD]\n";

bool is_date(const std::string& text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-')
    return false;
  int y = 0;
  unsigned m = 0, d = 0;
  auto ok = [&](size_t from, size_t len, auto& out) {
    auto [p, ec] = std::from_chars(text.data() + from, text.data() + from + len, out);
    return ec == std::errc() && p == text.data() + from + len;
  };
  return ok(0, 4, y) && ok(5, 2, m) && ok(8, 2, d) &&
         std::chrono::year_month_day{std::chrono::year{y}, std::chrono::month{m},
                                     std::chrono::day{d}}
             .ok();
}

// A content folder inside the current one is shown relative to it, so messages read
// "content/pages/x.md:12" wherever the path came from.
fs::path as_shown(const fs::path& dir) {
  std::error_code ec;
  fs::path cwd = fs::current_path(ec);
  if (ec || !dir.is_absolute())
    return dir;
  fs::path relative = dir.lexically_normal().lexically_relative(cwd);
  if (relative.empty() || *relative.begin() == "..")
    return dir;
  return relative;
}

std::string count(long n, std::string_view word) {
  return std::to_string(n) + " " + std::string(word) + (n == 1 ? "" : "s");
}

// The pages due for review within `days` of `today`, as tab-separated lines.
int print_due_pages(const fs::path& data_dir, const std::string& db_url, int days,
                    const std::string& today) {
  Options options;
  options.data_dir = data_dir;
  options.db_url = db_url;
  auto store = open_store(options, "check");
  if (!store)
    return 2;
  // Midday, so the UTC day is `today` whatever the season.
  FixedClock clock(london_instant(today, "12:00").value());
  content::ReviewReminders reminders(store->pages(), store->page_owners(), store->accounts(),
                                     store->outbox(), clock, {});
  for (const auto& page : reminders.due_within(days)) {
    std::cout << page.path << "\t" << (page.owner ? page.owner->email : "-") << "\t"
              << page.next_review << "\t" << page.due.days << "\n";
  }
  return 0;
}

}  // namespace

int check_command(const Args& args) {
  fs::path content_dir = "content";
  fs::path data_dir = "data";
  std::string db_url;  // --db: the pages' owners and dates are in that PostgreSQL
  std::optional<int> due_within;
  content::CheckOptions options;
  options.app_paths = app_paths();
  auto bad_usage = [](const std::string& problem) {
    std::cerr << "cairn check: " << problem << "\n" << kUsage;
    return 2;
  };
  for (size_t i = 0; i < args.size(); ++i) {
    std::string flag = args[i];
    std::string value;
    bool has_value = false;
    if (auto eq = flag.find('='); flag.starts_with("--") && eq != std::string::npos) {
      value = flag.substr(eq + 1);
      flag = flag.substr(0, eq);
      has_value = true;
    }
    if (flag == "--review-dates-as-warnings" || flag == "--section-scores") {
      if (has_value)
        return bad_usage(flag + " takes no value");
      (flag == "--section-scores" ? options.section_scores : options.review_dates_as_warnings) =
          true;
      continue;
    }
    if (flag != "--content" && flag != "--today" && flag != "--reading-age" &&
        flag != "--jargon-limit" && flag != "--due-within" && flag != "--data" && flag != "--db") {
      return bad_usage(flag.starts_with("-") ? "unknown option " + flag
                                             : "unexpected argument '" + flag + "'");
    }
    if (!has_value) {
      if (i + 1 >= args.size())
        return bad_usage(flag + " needs a value");
      value = args[++i];
    }
    if (flag == "--content") {
      content_dir = value;
    } else if (flag == "--data") {
      data_dir = value;
    } else if (flag == "--db") {
      db_url = value;
    } else if (flag == "--due-within") {
      int days = 0;
      auto [p, ec] = std::from_chars(value.data(), value.data() + value.size(), days);
      if (ec != std::errc() || p != value.data() + value.size() || days < 0 || days > 3660)
        return bad_usage("--due-within takes a number of days from 0 to 3660, not '" + value + "'");
      due_within = days;
    } else if (flag == "--today") {
      if (!is_date(value))
        return bad_usage("--today takes a date written YYYY-MM-DD, not '" + value + "'");
      options.today = value;
    } else if (flag == "--jargon-limit") {
      int limit = 0;
      auto [p, ec] = std::from_chars(value.data(), value.data() + value.size(), limit);
      if (ec != std::errc() || p != value.data() + value.size() || limit < 0 || limit > 100)
        return bad_usage("--jargon-limit takes a whole number from 0 to 100, not '" + value + "'");
      options.max_unexplained_terms = limit;
    } else {
      int age = 0;
      auto [p, ec] = std::from_chars(value.data(), value.data() + value.size(), age);
      if (ec != std::errc() || p != value.data() + value.size() || age < 5 || age > 25)
        return bad_usage("--reading-age takes a whole number of years from 5 to 25, not '" + value +
                         "'");
      options.max_reading_age = age;
    }
  }
  if (options.today.empty())
    options.today = iso_date(std::chrono::system_clock::now());
  if (due_within)
    return print_due_pages(data_dir, db_url, *due_within, options.today);

  auto input = content::load_check_input(as_shown(content_dir));
  auto report = content::check_content(input, options);
  for (const auto& finding : report.findings) std::cout << content::format_finding(finding) << "\n";
  std::cout << count(report.errors, "error") << ", " << count(report.warnings, "warning") << " in "
            << count(static_cast<long>(report.pages), "page");
  if (options.review_dates_as_warnings)
    std::cout << " (overdue reviews reported as warnings: --review-dates-as-warnings)";
  std::cout << "\n";
  return report.errors > 0 ? 1 : 0;
}

}  // namespace cairn::app
