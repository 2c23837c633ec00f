#include "store/postgres/pg_feedback_store.hpp"

namespace cairn::store::postgres {

void PgFeedbackStore::add(const FeedbackRecord& record) {
  auto db = db_.connect();
  db.exec("INSERT INTO page_feedback (path, useful, comment, created_on) VALUES ($1, $2, $3, $4)",
          {record.path, record.useful ? "1" : "0", record.comment, record.created_on});
}

std::map<std::string, FeedbackCounts> PgFeedbackStore::counts() {
  auto db = db_.connect();
  auto r = db.exec(
      "SELECT path, SUM(useful), SUM(1 - useful), SUM(CASE WHEN comment <> '' THEN 1 ELSE 0 END) "
      "FROM page_feedback GROUP BY path");
  std::map<std::string, FeedbackCounts> out;
  for (int i = 0; i < r.rows(); ++i) {
    out[r.text(i, 0)] =
        FeedbackCounts{static_cast<int>(r.integer(i, 1)), static_cast<int>(r.integer(i, 2)),
                       static_cast<int>(r.integer(i, 3))};
  }
  return out;
}

std::vector<FeedbackRecord> PgFeedbackStore::comments(const std::string& path, int limit) {
  auto db = db_.connect();
  auto r = db.exec(
      "SELECT path, useful, comment, created_on FROM page_feedback "
      "WHERE path = $1 AND comment <> '' ORDER BY id DESC LIMIT $2",
      {path, std::to_string(limit)});
  std::vector<FeedbackRecord> out;
  for (int i = 0; i < r.rows(); ++i)
    out.push_back({r.text(i, 0), r.integer(i, 1) != 0, r.text(i, 2), r.text(i, 3)});
  return out;
}

}  // namespace cairn::store::postgres
