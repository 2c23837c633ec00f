#include "app/web_app.hpp"

#include <nlohmann/json.hpp>

#include "app/json_text.hpp"
#include "app/member_forum_routes.hpp"
#include "core/text.hpp"
#include "store/store_unavailable.hpp"
#include "views/error_view.hpp"

namespace cairn::app {

WebApp::WebApp(SiteContent& site, const http::StaticAssets& assets, const http::CsrfGuard& csrf,
               const VisitorResolver& visitors, bool trust_forwarded_for, std::ostream& error_log)
    : site_(site),
      assets_(assets),
      csrf_(csrf),
      visitors_(visitors),
      trust_forwarded_for_(trust_forwarded_for),
      error_log_(error_log) {
  routes_.add("GET", "/healthz", [this](RequestContext&) {
    return Outcome::text(site_.page_count() == 0 ? "ok (no pages imported)\n" : "ok\n").no_store();
  });
  routes_.add("GET", "/api/v1/pages", [this](RequestContext&) -> Outcome {
    auto index = site_.api_index();
    if (!index)
      return make_error(Errc::not_found, "No pages have been published yet.");
    return Outcome::cached(*index);
  });
  routes_.add("GET", "/api/v1/pages/{path...}", [this](RequestContext& context) -> Outcome {
    std::string path = "/" + std::string(context.path_param("path"));
    auto page = site_.api_page(path);
    if (!page)
      return make_error(Errc::not_found, "There is no page at " + path + ".");
    return Outcome::cached(*page);
  });
}

http::Response WebApp::error_response(const http::Request& request, const Error& error) const {
  int status = status_for(error.code);
  bool api = request.path.starts_with("/api/");
  if (api) {
    nlohmann::json body = {{"error", {{"status", status}, {"message", error.message}}}};
    if (status >= 500)
      body["error"]["request_id"] = request.request_id;
    auto r = http::json_response(status, json_text(body));
    r.cache_control = "no-store";
    return r;
  }
  http::Response r;
  r.status = status;
  r.cache_control = "no-store";
  if (status == 404) {
    auto page = site_.not_found();
    r.shared_body = page.body;
    r.shared_gzip_body = page.gzip_body;
  } else if (status >= 500) {
    r.body = views::render_server_error(site_.chrome(), request.request_id).str();
  } else {
    r.body = views::render_problem(site_.chrome(), status, error.message).str();
  }
  return r;
}

http::Response WebApp::busy_response(const http::Request& request) const {
  return unavailable_response(
      request, "Too many people are signing in at once. Please try again in a moment.");
}

http::Response WebApp::unavailable_response(const http::Request& request,
                                            const std::string& message, int retry_after) const {
  // Written here, not through error_response: that shows 5xx messages to nobody.
  http::Response r;
  if (request.path.starts_with("/api/")) {
    nlohmann::json body = {{"error", {{"status", 503}, {"message", message}}}};
    r = http::json_response(503, json_text(body));
  } else {
    r.status = 503;
    r.body = views::render_problem(site_.chrome(), 503, message).str();
  }
  if (retry_after > 0)
    r.set_header("Retry-After", std::to_string(retry_after));
  return r;
}

std::size_t WebApp::body_limit(std::string_view method, std::string_view path) const {
  // Only a route that handles this method takes a real body. A GET, or a post to
  // no route, may bring a small one, read and dropped so that the answer is the
  // 404 or 405 it deserves; more is refused (413) before it is held.
  if (method == "GET" || method == "HEAD" || !routes_.match(method, path).handler)
    return kNoRouteBodyLimit;
  // A page's source is up to 200,000 bytes, three times that when form-encoded;
  // the longest other form, a forum post of 10,000 characters, fits in 256 KB.
  if (path == "/staff/content" || path.starts_with("/staff/content/"))
    return kEditorBodyLimit;
  return kFormBodyLimit;
}

http::Response WebApp::dispatch(const http::Request& request) {
  const std::string& path = request.path;
  bool readable = request.method == "GET" || request.method == "HEAD";
  if (readable && path.starts_with("/assets/")) {
    if (auto asset = assets_.find(path))
      return *asset;
    return error_response(request, make_error(Errc::not_found, "No such file."));
  }
  if (readable && path.size() > 1 && path.back() == '/' && !path.starts_with("/api/")) {
    // Built from the address as sent, still percent-encoded: the decoded path
    // could carry line breaks or a backslash into the Location header.
    std::string target = request.target.substr(0, request.target.find('?'));
    auto ends_in_slash = [&] {
      if (target.ends_with('/'))
        return std::size_t{1};
      return target.ends_with("%2F") || target.ends_with("%2f") ? std::size_t{3} : 0;
    };
    while (target.size() > 1 && ends_in_slash()) target.resize(target.size() - ends_in_slash());
    // "//host" and "/\host" name another site to a browser.
    if (!target.starts_with('/') || (target.size() > 1 && (target[1] == '/' || target[1] == '\\')))
      target = "/";
    return http::redirect(target, 301);
  }
  if (readable) {
    if (auto page = site_.page(path))
      return http::cached_response(*page);
  }
  auto match = routes_.match(request.method, path);
  if (match.handler) {
    // The one CSRF check: a form post without the visitor's token changes nothing.
    if (!readable && request.method != "OPTIONS" && !carries_own_credential(request)) {
      if (auto checked = csrf_.verify(request); !checked) {
        return error_response(request, checked.error());
      }
    }
    return respond(request, *match.handler, std::move(match.params));
  }
  // 405 in the page or the JSON error too, not just the status line.
  auto not_allowed = [&](std::string allowed) {
    auto r = error_response(
        request, make_error(Errc::method_not_allowed, "That method is not allowed here."));
    r.set_header("Allow", std::move(allowed));
    return r;
  };
  if (match.path_known)
    return not_allowed(match.allowed);
  if (!readable)
    return not_allowed("GET, HEAD");
  return error_response(request, make_error(Errc::not_found, "There is no page at this address."));
}

http::Response WebApp::respond(const http::Request& request, const Handler& handler,
                               http::PathParams params) {
  RequestContext context(request, std::move(params), visitors_, trust_forwarded_for_);
  Outcome outcome = handler(context);
  if (outcome.error())
    return error_response(request, *outcome.error());
  http::Response response = std::move(outcome.response());
  // A page that knows who is asking carries their cookies and is never stored.
  if (const auto* visitor = context.resolved_visitor())
    visitors_.finish(*visitor, response);
  return response;
}

http::WireResponse WebApp::handle(http::Request& request) {
  http::Response response;
  try {
    response = dispatch(request);
  } catch (const store::StoreUnavailable& e) {
    // The database is away (restarting, say): what this request would have
    // written was not written, and the reader is told so plainly.
    error_log_ << "unavailable " << request.request_id << " " << request.method << " "
               << printable_for_log(request.path) << ": " << printable_for_log(e.what(), 1000)
               << std::endl;
    bool writes = request.method != "GET" && request.method != "HEAD";
    response = unavailable_response(
        request,
        writes ? "We could not save this just now: our database is not answering. "
                 "Nothing was saved. Please go back and try again in a minute."
               : "This page cannot be shown just now: our database is not answering. "
                 "Please try again in a minute.",
        30);
  } catch (const std::exception& e) {
    // The detail goes to the log with the request id; the reader sees only the id.
    error_log_ << "error " << request.request_id << " " << request.method << " "
               << printable_for_log(request.path) << ": " << printable_for_log(e.what(), 1000)
               << std::endl;
    response = error_response(request, make_error(Errc::internal, "internal error"));
  }
  response.set_header("X-Request-Id", request.request_id);
  return http::to_wire(request, std::move(response));
}

}  // namespace cairn::app
