#include "http/client_address.hpp"

#include <gtest/gtest.h>

namespace cairn::http {
namespace {

Request from(std::string peer, std::string forwarded = "") {
  Request r;
  r.remote_address = std::move(peer);
  if (!forwarded.empty())
    r.headers.emplace_back("X-Forwarded-For", std::move(forwarded));
  return r;
}

TEST(ClientAddress, PeerUnlessTheProxyIsTrusted) {
  EXPECT_EQ(client_address(from("10.0.0.5", "203.0.113.9"), false), "10.0.0.5");
  EXPECT_EQ(client_address(from("10.0.0.5", "203.0.113.9"), true), "203.0.113.9");
}

TEST(ClientAddress, TakesTheAddressOurProxyAddedNotWhatTheClientClaimed) {
  EXPECT_EQ(client_address(from("10.0.0.5", "1.2.3.4, 203.0.113.9"), true), "203.0.113.9");
  EXPECT_EQ(client_address(from("10.0.0.5", "1.2.3.4,203.0.113.9 "), true), "203.0.113.9");
}

TEST(ClientAddress, FallsBackToThePeer) {
  EXPECT_EQ(client_address(from("10.0.0.5"), true), "10.0.0.5");
  EXPECT_EQ(client_address(from("10.0.0.5", "1.2.3.4, "), true), "10.0.0.5");
}

}  // namespace
}  // namespace cairn::http
