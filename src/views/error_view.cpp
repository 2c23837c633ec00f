#include "views/error_view.hpp"

#include "views/components.hpp"
#include "views/html.hpp"

namespace cairn::views {

using namespace literals;

SafeHtml render_not_found(const Chrome& chrome, const std::string& path) {
  Html h;
  h << R"(<h1>Page not found</h1>
<p>We could not find the page you were looking for. If you typed the address, check it is right. If you followed a link, the page may have moved.</p>
<form class="cairn-search-form" action="/search" method="get" role="search">
<div class="nhsuk-form-group"><label class="nhsuk-label" for="not-found-search">Search this website</label>
<input class="nhsuk-input nhsuk-u-width-two-thirds" id="not-found-search" name="q" type="search">
</div><button class="nhsuk-button" type="submit">Search</button></form>
<h2>You could try</h2>
<ul class="nhsuk-list nhsuk-list--bullet">
<li><a href="/">the home page</a></li>
<li><a href="/about-cancer/leptomeningeal-metastases">information about leptomeningeal metastases</a></li>
<li><a href="/about-cancer/cancer-types">cancer types A to Z</a></li>
<li><a href="/trials">finding a clinical trial</a></li>
<li><a href="/helpline">calling our nurses</a></li>
</ul>
)"_m;
  PageShell shell{"Page not found", "This page could not be found.", path, {}, {}};
  return render_layout(chrome, shell, h.take());
}

SafeHtml render_server_error(const Chrome& chrome, const std::string& request_id) {
  Html h;
  h << R"(<h1>Sorry, there is a problem with this service</h1>
<p>Please try again in a few minutes.</p>
<p>If you need to talk to someone now, you can call our nurses free on the helpline. In an emergency call 999.</p>
<p class="nhsuk-body-s">If you contact us about this, please quote reference <code>)"_m
    << request_id << "</code>.</p>\n"_m;
  return render_in_layout(chrome, "Sorry, there is a problem", "", h.take(), {});
}

SafeHtml render_problem(const Chrome& chrome, int status, const std::string& message) {
  Html h;
  const char* title = status == 400                    ? "There is a problem with your request"
                      : status == 403                  ? "You cannot do that"
                      : status == 405                  ? "That is not allowed here"
                      : status == 413                  ? "That is too long"
                      : status == 429 || status == 503 ? "Please wait a moment"
                                                       : "Something is not right";
  h << "<h1>"_m << title << "</h1>\n<p>"_m << message << "</p>\n"_m
    << R"(<p><a href="/">Go to the home page</a></p>)"_m;
  return render_in_layout(chrome, title, "", h.take(), {});
}

}  // namespace cairn::views
