// The visitor's network address, for per-address rate limits: the socket's
// peer, or, behind our own load balancer, the address it added last to
// X-Forwarded-For (earlier entries are whatever the client claimed).
#pragma once

#include <string>

#include "http/message.hpp"

namespace cairn::http {

std::string client_address(const Request& request, bool trust_forwarded_for);

}  // namespace cairn::http
