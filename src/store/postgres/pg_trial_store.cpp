#include "store/postgres/pg_trial_store.hpp"

#include <unordered_set>

#include "store/content_hash.hpp"

namespace cairn::store::postgres {

namespace {

// updated_at as ISO 8601 UTC, the form the SQLite store keeps.
constexpr std::string_view kTrialColumns =
    "t.nct_id, t.content, t.content_hash, "
    "to_char(t.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), "
    "to_char(t.checked_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')";
// Pages keep each walk step short, so an import can commit between them.
constexpr std::int64_t kPageSize = 2000;

StoredTrial read_trial(const PgResult& r, int row, int first_column = 0) {
  return StoredTrial{r.text(row, first_column), r.text(row, first_column + 1),
                     r.text(row, first_column + 2), r.text(row, first_column + 3),
                     r.text(row, first_column + 4)};
}

}  // namespace

void lock_change_feed(Connection& db) {
  db.exec("SELECT pg_advisory_xact_lock($1::bigint)", {std::to_string(kChangeFeedLock)});
}

void record_change(Connection& db, std::string_view kind, std::string_view key) {
  lock_change_feed(db);  // re-entrant within a transaction: cheap after the first
  db.exec("INSERT INTO changes (kind, key) VALUES ($1, $2)", {std::string(kind), std::string(key)});
}

TrialImportReport PgTrialStore::upsert_trials(const std::vector<TrialRecord>& trials,
                                              std::string_view checked_at) {
  TrialImportReport report;
  const std::string checked(checked_at);
  auto db = db_.connect();
  Transaction tx(db);
  // Taken before reading hashes, so two imports of the same ids cannot both
  // count a trial as added.
  lock_change_feed(db);
  for (const auto& trial : trials) {
    std::string hash = content_hash(trial.content);
    auto current = db.exec("SELECT content_hash FROM trials WHERE nct_id = $1", {trial.nct_id});
    if (current.rows() > 0) {
      if (current.text(0, 0) == hash) {
        ++report.unchanged;
        db.exec(
            "UPDATE trials SET checked_at = COALESCE(NULLIF($2, '')::timestamptz, now()) "
            "WHERE nct_id = $1",
            {trial.nct_id, checked});
        continue;
      }
      ++report.updated;
    } else {
      ++report.added;
    }
    db.exec(
        "INSERT INTO trials (nct_id, content, content_hash, checked_at) "
        "VALUES ($1, $2, $3, COALESCE(NULLIF($4, '')::timestamptz, now())) "
        "ON CONFLICT (nct_id) DO UPDATE SET content = excluded.content, "
        "content_hash = excluded.content_hash, updated_at = now(), "
        "checked_at = excluded.checked_at",
        {trial.nct_id, trial.content, hash, checked});
    db.exec("INSERT INTO changes (kind, key) VALUES ('trial', $1)", {trial.nct_id});
  }
  tx.commit();
  return report;
}

int PgTrialStore::remove_trials(const std::vector<std::string>& nct_ids) {
  int removed = 0;
  auto db = db_.connect();
  Transaction tx(db);
  lock_change_feed(db);
  for (const auto& id : nct_ids) {
    if (db.exec("DELETE FROM trials WHERE nct_id = $1 RETURNING nct_id", {id}).rows() == 0)
      continue;
    ++removed;
    db.exec("INSERT INTO changes (kind, key) VALUES ('trial', $1)", {id});
  }
  tx.commit();
  return removed;
}

int PgTrialStore::confirm_checked(std::string_view seen_since, std::string_view checked_at) {
  auto db = db_.connect();
  auto r = db.exec(
      "UPDATE trials SET checked_at = $1::timestamptz "
      "WHERE checked_at >= $2::timestamptz AND checked_at < $1::timestamptz RETURNING 1",
      {std::string(checked_at), std::string(seen_since)});
  return r.rows();
}

std::optional<StoredTrial> PgTrialStore::trial(std::string_view nct_id) {
  auto db = db_.connect();
  auto r = db.exec("SELECT " + std::string(kTrialColumns) + " FROM trials t WHERE t.nct_id = $1",
                   {std::string(nct_id)});
  if (r.rows() == 0)
    return std::nullopt;
  return read_trial(r, 0);
}

std::int64_t PgTrialStore::trial_count() {
  auto db = db_.connect();
  return db.exec("SELECT COUNT(*) FROM trials").integer(0, 0);
}

void PgTrialStore::for_each_trial(const std::function<void(const StoredTrial&)>& visit) {
  std::string after;
  for (;;) {
    std::vector<StoredTrial> page;
    {
      auto db = db_.connect();
      auto r = db.exec("SELECT " + std::string(kTrialColumns) +
                           " FROM trials t WHERE t.nct_id > $1 ORDER BY t.nct_id LIMIT $2",
                       {after, std::to_string(kPageSize)});
      for (int row = 0; row < r.rows(); ++row) page.push_back(read_trial(r, row));
    }
    if (page.empty())
      return;
    after = page.back().nct_id;
    for (const auto& trial : page) visit(trial);
  }
}

void PgTrialStore::for_each_trial_changed_since(
    std::int64_t since, const std::function<void(const StoredTrial&)>& visit,
    const std::function<void(const std::string&)>& removed) {
  std::unordered_set<std::string> seen;
  for (;;) {
    std::vector<StoredTrial> page;
    std::vector<std::string> gone;
    {
      auto db = db_.connect();
      auto r = db.exec("SELECT c.seq, c.key, t.nct_id IS NULL, " + std::string(kTrialColumns) +
                           " FROM changes c LEFT JOIN trials t ON t.nct_id = c.key"
                           " WHERE c.kind = 'trial' AND c.seq > $1 ORDER BY c.seq LIMIT $2",
                       {std::to_string(since), std::to_string(kPageSize)});
      if (r.rows() == 0)
        return;
      for (int row = 0; row < r.rows(); ++row) {
        since = r.integer(row, 0);
        // A trial changed twice is read once: its current content is what counts.
        if (!seen.insert(r.text(row, 1)).second)
          continue;
        if (r.text(row, 2) == "t")
          gone.push_back(r.text(row, 1));
        else
          page.push_back(read_trial(r, row, 3));
      }
    }
    for (const auto& trial : page) visit(trial);
    for (const auto& id : gone) removed(id);
  }
}

std::int64_t PgChangeFeed::latest() {
  auto db = db_.connect();
  return db.exec("SELECT COALESCE(MAX(seq), 0) FROM changes").integer(0, 0);
}

}  // namespace cairn::store::postgres
