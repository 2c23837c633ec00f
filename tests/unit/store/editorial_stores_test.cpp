#include <gtest/gtest.h>

#include "store/kept_draft_store.hpp"
#include "store_backends.hpp"

namespace cairn::store {
namespace {

// Every test below runs on SQLite and on PostgreSQL.
template <class Backend>
class KeptDraftStore : public testing::StoreContract<Backend> {};
TYPED_TEST_SUITE(KeptDraftStore, testing::StoreBackends, testing::BackendNames);
template <class Backend>
class PageOwnerStore : public testing::StoreContract<Backend> {};
TYPED_TEST_SUITE(PageOwnerStore, testing::StoreBackends, testing::BackendNames);

TYPED_TEST(KeptDraftStore, ADraftIsTakenOnceAndNotAfterItExpires) {
  auto& store = this->store_;
  auto& kept = store->kept_drafts();
  ASSERT_TRUE(kept.keep("hash-a", {"/a", 3, "source text", "note"}, 100, 200, 10));
  ASSERT_TRUE(kept.keep("hash-b", {"/b", 1, "other", ""}, 100, 200, 10));
  auto a = kept.take("hash-a", 150);
  ASSERT_TRUE(a);
  EXPECT_EQ(a->path, "/a");
  EXPECT_EQ(a->base_revision, 3);
  EXPECT_EQ(a->source, "source text");
  EXPECT_EQ(a->note, "note");
  EXPECT_FALSE(kept.take("hash-a", 150));  // once only
  EXPECT_FALSE(kept.take("hash-b", 200));  // expired
  EXPECT_FALSE(kept.take("unknown", 150));
}

TYPED_TEST(KeptDraftStore, NoMoreThanTheLimitWaitAtOnce) {
  auto& store = this->store_;
  auto& kept = store->kept_drafts();
  EXPECT_TRUE(kept.keep("one", {"/a", 1, "x", ""}, 100, 200, 2));
  EXPECT_TRUE(kept.keep("two", {"/a", 1, "x", ""}, 100, 200, 2));
  EXPECT_FALSE(kept.keep("three", {"/a", 1, "x", ""}, 150, 250, 2));
  // Once the first two have expired there is room again.
  EXPECT_TRUE(kept.keep("four", {"/a", 1, "x", ""}, 200, 300, 2));
}

}  // namespace
}  // namespace cairn::store

namespace cairn::store {
namespace {

TYPED_TEST(PageOwnerStore, OwnersAreSetAndClearedAndEachWeeksReminderIsClaimedOnce) {
  auto& store = this->store_;
  auto created = store->accounts().create_account(
      {"ed@example.org", "Ed", "hash", "editor", true, "", "2030-01-01T00:00:00Z"});
  auto& owners = store->page_owners();
  owners.set_owner("/a", created.id);
  owners.set_owner("/b", created.id);
  owners.set_owner("/b", 0);
  EXPECT_EQ(owners.owners(), (std::map<std::string, std::int64_t>{{"/a", created.id}}));
  EXPECT_TRUE(owners.claim_reminder(created.id, "2030-03-11T08:00:00Z"));
  EXPECT_FALSE(owners.claim_reminder(created.id, "2030-03-11T08:00:00Z"));
  EXPECT_FALSE(owners.claim_reminder(created.id, "2030-03-04T08:00:00Z"));
  EXPECT_TRUE(owners.claim_reminder(created.id, "2030-03-18T08:00:00Z"));
}

}  // namespace
}  // namespace cairn::store
