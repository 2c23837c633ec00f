#include "forum/forum_service.hpp"

#include <algorithm>
#include <cstdlib>

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

// "2026-03-03T09:15:00Z" as seconds since the Unix epoch; nothing if it is not that shape.
std::optional<std::int64_t> seconds_of(std::string_view iso) {
  if (iso.size() < 19 || iso[4] != '-' || iso[7] != '-' || iso[10] != 'T')
    return std::nullopt;
  auto num = [&](std::size_t at, std::size_t len) {
    int n = 0;
    for (std::size_t i = at; i < at + len; ++i) {
      if (iso[i] < '0' || iso[i] > '9')
        return -1;
      n = n * 10 + (iso[i] - '0');
    }
    return n;
  };
  int y = num(0, 4), mo = num(5, 2), d = num(8, 2), h = num(11, 2), mi = num(14, 2),
      se = num(17, 2);
  if (y < 0 || mo < 1 || d < 1 || h < 0 || mi < 0 || se < 0)
    return std::nullopt;
  using namespace std::chrono;
  sys_days date{year{y} / month{static_cast<unsigned>(mo)} /
                std::chrono::day{static_cast<unsigned>(d)}};
  return duration_cast<seconds>(date.time_since_epoch()).count() + h * 3600 + mi * 60 + se;
}

std::int64_t seconds_now(const Clock& clock) {
  return std::chrono::duration_cast<std::chrono::seconds>(clock.now().time_since_epoch()).count();
}

// Links and pictures, in Markdown or written out: what new members may not share yet.
bool has_link_or_image(std::string_view text) {
  std::string lower = to_lower_ascii(text);
  for (std::string_view mark : {"http://", "https://", "www.", "](", "<a ", "<img", "ftp://"}) {
    if (lower.find(mark) != std::string::npos)
      return true;
  }
  return false;
}

std::string minutes(std::chrono::seconds s) {
  auto m = (s.count() + 59) / 60;
  return m == 1 ? "minute" : std::to_string(m) + " minutes";
}

bool is_staff(const accounts::Account& a) {
  return a.role != accounts::Role::member;
}

// An author's own action, for the audit log.
store::ForumAuditRecord author_entry(const accounts::Account& author, std::string_view action,
                                     std::int64_t post_id, std::string at) {
  store::ForumAuditRecord e;
  e.at = std::move(at);
  e.moderator_id = author.id;
  e.moderator_name = author.display_name;
  e.action = action;
  e.post_id = post_id;
  e.member_id = author.id;
  return e;
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

ForumService::ForumService(store::ForumStore& store, store::ForumMemberStore& members,
                           const Categories& categories, const WatchedWordList& watched,
                           RateLimiter& limiter, const Clock& clock, ForumLimits limits)
    : store_(store),
      members_(members),
      categories_(categories),
      watched_(watched),
      limiter_(limiter),
      clock_(clock),
      limits_(limits) {}

Result<HoldDecision> ForumService::check_author(const accounts::Account& author,
                                                std::string_view text, std::string_view field,
                                                bool editing) {
  if (author.suspended)
    return make_error(Errc::forbidden, "Your account is suspended, so you cannot post.");
  bool staff = is_staff(author);
  int approved = staff ? 0 : store_.count_public_posts_by(author.id);
  auto hold = decide_hold(text, watched_.rules(), approved, staff);
  FormProblems problems;
  if (hold.blocked)
    problems.add(std::string(field), *hold.blocked);
  if (!staff && approved < kPostsBeforeLinks && has_link_or_image(text)) {
    problems.add(std::string(field),
                 "You can share links and pictures once " + std::to_string(kPostsBeforeLinks) +
                     " of your posts have been approved. Please take them out, or say in words "
                     "where to find the information");
  }
  if (!problems.empty())
    return problems.error();
  if (staff)
    return hold;
  // Slow mode on a member's first day: one post every few minutes.
  auto joined = seconds_of(author.created_at);
  std::int64_t now = seconds_now(clock_);
  if (!editing && limits_.new_member_gap.count() > 0 && joined &&
      now - *joined < limits_.new_member_period.count()) {
    auto mine = store_.posts_by(author.id);
    auto last = mine.empty() ? std::nullopt : seconds_of(mine.back().created_at);
    if (last && now - *last < limits_.new_member_gap.count()) {
      auto wait = limits_.new_member_gap.count() - (now - *last);
      return make_error(Errc::rate_limited,
                        "On your first day you can post once every " +
                            minutes(limits_.new_member_gap) + ". Please wait " +
                            std::to_string(wait) +
                            " seconds and send it again: your message is still in the box.");
    }
  }
  // Staff answer many people in a day; members are limited (kPostsPerMember).
  if (auto allowed = limiter_.attempt("forum:post:" + std::to_string(author.id), kPostsPerMember);
      !allowed)
    return allowed.error();
  return hold;
}

void ForumService::flag_if_watched(const Posted& posted, std::string_view why) {
  if (posted.hold.flagged.empty())
    return;
  std::string words;
  for (const auto& w : posted.hold.flagged) words += (words.empty() ? "" : ", ") + w;
  store_.add_flag(posted.post_id, std::string(why) + words, iso_date_time(clock_.now()));
}

void ForumService::after_posting(const accounts::Account& author, const Posted& posted) {
  store_.mark_read(author.id, posted.thread_id, posted.post_id);
  members_.watch_unless_chosen(author.id, posted.thread_id);
  flag_if_watched(posted, "Watched words: ");
  if (!posted.hold.held() && visible_)
    visible_(posted.post_id);
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
  auto hold = check_author(author, title + "\n" + body, "body", false);
  if (!hold)
    return hold.error();
  auto post = new_post(author.id, body, *hold, iso_date_time(clock_.now()));
  auto [thread_id, post_id] = store_.create_thread(category, title, post);
  Posted posted{thread_id, post_id, std::move(hold.value())};
  after_posting(author, posted);
  return posted;
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
  auto hold = check_author(author, body, "body", false);
  if (!hold)
    return hold.error();
  auto post = new_post(author.id, body, *hold, iso_date_time(clock_.now()));
  auto post_id = store_.add_post(thread_id, post);
  Posted posted{thread_id, post_id, std::move(hold.value())};
  after_posting(author, posted);
  return posted;
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

int ForumService::thread_count(std::string_view slug, const accounts::Account* viewer) {
  return store_.count_threads_in(slug, viewer_of(viewer));
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

bool ForumService::can_delete(const accounts::Account* viewer,
                              const store::ForumPostRecord& post) const {
  return viewer && !viewer->suspended && post.author_id == viewer->id && post.deleted_at.empty() &&
         post.status != store::PostStatus::hidden;
}

bool ForumService::can_edit(const accounts::Account* viewer,
                            const store::ForumPostRecord& post) const {
  if (!can_delete(viewer, post))
    return false;
  auto written = seconds_of(post.created_at);
  return written && seconds_now(clock_) - *written <= limits_.edit_window.count();
}

Result<Posted> ForumService::edit_own(const accounts::Account& author, std::int64_t post_id,
                                      std::string_view body_in) {
  auto post = store_.post(post_id);
  if (!post || post->author_id != author.id || !post->deleted_at.empty() ||
      post->status == store::PostStatus::hidden)
    return make_error(Errc::not_found, "There is no such post.");
  if (author.suspended)
    return make_error(Errc::forbidden, "Your account is suspended, so you cannot edit posts.");
  if (!can_edit(&author, *post)) {
    return make_error(Errc::forbidden, "You can edit a post for " + minutes(limits_.edit_window) +
                                           " after you send it. You can still delete it.");
  }
  std::string body = tidy(body_in);
  FormProblems problems;
  check_body(problems, body, "body");
  if (!problems.empty())
    return problems.error();
  std::string title;
  if (post->first_in_thread) {
    if (auto t = store_.thread(post->thread_id))
      title = t->title + "\n";
  }
  auto hold = check_author(author, title + body, "body", true);
  if (!hold)
    return hold.error();
  // A post already waiting keeps waiting, with its earlier reasons: a
  // moderator still sees why (a safeguarding hold is never edited away).
  if (post->status == store::PostStatus::held) {
    for (auto r : post->held_reasons) {
      if (std::find(hold->reasons.begin(), hold->reasons.end(), r) == hold->reasons.end())
        hold->reasons.push_back(r);
    }
    std::sort(hold->reasons.begin(), hold->reasons.end());
  }
  std::string at = iso_date_time(clock_.now());
  store_.author_edit_post(
      post_id, {body, hold->held() ? store::PostStatus::held : store::PostStatus::published,
                hold->reasons, hold->priority(), at});
  auto e = author_entry(author, "author edit", post_id, at);
  e.reason = hold->held() ? "held: " + hold->stored() : "";
  e.before = post->body;
  e.after = body;
  store_.add_audit(e);
  Posted posted{post->thread_id, post_id, std::move(hold.value())};
  flag_if_watched(posted, "Watched words (after an edit): ");
  return posted;
}

Status ForumService::delete_own(const accounts::Account& author, std::int64_t post_id) {
  auto post = store_.post(post_id);
  if (!post || !can_delete(&author, *post))
    return make_error(Errc::not_found, "There is no such post.");
  std::string at = iso_date_time(clock_.now());
  store_.delete_post_by_author(post_id, at);
  auto e = author_entry(author, "author delete", post_id, at);
  e.before = post->body;
  store_.add_audit(e);
  return Ok{};
}

Status ForumService::set_watching(const accounts::Account& member, std::int64_t thread_id,
                                  bool watching) {
  auto thread = store_.thread(thread_id);
  auto who = viewer_of(&member);
  bool visible =
      thread && (thread->status == store::PostStatus::published || who.moderator ||
                 (thread->status == store::PostStatus::held && thread->author_id == member.id));
  if (!visible)
    return make_error(Errc::not_found, "There is no such thread.");
  members_.set_watching(member.id, thread_id, watching);
  return Ok{};
}

bool ForumService::watching(const accounts::Account& member, std::int64_t thread_id) {
  return members_.watching(member.id, thread_id);
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
