// The editorial wiring in one place: the editors' desk and its pages under
// /staff/content, with the content checks run on every preview, and the
// "Was this page useful?" answers at /feedback.
#pragma once

#include <filesystem>
#include <functional>
#include <memory>

#include "app/account_system.hpp"
#include "app/editor_routes.hpp"
#include "app/feedback_routes.hpp"
#include "content/content_checks.hpp"
#include "content/editorial_desk.hpp"
#include "content/page_feedback.hpp"
#include "core/clock.hpp"
#include "core/result.hpp"
#include "safeguarding/watched_words.hpp"
#include "store/store.hpp"

namespace cairn::app {

class EditorialSystem {
 public:
  // Reads the watched words, glossary and synonyms from content_dir.
  static Result<std::unique_ptr<EditorialSystem>> create(store::Store& store,
                                                         AccountSystem& accounts,
                                                         const std::filesystem::path& content_dir,
                                                         const Clock& clock,
                                                         bool trust_proxy = false);

  EditorialSystem(store::Store& store, AccountSystem& accounts, safeguarding::WatchedWords watched,
                  content::CheckInput check_base, const Clock& clock, bool trust_proxy);

  // `published` brings this node's pages and search up to date after a publish.
  void add_routes(Routes& routes, const SiteContent& site, std::function<void()> published);

 private:
  safeguarding::WatchedWords watched_;
  content::CheckInput check_base_;
  content::EditorialDesk desk_;
  content::PageFeedback feedback_;
  AccountSystem& accounts_;
  const Clock& clock_;
  bool trust_proxy_;
  std::unique_ptr<EditorDeps> editor_deps_;  // the routes hold on to these
  std::unique_ptr<FeedbackDeps> feedback_deps_;
};

}  // namespace cairn::app
