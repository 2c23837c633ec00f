// An information page: title, contents list, sections, words explained,
// sources, review dates, related pages and the helpline and forum signposts.
#pragma once

#include <functional>
#include <map>
#include <string>

#include "content/page.hpp"
#include "content/render.hpp"
#include "content/site_settings.hpp"
#include "core/safe_html.hpp"
#include "views/components.hpp"
#include "views/layout.hpp"

namespace cairn::views {

struct PageLinks {
  // path -> title of every published page, for related links and breadcrumbs.
  const std::map<std::string, std::string>& titles;
  // "Monday to Friday, 9am to 5pm." for the helpline signpost.
  std::string helpline_hours;
  // Today as YYYY-MM-DD: a page past its review date says so, honestly.
  std::string today;
};

PageBody render_information_page(const content::Page& page, const content::RenderedPage& rendered,
                                 const content::SiteSettings& site, const PageLinks& links,
                                 const SafeHtml& extra_after_sections = {},
                                 const SafeHtml& extra_before_sections = {});

// The A to Z of cancer types: every page with a cancer_type, grouped by letter.
PageBody render_cancer_types(const content::Page& page, const content::RenderedPage& rendered,
                             const std::vector<content::Page>& all_pages,
                             const content::SiteSettings& site, const PageLinks& links);

// Breadcrumbs from the path: "/a/b/c" -> Home, /a (if a page), /a/b (if a page).
std::vector<Breadcrumb> breadcrumbs_for(const std::string& path, const PageLinks& links);

// The helpline signpost: number as a tel: link, hours, and the live status slot.
SafeHtml helpline_signpost(const content::SiteSettings& site, const std::string& hours_text);

}  // namespace cairn::views
