#include "app/editorial_system.hpp"

namespace cairn::app {

Result<std::unique_ptr<EditorialSystem>> EditorialSystem::create(
    store::Store& store, AccountSystem& accounts, const std::filesystem::path& content_dir,
    const Clock& clock, bool trust_proxy) {
  auto watched =
      safeguarding::WatchedWords::load(content_dir / "safeguarding" / "watched-words.txt");
  if (!watched)
    return make_error(Errc::invalid_input, watched.error().message);
  auto check_base = content::load_check_input(content_dir);
  // Pages come from the store at each check; only the glossary and jargon are kept.
  check_base.pages.clear();
  check_base.file_texts.clear();
  check_base.problems.clear();
  return std::make_unique<EditorialSystem>(store, accounts, std::move(watched.value()),
                                           std::move(check_base), clock, trust_proxy);
}

EditorialSystem::EditorialSystem(store::Store& store, AccountSystem& accounts,
                                 safeguarding::WatchedWords watched, content::CheckInput check_base,
                                 const Clock& clock, bool trust_proxy)
    : watched_(std::move(watched)),
      check_base_(std::move(check_base)),
      desk_(store.pages(), store.feedback()),
      feedback_(store.feedback(), watched_, accounts.limiter(), clock),
      accounts_(accounts),
      clock_(clock),
      trust_proxy_(trust_proxy) {}

void EditorialSystem::add_routes(Routes& routes, const SiteContent& site,
                                 std::function<void()> published) {
  editor_deps_ = std::make_unique<EditorDeps>(
      EditorDeps{desk_, site, check_base_, clock_, std::move(published)});
  add_editor_routes(routes, *editor_deps_);
  feedback_deps_ = std::make_unique<FeedbackDeps>(FeedbackDeps{feedback_, site});
  add_feedback_routes(routes, *feedback_deps_);
}

}  // namespace cairn::app
