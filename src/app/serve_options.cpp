#include "app/serve_options.hpp"

#include <algorithm>
#include <charconv>
#include <thread>

namespace cairn::app {

namespace {

Result<int> parse_int(std::string_view text, int min, int max, const std::string& flag) {
  int value = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || ptr != text.data() + text.size() || value < min || value > max) {
    return make_error(Errc::invalid_input, flag + " must be a whole number from " +
                                               std::to_string(min) + " to " + std::to_string(max) +
                                               ", not '" + std::string(text) + "'");
  }
  return value;
}

}  // namespace

Result<Options> parse_options(const std::vector<std::string>& args,
                              const std::vector<std::string>& allowed) {
  Options o;
  for (size_t i = 0; i < args.size(); ++i) {
    std::string flag = args[i];
    std::string value;
    bool has_inline = false;
    if (flag.starts_with("--")) {
      if (auto eq = flag.find('='); eq != std::string::npos) {
        value = flag.substr(eq + 1);
        flag = flag.substr(0, eq);
        has_inline = true;
      }
    } else {
      o.positional.push_back(flag);
      continue;
    }
    if (std::find(allowed.begin(), allowed.end(), flag) == allowed.end()) {
      return make_error(Errc::invalid_input, "unknown option " + flag);
    }
    if (!has_inline) {
      if (i + 1 >= args.size()) return make_error(Errc::invalid_input, flag + " needs a value");
      value = args[++i];
    }
    if (flag == "--listen") {
      auto colon = value.rfind(':');
      if (colon == std::string::npos || colon == 0) {
        return make_error(Errc::invalid_input, "--listen takes HOST:PORT, e.g. 127.0.0.1:8080");
      }
      auto port = parse_int(std::string_view(value).substr(colon + 1), 0, 65535, "the port");
      if (!port) return port.error();
      o.host = value.substr(0, colon);
      if (o.host.size() > 2 && o.host.front() == '[' && o.host.back() == ']') {
        o.host = o.host.substr(1, o.host.size() - 2);
      }
      o.port = static_cast<unsigned short>(*port);
    } else if (flag == "--data") {
      o.data_dir = value;
    } else if (flag == "--content") {
      o.content_dir = value;
    } else if (flag == "--web") {
      o.web_dir = value;
    } else if (flag == "--secure-cookies" || flag == "--trust-proxy") {
      if (value != "on" && value != "off") {
        return make_error(Errc::invalid_input, flag + " takes on or off, not '" + value + "'");
      }
      (flag == "--secure-cookies" ? o.secure_cookies : o.trust_proxy) = value == "on";
    } else if (flag == "--threads") {
      auto n = parse_int(value, 1, 256, "--threads");
      if (!n) return n.error();
      o.threads = *n;
    }
  }
  if (o.threads == 0) o.threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  return o;
}

}  // namespace cairn::app
