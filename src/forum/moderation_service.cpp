#include "forum/moderation_service.hpp"

#include <algorithm>
#include <map>

#include "core/iso_time.hpp"
#include "core/text.hpp"
#include "forum/forum_service.hpp"

namespace cairn::forum {

ModerationService::ModerationService(store::ForumStore& forum, store::ForumMemberStore& members,
                                     store::AccountStore& accounts, const Clock& clock)
    : forum_(forum), members_(members), accounts_(accounts), clock_(clock) {}

Status ModerationService::check(const accounts::Account& moderator) const {
  if (!is_moderator(moderator) || moderator.suspended)
    return make_error(Errc::forbidden, "Only moderators can do this.");
  return Ok{};
}

store::ForumAuditRecord ModerationService::entry(const accounts::Account& moderator,
                                                 std::string_view action) const {
  store::ForumAuditRecord e;
  e.at = iso_date_time(clock_.now());
  e.moderator_id = moderator.id;
  e.moderator_name = moderator.display_name;
  e.action = action;
  return e;
}

Result<std::vector<QueueItem>> ModerationService::queue(const accounts::Account& moderator) {
  if (auto ok = check(moderator); !ok)
    return ok.error();
  std::map<std::int64_t, std::vector<store::ForumReportRecord>> reports;
  for (auto& r : forum_.open_reports()) reports[r.post_id].push_back(std::move(r));
  auto title_of = [&](std::int64_t thread_id) {
    auto t = forum_.thread(thread_id);
    return t ? t->title : std::string();
  };
  std::vector<QueueItem> urgent, reported, rest;
  for (auto& post : forum_.held_posts()) {
    QueueItem item{post, title_of(post.thread_id), post.held_reasons, {}, {}};
    if (!post.author_edited_at.empty())
      item.versions = forum_.post_versions(post.id);
    if (auto it = reports.find(post.id); it != reports.end()) {
      item.reports = std::move(it->second);
      reports.erase(it);
    }
    bool safeguarding = !item.held_for.empty() && item.held_for.front() == HoldReason::safeguarding;
    (safeguarding ? urgent : rest).push_back(std::move(item));
  }
  for (auto& [post_id, list] : reports) {
    auto post = forum_.post(post_id);
    // A report of a post already hidden needs nothing more.
    if (!post || post->status != store::PostStatus::published)
      continue;
    reported.push_back({*post, title_of(post->thread_id), {}, std::move(list), {}});
    if (!post->author_edited_at.empty())
      reported.back().versions = forum_.post_versions(post->id);
  }
  std::stable_sort(reported.begin(), reported.end(), [](const QueueItem& a, const QueueItem& b) {
    return a.reports.front().id < b.reports.front().id;
  });
  std::vector<QueueItem> out = std::move(urgent);
  for (auto& i : reported) out.push_back(std::move(i));
  for (auto& i : rest) out.push_back(std::move(i));
  return out;
}

Status ModerationService::approve(const accounts::Account& moderator, std::int64_t post_id) {
  if (auto ok = check(moderator); !ok)
    return ok.error();
  auto post = forum_.post(post_id);
  if (!post)
    return make_error(Errc::not_found, "There is no such post.");
  if (post->status != store::PostStatus::published)
    forum_.set_post_status(post_id, store::PostStatus::published);
  forum_.resolve_reports(post_id);
  if (post->status != store::PostStatus::published && visible_)
    visible_(post_id);
  auto e = entry(moderator, "approve");
  e.post_id = post_id;
  e.member_id = post->author_id;
  // The audit log keeps the reasons as stored: "safeguarding first_posts".
  e.reason = post->status == store::PostStatus::held ? store::to_string(post->held_reasons)
                                                     : "reports dismissed";
  forum_.add_audit(e);
  return Ok{};
}

Status ModerationService::hide(const accounts::Account& moderator, std::int64_t post_id,
                               std::string_view reason) {
  if (auto ok = check(moderator); !ok)
    return ok.error();
  auto post = forum_.post(post_id);
  if (!post)
    return make_error(Errc::not_found, "There is no such post.");
  forum_.set_post_status(post_id, store::PostStatus::hidden);
  forum_.resolve_reports(post_id);
  auto e = entry(moderator, "hide");
  e.post_id = post_id;
  e.member_id = post->author_id;
  e.reason = trim(reason);
  forum_.add_audit(e);
  return Ok{};
}

Result<Ok> ModerationService::edit(const accounts::Account& moderator, std::int64_t post_id,
                                   std::string_view body_in, std::string_view reason_in) {
  if (auto ok = check(moderator); !ok)
    return ok.error();
  auto post = forum_.post(post_id);
  if (!post)
    return make_error(Errc::not_found, "There is no such post.");
  std::string body(trim(body_in));
  std::string reason(trim(reason_in));
  FormProblems problems;
  if (body.empty())
    problems.add("body", "Enter the post's text");
  if (body.size() > kMaxPostLength * 4)
    problems.add("body", "The post is too long");
  if (reason.empty())
    problems.add("reason", "Enter the reason for your edit");
  if (!problems.empty())
    return problems.error();
  forum_.edit_post(post_id, body, iso_date_time(clock_.now()));
  auto e = entry(moderator, "edit");
  e.post_id = post_id;
  e.member_id = post->author_id;
  e.reason = reason;
  e.before = post->body;
  e.after = body;
  forum_.add_audit(e);
  return Ok{};
}

Status ModerationService::suspend(const accounts::Account& moderator, std::int64_t member_id,
                                  std::string_view reason) {
  if (auto ok = check(moderator); !ok)
    return ok.error();
  auto member = accounts_.account_by_id(member_id);
  if (!member)
    return make_error(Errc::not_found, "There is no such member.");
  if (member->role != "member")
    return make_error(Errc::forbidden, "Only members can be suspended.");
  accounts_.set_suspended(member_id, true);
  auto e = entry(moderator, "suspend");
  e.member_id = member_id;
  e.reason = trim(reason);
  forum_.add_audit(e);
  return Ok{};
}

Status ModerationService::unsuspend(const accounts::Account& moderator, std::int64_t member_id,
                                    std::string_view reason) {
  if (auto ok = check(moderator); !ok)
    return ok.error();
  auto member = accounts_.account_by_id(member_id);
  if (!member || member->status != "suspended")
    return make_error(Errc::not_found, "There is no such suspended member.");
  accounts_.set_suspended(member_id, false);
  auto e = entry(moderator, "unsuspend");
  e.member_id = member_id;
  e.reason = trim(reason);
  forum_.add_audit(e);
  return Ok{};
}

Result<std::vector<SuspendedMember>> ModerationService::suspended(
    const accounts::Account& moderator) {
  if (auto ok = check(moderator); !ok)
    return ok.error();
  std::vector<SuspendedMember> out;
  for (const auto& a : accounts_.suspended_accounts()) out.push_back({a.id, a.display_name});
  return out;
}

Result<store::ForumPostRecord> ModerationService::post_to_reach_out(
    const accounts::Account& moderator, std::int64_t post_id) {
  if (auto ok = check(moderator); !ok)
    return ok.error();
  auto post = forum_.post(post_id);
  if (!post || post->author_id == 0)
    return make_error(Errc::not_found, "There is no such post, or its author has left.");
  return std::move(*post);
}

Result<std::int64_t> ModerationService::send_message(const accounts::Account& moderator,
                                                     std::int64_t post_id,
                                                     std::string_view body_in) {
  auto post = post_to_reach_out(moderator, post_id);
  if (!post)
    return post.error();
  std::string body(trim(body_in));
  FormProblems problems;
  if (body.empty())
    problems.add("body", "Enter your message to the member");
  else if (body.size() > kMaxMessageLength * 4)
    problems.add("body", "Your message must be " + std::to_string(kMaxMessageLength) +
                             " characters or fewer");
  if (!problems.empty())
    return problems.error();
  std::string at = iso_date_time(clock_.now());
  auto id = members_.add_message(
      {0, post->author_id, moderator.id, moderator.display_name, post_id, body, at, ""});
  auto e = entry(moderator, "message");
  e.post_id = post_id;
  e.member_id = post->author_id;
  e.after = body;
  forum_.add_audit(e);
  return id;
}

Result<std::vector<store::ForumAuditRecord>> ModerationService::audit_log(
    const accounts::Account& moderator, int page) {
  if (auto ok = check(moderator); !ok)
    return ok.error();
  return forum_.audit_log((std::max(page, 1) - 1) * kAuditPerPage, kAuditPerPage);
}

}  // namespace cairn::forum
