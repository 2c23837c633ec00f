// Store on PostgreSQL: every sub-store on one pool of connections, the change
// feed's notices listened for, and the rate limits every node shares.
#include <sodium.h>

#include "store/postgres/connection.hpp"
#include "store/postgres/pg_account_store.hpp"
#include "store/postgres/pg_feedback_store.hpp"
#include "store/postgres/pg_forum_member_store.hpp"
#include "store/postgres/pg_forum_store.hpp"
#include "store/postgres/pg_kept_draft_store.hpp"
#include "store/postgres/pg_mail_outbox.hpp"
#include "store/postgres/pg_nurse_message_store.hpp"
#include "store/postgres/pg_page_owner_store.hpp"
#include "store/postgres/pg_page_store.hpp"
#include "store/postgres/pg_rate_limits.hpp"
#include "store/postgres/pg_trial_store.hpp"
#include "store/postgres/pg_trial_sync_store.hpp"
#include "store/postgres/pg_watched_word_store.hpp"
#include "store/store.hpp"

namespace cairn::store {

namespace {

class PgStore final : public Store {
 public:
  explicit PgStore(std::unique_ptr<postgres::Database> db)
      : db_(std::move(db)),
        pages_(*db_),
        changes_(*db_),
        trials_(*db_),
        trial_sync_(*db_),
        accounts_(*db_),
        settings_(*db_),
        forum_(*db_),
        forum_members_(*db_),
        watched_words_(*db_),
        nurse_messages_(*db_),
        outbox_(*db_),
        feedback_(*db_),
        kept_drafts_(*db_),
        page_owners_(*db_),
        rate_limits_(*db_) {}
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
  SharedRateLimits* shared_rate_limits() override { return &rate_limits_; }

 private:
  std::unique_ptr<postgres::Database> db_;
  postgres::PgPageStore pages_;
  postgres::PgChangeFeed changes_;
  postgres::PgTrialStore trials_;
  postgres::PgTrialSyncStore trial_sync_;
  postgres::PgAccountStore accounts_;
  postgres::PgSettingsStore settings_;
  postgres::PgForumStore forum_;
  postgres::PgForumMemberStore forum_members_;
  postgres::PgWatchedWordStore watched_words_;
  postgres::PgNurseMessageStore nurse_messages_;
  postgres::PgMailOutbox outbox_;
  postgres::PgFeedbackStore feedback_;
  postgres::PgKeptDraftStore kept_drafts_;
  postgres::PgPageOwnerStore page_owners_;
  postgres::PgRateLimits rate_limits_;
};

}  // namespace

Result<std::unique_ptr<Store>> open_postgres_store(const std::string& url, int pool_size) {
  if (sodium_init() < 0)
    return make_error(Errc::internal, "libsodium failed to start");
  auto db = postgres::Database::open(url, pool_size);
  if (!db)
    return db.error();
  try {
    auto conn = (*db)->connect();
    postgres::migrate(conn);
  } catch (const std::exception& e) {
    return make_error(Errc::unavailable, std::string("cannot prepare the schema: ") + e.what());
  }
  return std::unique_ptr<Store>(new PgStore(std::move(*db)));
}

}  // namespace cairn::store
