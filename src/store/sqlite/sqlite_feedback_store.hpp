// FeedbackStore on SQLite.
#pragma once

#include "store/feedback_store.hpp"
#include "store/sqlite/database.hpp"

namespace cairn::store::sqlite {

class SqliteFeedbackStore final : public FeedbackStore {
 public:
  explicit SqliteFeedbackStore(Database& db) : db_(db) {}
  void add(const FeedbackRecord& record) override;
  std::map<std::string, FeedbackCounts> counts() override;
  std::vector<FeedbackRecord> comments(const std::string& path, int limit) override;

 private:
  Database& db_;
};

}  // namespace cairn::store::sqlite
