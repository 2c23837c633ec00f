#include <gtest/gtest.h>

#include "http/compression.hpp"
#include "http/page_cache.hpp"
#include "http/wire.hpp"

namespace cairn::http {
namespace {

std::string header(const WireResponse& w, std::string_view name) {
  for (const auto& [k, v] : w.headers) {
    if (k == name) return v;
  }
  return "";
}

Request get(std::string path) {
  Request r;
  r.method = "GET";
  r.path = path;
  return r;
}

TEST(Wire, MatchingEtagGivesNotModifiedWithoutBody) {
  auto page = make_cached_page(std::string(2000, 'x'), "text/html; charset=utf-8");
  auto request = get("/");
  request.headers.emplace_back("If-None-Match", page.etag);
  auto wire = to_wire(request, cached_response(page));
  EXPECT_EQ(wire.status, 304);
  EXPECT_EQ(wire.body, nullptr);
  EXPECT_EQ(header(wire, "ETag"), page.etag);
}

TEST(Wire, WeakAndListedEtagsMatchToo) {
  auto page = make_cached_page("<p>hi</p>", "text/html; charset=utf-8");
  auto request = get("/");
  request.headers.emplace_back("If-None-Match", "\"other\", W/" + page.etag);
  EXPECT_EQ(to_wire(request, cached_response(page)).status, 304);
}

TEST(Wire, StaleEtagGetsTheFullPage) {
  auto page = make_cached_page("<p>hi</p>", "text/html; charset=utf-8");
  auto request = get("/");
  request.headers.emplace_back("If-None-Match", "\"stale\"");
  auto wire = to_wire(request, cached_response(page));
  EXPECT_EQ(wire.status, 200);
  EXPECT_EQ(*wire.body, "<p>hi</p>");
}

TEST(Wire, EtagChangesWithContent) {
  EXPECT_NE(make_cached_page("a", "text/html").etag, make_cached_page("b", "text/html").etag);
}

TEST(Wire, GzipOnlyForClientsThatAcceptIt) {
  std::string html(5000, 'a');
  auto page = make_cached_page(html, "text/html; charset=utf-8");
  auto with = get("/");
  with.headers.emplace_back("Accept-Encoding", "br, gzip;q=0.8");
  auto compressed = to_wire(with, cached_response(page));
  EXPECT_EQ(header(compressed, "Content-Encoding"), "gzip");
  EXPECT_EQ(gzip_decompress(*compressed.body), html);

  auto refused = get("/");
  refused.headers.emplace_back("Accept-Encoding", "gzip;q=0");
  auto plain = to_wire(refused, cached_response(page));
  EXPECT_EQ(header(plain, "Content-Encoding"), "");
  EXPECT_EQ(*plain.body, html);
  EXPECT_EQ(header(plain, "Content-Length"), "5000");
}

TEST(Wire, EveryResponseCarriesTheSecurityHeaders) {
  auto wire = to_wire(get("/x"), text_response(404, "missing", "text/plain"));
  ASSERT_NE(wire.fixed_headers, nullptr);
  bool csp = false;
  for (const auto& [k, v] : *wire.fixed_headers) {
    if (k == "Content-Security-Policy") {
      csp = true;
      EXPECT_NE(v.find("script-src 'self'"), std::string::npos);
      EXPECT_NE(v.find("frame-ancestors 'none'"), std::string::npos);
      EXPECT_EQ(v.find("unsafe-inline"), std::string::npos);
    }
  }
  EXPECT_TRUE(csp);
}

TEST(Wire, HeadKeepsLengthButMarksNoBody) {
  auto request = get("/");
  request.method = "HEAD";
  auto wire = to_wire(request, text_response(200, "hello", "text/plain"));
  EXPECT_TRUE(wire.head_only);
  EXPECT_EQ(header(wire, "Content-Length"), "5");
}

TEST(Compression, AcceptEncodingParsing) {
  EXPECT_TRUE(accepts_gzip("gzip, deflate"));
  EXPECT_TRUE(accepts_gzip("*"));
  EXPECT_FALSE(accepts_gzip("br"));
  EXPECT_FALSE(accepts_gzip("gzip;q=0"));
  EXPECT_FALSE(accepts_gzip("gzip;q=nonsense"));
  EXPECT_FALSE(accepts_gzip(""));
}

TEST(Query, DecodesFormsAndRepeats) {
  auto q = parse_query("q=intrathecal+chemo&type=pages&type=trials&empty=&x=%3Cb%3E");
  EXPECT_EQ(q.find("q")->second, "intrathecal chemo");
  EXPECT_EQ(q.count("type"), 2u);
  EXPECT_EQ(q.find("empty")->second, "");
  EXPECT_EQ(q.find("x")->second, "<b>");
}

}  // namespace
}  // namespace cairn::http
