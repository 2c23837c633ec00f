// WatchedWordStore on SQLite.
#pragma once

#include "store/sqlite/database.hpp"
#include "store/watched_word_store.hpp"

namespace cairn::store::sqlite {

class SqliteWatchedWordStore final : public WatchedWordStore {
 public:
  explicit SqliteWatchedWordStore(Database& db) : db_(db) {}

  std::vector<WatchedWordRecord> list() override;
  void put(const WatchedWordRecord& word) override;
  bool remove(std::string_view phrase) override;
  void seed_once(const std::vector<WatchedWordRecord>& words) override;

 private:
  Database& db_;
};

}  // namespace cairn::store::sqlite
