#include <atomic>
#include <condition_variable>
#include <iostream>
#include <mutex>
#include <thread>

#include "app/access_log.hpp"
#include "app/account_system.hpp"
#include "app/commands.hpp"
#include "app/content_import.hpp"
#include "app/editorial_system.hpp"
#include "app/forum_system.hpp"
#include "app/helpline_routes.hpp"
#include "app/live_refresh.hpp"
#include "app/nurse_system.hpp"
#include "app/search_routes.hpp"
#include "app/serve_options.hpp"
#include "app/site_config.hpp"
#include "app/site_content.hpp"
#include "app/site_search.hpp"
#include "app/trials_routes.hpp"
#include "app/web_app.hpp"
#include "http/server.hpp"
#include "store/sqlite/database.hpp"
#include "trials/finder.hpp"
#include "trials/places.hpp"
#include "views/trials_view.hpp"

namespace cairn::app {

namespace {

// Watches the store's change feed so edits and imports by any node reach this
// node's page cache without a restart.
class ChangeWatcher {
 public:
  ChangeWatcher(LiveRefresh& refresh, AccessLog& log, std::chrono::milliseconds every)
      : thread_([this, &refresh, &log, every] {
          std::unique_lock lock(mutex_);
          while (!stop_) {
            wake_.wait_for(lock, every);
            log.flush();
            if (stop_)
              break;
            try {
              refresh.run();
            } catch (const std::exception& e) {
              std::cerr << "cairn: refresh failed: " << e.what() << "\n";
            }
          }
        }) {}
  ~ChangeWatcher() {
    {
      std::lock_guard lock(mutex_);
      stop_ = true;
    }
    wake_.notify_all();
    thread_.join();
  }

 private:
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stop_ = false;
  std::thread thread_;
};

}  // namespace

int serve_command(const Args& args) {
  auto options = parse_options(
      args, {"--listen", "--data", "--content", "--threads", "--web", "--secure-cookies",
             "--trust-proxy", "--public-url", "--smtp", "--mail-from"});
  if (!options) {
    std::cerr << "cairn serve: " << options.error().message << "\n";
    return 2;
  }
  if (!options->positional.empty()) {
    std::cerr << "cairn serve: unexpected argument " << options->positional.front() << "\n";
    return 2;
  }
  auto config = load_site_config(options->content_dir);
  if (!config) {
    std::cerr << "cairn serve: " << config.error().message << "\n";
    return 2;
  }
  std::unique_ptr<store::Store> store;
  try {
    store = store::open_sqlite_store(options->data_dir);
  } catch (const std::exception& e) {
    std::cerr << "cairn serve: " << e.what() << "\n";
    return 2;
  }
  if (store->pages().published_pages().empty()) {
    auto imported = import_content(*store, options->content_dir);
    if (!imported) {
      std::cerr << imported.error().message << "\ncairn serve: content not imported\n";
      return 2;
    }
    std::cerr << "cairn: imported " << imported->added << " pages from "
              << options->content_dir.string() << "\n";
  }

  auto assets = http::StaticAssets::load(options->web_dir);
  SystemClock clock;
  auto places =
      trials::Places::load(places_csv(options->content_dir), outcodes_csv(options->content_dir));
  if (!places) {
    std::cerr << "cairn serve: " << places.error().message << "\n";
    return 2;
  }
  trials::TrialFinder finder(store->trials(), store->changes());
  finder.reload();
  SiteContent site({*store, config->settings, config->glossary, assets, config->helpline, clock,
                    [&finder](const content::Page& page) {
                      if (page.topic != "leptomeningeal-metastases")
                        return SafeHtml{};
                      return views::render_lm_trials_block(finder.lm_trials(5));
                    }});
  site.refresh();
  auto synonyms = search::Synonyms::load(options->content_dir / "synonyms.yaml");
  if (!synonyms) {
    std::cerr << "cairn serve: " << synonyms.error().message << "\n";
    return 2;
  }
  auto index = search::SearchIndex::open(options->data_dir / "search", std::move(synonyms.value()));
  if (!index) {
    std::cerr << "cairn serve: search index: " << index.error().message << "\n";
    return 2;
  }
  SiteIndexer indexer(**index, *store, options->data_dir / "search" / "indexed.seq");
  if (auto written = indexer.update(site, (*index)->needs_rebuild())) {
    std::cerr << "cairn: search index updated (" << written << " documents)\n";
  }

  AccountSystem account_system(*store, clock,
                               {options->content_dir / "common-passwords.txt",
                                options->secure_cookies,
                                options->trust_proxy,
                                {}},
                               std::cerr);
  WebApp app(site, assets, account_system.csrf(), account_system.visitors(), options->trust_proxy,
             std::cerr);
  account_system.add_routes(app.routes(), site);
  auto forum_system = ForumSystem::create(*store, account_system, options->content_dir, clock);
  if (!forum_system) {
    std::cerr << "cairn serve: " << forum_system.error().message << "\n";
    return 2;
  }
  (*forum_system)->add_routes(app.routes(), site);
  NurseSettings nurse_settings{options->content_dir, options->public_url, options->smtp_host,
                               options->smtp_port,   options->mail_from,  options->trust_proxy};
  if (nurse_settings.public_url.empty()) {
    nurse_settings.public_url = default_public_url(options->host, options->port);
  }
  auto nurse_system = NurseSystem::create(*store, account_system, config->settings, nurse_settings,
                                          clock, std::cerr);
  if (!nurse_system) {
    std::cerr << "cairn serve: " << nurse_system.error().message << "\n";
    return 2;
  }
  (*nurse_system)->add_routes(app.routes(), site);
  LiveRefresh live_refresh(finder, site, indexer);
  auto editorial_system = EditorialSystem::create(*store, account_system, options->content_dir,
                                                  clock, options->trust_proxy);
  if (!editorial_system) {
    std::cerr << "cairn serve: " << editorial_system.error().message << "\n";
    return 2;
  }
  (*editorial_system)->add_routes(app.routes(), site, [&live_refresh] { live_refresh.run(); });
  add_helpline_routes(app.routes(), {*config, site, clock});
  add_search_routes(app.routes(), **index, site);
  add_trials_routes(app.routes(), {finder, *places, site});

  AccessLog access_log(stdout);
  http::ServerOptions server_options;
  server_options.host = options->host;
  server_options.port = options->port;
  server_options.threads = options->threads;
  http::Server server(
      server_options, [&app](http::Request& r) { return app.handle(r); },
      [&access_log](const http::Request& r, int status, std::size_t bytes,
                    std::chrono::microseconds t) { access_log.write(r, status, bytes, t); });
  if (auto listening = server.listen(); !listening) {
    std::cerr << "cairn serve: " << listening.error().message << "\n";
    return 2;
  }
  std::cerr << "cairn: serving " << site.page_count() << " pages and " << assets.size() / 2
            << " assets on http://" << options->host << ":" << server.port() << " with "
            << options->threads << " threads\n";
  (*nurse_system)->start_mail();
  {
    ChangeWatcher watcher(live_refresh, access_log, std::chrono::milliseconds(250));
    server.run();
  }
  std::cerr << "cairn: stopped\n";
  return 0;
}

}  // namespace cairn::app
