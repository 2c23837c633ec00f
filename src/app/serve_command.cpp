#include <atomic>
#include <condition_variable>
#include <iostream>
#include <mutex>
#include <thread>

#include "app/access_log.hpp"
#include "app/account_routes.hpp"
#include "app/commands.hpp"
#include "app/content_import.hpp"
#include "app/daily_trial_sync.hpp"
#include "app/file_clock.hpp"
#include "app/live_refresh.hpp"
#include "app/periodic_task.hpp"
#include "app/serve_options.hpp"
#include "app/services.hpp"
#include "app/site_content.hpp"
#include "app/site_routes.hpp"
#include "app/site_search.hpp"
#include "app/web_app.hpp"
#include "http/server.hpp"
#include "trials/finder.hpp"
#include "trials/places.hpp"
#include "views/trials_view.hpp"

namespace cairn::app {

namespace {

// Watches the store's change feed so edits and imports by any node reach this
// node's page cache without a restart: woken by the feed itself where it can
// (PostgreSQL's notices), and looking every `every` in any case.
class ChangeWatcher {
 public:
  ChangeWatcher(LiveRefresh& refresh, store::ChangeFeed& feed, AccessLog& log,
                std::chrono::milliseconds every)
      : thread_([this, &refresh, &feed, &log, every] {
          std::unique_lock lock(mutex_);
          bool failing = false;
          while (!stop_) {
            lock.unlock();
            bool waited = feed.wait_for_change(every);
            lock.lock();
            if (!waited)
              wake_.wait_for(lock, every);
            log.flush();
            if (stop_)
              break;
            try {
              refresh.run();
              if (failing)
                std::cerr << "cairn: refresh works again\n";
              failing = false;
            } catch (const std::exception& e) {
              // Said once per outage, not every look.
              if (!failing)
                std::cerr << "cairn: refresh failed (trying again): " << e.what() << "\n";
              failing = true;
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

// Imports content/ into an empty store, so a new data folder serves at once.
bool import_if_empty(store::Store& store, const ContentFolder& content) {
  if (!store.pages().published_pages().empty())
    return true;
  auto imported = import_content(store, content);
  if (!imported) {
    std::cerr << imported.error().message << "\ncairn serve: content not imported\n";
    return false;
  }
  std::cerr << "cairn: imported " << imported->added << " pages from " << content.dir.string()
            << "\n";
  return true;
}

// The search index in the data folder, brought up to date with the store.
std::unique_ptr<search::SearchIndex> open_search(const Options& options,
                                                 const ContentFolder& content) {
  auto index = search::SearchIndex::open(options.data_dir / "search", content.synonyms);
  if (!index) {
    std::cerr << "cairn serve: search index: " << index.error().message << "\n";
    return nullptr;
  }
  return std::move(index.value());
}

int serve(Services& services, const http::StaticAssets& assets, const trials::Places& places,
          const std::optional<trials::TrialScope>& sync_scope, const Clock& clock) {
  const Options& options = services.options();
  store::Store& store = services.store();
  trials::SiteLocator locator(places);
  trials::TrialFinder finder(store.trials(), store.changes(), &locator);
  // Loaded in the background (below): at 500,000 trials it takes tens of seconds.
  const ContentFolder& content = services.content();
  SiteContent site({store, content.settings, content.glossary, assets, content.helpline, clock,
                    [&finder](const content::Page& page) {
                      // Until the finder has loaded, no block rather than a wrong one.
                      if (page.topic != "leptomeningeal-metastases" || !finder.loaded())
                        return SafeHtml{};
                      return views::render_lm_trials_block(finder.lm_trials(5));
                    },
                    options.data_dir});
  site.refresh();
  auto index = open_search(options, content);
  if (!index)
    return 2;
  SiteIndexer indexer(*index, store, options.data_dir / "search" / "indexed.seq");
  // The index catches up in the background, so a node serves at once (with
  // 500,000 trials a full build takes many minutes); until the first update
  // finishes, search says its results may be incomplete.
  if (index->needs_rebuild())
    indexer.require_full_update();
  index->set_rebuilding(true);
  std::thread index_builder([&indexer, &site] {
    auto started = std::chrono::steady_clock::now();
    try {
      if (auto written = indexer.update(site)) {
        auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started);
        std::cerr << "cairn: search index updated (" << written << " documents in "
                  << seconds.count() << " s)\n";
      }
    } catch (const std::exception& e) {
      std::cerr << "cairn: search index update failed (the next one retries): " << e.what() << "\n";
    }
  });
  struct JoinBuilder {
    std::thread& thread;
    ~JoinBuilder() { thread.join(); }
  };
  struct StopIndexBuilder {
    SiteIndexer& indexer;
    std::thread& thread;
    ~StopIndexBuilder() {
      indexer.stop();
      thread.join();
    }
  } stop_index_builder{indexer, index_builder};
  LiveRefresh live_refresh(finder, site, indexer);
  std::thread finder_loader([&finder, &live_refresh] {
    auto started = std::chrono::steady_clock::now();
    try {
      finder.reload();
      live_refresh.render_pages();
      auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started);
      std::cerr << "cairn: trial finder loaded (" << finder.size() << " trials in "
                << seconds.count() << " s)\n";
    } catch (const std::exception& e) {
      std::cerr << "cairn: loading the trial finder failed: " << e.what() << "\n";
    }
  });
  JoinBuilder join_loader{finder_loader};
  std::cerr << "cairn: private answer links start with " << options.public_url
            << helpline::kAnswerPath << " (the site's address is set with --public-url)\n";

  WebApp app(site, assets, services.csrf, services.visitors, options.trust_proxy, std::cerr);
  SiteRoutes routes(services, site, *index, finder, places, clock,
                    [&live_refresh] { live_refresh.run(); });
  routes.add_to(app.routes());

  AccessLog access_log(stdout);
  http::ServerOptions server_options;
  server_options.host = options.host;
  server_options.port = options.port;
  server_options.threads = options.threads;
  // argon2id off the io threads: half of them again (at least one) hash passwords.
  server_options.is_slow = hashes_password;
  server_options.slow_threads = std::max(1, options.threads / 2);
  server_options.slow_queue = 16;
  server_options.hsts = options.secure_cookies;
  server_options.max_connections = options.max_connections;
  server_options.max_connections_per_address = options.max_connections_per_address;
  server_options.busy_response = [&app](const http::Request& r) { return app.busy_response(r); };
  server_options.body_limit_for = [&app](std::string_view method, std::string_view path) {
    return app.body_limit(method, path);
  };
  http::Server server(
      server_options, [&app](http::Request& r) { return app.handle(r); },
      [&access_log](const http::Request& r, int status, std::size_t bytes,
                    std::chrono::microseconds t) { access_log.write(r, status, bytes, t); });
  if (auto listening = server.listen(); !listening) {
    std::cerr << "cairn serve: " << listening.error().message << "\n";
    return 2;
  }
  std::cerr << "cairn: serving " << site.page_count() << " pages and " << assets.size() / 2
            << " assets on http://" << options.host << ":" << server.port() << " with "
            << options.threads << " threads\n";
  services.mail.start();
  {
    ChangeWatcher watcher(live_refresh, store.changes(), access_log,
                          std::chrono::milliseconds(250));
    // Digests are due once a day each; looking every minute (or more often,
    // for a shorter --forum-digest-seconds) sends each close to its time.
    auto digest_every = std::chrono::milliseconds(
        std::clamp<long long>(options.forum_digest_seconds * 1000LL / 4, 250, 60'000));
    PeriodicTask digests(
        "forum digests", digest_every, [&services] { services.reply_notifier.send_due_digests(); },
        std::cerr);
    std::optional<DailyTrialSync> trial_sync;
    if (sync_scope)
      trial_sync.emplace(store, *sync_scope, options, clock, std::cerr);
    // Editors' work that falls due: revisions whose time to go live has come (the
    // change feed then refreshes every node's pages and search), and this week's
    // review reminders.
    PeriodicTask editor_tasks(
        "editor tasks", std::chrono::milliseconds(0),
        std::chrono::milliseconds(options.editor_tasks_ms),
        [&services] {
          for (const auto& r : services.desk.publish_due()) {
            std::cerr << "cairn: revision " << r.revision << " of " << r.path
                      << " went live at its chosen time\n";
          }
          services.reminders.send_due_reminders();
        },
        std::cerr);
    server.run();
  }
  std::cerr << "cairn: stopped\n";
  return 0;
}

}  // namespace

int serve_command(const Args& args) {
  auto options = parse_options(args, {"--listen",
                                      "--data",
                                      "--db",
                                      "--db-pool",
                                      "--content",
                                      "--threads",
                                      "--web",
                                      "--secure-cookies",
                                      "--trust-proxy",
                                      "--public-url",
                                      "--smtp",
                                      "--smtp-url",
                                      "--smtp-starttls",
                                      "--smtp-user",
                                      "--smtp-password-file",
                                      "--smtp-ca-file",
                                      "--mail-from",
                                      "--forum-edit-minutes",
                                      "--forum-slow-mode",
                                      "--forum-digest-seconds",
                                      "--max-connections",
                                      "--max-connections-per-address",
                                      "--sync-trials",
                                      "--registry",
                                      "--registry-interval-ms",
                                      "--registry-backoff-ms",
                                      "--registry-attempts",
                                      "--query",
                                      "--editor-tasks-ms",
                                      "--clock-file"});
  if (!options) {
    std::cerr << "cairn serve: " << options.error().message << "\n";
    return 2;
  }
  if (!options->positional.empty()) {
    std::cerr << "cairn serve: unexpected argument " << options->positional.front() << "\n";
    return 2;
  }
  SystemClock system_clock;
  std::unique_ptr<FileClock> file_clock;
  if (!options->clock_file.empty()) {
    auto opened = FileClock::open(options->clock_file);
    if (!opened) {
      std::cerr << "cairn serve: " << opened.error().message << "\n";
      return 2;
    }
    file_clock = std::move(opened.value());
    std::cerr << "cairn: the time is read from " << options->clock_file.string()
              << " (--clock-file): not for a live site\n";
  }
  const Clock& clock = file_clock ? static_cast<const Clock&>(*file_clock) : system_clock;
  auto services = Services::open(*options, clock, "serve", std::cerr);
  if (!services)
    return 2;
  if (!import_if_empty(services->store(), services->content()))
    return 2;
  auto places = services->content().load_places();
  if (!places) {
    std::cerr << "cairn serve: " << places.error().message << "\n";
    return 2;
  }
  // Read once at the start, like the rest of the content folder.
  std::optional<trials::TrialScope> sync_scope;
  if (options->sync_trials_hour) {
    auto scope = ContentFolder::load_trial_scope(options->content_dir);
    if (!scope) {
      std::cerr << "cairn serve: " << scope.error().message << "\n";
      return 2;
    }
    sync_scope = std::move(*scope);
  }
  auto assets = http::StaticAssets::load(options->web_dir);
  return serve(*services, assets, *places, sync_scope, clock);
}

}  // namespace cairn::app
