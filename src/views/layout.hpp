// The page shell every HTML page shares: skip link, header with search and
// Donate, breadcrumbs, main, footer with the supporter credit and trust marks.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "content/site_settings.hpp"
#include "core/iso_time.hpp"
#include "core/safe_html.hpp"

namespace cairn::views {

// Where the helpline's "open now" line goes; filled in at request time so a
// cached page never shows a stale line.
inline constexpr std::string_view kHelplineStatusSlot = "<!--cairn:helpline-status-->";

struct Chrome {
  const content::SiteSettings& site;
  // "css/cairn.css" -> "/assets/css/cairn.3fa2b1c0.css"
  std::function<std::string(std::string_view)> asset_url;
};

struct Breadcrumb {
  std::string title, href;
};

struct PageShell {
  std::string title;        // the page's own title; the site name is added
  std::string description;  // meta description
  std::string path;         // canonical path
  std::vector<Breadcrumb> breadcrumbs;
  std::string search_query;  // shown in the header search box
  // Our own information pages: their footer says why the information can be
  // trusted. Forum posts, trial records and staff pages make no such claim.
  bool information_page = false;
};

SafeHtml render_layout(const Chrome& chrome, const PageShell& shell, const SafeHtml& main);

// "2023-08-30" -> "30 August 2023" (core/iso_time.hpp: mail needs it too).
using cairn::format_date;

}  // namespace cairn::views
