#include <sodium.h>

#include "store/sqlite/database.hpp"
#include "store/sqlite/sqlite_account_store.hpp"
#include "store/sqlite/sqlite_feedback_store.hpp"
#include "store/sqlite/sqlite_forum_member_store.hpp"
#include "store/sqlite/sqlite_forum_store.hpp"
#include "store/sqlite/sqlite_kept_draft_store.hpp"
#include "store/sqlite/sqlite_mail_outbox.hpp"
#include "store/sqlite/sqlite_nurse_message_store.hpp"
#include "store/sqlite/sqlite_page_owner_store.hpp"
#include "store/sqlite/sqlite_page_store.hpp"
#include "store/sqlite/sqlite_trial_store.hpp"
#include "store/sqlite/sqlite_trial_sync_store.hpp"
#include "store/sqlite/sqlite_watched_word_store.hpp"
#include "store/store.hpp"

namespace cairn::store {

namespace {

class SqliteStore final : public Store {
 public:
  explicit SqliteStore(const std::filesystem::path& file)
      : db_(file),
        pages_(db_),
        changes_(db_),
        trials_(db_),
        trial_sync_(db_),
        accounts_(db_),
        settings_(db_),
        forum_(db_),
        forum_members_(db_),
        watched_words_(db_),
        nurse_messages_(db_),
        outbox_(db_),
        feedback_(db_),
        kept_drafts_(db_),
        page_owners_(db_) {}
  PageStore& pages() override { return pages_; }
  ChangeFeed& changes() override { return changes_; }
  TrialStore& trials() override { return trials_; }
  TrialSyncStore& trial_sync() override { return trial_sync_; }
  AccountStore& accounts() override { return accounts_; }
  SettingsStore& settings() override { return settings_; }
  ForumStore& forum() override { return forum_; }
  ForumMemberStore& forum_members() override { return forum_members_; }
  WatchedWordStore& watched_words() override { return watched_words_; }
  NurseMessageStore& nurse_messages() override { return nurse_messages_; }
  MailOutbox& outbox() override { return outbox_; }
  FeedbackStore& feedback() override { return feedback_; }
  KeptDraftStore& kept_drafts() override { return kept_drafts_; }
  PageOwnerStore& page_owners() override { return page_owners_; }

 private:
  sqlite::Database db_;
  sqlite::SqlitePageStore pages_;
  sqlite::SqliteChangeFeed changes_;
  sqlite::SqliteTrialStore trials_;
  sqlite::SqliteTrialSyncStore trial_sync_;
  sqlite::SqliteAccountStore accounts_;
  sqlite::SqliteSettingsStore settings_;
  sqlite::SqliteForumStore forum_;
  sqlite::SqliteForumMemberStore forum_members_;
  sqlite::SqliteWatchedWordStore watched_words_;
  sqlite::SqliteNurseMessageStore nurse_messages_;
  sqlite::SqliteMailOutbox outbox_;
  sqlite::SqliteFeedbackStore feedback_;
  sqlite::SqliteKeptDraftStore kept_drafts_;
  sqlite::SqlitePageOwnerStore page_owners_;
};

}  // namespace

std::unique_ptr<Store> open_sqlite_store(const std::filesystem::path& data_dir) {
  if (sodium_init() < 0)
    throw std::runtime_error("libsodium failed to start");
  std::filesystem::create_directories(data_dir);
  return std::make_unique<SqliteStore>(data_dir / "cairn.sqlite");
}

}  // namespace cairn::store
