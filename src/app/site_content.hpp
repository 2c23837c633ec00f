// The published pages, rendered once per revision into memory: HTML (with the
// helpline's live "open now" line filled in) and the JSON of /api/v1/pages.
#pragma once

#include <filesystem>

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "content/glossary.hpp"
#include "content/page.hpp"
#include "content/site_settings.hpp"
#include "core/clock.hpp"
#include "helpline/schedule.hpp"
#include "http/page_cache.hpp"
#include "http/static_assets.hpp"
#include "store/store.hpp"
#include "views/layout.hpp"

namespace cairn::app {

struct SiteContext {
  store::Store& store;
  const content::SiteSettings& site;
  const content::Glossary& glossary;
  const http::StaticAssets& assets;
  const helpline::HelplineSchedule& helpline;
  const Clock& clock;
  // Extra content after a page's sections (e.g. matching trials); may be empty.
  std::function<SafeHtml(const content::Page&)> extra_for_page = {};
  // Where the cached pages' bodies are kept for sendfile (the data folder);
  // empty: in memory.
  std::filesystem::path body_file_dir = {};
};

// A published page in plain text, for the search index.
struct PageText {
  std::string path, title, summary, intro;
  struct Section {
    std::string id, heading, text;
  };
  std::vector<Section> sections;
};

class SiteContent {
 public:
  explicit SiteContent(SiteContext context);

  // Re-renders every published page from the store.
  void refresh();
  // Refreshes when the store's change feed has moved; true if it did.
  bool refresh_if_changed();

  // A page ready to send, with the current helpline line; nothing if unknown.
  std::optional<http::CachedPage> page(std::string_view path) const;
  std::optional<http::CachedPage> api_page(std::string_view path) const;
  std::optional<http::CachedPage> api_index() const;
  http::CachedPage not_found() const;

  views::Chrome chrome() const;
  const content::Glossary& glossary() const { return ctx_.glossary; }
  std::string helpline_status_html() const;
  std::size_t page_count() const;
  // The text of every published page as of the last refresh.
  std::vector<PageText> page_texts() const;
  std::int64_t revision_sequence() const;
  // The published pages as of the last refresh.
  std::vector<content::Page> pages() const;
  // A published page's title; nothing if there is no page at `path`.
  std::optional<std::string> title_of(std::string_view path) const;
  // The main content of `page` as readers would see it (for editors' previews).
  SafeHtml preview(const content::Page& page) const;

 private:
  struct Templates;  // rendered HTML with the status slot still empty
  struct Rendition;  // the templates with one status line filled in
  std::shared_ptr<const Rendition> current() const;

  SiteContext ctx_;
  std::int64_t seen_sequence_ = -1;
  mutable std::mutex mutex_;
  std::shared_ptr<const Templates> templates_;
  mutable std::shared_ptr<const Rendition> rendition_;
};

}  // namespace cairn::app
