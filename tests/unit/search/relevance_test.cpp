// Search quality on the real content: every query in tests/data/search/relevance.tsv must
// find its expected page in the top 3, for at least 95% of the queries.
#include <algorithm>
#include <ctime>
#include <fstream>
#include <iostream>
#include <sstream>

#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include "core/text.hpp"
#include "search/search_index.hpp"

namespace cairn::search {
namespace {

namespace fs = std::filesystem;

const fs::path kContent = fs::path(CAIRN_SOURCE_DIR) / "content";

// A minimal reader for content/pages (front matter, then `## ` sections), until the lead
// switches this test to cairn_content's load_pages and render_page. The documents have the
// shape app/site_search.cpp gives them: a page (its summary, then its intro) and each
// section (carrying the page's title and summary).
std::string page_path(const fs::path& file) {
  fs::path rel = fs::relative(file, kContent / "pages");
  rel.replace_extension();
  std::string path = "/" + rel.generic_string();
  if (rel.filename() == "index")
    path = "/" + rel.parent_path().generic_string();
  if (path.size() > 1 && path.back() == '/')
    path.pop_back();
  return path;
}

// Markdown to plain text, roughly: links keep their text, emphasis marks and expander
// fences go, an expander's title stays.
std::string plain_text(const std::string& line) {
  std::string text = line;
  if (text.starts_with(":::expander "))
    text = text.substr(12);
  if (text.starts_with(":::"))
    text.clear();
  while (!text.empty() && text.front() == '#') text.erase(0, 1);
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '*' || text[i] == '`')
      continue;
    if (text[i] == ']' && i + 1 < text.size() && text[i + 1] == '(') {
      i = text.find(')', i);
      if (i == std::string::npos)
        break;
      continue;
    }
    if (text[i] == '[')
      continue;
    out += text[i];
  }
  return out;
}

std::vector<Document> read_page(const fs::path& file) {
  std::ifstream in(file);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  std::size_t end = 1;
  while (end < lines.size() && lines[end] != "---") ++end;
  std::string front;
  for (std::size_t i = 1; i < end; ++i) front += lines[i] + "\n";
  YAML::Node meta = YAML::Load(front);

  std::string path = page_path(file);
  std::vector<Document> docs;
  Document intro{
      "pages", path, path, meta["title"].as<std::string>(), "", meta["summary"].as<std::string>(),
      "",      {}};
  intro.body = intro.summary + "\n";
  docs.push_back(intro);
  for (std::size_t i = end + 1; i < lines.size(); ++i) {
    if (lines[i].starts_with("## ")) {
      std::string heading = std::string(trim(lines[i].substr(3)));
      std::string url = path + "#" + slugify(heading);
      docs.push_back(Document{"pages", url, url, heading, intro.title, intro.summary, "", {}});
    } else {
      docs.back().body += plain_text(lines[i]) + "\n";
    }
  }
  return docs;
}

std::vector<Document> read_pages() {
  std::vector<Document> docs;
  for (const auto& entry : fs::recursive_directory_iterator(kContent / "pages")) {
    if (entry.path().extension() != ".md")
      continue;
    auto page = read_page(entry.path());
    docs.insert(docs.end(), page.begin(), page.end());
  }
  return docs;
}

struct Case {
  std::string query;
  std::vector<std::string> expected;
};

std::vector<Case> read_cases() {
  std::ifstream in(fs::path(CAIRN_TEST_DATA) / "search" / "relevance.tsv");
  std::vector<Case> cases;
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line.front() == '#')
      continue;
    auto tab = line.find('\t');
    if (tab == std::string::npos)
      continue;
    Case c{line.substr(0, tab), {}};
    std::stringstream alternatives(line.substr(tab + 1));
    for (std::string alt; std::getline(alternatives, alt, '|');) {
      c.expected.emplace_back(trim(alt));
    }
    cases.push_back(std::move(c));
  }
  return cases;
}

bool matches(const std::string& url, const std::string& expected) {
  if (url == expected)
    return true;
  if (expected.find('#') != std::string::npos)
    return false;
  return url.starts_with(expected + "#");
}

TEST(SearchRelevance, RealQueriesFindTheRightPageInTheTop3) {
  auto synonyms = Synonyms::load(kContent / "synonyms.yaml");
  ASSERT_TRUE(synonyms) << synonyms.error().message;
  auto index = SearchIndex::in_memory(std::move(synonyms).value());
  auto docs = read_pages();
  ASSERT_GE(docs.size(), 20u) << "content/pages looks empty";
  index->replace_type("pages", docs);

  auto cases = read_cases();
  ASSERT_GE(cases.size(), 45u);
  std::size_t hits = 0;
  for (const auto& c : cases) {
    auto r = index->search({c.query, "", 1, 3});
    // A page's result counts with the sections listed under it: they are what a reader sees.
    auto found = [&](const std::string& url) {
      return std::any_of(c.expected.begin(), c.expected.end(),
                         [&](const std::string& e) { return matches(url, e); });
    };
    bool hit = std::any_of(r.results.begin(), r.results.end(), [&](const Hit& h) {
      return found(h.url) || std::any_of(h.sections.begin(), h.sections.end(),
                                         [&](const SectionHit& s) { return found(s.url); });
    });
    if (hit) {
      ++hits;
      continue;
    }
    std::cout << "MISS  " << c.query << (r.showing_corrected ? " -> " + *r.corrected : "")
              << "\n      expected " << c.expected.front() << "\n";
    for (const auto& h : r.results) {
      std::cout << "      got      " << h.url << "\n";
      for (const auto& s : h.sections) std::cout << "               " << s.url << "\n";
    }
  }
  double rate = 100.0 * static_cast<double>(hits) / static_cast<double>(cases.size());
  std::cout << "Search relevance: " << hits << "/" << cases.size()
            << " queries found in the top 3 (" << rate << "%)\n";
  EXPECT_GE(rate, 95.0);

  // Timing, for information (the benchmarks hold the real numbers): every query again, three
  // times, in CPU time of this thread so that a busy machine does not distort it.
  auto cpu_micros = [] {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) * 1e6 + static_cast<double>(ts.tv_nsec) / 1e3;
  };
  std::vector<std::pair<double, std::string>> micros;
  for (int round = 0; round < 3; ++round) {
    for (const auto& c : cases) {
      double start = cpu_micros();
      (void)index->search({c.query, "", 1, 10});
      micros.emplace_back(cpu_micros() - start, c.query);
    }
  }
  std::sort(micros.begin(), micros.end());
  std::cout << "Search CPU time per query: median " << micros[micros.size() / 2].first
            << " us, p99 " << micros[micros.size() * 99 / 100].first << " us, max "
            << micros.back().first << " us (" << micros.back().second << ")\n";
}

}  // namespace
}  // namespace cairn::search
