#include "store/sqlite/sqlite_page_store.hpp"

#include <sodium.h>

namespace cairn::store::sqlite {

namespace {

std::string content_hash(std::string_view content) {
  unsigned char digest[crypto_generichash_BYTES];
  crypto_generichash(digest, sizeof digest, reinterpret_cast<const unsigned char*>(content.data()),
                     content.size(), nullptr, 0);
  char hex[crypto_generichash_BYTES * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  return hex;
}

constexpr std::string_view kRevisionColumns =
    "r.path, r.revision, r.content, r.content_hash, r.author, r.created_at";

PageRevision read_revision(Statement& st) {
  return PageRevision{st.text(0), static_cast<int>(st.integer(1)), st.text(2),
                      st.text(3), st.text(4),                      st.text(5)};
}

}  // namespace

void record_change(Database& db, std::string_view kind, std::string_view key) {
  db.prepare("INSERT INTO changes (kind, key) VALUES (?, ?)").bind(1, kind).bind(2, key).run();
}

ImportReport SqlitePageStore::import_pages(const std::vector<PageImport>& pages,
                                           const std::string& author) {
  ImportReport report;
  auto guard = db_.lock();
  Transaction tx(db_);
  for (const auto& page : pages) {
    std::string hash = content_hash(page.content);
    auto current = db_.prepare(
        "SELECT r.revision, r.content_hash FROM pages p JOIN page_revisions r "
        "ON r.path = p.path AND r.revision = p.published_revision WHERE p.path = ?");
    current.bind(1, page.path);
    int revision = 0;
    if (current.step()) {
      if (current.text(1) == hash) {
        ++report.unchanged;
        continue;
      }
      auto latest = db_.prepare("SELECT MAX(revision) FROM page_revisions WHERE path = ?");
      latest.bind(1, page.path);
      latest.step();
      revision = static_cast<int>(latest.integer(0)) + 1;
      ++report.updated;
    } else {
      revision = 1;
      ++report.added;
    }
    db_.prepare(
           "INSERT INTO page_revisions (path, revision, content, content_hash, author) "
           "VALUES (?, ?, ?, ?, ?)")
        .bind(1, page.path)
        .bind(2, revision)
        .bind(3, page.content)
        .bind(4, hash)
        .bind(5, author)
        .run();
    db_.prepare(
           "INSERT INTO pages (path, published_revision) VALUES (?, ?) "
           "ON CONFLICT (path) DO UPDATE SET published_revision = excluded.published_revision")
        .bind(1, page.path)
        .bind(2, revision)
        .run();
    record_change(db_, "page", page.path);
  }
  tx.commit();
  return report;
}

std::vector<PageRevision> SqlitePageStore::published_pages() {
  auto guard = db_.lock();
  auto st = db_.prepare(std::string("SELECT ") + std::string(kRevisionColumns) +
                        " FROM pages p JOIN page_revisions r ON r.path = p.path AND "
                        "r.revision = p.published_revision ORDER BY p.path");
  std::vector<PageRevision> out;
  while (st.step()) out.push_back(read_revision(st));
  return out;
}

std::optional<PageRevision> SqlitePageStore::published_page(const std::string& path) {
  auto guard = db_.lock();
  auto st = db_.prepare(std::string("SELECT ") + std::string(kRevisionColumns) +
                        " FROM pages p JOIN page_revisions r ON r.path = p.path AND "
                        "r.revision = p.published_revision WHERE p.path = ?");
  st.bind(1, path);
  if (!st.step()) return std::nullopt;
  return read_revision(st);
}

std::vector<PageRevision> SqlitePageStore::revisions(const std::string& path) {
  auto guard = db_.lock();
  auto st = db_.prepare(std::string("SELECT ") + std::string(kRevisionColumns) +
                        " FROM page_revisions r WHERE r.path = ? ORDER BY r.revision");
  st.bind(1, path);
  std::vector<PageRevision> out;
  while (st.step()) out.push_back(read_revision(st));
  return out;
}

std::int64_t SqliteChangeFeed::latest() {
  auto guard = db_.lock();
  auto st = db_.prepare("SELECT COALESCE(MAX(seq), 0) FROM changes");
  st.step();
  return st.integer(0);
}

}  // namespace cairn::store::sqlite
