#include "content/content_checks.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <optional>
#include <set>
#include <utility>

#include "content/field_checks.hpp"
#include "content/prose.hpp"
#include "content/readability.hpp"
#include "content/references.hpp"
#include "content/render.hpp"
#include "core/text.hpp"

namespace cairn::content {

namespace {

namespace fs = std::filesystem;
using std::chrono::sys_days;

std::optional<sys_days> to_days(std::string_view date) {
  if (!is_valid_date(date))
    return std::nullopt;
  auto number = [&](size_t from, size_t len) {
    int n = 0;
    for (size_t i = from; i < from + len; ++i) n = n * 10 + (date[i] - '0');
    return n;
  };
  std::chrono::year_month_day ymd{std::chrono::year{number(0, 4)},
                                  std::chrono::month{static_cast<unsigned>(number(5, 2))},
                                  std::chrono::day{static_cast<unsigned>(number(8, 2))}};
  return sys_days{ymd};
}

// The same day `years` later; 29 February becomes 28 February.
sys_days years_after(sys_days from, int years) {
  std::chrono::year_month_day ymd{from};
  auto later = ymd + std::chrono::years{years};
  if (!later.ok())
    later =
        std::chrono::year_month_day_last{later.year(), std::chrono::month_day_last{later.month()}};
  return sys_days{later};
}

std::string one_decimal(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f", value);
  return buffer;
}

std::string plural(long n, std::string_view word) {
  return std::to_string(n) + " " + std::string(word) + (n == 1 ? "" : "s");
}

// "/a/b/" -> "/a/b"; "" stays "".
std::string tidy_path(std::string path) {
  while (path.size() > 1 && path.back() == '/') path.pop_back();
  return path;
}

// The file line of the first place `needle` is written in the page body, or 0.
int body_line_of(const Page& page, std::string_view needle) {
  size_t at = page.markdown.find(needle);
  if (at == std::string::npos)
    return 0;
  return page.body_line +
         static_cast<int>(std::count(page.markdown.begin(), page.markdown.begin() + at, '\n'));
}

// "content/pages/a.md:12: problem" -> a finding; messages without a line get line 1.
Finding finding_from_message(std::string_view message, Level level) {
  for (size_t colon = message.find(':'); colon != std::string_view::npos;
       colon = message.find(':', colon + 1)) {
    size_t digits = colon + 1;
    while (digits < message.size() && message[digits] >= '0' && message[digits] <= '9') ++digits;
    if (digits > colon + 1 && digits - colon <= 9 && message.substr(digits, 2) == ": ") {
      return {std::string(message.substr(0, colon)),
              std::stoi(std::string(message.substr(colon + 1, digits - colon - 1))), level,
              std::string(message.substr(digits + 2))};
    }
  }
  if (size_t split = message.find(": "); split != std::string_view::npos) {
    return {std::string(message.substr(0, split)), 1, level,
            std::string(message.substr(split + 2))};
  }
  return {"content", 1, level, std::string(message)};
}

std::string quoted_item(std::string_view message) {
  size_t open = message.find('\'');
  size_t close = open == std::string_view::npos ? open : message.find('\'', open + 1);
  if (close == std::string_view::npos)
    return {};
  return std::string(message.substr(open + 1, close - open - 1));
}

}  // namespace

std::string_view level_name(Level level) {
  switch (level) {
    case Level::info:
      return "info";
    case Level::warning:
      return "warning";
    case Level::error:
      return "error";
  }
  return "error";
}

std::string format_finding(const Finding& f) {
  return f.file + ":" + std::to_string(f.line) + ": " + std::string(level_name(f.level)) + ": " +
         f.message;
}

int front_matter_line(std::string_view file_text, std::string_view key, std::string_view value) {
  int key_line = 0;
  int line_no = 0;
  size_t pos = 0;
  while (pos < file_text.size()) {
    size_t end = file_text.find('\n', pos);
    if (end == std::string_view::npos)
      end = file_text.size();
    std::string_view line = file_text.substr(pos, end - pos);
    pos = end + 1;
    ++line_no;
    if (line_no == 1)
      continue;  // the opening "---"
    if (trim(line) == "---")
      break;
    bool top_level_key = !line.empty() && line[0] != ' ' && line[0] != '-' && line[0] != '#' &&
                         line.find(':') != std::string_view::npos;
    if (key_line == 0) {
      if (top_level_key && line.substr(0, line.find(':')) == key) {
        key_line = line_no;
        if (value.empty())
          return key_line;
      }
    } else if (top_level_key) {
      break;  // past the key's own lines
    } else if (line.find(value) != std::string_view::npos) {
      return line_no;
    }
  }
  return key_line == 0 ? 1 : key_line;
}

std::vector<Finding> check_review_dates(const Page& page, std::string_view file_text,
                                        const CheckOptions& options) {
  std::vector<Finding> out;
  const int next_line = front_matter_line(file_text, "next_review");
  auto next = to_days(page.next_review);
  auto last = to_days(page.last_reviewed);
  if (!next) {
    out.push_back({page.file, next_line, Level::error,
                   "next_review '" + page.next_review + "' is not a date (YYYY-MM-DD)"});
  }
  if (!last) {
    out.push_back({page.file, front_matter_line(file_text, "last_reviewed"), Level::error,
                   "last_reviewed '" + page.last_reviewed + "' is not a date (YYYY-MM-DD)"});
  }
  auto today = to_days(options.today);
  if (next && today) {
    long days = (*next - *today).count();
    if (days < 0) {
      out.push_back({page.file, next_line,
                     options.review_dates_as_warnings ? Level::warning : Level::error,
                     "review is overdue: next_review was " + page.next_review + ", " +
                         plural(-days, "day") + " ago"});
    } else if (days <= options.review_soon_days) {
      out.push_back({page.file, next_line, Level::warning,
                     (days == 0 ? std::string("review is due today")
                                : "review is due in " + plural(days, "day")) +
                         " (next_review " + page.next_review + ")"});
    }
  }
  if (next && last && *next > years_after(*last, options.max_review_years)) {
    out.push_back({page.file, next_line, Level::warning,
                   "next_review " + page.next_review + " is more than " +
                       plural(options.max_review_years, "year") + " after last_reviewed " +
                       page.last_reviewed});
  }
  return out;
}

std::vector<Finding> check_sources(const Page& page, std::string_view file_text) {
  std::vector<Finding> out;
  if (page.sources.empty()) {
    out.push_back({page.file, front_matter_line(file_text, "sources"), Level::error,
                   "page has no sources: list at least one under sources:, with its address"});
  }
  for (const auto& source : page.sources) {
    int line = front_matter_line(file_text, "sources", source.title.empty() ? "" : source.title);
    std::string name =
        source.title.empty() ? std::string("a source") : "source '" + source.title + "'";
    if (trim(source.address).empty()) {
      out.push_back({page.file, line, Level::error, name + " has no address"});
    } else if (!is_web_address(source.address)) {
      out.push_back({page.file, line, Level::error,
                     name + " has address '" + source.address +
                         "', which is not a web address (https://...)"});
    }
  }
  return out;
}

std::vector<Finding> check_reading_level(const Page& page, const CheckOptions& options) {
  // The score of a sentence or two swings on one long word: sections shorter than this
  // get their scores but no warning.
  constexpr int kMinSectionWords = 30;
  std::vector<Finding> out;
  PageReadability r = measure_page(page);
  char limit_text[32];
  std::snprintf(limit_text, sizeof limit_text, "%g", options.max_reading_age);
  const std::string limit = limit_text;
  // Compared as shown, so "12.0" is never reported as above 12.
  auto too_old = [&](const TextStats& s) {
    return std::round(s.reading_age() * 10) / 10 > options.max_reading_age;
  };
  auto scores = [](const TextStats& s) {
    return "reading age " + one_decimal(s.reading_age()) + ", Flesch reading ease " +
           one_decimal(s.reading_ease());
  };
  if (r.page.words > 0) {
    out.push_back({page.file, 1, Level::info,
                   scores(r.page) + " (" + plural(r.page.words, "word") + ", " +
                       plural(r.page.sentences, "sentence") + ")"});
    if (too_old(r.page)) {
      out.push_back({page.file, 1, Level::warning,
                     "page reading age " + one_decimal(r.page.reading_age()) + " is above " +
                         limit + ": use shorter sentences and everyday words"});
    }
  }
  for (size_t i = 0; i < r.sections.size(); ++i) {
    const auto& section = r.sections[i];
    if (section.stats.words == 0)
      continue;
    std::string name =
        i == 0 ? std::string("the introduction") : "section '" + section.heading + "'";
    if (options.section_scores) {
      out.push_back(
          {page.file, section.line, Level::info,
           name + ": " + scores(section.stats) + " (" + plural(section.stats.words, "word") + ")"});
    }
    if (section.stats.words >= kMinSectionWords && too_old(section.stats)) {
      out.push_back({page.file, section.line, Level::warning,
                     name + " has reading age " + one_decimal(section.stats.reading_age()) +
                         ", above " + limit + " (Flesch reading ease " +
                         one_decimal(section.stats.reading_ease()) + ")"});
    }
  }
  for (const auto& sentence : r.sentences) {
    if (sentence.words > options.max_sentence_words) {
      out.push_back({page.file, sentence.line, Level::warning,
                     "sentence has " + std::to_string(sentence.words) + " words (aim for " +
                         std::to_string(options.max_sentence_words) + " or fewer)"});
    }
  }
  return out;
}

std::vector<Finding> check_jargon(const Page& page, const std::vector<JargonTerm>& jargon,
                                  int max_unexplained) {
  std::vector<Finding> out;
  auto unexplained = find_unexplained_terms(page, jargon);
  if (max_unexplained >= 0 && std::cmp_greater(unexplained.size(), max_unexplained)) {
    out.push_back({page.file, unexplained[static_cast<size_t>(max_unexplained)].line, Level::error,
                   plural(static_cast<long>(unexplained.size()), "term") +
                       " are used before they are explained, more than the " +
                       std::to_string(max_unexplained) +
                       " allowed: explain them where they are first used"});
  }
  for (const auto& u : unexplained) {
    std::string message = "'" + u.word + "' is used before it is explained: ";
    if (!u.term->glossary_key.empty()) {
      message += "add '" + u.term->glossary_key +
                 "' to glossary: in the front matter, or explain it in brackets where it is "
                 "first used";
    } else {
      message += "write it out the first time, e.g. '" + u.term->expansion + " (" + u.word + ")'";
    }
    out.push_back({page.file, u.line, Level::warning, std::move(message)});
  }
  return out;
}

std::vector<Finding> check_links(const std::vector<Page>& pages, const Glossary& glossary,
                                 const std::map<std::string, std::string, std::less<>>& file_texts,
                                 const CheckOptions& options) {
  std::vector<Finding> out;
  auto text_of = [&](const Page& page) -> std::string_view {
    auto it = file_texts.find(page.file);
    return it == file_texts.end() ? std::string_view() : std::string_view(it->second);
  };

  // Pages, related pages and glossary keys that do not exist (check_references), with lines.
  if (auto status = check_references(pages, glossary, options.app_paths); !status) {
    for (const auto& line : split(status.error().message, '\n')) {
      const Page* page = nullptr;
      for (const auto& p : pages) {
        if (line.starts_with(p.file + ": "))
          page = &p;
      }
      if (!page) {
        out.push_back(finding_from_message(line, Level::error));
        continue;
      }
      std::string problem = line.substr(page->file.size() + 2);
      std::string item = quoted_item(problem);
      int at = 1;
      if (problem.starts_with("glossary key")) {
        at = front_matter_line(text_of(*page), "glossary", item);
      } else if (problem.starts_with("related page")) {
        at = front_matter_line(text_of(*page), "related", item);
      } else if (int body = body_line_of(*page, "](" + item); body > 0) {
        at = body;
      } else if (int written = body_line_of(*page, item); written > 0) {
        at = written;  // a reference-style link
      }
      out.push_back({page->file, at, Level::error, problem});
    }
  }

  // Anchors: "#x" must be a section, a glossary term or a part of the page layout.
  std::map<std::string, std::set<std::string>> anchors;
  for (const auto& page : pages) {
    auto& ids = anchors[page.path];
    RenderedPage rendered = render_page(page, glossary);
    for (const auto& section : rendered.sections) ids.insert(section.id);
    for (const auto& entry : rendered.glossary_used) ids.insert("term-" + entry.key);
    ids.insert(options.layout_anchors.begin(), options.layout_anchors.end());
  }
  for (const auto& page : pages) {
    for (const auto& link : page_prose(page).links) {
      size_t hash = link.href.find('#');
      bool internal = link.href.starts_with("#") ||
                      (link.href.starts_with("/") && !link.href.starts_with("//"));
      if (!internal || hash == std::string::npos)
        continue;
      std::string path = tidy_path(link.href.substr(0, std::min(hash, link.href.find('?'))));
      std::string anchor = url_decode(link.href.substr(hash + 1), false);
      if (path.empty())
        path = page.path;
      auto target = anchors.find(path);
      if (target == anchors.end())
        continue;  // an app address, or a missing page reported above
      if (anchor.empty() || target->second.count(anchor))
        continue;
      std::string where = path == page.path ? std::string("this page") : path;
      out.push_back(
          {page.file, link.line, Level::error,
           "link to '" + link.href + "': " + where + " has no section or term '#" + anchor + "'"});
    }
  }
  return out;
}

CheckInput load_check_input(const fs::path& content_dir) {
  CheckInput input;
  std::string shown = content_dir.lexically_normal().generic_string();
  while (shown.size() > 1 && shown.back() == '/') shown.pop_back();
  const std::string prefix = shown.empty() || shown == "." ? "pages/" : shown + "/pages/";
  // load_pages names files by the content folder's last name; say them as typed instead.
  const std::string label = folder_label(content_dir) + "/pages/";
  auto as_typed = [&](std::string name) {
    if (name.starts_with(label))
      name = prefix + name.substr(label.size());
    return name;
  };

  auto pages = load_pages(content_dir);
  if (!pages) {
    for (const auto& line : split(pages.error().message, '\n')) {
      if (!trim(line).empty())
        input.problems.push_back(finding_from_message(as_typed(line), Level::error));
    }
  } else {
    input.pages = std::move(pages.value());
    for (auto& page : input.pages) {
      page.file = as_typed(page.file);
      std::string relative = page.file.substr(std::min(prefix.size(), page.file.size()));
      if (auto text = read_text_file(content_dir / "pages" / relative))
        input.file_texts.emplace(page.file, std::move(*text));
    }
  }

  const fs::path dir = shown.empty() ? fs::path(".") : fs::path(shown);
  auto glossary = load_glossary(dir / "glossary.yaml");
  if (!glossary) {
    for (const auto& line : split(glossary.error().message, '\n')) {
      input.problems.push_back(finding_from_message(line, Level::error));
    }
  } else {
    input.glossary = std::move(glossary.value());
  }

  std::vector<std::vector<std::string>> groups;
  const fs::path synonyms = dir / "synonyms.yaml";
  std::error_code ec;
  if (fs::exists(synonyms, ec)) {
    auto loaded = load_synonym_groups(synonyms);
    if (!loaded) {
      for (const auto& line : split(loaded.error().message, '\n')) {
        input.problems.push_back(finding_from_message(line, Level::error));
      }
    } else {
      groups = std::move(loaded.value());
    }
  }
  input.jargon = jargon_terms(input.glossary, groups);
  return input;
}

CheckReport check_content(const CheckInput& input, const CheckOptions& options) {
  CheckReport report;
  report.pages = input.pages.size();
  auto add = [&](std::vector<Finding> found) {
    for (auto& f : found) report.findings.push_back(std::move(f));
  };
  add(input.problems);
  for (const auto& page : input.pages) {
    auto it = input.file_texts.find(page.file);
    std::string_view text = it == input.file_texts.end() ? std::string_view() : it->second;
    add(check_review_dates(page, text, options));
    add(check_sources(page, text));
    add(check_reading_level(page, options));
    add(check_jargon(page, input.jargon, options.max_unexplained_terms));
  }
  add(check_links(input.pages, input.glossary, input.file_texts, options));
  std::stable_sort(report.findings.begin(), report.findings.end(),
                   [](const Finding& a, const Finding& b) {
                     return a.file != b.file ? a.file < b.file : a.line < b.line;
                   });
  for (const auto& f : report.findings) {
    report.errors += f.level == Level::error;
    report.warnings += f.level == Level::warning;
  }
  return report;
}

}  // namespace cairn::content
