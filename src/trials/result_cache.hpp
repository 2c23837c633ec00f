// Recent finder answers, so the pages everyone opens (the finder's first page,
// the LM trials block) cost nothing after the first time. Answers belong to one
// version of the index and are never served for another.
#pragma once

#include <cstddef>
#include <cstdint>
#include <list>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "trials/finder_query.hpp"
#include "trials/finder_result.hpp"

namespace cairn::trials {

class ResultCache {
 public:
  explicit ResultCache(std::size_t capacity = 256) : capacity_(capacity) {}

  // The answer to `key` for index version `version`, if remembered.
  std::optional<FinderResult> find(const std::string& key, std::uint64_t version);
  void put(const std::string& key, std::uint64_t version, const FinderResult& result);

  // Everything that makes two queries give different answers.
  static std::string key_of(const FinderQuery& query);

 private:
  struct Entry {
    std::string key;
    std::uint64_t version;
    FinderResult result;
  };
  std::size_t capacity_;
  std::mutex mutex_;
  std::list<Entry> entries_;  // most recently used first
  std::unordered_map<std::string, std::list<Entry>::iterator> by_key_;
};

}  // namespace cairn::trials
