#include "http/client_address.hpp"

#include "core/text.hpp"

namespace cairn::http {

std::string client_address(const Request& request, bool trust_forwarded_for) {
  if (trust_forwarded_for) {
    auto forwarded = request.header("X-Forwarded-For");
    auto last = trim(forwarded.substr(
        forwarded.rfind(',') == std::string_view::npos ? 0 : forwarded.rfind(',') + 1));
    if (!last.empty() && last.size() <= 64)
      return std::string(last);
  }
  return request.remote_address;
}

}  // namespace cairn::http
