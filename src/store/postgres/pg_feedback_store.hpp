// FeedbackStore on PostgreSQL, as the SQLite one behaves.
#pragma once

#include "store/feedback_store.hpp"
#include "store/postgres/connection.hpp"

namespace cairn::store::postgres {

class PgFeedbackStore final : public FeedbackStore {
 public:
  explicit PgFeedbackStore(Database& db) : db_(db) {}
  void add(const FeedbackRecord& record) override;
  std::map<std::string, FeedbackCounts> counts() override;
  std::vector<FeedbackRecord> comments(const std::string& path, int limit) override;

 private:
  Database& db_;
};

}  // namespace cairn::store::postgres
