// WatchedWordStore on PostgreSQL, as the SQLite one behaves.
#pragma once

#include "store/postgres/connection.hpp"
#include "store/watched_word_store.hpp"

namespace cairn::store::postgres {

class PgWatchedWordStore final : public WatchedWordStore {
 public:
  explicit PgWatchedWordStore(Database& db) : db_(db) {}

  std::vector<WatchedWordRecord> list() override;
  void put(const WatchedWordRecord& word) override;
  bool remove(std::string_view phrase) override;
  void seed_once(const std::vector<WatchedWordRecord>& words) override;

 private:
  Database& db_;
};

}  // namespace cairn::store::postgres
