// The storage a Cairn node uses, opened from a data folder (SQLite) or a
// database address (PostgreSQL); callers see only these interfaces, and the
// contract suites (tests/unit/store) hold both back ends to the same behaviour.
#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include "core/rate_limiter.hpp"
#include "core/result.hpp"
#include "store/account_store.hpp"
#include "store/feedback_store.hpp"
#include "store/forum_member_store.hpp"
#include "store/forum_store.hpp"
#include "store/kept_draft_store.hpp"
#include "store/mail_outbox.hpp"
#include "store/nurse_message_store.hpp"
#include "store/page_owner_store.hpp"
#include "store/page_store.hpp"
#include "store/settings_store.hpp"
#include "store/trial_store.hpp"
#include "store/trial_sync_store.hpp"
#include "store/watched_word_store.hpp"

namespace cairn::store {

class Store {
 public:
  virtual ~Store() = default;
  virtual PageStore& pages() = 0;
  virtual ChangeFeed& changes() = 0;
  virtual TrialStore& trials() = 0;
  virtual TrialSyncStore& trial_sync() = 0;
  virtual AccountStore& accounts() = 0;
  virtual SettingsStore& settings() = 0;
  virtual ForumStore& forum() = 0;
  virtual ForumMemberStore& forum_members() = 0;
  virtual WatchedWordStore& watched_words() = 0;
  virtual NurseMessageStore& nurse_messages() = 0;
  virtual MailOutbox& outbox() = 0;
  virtual FeedbackStore& feedback() = 0;
  virtual KeptDraftStore& kept_drafts() = 0;
  virtual PageOwnerStore& page_owners() = 0;
  // Rate-limit counts every node shares, or nullptr: one node on SQLite counts
  // in its own memory.
  virtual SharedRateLimits* shared_rate_limits() { return nullptr; }
};

// Opens data_dir/cairn.sqlite, creating the folder and file if needed and
// migrating the schema. Throws sqlite::DatabaseError if the file is unusable.
std::unique_ptr<Store> open_sqlite_store(const std::filesystem::path& data_dir);

// Connects to PostgreSQL at `url` (postgresql://user@host:port/db) with a pool
// of up to `pool_size` connections and migrates the schema (under an advisory
// lock, so nodes starting together are safe). A server that cannot be reached,
// or a schema it refuses, is an Errc::unavailable; later, a server gone away
// throws StoreUnavailable.
Result<std::unique_ptr<Store>> open_postgres_store(const std::string& url, int pool_size);

}  // namespace cairn::store
