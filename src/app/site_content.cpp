#include "app/site_content.hpp"

#include <ctime>
#include <iostream>

#include <nlohmann/json.hpp>

#include "content/render.hpp"
#include "core/iso_time.hpp"
#include "helpline/opening_status.hpp"
#include "views/error_view.hpp"
#include "views/html.hpp"
#include "views/page_view.hpp"

namespace cairn::app {

using namespace views::literals;

struct SiteContent::Templates {
  std::map<std::string, std::string, std::less<>> html;  // path -> page with empty slot
  std::string not_found;
  http::PageCache::Pages api;  // "/about-cancer/x" -> JSON
  http::CachedPage api_index;
  std::vector<PageText> texts;
  std::vector<content::Page> pages;
  std::map<std::string, std::string> titles;  // for links between pages
  std::string built_on;                       // the date the review notices were worked out for
};

struct SiteContent::Rendition {
  std::chrono::system_clock::time_point valid_until;
  http::PageCache::Pages html;
  http::CachedPage not_found;
};

namespace {

nlohmann::json page_json(const content::Page& page, const content::RenderedPage& rendered,
                         int revision, const std::map<std::string, std::string>& titles) {
  nlohmann::json sections = nlohmann::json::array();
  for (const auto& s : rendered.sections) {
    sections.push_back(
        {{"id", s.id}, {"heading", s.heading}, {"html", s.html.str()}, {"text", s.text}});
  }
  nlohmann::json sources = nlohmann::json::array();
  for (const auto& s : page.sources)
    sources.push_back({{"title", s.title}, {"address", s.address}});
  nlohmann::json related = nlohmann::json::array();
  for (const auto& path : page.related) {
    if (auto it = titles.find(path); it != titles.end()) {
      related.push_back({{"path", path}, {"title", it->second}});
    }
  }
  nlohmann::json glossary = nlohmann::json::array();
  for (const auto& g : rendered.glossary_used) {
    glossary.push_back({{"term", g.term}, {"explanation", g.explanation}});
  }
  return {{"path", page.path},
          {"title", page.title},
          {"summary", page.summary},
          {"topic", page.topic},
          {"revision", revision},
          {"last_reviewed", page.last_reviewed},
          {"next_review", page.next_review},
          {"intro", {{"html", rendered.intro.str()}, {"text", rendered.intro_text}}},
          {"sections", sections},
          {"glossary", glossary},
          {"sources", sources},
          {"related", related}};
}

std::string replace_slot(const std::string& html, const std::string& status) {
  auto at = html.find(views::kHelplineStatusSlot);
  if (at == std::string::npos)
    return html;
  std::string out;
  out.reserve(html.size() + status.size());
  out.append(html, 0, at).append(status).append(html, at + views::kHelplineStatusSlot.size());
  return out;
}

}  // namespace

SiteContent::SiteContent(SiteContext context) : ctx_(context) {}

views::Chrome SiteContent::chrome() const {
  const auto* assets = &ctx_.assets;
  return views::Chrome{ctx_.site, [assets](std::string_view name) { return assets->url(name); }};
}

void SiteContent::refresh() {
  auto sequence = ctx_.store.changes().latest();
  auto revisions = ctx_.store.pages().published_pages();

  std::vector<content::Page> pages;
  std::vector<int> revision_numbers;
  for (const auto& r : revisions) {
    auto parsed = content::page_from_json(nlohmann::json::parse(r.content));
    if (!parsed)
      throw std::runtime_error("stored page " + r.path + ": " + parsed.error().message);
    pages.push_back(std::move(parsed.value()));
    revision_numbers.push_back(r.revision);
  }
  std::map<std::string, std::string> titles;
  for (const auto& p : pages) titles[p.path] = p.breadcrumb.empty() ? p.title : p.breadcrumb;

  auto templates = std::make_shared<Templates>();
  auto chrome_ = chrome();
  std::string today = iso_date(ctx_.clock.now());
  views::PageLinks links{titles, helpline::describe_hours(ctx_.helpline), today};
  for (const auto& page : pages) {
    if (page.next_review < today) {
      // Editors see this in the logs as well as in `cairn check`.
      std::cerr << "cairn: review overdue: " << page.path << " (next review was due "
                << page.next_review << ")\n";
    }
  }
  nlohmann::json index = nlohmann::json::array();
  for (size_t i = 0; i < pages.size(); ++i) {
    const auto& page = pages[i];
    auto rendered = content::render_page(page, ctx_.glossary);
    SafeHtml extra = ctx_.extra_for_page ? ctx_.extra_for_page(page) : SafeHtml{};
    auto body = page.topic == "cancer-types"
                    ? views::render_cancer_types(page, rendered, pages, ctx_.site, links)
                    : views::render_information_page(page, rendered, ctx_.site, links, extra);
    if (page.path == "/")
      body.shell.breadcrumbs.clear();
    templates->html[page.path] = views::render_layout(chrome_, body.shell, body.main).str();
    PageText text{page.path, page.title, page.summary, rendered.intro_text, {}};
    for (const auto& section : rendered.sections) {
      text.sections.push_back({section.id, section.heading, section.text});
    }
    templates->texts.push_back(std::move(text));
    auto json = page_json(page, rendered, revision_numbers[i], titles);
    templates->api[page.path] =
        http::make_cached_page(json.dump(), "application/json; charset=utf-8");
    index.push_back({{"path", page.path},
                     {"title", page.title},
                     {"summary", page.summary},
                     {"url", "/api/v1/pages" + (page.path == "/" ? std::string("/") : page.path)}});
  }
  templates->api_index = http::make_cached_page(nlohmann::json{{"pages", index}}.dump(),
                                                "application/json; charset=utf-8");
  templates->not_found = views::render_not_found(chrome_, "").str();

  templates->built_on = today;
  templates->pages = std::move(pages);
  templates->titles = std::move(titles);
  std::lock_guard lock(mutex_);
  templates_ = std::move(templates);
  rendition_.reset();
  seen_sequence_ = sequence;
}

bool SiteContent::refresh_if_changed() {
  auto latest = ctx_.store.changes().latest();
  auto today = iso_date(ctx_.clock.now());
  {
    std::lock_guard lock(mutex_);
    if (latest == seen_sequence_ && templates_ && templates_->built_on == today)
      return false;
  }
  refresh();
  return true;
}

std::string SiteContent::helpline_status_html() const {
  auto status = helpline::status_at(ctx_.helpline, ctx_.clock.now());
  views::Html h;
  h << R"(<p class="cairn-helpline-status)"_m
    << (status.open ? " cairn-helpline-status--open"_m : ""_m) << R"("><strong>)"_m << status.line
    << "</strong>"_m;
  if (!status.note.empty())
    h << " ("_m << status.note << ")"_m;
  h << "</p>"_m;
  return h.take().str();
}

std::shared_ptr<const SiteContent::Rendition> SiteContent::current() const {
  auto now = ctx_.clock.now();
  std::lock_guard lock(mutex_);
  if (rendition_ && now < rendition_->valid_until)
    return rendition_;
  // The line changed (or the pages did): fill the slot once for everyone.
  auto status = helpline::status_at(ctx_.helpline, now);
  std::string line = helpline_status_html();
  auto next = std::make_shared<Rendition>();
  next->valid_until = status.changes_at;
  // The wording ("today", "tomorrow") also changes at local midnight; an hour
  // is a safe upper bound between checks.
  next->valid_until = std::min(next->valid_until, now + std::chrono::hours(1));
  if (templates_) {
    // One file for this rendition's bodies, closed when the last response using it is sent.
    auto file = http::BodyFile::create(ctx_.body_file_dir);
    for (const auto& [path, html] : templates_->html) {
      next->html[path] =
          http::make_cached_page(replace_slot(html, line), "text/html; charset=utf-8", file.get());
    }
    next->not_found =
        http::make_cached_page(templates_->not_found, "text/html; charset=utf-8", file.get());
  }
  rendition_ = next;
  return next;
}

std::optional<http::CachedPage> SiteContent::page(std::string_view path) const {
  auto r = current();
  auto it = r->html.find(path);
  if (it == r->html.end())
    return std::nullopt;
  return it->second;
}

std::optional<http::CachedPage> SiteContent::api_page(std::string_view path) const {
  std::lock_guard lock(mutex_);
  if (!templates_)
    return std::nullopt;
  auto it = templates_->api.find(path);
  if (it == templates_->api.end())
    return std::nullopt;
  return it->second;
}

std::optional<http::CachedPage> SiteContent::api_index() const {
  std::lock_guard lock(mutex_);
  if (!templates_)
    return std::nullopt;
  return templates_->api_index;
}

http::CachedPage SiteContent::not_found() const {
  return current()->not_found;
}

std::vector<PageText> SiteContent::page_texts() const {
  std::lock_guard lock(mutex_);
  return templates_ ? templates_->texts : std::vector<PageText>{};
}

std::int64_t SiteContent::revision_sequence() const {
  std::lock_guard lock(mutex_);
  return seen_sequence_;
}

std::vector<content::Page> SiteContent::pages() const {
  std::lock_guard lock(mutex_);
  return templates_ ? templates_->pages : std::vector<content::Page>{};
}

std::optional<std::string> SiteContent::title_of(std::string_view path) const {
  std::lock_guard lock(mutex_);
  if (!templates_)
    return std::nullopt;
  for (const auto& page : templates_->pages) {
    if (page.path == path)
      return page.title;
  }
  return std::nullopt;
}

SafeHtml SiteContent::preview(const content::Page& page) const {
  std::map<std::string, std::string> titles;
  {
    std::lock_guard lock(mutex_);
    if (templates_)
      titles = templates_->titles;
  }
  titles[page.path] = page.breadcrumb.empty() ? page.title : page.breadcrumb;
  views::PageLinks links{titles, helpline::describe_hours(ctx_.helpline),
                         iso_date(ctx_.clock.now())};
  auto rendered = content::render_page(page, ctx_.glossary);
  SafeHtml extra = ctx_.extra_for_page ? ctx_.extra_for_page(page) : SafeHtml{};
  auto body = views::render_information_page(page, rendered, ctx_.site, links, extra);
  return SafeHtml::trusted(replace_slot(body.main.str(), helpline_status_html()));
}

std::size_t SiteContent::page_count() const {
  std::lock_guard lock(mutex_);
  return templates_ ? templates_->html.size() : 0;
}

}  // namespace cairn::app
