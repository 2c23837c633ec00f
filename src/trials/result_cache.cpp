#include "trials/result_cache.hpp"

#include <cstdio>

namespace cairn::trials {

std::optional<FinderResult> ResultCache::find(const std::string& key, std::uint64_t version) {
  std::lock_guard lock(mutex_);
  auto it = by_key_.find(key);
  if (it == by_key_.end() || it->second->version != version)
    return std::nullopt;
  entries_.splice(entries_.begin(), entries_, it->second);
  return it->second->result;
}

void ResultCache::put(const std::string& key, std::uint64_t version, const FinderResult& result) {
  if (capacity_ == 0)
    return;
  std::lock_guard lock(mutex_);
  if (auto it = by_key_.find(key); it != by_key_.end()) {
    it->second->version = version;
    it->second->result = result;
    entries_.splice(entries_.begin(), entries_, it->second);
    return;
  }
  entries_.push_front({key, version, result});
  by_key_[key] = entries_.begin();
  if (entries_.size() > capacity_) {
    by_key_.erase(entries_.back().key);
    entries_.pop_back();
  }
}

std::string ResultCache::key_of(const FinderQuery& q) {
  // Fields separated by a byte no query text contains.
  constexpr char kSep = '\x1f';
  std::string key = q.q + kSep + q.condition + kSep;
  for (const auto& s : q.statuses) key += s + ',';
  key += kSep;
  for (const auto& p : q.phases) key += p + ',';
  key += kSep;
  char numbers[160];
  std::snprintf(numbers, sizeof numbers, "%.6g%c%.8f,%.8f%c%.6g%c%d%c%d%c%d", q.age ? *q.age : -1.0,
                kSep, q.near ? q.near->lat : 0.0, q.near ? q.near->lon : 1000.0, kSep,
                q.distance_miles, kSep, static_cast<int>(q.sort), kSep, q.page, kSep, q.page_size);
  key += numbers;
  key += kSep + q.sex + kSep + q.country + kSep + q.prefer_country;
  return key;
}

}  // namespace cairn::trials
