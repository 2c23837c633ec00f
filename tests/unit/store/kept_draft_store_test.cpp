#include <gtest/gtest.h>

#include "../temp_store.hpp"
#include "store/kept_draft_store.hpp"

namespace cairn::store {
namespace {

TEST(KeptDraftStore, ADraftIsTakenOnceAndNotAfterItExpires) {
  cairn::testing::TempStore store;
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

TEST(KeptDraftStore, NoMoreThanTheLimitWaitAtOnce) {
  cairn::testing::TempStore store;
  auto& kept = store->kept_drafts();
  EXPECT_TRUE(kept.keep("one", {"/a", 1, "x", ""}, 100, 200, 2));
  EXPECT_TRUE(kept.keep("two", {"/a", 1, "x", ""}, 100, 200, 2));
  EXPECT_FALSE(kept.keep("three", {"/a", 1, "x", ""}, 150, 250, 2));
  // Once the first two have expired there is room again.
  EXPECT_TRUE(kept.keep("four", {"/a", 1, "x", ""}, 200, 300, 2));
}

}  // namespace
}  // namespace cairn::store
