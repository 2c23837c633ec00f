// One line per request on standard output: time, method, path (never the
// query string, which can hold what people searched for), status, size, time.
#pragma once

#include <chrono>
#include <ostream>

#include "http/message.hpp"

namespace cairn::app {

void write_access_log(std::ostream& out, const http::Request& request, int status,
                      std::size_t bytes, std::chrono::microseconds elapsed);

}  // namespace cairn::app
