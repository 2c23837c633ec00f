// One HTTP GET to the trial registry, behind an interface so the client's
// retries and pacing are tested without a network (CurlRegistryTransport is the real one).
#pragma once

#include <chrono>
#include <string>

#include "core/result.hpp"

namespace cairn::trials {

struct RegistryReply {
  long status = 0;          // the HTTP status
  std::string body;         // as sent (decompressed)
  std::string retry_after;  // the Retry-After header, when given
};

class RegistryTransport {
 public:
  virtual ~RegistryTransport() = default;
  // The registry's answer, whatever its status; an Errc::unavailable error when
  // no complete answer came (no connection, timed out, cut off mid-body).
  virtual Result<RegistryReply> get(const std::string& url, std::chrono::milliseconds timeout) = 0;
};

}  // namespace cairn::trials
