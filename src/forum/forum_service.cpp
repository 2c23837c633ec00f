#include "forum/forum_service.hpp"

#include <algorithm>

#include "core/code_points.hpp"
#include "core/iso_time.hpp"
#include "core/text.hpp"

namespace cairn::forum {

namespace {

std::size_t length_of(std::string_view text) {
  auto points = decode_utf8(text);
  return points ? points->size() : text.size();
}

int pages_for(int count, int per_page) {
  return std::max(1, (count + per_page - 1) / per_page);
}

// Line endings as one kind, and no spaces around the whole.
std::string tidy(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r') {
      out += '\n';
      if (i + 1 < text.size() && text[i + 1] == '\n')
        ++i;
    } else {
      out += text[i];
    }
  }
  return std::string(trim(out));
}

std::string one_line(std::string_view text) {
  return squeeze_spaces(trim(text));
}

void check_body(FormProblems& problems, std::string_view body, std::string_view field) {
  if (body.empty()) {
    problems.add(std::string(field), "Enter your message");
  } else if (length_of(body) > kMaxPostLength) {
    problems.add(std::string(field),
                 "Your message must be " + std::to_string(kMaxPostLength) + " characters or fewer");
  }
}

// A post as the hold check left it: published, or held for a moderator.
store::NewForumPost new_post(std::int64_t author_id, const std::string& body,
                             const HoldDecision& hold, std::string created_at) {
  return {author_id,
          body,
          hold.held() ? store::PostStatus::held : store::PostStatus::published,
          hold.reasons,
          hold.priority(),
          std::move(created_at)};
}

}  // namespace

bool is_moderator(const accounts::Account& account) {
  return account.role == accounts::Role::moderator || account.role == accounts::Role::admin;
}

store::ForumViewer viewer_of(const accounts::Account* account) {
  store::ForumViewer v;
  if (account) {
    v.account_id = account->id;
    v.moderator = is_moderator(*account);
  }
  return v;
}

ForumService::ForumService(store::ForumStore& store, const Categories& categories,
                           const safeguarding::WatchedWords& watched, RateLimiter& limiter,
                           const Clock& clock)
    : store_(store), categories_(categories), watched_(watched), limiter_(limiter), clock_(clock) {}

Result<HoldDecision> ForumService::check_author(const accounts::Account& author,
                                                std::string_view text) {
  if (author.suspended)
    return make_error(Errc::forbidden, "Your account is suspended, so you cannot post.");
  bool staff = author.role != accounts::Role::member;
  // Staff answer many people in a day; members are limited (kPostsPerMember).
  if (!staff) {
    if (auto allowed = limiter_.attempt("forum:post:" + std::to_string(author.id), kPostsPerMember);
        !allowed)
      return allowed.error();
  }
  return decide_hold(text, watched_, staff ? 0 : store_.count_public_posts_by(author.id), staff);
}

Result<Posted> ForumService::start_thread(const accounts::Account& author,
                                          std::string_view category, std::string_view title_in,
                                          std::string_view body_in) {
  if (!categories_.find(category))
    return make_error(Errc::not_found, "There is no such category.");
  std::string title = one_line(title_in);
  std::string body = tidy(body_in);
  FormProblems problems;
  if (title.empty()) {
    problems.add("title", "Enter a title for your thread");
  } else if (length_of(title) > kMaxTitleLength) {
    problems.add("title",
                 "The title must be " + std::to_string(kMaxTitleLength) + " characters or fewer");
  }
  check_body(problems, body, "body");
  if (!problems.empty())
    return problems.error();
  auto hold = check_author(author, title + "\n" + body);
  if (!hold)
    return hold.error();
  auto post = new_post(author.id, body, *hold, iso_date_time(clock_.now()));
  auto [thread_id, post_id] = store_.create_thread(category, title, post);
  store_.mark_read(author.id, thread_id, post_id);
  return Posted{thread_id, post_id, std::move(hold.value())};
}

Result<Posted> ForumService::reply(const accounts::Account& author, std::int64_t thread_id,
                                   std::string_view body_in) {
  auto thread = store_.thread(thread_id);
  auto viewer = viewer_of(&author);
  // A member may reply to their own thread while it waits, but to no one else's.
  bool visible =
      thread && (thread->status == store::PostStatus::published || viewer.moderator ||
                 (thread->status == store::PostStatus::held && thread->author_id == author.id));
  if (!visible)
    return make_error(Errc::not_found, "There is no such thread.");
  std::string body = tidy(body_in);
  FormProblems problems;
  check_body(problems, body, "body");
  if (!problems.empty())
    return problems.error();
  auto hold = check_author(author, body);
  if (!hold)
    return hold.error();
  auto post = new_post(author.id, body, *hold, iso_date_time(clock_.now()));
  auto post_id = store_.add_post(thread_id, post);
  store_.mark_read(author.id, thread_id, post_id);
  return Posted{thread_id, post_id, std::move(hold.value())};
}

Result<CategoryPage> ForumService::category_page(std::string_view slug,
                                                 const accounts::Account* viewer, int page) {
  const Category* category = categories_.find(slug);
  if (!category)
    return make_error(Errc::not_found, "There is no such category.");
  auto who = viewer_of(viewer);
  CategoryPage out;
  out.category = *category;
  out.pages = pages_for(store_.count_threads_in(slug, who), kThreadsPerPage);
  out.page = std::clamp(page, 1, out.pages);
  auto threads = store_.threads_in(slug, who, (out.page - 1) * kThreadsPerPage, kThreadsPerPage);
  std::map<std::int64_t, std::int64_t> read;
  if (viewer) {
    std::vector<std::int64_t> ids;
    for (const auto& t : threads) ids.push_back(t.id);
    read = store_.last_read(viewer->id, ids);
  }
  for (auto& t : threads) {
    ThreadSummary s{std::move(t), false};
    if (viewer && s.thread.last_public_post_id > 0) {
      auto it = read.find(s.thread.id);
      s.unread = it == read.end() || it->second < s.thread.last_public_post_id;
    }
    out.threads.push_back(std::move(s));
  }
  return out;
}

Result<ThreadPage> ForumService::thread_page(std::int64_t thread_id,
                                             const accounts::Account* viewer, int page) {
  auto thread = store_.thread(thread_id);
  auto who = viewer_of(viewer);
  bool visible = thread && (thread->status == store::PostStatus::published || who.moderator ||
                            (thread->status == store::PostStatus::held && who.account_id != 0 &&
                             thread->author_id == who.account_id));
  if (!visible)
    return make_error(Errc::not_found, "There is no such thread.");
  ThreadPage out;
  out.thread = std::move(*thread);
  out.pages = pages_for(store_.count_posts_in(thread_id, who), kPostsPerPage);
  out.page = std::clamp(page, 1, out.pages);
  out.posts = store_.posts_in(thread_id, who, (out.page - 1) * kPostsPerPage, kPostsPerPage);
  if (viewer) {
    auto read = store_.last_read(viewer->id, {thread_id});
    if (auto it = read.find(thread_id); it != read.end())
      out.last_read = it->second;
    std::int64_t newest = 0;
    for (const auto& p : out.posts) newest = std::max(newest, p.id);
    if (newest > 0)
      store_.mark_read(viewer->id, thread_id, newest);
  }
  return out;
}

int ForumService::page_of(std::int64_t thread_id, std::int64_t post_id,
                          const accounts::Account* viewer) {
  return store_.position_of(thread_id, post_id, viewer_of(viewer)) / kPostsPerPage + 1;
}

Result<store::ForumPostRecord> ForumService::visible_post(std::int64_t post_id,
                                                          const accounts::Account* viewer) {
  auto post = store_.post(post_id);
  auto who = viewer_of(viewer);
  bool visible = post && (post->status == store::PostStatus::published || who.moderator ||
                          (post->status == store::PostStatus::held && who.account_id != 0 &&
                           post->author_id == who.account_id));
  if (!visible)
    return make_error(Errc::not_found, "There is no such post.");
  return std::move(*post);
}

Result<Ok> ForumService::report(const accounts::Account& reporter, std::int64_t post_id,
                                std::string_view reason_in) {
  auto post = store_.post(post_id);
  if (!post || post->status != store::PostStatus::published)
    return make_error(Errc::not_found, "There is no such post.");
  if (reporter.suspended)
    return make_error(Errc::forbidden, "Your account is suspended.");
  std::string reason = tidy(reason_in);
  FormProblems problems;
  if (reason.empty()) {
    problems.add("reason", "Tell us what is wrong with this post");
  } else if (length_of(reason) > kMaxReasonLength) {
    problems.add("reason", "Your reason must be " + std::to_string(kMaxReasonLength) +
                               " characters or fewer");
  }
  if (!problems.empty())
    return problems.error();
  if (auto allowed = limiter_.attempt("forum:post:" + std::to_string(reporter.id), kPostsPerMember);
      !allowed)
    return allowed.error();
  store_.add_report(post_id, reporter.id, reason, iso_date_time(clock_.now()));
  return Ok{};
}

}  // namespace cairn::forum
