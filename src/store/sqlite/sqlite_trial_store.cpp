#include "store/sqlite/sqlite_trial_store.hpp"

#include <unordered_set>

#include "store/content_hash.hpp"
#include "store/sqlite/sqlite_page_store.hpp"

namespace cairn::store::sqlite {

namespace {

constexpr std::string_view kTrialColumns = "nct_id, content, content_hash, updated_at, checked_at";
// Pages keep each walk step short, so an import can commit between them.
constexpr std::int64_t kPageSize = 2000;

StoredTrial read_trial(Statement& st) {
  return StoredTrial{st.text(0), st.text(1), st.text(2), st.text(3), st.text(4)};
}

}  // namespace

TrialImportReport SqliteTrialStore::upsert_trials(const std::vector<TrialRecord>& trials,
                                                  std::string_view checked_at) {
  TrialImportReport report;
  auto db = db_.connect();
  Transaction tx(db);
  auto current = db.prepare("SELECT content_hash FROM trials WHERE nct_id = ?");
  auto upsert = db.prepare(
      "INSERT INTO trials (nct_id, content, content_hash, checked_at) "
      "VALUES (?, ?, ?, coalesce(nullif(?, ''), strftime('%Y-%m-%dT%H:%M:%SZ','now'))) "
      "ON CONFLICT (nct_id) DO UPDATE SET content = excluded.content, "
      "content_hash = excluded.content_hash, "
      "updated_at = strftime('%Y-%m-%dT%H:%M:%SZ','now'), checked_at = excluded.checked_at");
  auto seen = db.prepare(
      "UPDATE trials SET checked_at = coalesce(nullif(?, ''), "
      "strftime('%Y-%m-%dT%H:%M:%SZ','now')) WHERE nct_id = ?");
  for (const auto& trial : trials) {
    std::string hash = content_hash(trial.content);
    current.reset();
    current.bind(1, trial.nct_id);
    if (current.step()) {
      if (current.text(0) == hash) {
        ++report.unchanged;
        current.reset();
        seen.reset();
        seen.bind(1, checked_at).bind(2, trial.nct_id).run();
        continue;
      }
      ++report.updated;
    } else {
      ++report.added;
    }
    current.reset();
    upsert.reset();
    upsert.bind(1, trial.nct_id).bind(2, trial.content).bind(3, hash).bind(4, checked_at).run();
    record_change(db, "trial", trial.nct_id);
  }
  tx.commit();
  return report;
}

int SqliteTrialStore::remove_trials(const std::vector<std::string>& nct_ids) {
  int removed = 0;
  auto db = db_.connect();
  Transaction tx(db);
  auto remove = db.prepare("DELETE FROM trials WHERE nct_id = ? RETURNING nct_id");
  for (const auto& id : nct_ids) {
    remove.reset();
    remove.bind(1, id);
    if (!remove.step())
      continue;
    remove.reset();
    ++removed;
    record_change(db, "trial", id);
  }
  tx.commit();
  return removed;
}

int SqliteTrialStore::confirm_checked(std::string_view seen_since, std::string_view checked_at) {
  auto db = db_.connect();
  auto st = db.prepare(
      "UPDATE trials SET checked_at = ? WHERE checked_at >= ? AND checked_at < ? RETURNING 1");
  st.bind(1, checked_at).bind(2, seen_since).bind(3, checked_at);
  int marked = 0;
  while (st.step()) ++marked;
  return marked;
}

std::optional<StoredTrial> SqliteTrialStore::trial(std::string_view nct_id) {
  auto db = db_.connect();
  auto st = db.prepare("SELECT " + std::string(kTrialColumns) + " FROM trials WHERE nct_id = ?");
  st.bind(1, nct_id);
  if (!st.step())
    return std::nullopt;
  return read_trial(st);
}

std::int64_t SqliteTrialStore::trial_count() {
  auto db = db_.connect();
  auto st = db.prepare("SELECT COUNT(*) FROM trials");
  st.step();
  return st.integer(0);
}

void SqliteTrialStore::for_each_trial(const std::function<void(const StoredTrial&)>& visit) {
  std::string after;
  for (;;) {
    std::vector<StoredTrial> page;
    {
      auto db = db_.connect();
      auto st = db.prepare("SELECT " + std::string(kTrialColumns) +
                           " FROM trials WHERE nct_id > ? ORDER BY nct_id LIMIT ?");
      st.bind(1, after).bind(2, kPageSize);
      while (st.step()) page.push_back(read_trial(st));
    }
    if (page.empty())
      return;
    after = page.back().nct_id;
    for (const auto& trial : page) visit(trial);
  }
}

void SqliteTrialStore::for_each_trial_changed_since(
    std::int64_t since, const std::function<void(const StoredTrial&)>& visit,
    const std::function<void(const std::string&)>& removed) {
  std::unordered_set<std::string> seen;
  for (;;) {
    std::vector<StoredTrial> page;
    std::vector<std::string> gone;
    std::int64_t last_seq = since;
    {
      auto db = db_.connect();
      auto changes = db.prepare(
          "SELECT seq, key FROM changes WHERE kind = 'trial' AND seq > ? ORDER BY seq LIMIT ?");
      changes.bind(1, last_seq).bind(2, kPageSize);
      auto one =
          db.prepare("SELECT " + std::string(kTrialColumns) + " FROM trials WHERE nct_id = ?");
      bool any = false;
      while (changes.step()) {
        any = true;
        since = changes.integer(0);
        // A trial changed twice is read once: its current content is what counts.
        if (!seen.insert(changes.text(1)).second)
          continue;
        one.reset();
        one.bind(1, changes.text(1));
        if (one.step())
          page.push_back(read_trial(one));
        else
          gone.push_back(changes.text(1));
      }
      if (!any)
        return;
    }
    for (const auto& trial : page) visit(trial);
    for (const auto& id : gone) removed(id);
  }
}

}  // namespace cairn::store::sqlite
