#include "views/page_view.hpp"

#include <algorithm>
#include <cctype>

#include "core/text.hpp"
#include "views/components.hpp"
#include "views/feedback_views.hpp"
#include "views/html.hpp"

namespace cairn::views {

using namespace literals;

namespace {

void write_contents(Html& h, const content::RenderedPage& rendered) {
  if (rendered.sections.size() < 2)
    return;
  h << R"(<nav class="nhsuk-contents-list cairn-contents" aria-label="Contents"><h2 class="nhsuk-heading-s">Contents</h2><ol class="nhsuk-contents-list__list">)"_m;
  for (const auto& s : rendered.sections) {
    h << R"(<li class="nhsuk-contents-list__item"><a class="nhsuk-contents-list__link" href="#)"_m
      << s.id << R"(">)"_m << s.heading << "</a></li>"_m;
  }
  h << "</ol></nav>\n"_m;
}

void write_glossary(Html& h, const content::RenderedPage& rendered) {
  if (rendered.glossary_used.empty())
    return;
  // Closed until asked for, so on a phone the list does not bury the sources
  // and the feedback question; a term's link opens it (the browser opens a
  // <details> holding the link's target; web/js/cairn.js does it elsewhere).
  h << R"(<section class="cairn-glossary" aria-labelledby="words-used"><details class="nhsuk-details cairn-glossary__details"><summary class="nhsuk-details__summary"><h2 class="nhsuk-details__summary-text nhsuk-heading-s" id="words-used">Words used on this page ()"_m
    << static_cast<long long>(rendered.glossary_used.size())
    << R"()</h2></summary><div class="nhsuk-details__text"><dl class="nhsuk-summary-list">)"_m;
  for (const auto& entry : rendered.glossary_used) {
    h << R"(<div class="nhsuk-summary-list__row"><dt class="nhsuk-summary-list__key" id="term-)"_m
      << entry.key << R"(">)"_m << entry.term << R"(</dt><dd class="nhsuk-summary-list__value">)"_m
      << entry.explanation << R"( <a class="cairn-term-back" href="#use-)"_m << entry.key
      << R"(">Back to where you were<span class="nhsuk-u-visually-hidden"> (the first use of “)"_m
      << entry.term << R"(”)</span></a></dd></div>)"_m;
  }
  h << "</dl></div></details></section>\n"_m;
}

void write_sources(Html& h, const content::Page& page) {
  h << R"(<section class="cairn-sources" aria-labelledby="sources"><h2 id="sources" class="nhsuk-heading-m">Sources</h2><p>We wrote this page using:</p><ul class="nhsuk-list nhsuk-list--bullet">)"_m;
  for (const auto& s : page.sources) {
    h << "<li><a href=\""_m << safe_href(s.address) << "\">"_m << s.title << "</a></li>"_m;
  }
  h << "</ul></section>\n"_m;
}

void write_review_dates(Html& h, const content::Page& page, const std::string& today,
                        const std::string& note) {
  h << R"(<div class="nhsuk-review-date cairn-review"><p class="nhsuk-body-s">Page last reviewed: )"_m
    << format_date(page.last_reviewed) << "<br>Next review due: "_m << format_date(page.next_review)
    << "</p>"_m;
  // ISO dates compare as text. The page stays up; readers are told it is due.
  if (!today.empty() && page.next_review < today) {
    h << R"(<p class="nhsuk-body-s cairn-review--overdue">This page is due for review. Our specialists are checking it is still up to date.</p>)"_m;
  }
  if (!note.empty())
    h << R"(<p class="nhsuk-body-s cairn-page-note">)"_m << note << "</p>"_m;
  h << "</div>\n"_m;
}

void write_related(Html& h, const content::Page& page, const PageLinks& links) {
  std::vector<std::pair<std::string, std::string>> items;
  for (const auto& path : page.related) {
    auto it = links.titles.find(path);
    if (it != links.titles.end())
      items.emplace_back(path, it->second);
  }
  if (items.empty())
    return;
  h << R"(<aside class="cairn-related" aria-labelledby="related-heading"><h2 id="related-heading" class="nhsuk-heading-m">Related information</h2><ul class="nhsuk-list">)"_m;
  for (const auto& [path, title] : items) {
    h << "<li><a href=\""_m << safe_href(path) << "\">"_m << title << "</a></li>"_m;
  }
  h << "</ul></aside>\n"_m;
}

SafeHtml forum_signpost() {
  Html h;
  h << R"(<div class="nhsuk-card cairn-signpost"><div class="nhsuk-card__content"><h2 class="nhsuk-card__heading nhsuk-heading-m">Talk to others</h2><p class="nhsuk-card__description">Cancer Chat is our online forum for anyone affected by cancer. Share your experience and hear from people who understand.</p><p><a href="/forum">Go to Cancer Chat</a></p></div></div>
)"_m;
  return h.take();
}

}  // namespace

SafeHtml helpline_signpost(const content::SiteSettings& site, const std::string& hours_text) {
  Html h;
  h << R"(<div class="nhsuk-card cairn-signpost cairn-helpline-signpost"><div class="nhsuk-card__content"><h2 class="nhsuk-card__heading nhsuk-heading-m">Talk to a nurse</h2><p class="nhsuk-card__description">Our cancer nurses can answer your questions. Call free on <a class="cairn-phone" href=")"_m
    << tel_href(site.helpline_phone) << "\">"_m << site.helpline_phone << "</a>.</p><p>"_m
    << hours_text << "</p>"_m << SafeHtml::trusted(std::string(kHelplineStatusSlot))
    << R"(<p><a href="/helpline">More about the nurse helpline</a></p></div></div>
)"_m;
  return h.take();
}

std::vector<Breadcrumb> breadcrumbs_for(const std::string& path, const PageLinks& links) {
  std::vector<Breadcrumb> crumbs;
  if (path == "/")
    return crumbs;
  crumbs.push_back({"Home", "/"});
  size_t pos = 0;
  while ((pos = path.find('/', pos + 1)) != std::string::npos) {
    std::string parent = path.substr(0, pos);
    if (auto it = links.titles.find(parent); it != links.titles.end()) {
      crumbs.push_back({it->second, parent});
    }
  }
  return crumbs;
}

PageBody render_information_page(const content::Page& page, const content::RenderedPage& rendered,
                                 const content::SiteSettings& site, const PageLinks& links,
                                 const SafeHtml& extra_after_sections,
                                 const SafeHtml& extra_before_sections) {
  PageBody body;
  body.shell.title = page.title;
  body.shell.description = page.summary;
  body.shell.path = page.path;
  body.shell.breadcrumbs = breadcrumbs_for(page.path, links);
  body.shell.information_page = true;

  Html h;
  h << R"(<div class="nhsuk-grid-row"><div class="nhsuk-grid-column-two-thirds">)"_m;
  h << "<h1>"_m << page.title << "</h1>\n"_m;
  h << R"(<p class="nhsuk-lede-text">)"_m << page.summary << "</p>\n"_m;
  h << extra_before_sections;
  write_contents(h, rendered);
  h << R"(<article class="cairn-article">)"_m << rendered.intro;
  for (const auto& section : rendered.sections) {
    h << R"(<section class="cairn-section" aria-labelledby=")"_m << section.id << "\">"_m
      << section.html << "</section>\n"_m;
  }
  h << "</article>\n"_m << extra_after_sections;
  write_glossary(h, rendered);
  write_sources(h, page);
  write_review_dates(h, page, links.today, site.page_note);
  h << render_feedback_question(page.path);
  h << R"(</div><div class="nhsuk-grid-column-one-third">)"_m;
  write_related(h, page, links);
  h << "</div></div>\n"_m;
  h << R"(<div class="nhsuk-grid-row cairn-signposts"><div class="nhsuk-grid-column-one-half">)"_m
    << helpline_signpost(site, links.helpline_hours)
    << R"(</div><div class="nhsuk-grid-column-one-half">)"_m << forum_signpost()
    << "</div></div>\n"_m;
  body.main = h.take();
  return body;
}

PageBody render_cancer_types(const content::Page& page, const content::RenderedPage& rendered,
                             const std::vector<content::Page>& all_pages,
                             const content::SiteSettings& site, const PageLinks& links) {
  std::vector<const content::Page*> typed;
  for (const auto& p : all_pages) {
    if (!p.cancer_type.empty())
      typed.push_back(&p);
  }
  std::sort(typed.begin(), typed.end(), [](const auto* a, const auto* b) {
    return to_lower_ascii(a->cancer_type) < to_lower_ascii(b->cancer_type);
  });
  std::string letters;  // the first letters that have a cancer type, in order
  for (const auto* p : typed) {
    char letter = static_cast<char>(std::toupper(static_cast<unsigned char>(p->cancer_type[0])));
    if (letters.find(letter) == std::string::npos)
      letters += letter;
  }
  Html list;
  // The letters first, then the list: on a phone the reader's cancer type is on
  // the first screen, and the explanation of the list comes after it.
  list
      << R"(<nav class="cairn-letters" aria-label="Cancer types by first letter"><ul class="cairn-letters__list">)"_m;
  for (char letter = 'A'; letter <= 'Z'; ++letter) {
    std::string l(1, letter);
    if (letters.find(letter) != std::string::npos) {
      list << R"(<li><a href="#letter-)"_m << l << "\">"_m << l << "</a></li>"_m;
    } else {
      list << R"(<li><span class="cairn-letters__empty">)"_m << l
           << R"(<span class="nhsuk-u-visually-hidden"> (no cancer types)</span></span></li>)"_m;
    }
  }
  list << "</ul></nav>\n"_m;
  list << R"(<nav class="cairn-a-to-z" aria-label="Cancer types A to Z">)"_m;
  char current = 0;
  for (const auto* p : typed) {
    char letter = static_cast<char>(std::toupper(static_cast<unsigned char>(p->cancer_type[0])));
    if (letter != current) {
      if (current)
        list << "</ul>"_m;
      current = letter;
      list << R"(<h2 id="letter-)"_m << std::string(1, letter) << "\">"_m << std::string(1, letter)
           << R"(</h2><ul class="nhsuk-list">)"_m;
    }
    list << "<li><a href=\""_m << safe_href(p->path) << "\">"_m << p->cancer_type << "</a></li>"_m;
  }
  if (current)
    list << "</ul>"_m;
  list << "</nav>\n"_m;
  return render_information_page(page, rendered, site, links, {}, list.take());
}

}  // namespace cairn::views
