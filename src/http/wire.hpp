// The last step before the socket: conditional GET, HEAD, gzip and the
// security headers every response carries, applied in one place.
#pragma once

#include <string>

#include "http/message.hpp"

namespace cairn::http {

struct WireResponse {
  int status = 200;
  const Headers* fixed_headers = nullptr;  // the security headers: shared, never copied
  Headers headers;                         // the rest, including Content-Type and Content-Length
  SharedBody body;                         // may be null for an empty body
  FileSpan file;  // the body's bytes in a file, when it has them (see body_file.hpp)
  bool head_only = false;
  bool close = false;  // close the connection after writing
};

// Content-Security-Policy and friends: no inline script, no framing.
const Headers& security_headers();

WireResponse to_wire(const Request& request, Response response);

}  // namespace cairn::http
