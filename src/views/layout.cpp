#include "views/layout.hpp"

#include "views/html.hpp"

namespace cairn::views {

using namespace literals;

namespace {

struct NavItem {
  std::string_view href, label;
};

constexpr std::array<NavItem, 5> kMainNav = {{
    {"/about-cancer/leptomeningeal-metastases", "Leptomeningeal metastases"},
    {"/about-cancer/cancer-types", "Cancer types A to Z"},
    {"/trials", "Find a clinical trial"},
    {"/forum", "Cancer Chat"},
    {"/helpline", "Nurse helpline"},
}};

void write_header(Html& h, const Chrome& chrome, const PageShell& shell) {
  const auto& site = chrome.site;
  h << R"(<a class="nhsuk-skip-link" href="#maincontent">Skip to main content</a>
<header class="nhsuk-header cairn-header" role="banner">
<div class="nhsuk-header__container nhsuk-width-container">
<div class="nhsuk-header__service">
<a class="nhsuk-header__service-logo cairn-header__home" href="/">)"_m
    << R"(<svg class="cairn-logo" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 40" width="40" height="40" focusable="false" aria-hidden="true"><ellipse cx="20" cy="33" rx="15" ry="5"/><ellipse cx="20" cy="23" rx="11" ry="4.5"/><ellipse cx="20" cy="14" rx="7.5" ry="4"/><ellipse cx="20" cy="6.5" rx="4.5" ry="3"/></svg>)"_m
    << R"(<span class="nhsuk-header__service-name">)"_m << site.name << R"(</span></a>
</div>
<search class="nhsuk-header__search">
<form class="nhsuk-header__search-form" id="search" action="/search" method="get" role="search">
<div class="nhsuk-form-group">
<label class="nhsuk-label nhsuk-u-visually-hidden" for="search-field">Search this website</label>
<div class="nhsuk-input-wrapper">
<input class="nhsuk-input" id="search-field" name="q" type="search" autocomplete="off" placeholder="Search" value=")"_m
    << shell.search_query << R"(" data-suggest="/api/v1/suggest">
<button class="nhsuk-button nhsuk-button--icon nhsuk-button--small" type="submit"><svg class="nhsuk-icon nhsuk-icon--search" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" width="16" height="16" focusable="false" aria-hidden="true"><path d="m20.7 18.9-4.1-4.1a7 7 0 1 0-1.4 1.4l4 4.1a1 1 0 0 0 1.5 0c.4-.4.4-1 0-1.4ZM6 10.6a5 5 0 1 1 10 0 5 5 0 0 1-10 0Z"/></svg><span class="nhsuk-u-visually-hidden">Search</span></button>
</div>
</div>
</form>
</search>
<a class="cairn-donate cairn-header__wide" href=")"_m
    << safe_href(site.donate_url) << R"(">Donate</a>
<a class="cairn-account cairn-header__wide" href="/account">My account</a>
<a class="cairn-menu-toggle" href="#cairn-menu" aria-controls="cairn-menu">Menu</a>
</div>
<nav class="cairn-nav nhsuk-width-container" id="cairn-menu" aria-label="Main">
<ul class="cairn-nav__list">
)"_m;
  // aria-current tells screen reader users (and the CSS underline tells
  // everyone else) which part of the site they are in.
  for (const auto& [href, label] : kMainNav) {
    h << R"(<li><a href=")"_m << href << "\""_m;
    if (shell.path == href) {
      h << R"( aria-current="page")"_m;
    } else if (shell.path.starts_with(std::string(href) + "/")) {
      h << R"( aria-current="true")"_m;
    }
    h << ">"_m << label << "</a></li>\n"_m;
  }
  // On a phone the menu also carries what the wide header shows in its top row.
  h << R"(<li class="cairn-header__narrow"><a href="/account">My account</a></li>
<li class="cairn-header__narrow"><a href=")"_m
    << safe_href(site.donate_url) << R"(">Donate</a></li>
<li class="cairn-header__narrow"><a class="cairn-menu-close" href="#">Close menu</a></li>
</ul>
</nav>
</header>
)"_m;
}

void write_breadcrumbs(Html& h, const std::vector<Breadcrumb>& crumbs) {
  if (crumbs.empty())
    return;
  h << R"(<nav class="nhsuk-breadcrumb" aria-label="Breadcrumb"><ol class="nhsuk-breadcrumb__list">)"_m;
  for (const auto& c : crumbs) {
    h << R"(<li class="nhsuk-breadcrumb__list-item"><a class="nhsuk-breadcrumb__link" href=")"_m
      << safe_href(c.href) << R"(">)"_m << c.title << "</a></li>"_m;
  }
  h << R"(</ol><a class="nhsuk-back-link" href=")"_m << safe_href(crumbs.back().href)
    << R"("><span class="nhsuk-u-visually-hidden">Back to </span>)"_m << crumbs.back().title
    << "</a></nav>\n"_m;
}

void write_footer(Html& h, const content::SiteSettings& site, bool information_page) {
  h << R"(<footer class="nhsuk-footer cairn-footer" role="contentinfo">
<div class="nhsuk-width-container">
<div class="nhsuk-footer__meta">
<h2 class="nhsuk-u-visually-hidden">Support links</h2>
<ul class="nhsuk-footer__list">)"_m;
  for (const auto& link : site.footer_links) {
    h << R"(<li class="nhsuk-footer__list-item"><a class="nhsuk-footer__list-item-link" href=")"_m
      << safe_href(link.url) << R"(">)"_m << link.title << "</a></li>"_m;
  }
  h << "</ul>\n"_m;
  if (information_page && !site.trust_marks.empty()) {
    h << R"(<ul class="cairn-trust-marks" aria-label="Why you can trust this information">)"_m;
    for (const auto& mark : site.trust_marks) {
      h << "<li><strong>"_m << mark.name << "</strong> "_m << mark.description << "</li>"_m;
    }
    h << "</ul>\n"_m;
  }
  if (!site.supporter_credit.empty()) {
    h << R"(<p class="nhsuk-body-s cairn-supporter-credit">)"_m << site.supporter_credit
      << "</p>"_m;
  }
  h << R"(<p class="nhsuk-body-s">&copy; )"_m << site.organisation
    << ". This information does not replace advice from your own medical team.</p>\n"_m
    << "</div>\n</div>\n</footer>\n"_m;
}

}  // namespace

SafeHtml render_layout(const Chrome& chrome, const PageShell& shell, const SafeHtml& main) {
  Html h;
  std::string title = shell.title.empty() || shell.title == chrome.site.name
                          ? chrome.site.name
                          : shell.title + " - " + chrome.site.name;
  h << R"(<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">
<title>)"_m
    << title << R"(</title>
<meta name="description" content=")"_m
    << shell.description << R"(">
<meta name="theme-color" content="#005eb8">
<link rel="stylesheet" href=")"_m
    << chrome.asset_url("vendor/nhsuk-frontend.css") << R"(">
<link rel="stylesheet" href=")"_m
    << chrome.asset_url("css/cairn.css") << R"(">
<link rel="stylesheet" media="print" href=")"_m
    << chrome.asset_url("css/print.css") << R"(">
<link rel="icon" href=")"_m
    << chrome.asset_url("images/cairn.svg") << R"(" type="image/svg+xml">
<script type="module" src=")"_m
    << chrome.asset_url("js/cairn.js") << R"("></script>
</head>
<body>
)"_m;
  write_header(h, chrome, shell);
  h << R"(<div class="nhsuk-width-container">
)"_m;
  write_breadcrumbs(h, shell.breadcrumbs);
  h << R"(<main class="nhsuk-main-wrapper" id="maincontent">
)"_m << main
    << R"(</main>
</div>
)"_m;
  write_footer(h, chrome.site, shell.information_page);
  h << "</body>\n</html>\n"_m;
  return h.take();
}

}  // namespace cairn::views
