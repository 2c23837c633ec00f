#include "app/forum_system.hpp"

#include <fstream>
#include <sstream>

#include "content/render.hpp"

namespace cairn::app {

Result<std::unique_ptr<ForumSystem>> ForumSystem::create(store::Store& store,
                                                         AccountSystem& accounts,
                                                         const std::filesystem::path& content_dir,
                                                         const Clock& clock) {
  auto categories = forum::Categories::load(content_dir / "forum" / "categories.yaml");
  if (!categories)
    return categories.error();
  auto watched =
      safeguarding::WatchedWords::load(content_dir / "safeguarding" / "watched-words.txt");
  if (!watched)
    return watched.error();
  auto rules_file = content_dir / "forum" / "rules.md";
  std::ifstream in(rules_file);
  if (!in)
    return make_error(Errc::invalid_input, "cannot read " + rules_file.string());
  std::stringstream rules;
  rules << in.rdbuf();
  return std::make_unique<ForumSystem>(store, accounts, std::move(categories.value()),
                                       std::move(watched.value()),
                                       content::render_markdown_safe(rules.str()), clock);
}

ForumSystem::ForumSystem(store::Store& store, AccountSystem& accounts, forum::Categories categories,
                         safeguarding::WatchedWords watched, SafeHtml rules, const Clock& clock)
    : categories_(std::move(categories)),
      watched_(std::move(watched)),
      rules_(std::move(rules)),
      forum_(store.forum(), categories_, watched_, accounts.limiter(), clock),
      moderation_(store.forum(), store.accounts(), clock),
      member_data_(store.forum()) {
  accounts.accounts().add_member_data(member_data_);
}

void ForumSystem::add_routes(Routes& routes, const SiteContent& site) {
  deps_ = std::make_unique<ForumDeps>(ForumDeps{forum_, moderation_, site, rules_});
  add_forum_routes(routes, *deps_);
}

}  // namespace cairn::app
