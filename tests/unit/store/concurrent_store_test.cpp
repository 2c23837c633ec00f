// Many threads on one store at once, on either back end: every write lands,
// every read sees whole rows; and SQLite's connection handle is the lock
// (waited for, not re-entered).
#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "store/sqlite/database.hpp"
#include "store_backends.hpp"

namespace cairn::store {
namespace {

using namespace std::chrono_literals;

constexpr int kThreads = 8;
constexpr int kPerThread = 40;

// Runs fn(thread index) on kThreads threads; an exception in any fails the test
// (after all have joined, so none is left running).
template <typename Fn>
void on_threads(Fn fn) {
  std::mutex errors_mutex;
  std::vector<std::string> errors;
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      try {
        fn(t);
      } catch (const std::exception& e) {
        std::lock_guard lock(errors_mutex);
        errors.push_back(e.what());
      }
    });
  }
  for (auto& th : threads) th.join();
  for (const auto& e : errors) ADD_FAILURE() << "thread failed: " << e;
}

std::string name_of(int t, int i) {
  return "user-" + std::to_string(t) + "-" + std::to_string(i);
}

// The store tests below run on SQLite and on PostgreSQL.
template <class Backend>
class ConcurrentStoreTest : public testing::StoreContract<Backend> {};
TYPED_TEST_SUITE(ConcurrentStoreTest, testing::StoreBackends, testing::BackendNames);

TYPED_TEST(ConcurrentStoreTest, AccountsWrittenAndReadFromManyThreadsAreAllThere) {
  auto& store = this->store_;
  auto& accounts = store->accounts();
  std::atomic<int> mismatches = 0;
  on_threads([&](int t) {
    for (int i = 0; i < kPerThread; ++i) {
      std::string name = name_of(t, i);
      auto created = accounts.create_account({name + "@example.org", name, "$argon2id$fake",
                                              "member", true, "", "2025-01-01T00:00:00Z"});
      if (created.outcome != CreatedAccount::Outcome::created) {
        ++mismatches;
        continue;
      }
      accounts.add_session({"token-" + name, created.id, 100, 100, "test"});
      accounts.touch_session("token-" + name, 200);
      auto by_email = accounts.account_by_email(name + "@example.org");
      auto by_id = accounts.account_by_id(created.id);
      if (!by_email || !by_id || by_email->id != created.id || by_id->display_name != name ||
          !accounts.display_name_taken(name))
        ++mismatches;
      // A name another thread is taking at the same time is refused, never doubled.
      auto clash = accounts.create_account({name + "@other.example.org", name, "$argon2id$fake",
                                            "member", true, "", "2025-01-01T00:00:00Z"});
      if (clash.outcome != CreatedAccount::Outcome::display_name_taken)
        ++mismatches;
    }
  });
  EXPECT_EQ(mismatches, 0);

  std::set<std::int64_t> ids;
  for (int t = 0; t < kThreads; ++t) {
    for (int i = 0; i < kPerThread; ++i) {
      std::string name = name_of(t, i);
      auto account = accounts.account_by_email(name + "@example.org");
      ASSERT_TRUE(account) << name;
      EXPECT_EQ(account->display_name, name);
      ids.insert(account->id);
      auto session = accounts.session("token-" + name);
      ASSERT_TRUE(session) << name;
      EXPECT_EQ(session->account_id, account->id);
      EXPECT_EQ(session->last_seen_at, 200);
      EXPECT_FALSE(accounts.account_by_email(name + "@other.example.org")) << name;
    }
  }
  EXPECT_EQ(ids.size(), static_cast<std::size_t>(kThreads * kPerThread));
}

TYPED_TEST(ConcurrentStoreTest, FeedbackTrialsAndForumFromManyThreadsAllLand) {
  auto& store = this->store_;
  auto author = store->accounts().create_account(
      {"mod@example.org", "Mod", "$argon2id$fake", "moderator", true, "", "2025-01-01T00:00:00Z"});
  ASSERT_EQ(author.outcome, CreatedAccount::Outcome::created);
  std::int64_t thread_id =
      store->forum()
          .create_thread("general", "Busy",
                         {author.id, "first", PostStatus::published, {}, 0, "2025-01-01T00:00:00Z"})
          .first;

  on_threads([&](int t) {
    for (int i = 0; i < kPerThread; ++i) {
      std::string id = std::to_string(t) + "-" + std::to_string(i);
      // Writers and readers of every kind interleave (on SQLite, on its one connection).
      switch (i % 4) {
        case 0:
          store->feedback().add({"/page-" + std::to_string(t), i % 8 == 0, "c" + id, "2025-01-01"});
          (void)store->feedback().counts();
          break;
        case 1:
          (void)store->trials().upsert_trials({{"NCT" + id, "{\"n\":\"" + id + "\"}"}}, {});
          (void)store->trials().trial_count();
          break;
        case 2:
          (void)store->forum().add_post(
              thread_id,
              {author.id, "post " + id, PostStatus::published, {}, 0, "2025-01-01T00:00:00Z"});
          (void)store->forum().count_posts_in(thread_id, ForumViewer{});
          break;
        case 3:
          (void)store->pages().import_pages({{"/p/" + id, "content " + id}}, "import");
          (void)store->changes().latest();
          break;
      }
    }
  });

  constexpr int kEach = kThreads * kPerThread / 4;
  int feedback = 0;
  for (const auto& [path, counts] : store->feedback().counts()) {
    EXPECT_EQ(counts.comments, kPerThread / 4) << path;
    feedback += counts.useful + counts.not_useful;
  }
  EXPECT_EQ(feedback, kEach);
  EXPECT_EQ(store->trials().trial_count(), kEach);
  int walked = 0;
  store->trials().for_each_trial([&](const StoredTrial&) { ++walked; });
  EXPECT_EQ(walked, kEach);
  EXPECT_EQ(store->forum().count_posts_in(thread_id, ForumViewer{}), kEach + 1);
  EXPECT_EQ(store->pages().published_pages().size(), static_cast<std::size_t>(kEach));
  // One change per trial, per page and per public forum post, plus the thread's first post.
  EXPECT_EQ(store->changes().latest(), 3 * kEach + 1);
}

class ConnectionTest : public ::testing::Test {
 protected:
  void SetUp() override {
    file_ = std::filesystem::temp_directory_path() /
            ("cairn-connection-" + std::to_string(::getpid()) + "-" +
             ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove(file_);
  }
  void TearDown() override {
    for (const char* suffix : {"", "-wal", "-shm"})
      std::filesystem::remove(file_.string() + suffix);
  }
  std::filesystem::path file_;
};

TEST_F(ConnectionTest, AnotherThreadWaitsUntilTheHandleIsGone) {
  sqlite::Database db(file_);
  std::atomic<bool> got_it = false;
  std::thread other;
  {
    auto held = db.connect();
    other = std::thread([&] {
      auto mine = db.connect();
      got_it = true;
    });
    std::this_thread::sleep_for(50ms);
    EXPECT_FALSE(got_it) << "two threads held the connection at once";
  }
  other.join();
  EXPECT_TRUE(got_it);
}

TEST_F(ConnectionTest, AskingTwiceOnOneThreadThrowsInsteadOfDeadlocking) {
  sqlite::Database db(file_);
  {
    auto held = db.connect();
    EXPECT_THROW((void)db.connect(), std::logic_error);
  }
  auto again = db.connect();  // the failed attempt left nothing locked
  again.exec("SELECT 1");
}

TEST_F(ConnectionTest, ACachedStatementComesBackLikeAFreshOne) {
  sqlite::Database db(file_);
  auto conn = db.connect();
  {
    auto st = conn.prepare("SELECT ?");
    st.bind(1, 5);
    ASSERT_TRUE(st.step());
    EXPECT_EQ(st.integer(0), 5);
  }
  auto st = conn.prepare("SELECT ?");
  ASSERT_TRUE(st.step()) << "left finished, not reset";
  EXPECT_TRUE(st.is_null(0)) << "kept the last binding";
}

TEST_F(ConnectionTest, TheSameSqlTwiceAtOnceGivesTwoStatements) {
  sqlite::Database db(file_);
  auto conn = db.connect();
  auto outer = conn.prepare("SELECT ?");
  outer.bind(1, 1);
  auto inner = conn.prepare("SELECT ?");
  inner.bind(1, 2);
  ASSERT_TRUE(outer.step());
  ASSERT_TRUE(inner.step());
  EXPECT_EQ(outer.integer(0), 1);
  EXPECT_EQ(inner.integer(0), 2);
}

TEST_F(ConnectionTest, AStatementHandedBackHoldsNoOldSnapshot) {
  sqlite::Database reader(file_);
  sqlite::Database writer(file_);
  auto count = [&] {
    auto conn = reader.connect();
    auto st = conn.prepare("SELECT COUNT(*) FROM changes");
    st.step();  // the row is read, the statement not yet done
    return st.integer(0);
  };
  EXPECT_EQ(count(), 0);
  writer.connect().exec("INSERT INTO changes (kind, key) VALUES ('x', 'y')");
  EXPECT_EQ(count(), 1);
}

}  // namespace
}  // namespace cairn::store
