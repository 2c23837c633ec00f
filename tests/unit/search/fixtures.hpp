// Test fixtures for the search tests: the small corpus and synonyms in tests/data/search.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "search/search_index.hpp"

namespace cairn::search::testing {

inline std::filesystem::path data_dir() {
  return std::filesystem::path(CAIRN_TEST_DATA) / "search";
}

inline Synonyms test_synonyms() {
  auto synonyms = Synonyms::load(data_dir() / "synonyms.yaml");
  if (!synonyms)
    throw std::runtime_error(synonyms.error().message);
  return std::move(synonyms).value();
}

inline std::vector<Document> corpus() {
  YAML::Node root = YAML::LoadFile((data_dir() / "corpus.yaml").string());
  std::vector<Document> docs;
  for (const auto& node : root["documents"]) {
    Document d;
    d.type = node["type"].as<std::string>();
    d.id = node["id"].as<std::string>();
    d.url = node["url"].as<std::string>();
    d.title = node["title"].as<std::string>();
    if (node["page_title"])
      d.page_title = node["page_title"].as<std::string>();
    if (node["summary"])
      d.summary = node["summary"].as<std::string>();
    if (node["body"])
      d.body = node["body"].as<std::string>();
    docs.push_back(std::move(d));
  }
  return docs;
}

inline std::vector<Document> of_type(const std::vector<Document>& docs, const std::string& type) {
  std::vector<Document> out;
  for (const auto& d : docs) {
    if (d.type == type)
      out.push_back(d);
  }
  return out;
}

// An in-memory index holding the corpus.
inline std::unique_ptr<SearchIndex> corpus_index() {
  auto index = SearchIndex::in_memory(test_synonyms());
  index->replace_all(corpus());
  return index;
}

// Every address the response leads to: each result's url then its sections' urls, in order,
// then the other types' results.
inline std::vector<std::string> urls(const SearchResponse& response) {
  std::vector<std::string> out;
  for (const auto& hit : response.results) {
    out.push_back(hit.url);
    for (const auto& section : hit.sections) out.push_back(section.url);
  }
  for (const auto& [type, hits] : response.others) {
    for (const auto& hit : hits) out.push_back(hit.url);
  }
  return out;
}

inline SearchResponse search(const SearchIndex& index, const std::string& query,
                             const std::string& type = "", int page = 1, int page_size = 10) {
  return index.search(SearchRequest{query, type, page, page_size});
}

}  // namespace cairn::search::testing
