// Where "Was this page useful?" answers are kept: the page, yes or no, an
// optional comment and the day. Nothing about who sent it.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace cairn::store {

struct FeedbackRecord {
  std::string path;
  bool useful = false;
  std::string comment;
  std::string created_on;  // YYYY-MM-DD
};

struct FeedbackCounts {
  int useful = 0, not_useful = 0, comments = 0;
};

class FeedbackStore {
 public:
  virtual ~FeedbackStore() = default;
  virtual void add(const FeedbackRecord& record) = 0;
  // Counts for every page that has any, by path.
  virtual std::map<std::string, FeedbackCounts> counts() = 0;
  // The newest answers with a comment for one page, newest first.
  virtual std::vector<FeedbackRecord> comments(const std::string& path, int limit) = 0;
};

}  // namespace cairn::store
