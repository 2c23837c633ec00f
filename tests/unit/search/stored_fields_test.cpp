#include "search/stored_fields.hpp"

#include <gtest/gtest.h>

namespace cairn::search {
namespace {

TEST(StoredFields, WhatIsStoredIsReadBack) {
  using namespace std::string_literals;
  StoredFields f{
      "pages",      "/lm#tests",
      "Tests",      "Leptomeningeal metastases",
      "A summary.", "Body with a \0 byte, \u201cquotes\u201d and "s + std::string(300, 'x'),
      "RECRUITING"};
  auto back = StoredFields::decode(f.encode());
  ASSERT_TRUE(back);
  EXPECT_EQ(back->type, f.type);
  EXPECT_EQ(back->url, f.url);
  EXPECT_EQ(back->title, f.title);
  EXPECT_EQ(back->page_title, f.page_title);
  EXPECT_EQ(back->summary, f.summary);
  EXPECT_EQ(back->body, f.body);
  EXPECT_EQ(back->status, f.status);
  EXPECT_TRUE(StoredFields::decode(StoredFields{}.encode()));
}

TEST(StoredFields, RecordsFromElsewhereAreRefused) {
  // The JSON an older index stored, a cut record and one with bytes left over.
  EXPECT_FALSE(StoredFields::decode(R"({"type":"pages","url":"/x"})"));
  EXPECT_FALSE(StoredFields::decode(""));
  std::string record = StoredFields{"pages", "/x", "X", "", "", "body", ""}.encode();
  EXPECT_FALSE(StoredFields::decode(record.substr(0, record.size() - 1)));
  EXPECT_FALSE(StoredFields::decode(record + "!"));
}

}  // namespace
}  // namespace cairn::search
