// RegistryTransport over libcurl: HTTPS with certificates always verified,
// compressed answers accepted, a limit on the body's size.
#pragma once

#include <cstddef>

#include "trials/registry_transport.hpp"

namespace cairn::trials {

class CurlRegistryTransport final : public RegistryTransport {
 public:
  // A page of 1,000 full study records is tens of megabytes; far more than
  // this is not a page of studies.
  static constexpr std::size_t kMaxBodyBytes = std::size_t{512} << 20;

  CurlRegistryTransport();
  Result<RegistryReply> get(const std::string& url, std::chrono::milliseconds timeout) override;
};

}  // namespace cairn::trials
