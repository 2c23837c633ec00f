#include "store/sqlite/sqlite_feedback_store.hpp"

namespace cairn::store::sqlite {

void SqliteFeedbackStore::add(const FeedbackRecord& record) {
  auto db = db_.connect();
  db.prepare("INSERT INTO page_feedback (path, useful, comment, created_on) VALUES (?, ?, ?, ?)")
      .bind(1, record.path)
      .bind(2, record.useful ? 1 : 0)
      .bind(3, record.comment)
      .bind(4, record.created_on)
      .run();
}

std::map<std::string, FeedbackCounts> SqliteFeedbackStore::counts() {
  auto db = db_.connect();
  auto st = db.prepare(
      "SELECT path, SUM(useful), SUM(1 - useful), SUM(comment <> '') FROM page_feedback "
      "GROUP BY path");
  std::map<std::string, FeedbackCounts> out;
  while (st.step()) {
    out[st.text(0)] =
        FeedbackCounts{static_cast<int>(st.integer(1)), static_cast<int>(st.integer(2)),
                       static_cast<int>(st.integer(3))};
  }
  return out;
}

std::vector<FeedbackRecord> SqliteFeedbackStore::comments(const std::string& path, int limit) {
  auto db = db_.connect();
  auto st = db.prepare(
      "SELECT path, useful, comment, created_on FROM page_feedback "
      "WHERE path = ? AND comment <> '' ORDER BY id DESC LIMIT ?");
  st.bind(1, path).bind(2, limit);
  std::vector<FeedbackRecord> out;
  while (st.step()) out.push_back({st.text(0), st.integer(1) != 0, st.text(2), st.text(3)});
  return out;
}

}  // namespace cairn::store::sqlite
