// One transaction on a locked connection of either back end: begun with the
// back end's own BEGIN, committed by commit(), rolled back otherwise.
#pragma once

#include <string_view>

namespace cairn::store {

template <class Connection>
class BasicTransaction {
 public:
  BasicTransaction(Connection& db, std::string_view begin) : db_(db) { db_.exec(begin); }
  ~BasicTransaction() {
    if (done_)
      return;
    try {
      db_.exec("ROLLBACK");
    } catch (...) {
      // The connection is already in trouble; the original error is what matters.
    }
  }
  BasicTransaction(const BasicTransaction&) = delete;
  BasicTransaction& operator=(const BasicTransaction&) = delete;

  void commit() {
    db_.exec("COMMIT");
    done_ = true;
  }

 private:
  Connection& db_;
  bool done_ = false;
};

}  // namespace cairn::store
