#include "views/forum_views.hpp"

#include <string_view>

#include "core/text.hpp"
#include "views/components.hpp"
#include "views/html.hpp"

namespace cairn::views {

using namespace literals;

namespace {

constexpr std::string_view kPostHint =
    "You can use simple Markdown: *italic*, **bold**, lists and links. Do not share phone "
    "numbers, email addresses or full names.";

// The forum's fields have bold labels and are spellchecked like any prose.
InputField forum_input(std::string_view name, std::string_view label, std::string_view hint,
                       std::string_view value) {
  return {.name = name,
          .label = label,
          .autocomplete = "",
          .hint = hint,
          .value = value,
          .label_size = "s",
          .spellcheck = true};
}

TextareaField forum_textarea(std::string_view name, std::string_view label, std::string_view hint,
                             std::string_view value, int rows = 8) {
  return {.name = name,
          .label = label,
          .hint = hint,
          .value = value,
          .rows = rows,
          .label_size = "s",
          .newline_after_tag = true};
}

std::string when(std::string_view iso) {
  if (iso.size() < 16)
    return std::string(iso);
  return format_date(iso.substr(0, 10)) + " at " + std::string(iso.substr(11, 5));
}

std::string author_or_deleted(const std::string& name) {
  return name.empty() ? "deleted member" : name;
}

void write_paging(Html& h, std::string_view base, int page, int pages, std::string_view label) {
  if (pages <= 1)
    return;
  h << R"(<nav class="nhsuk-pagination" role="navigation" aria-label=")"_m << label
    << R"("><ul class="nhsuk-list nhsuk-pagination__list">)"_m;
  if (page > 1) {
    h << R"(<li class="nhsuk-pagination-item--previous"><a class="nhsuk-pagination__link nhsuk-pagination__link--prev" href=")"_m
      << base << "?page="_m << page - 1
      << R"("><span class="nhsuk-pagination__title">Previous</span><span class="nhsuk-u-visually-hidden">:</span><span class="nhsuk-pagination__page">Page )"_m
      << page - 1 << "</span></a></li>"_m;
  }
  if (page < pages) {
    h << R"(<li class="nhsuk-pagination-item--next"><a class="nhsuk-pagination__link nhsuk-pagination__link--next" href=")"_m
      << base << "?page="_m << page + 1
      << R"("><span class="nhsuk-pagination__title">Next</span><span class="nhsuk-u-visually-hidden">:</span><span class="nhsuk-pagination__page">Page )"_m
      << page + 1 << "</span></a></li>"_m;
  }
  h << "</ul></nav>\n"_m;
  h << R"(<p class="cairn-page-count">Page )"_m << page << " of "_m << pages << "</p>\n"_m;
}

std::vector<Breadcrumb> forum_crumbs() {
  return {{"Home", "/"}, {"Cancer Chat", "/forum"}};
}

std::string thread_href(std::int64_t id) {
  return "/forum/t/" + std::to_string(id);
}

}  // namespace

std::string forum_time(std::string_view iso) {
  return when(iso);
}

void write_forum_search_box(Html& h, std::string_view query) {
  h << R"(<form class="cairn-forum-search" method="get" action="/forum/search" role="search"><div class="nhsuk-form-group"><label class="nhsuk-label nhsuk-label--s" for="forum-q">Search Cancer Chat</label><div class="cairn-forum-search__row"><input class="nhsuk-input" id="forum-q" name="q" type="search" value=")"_m
    << query << R"(">)"_m;
  write_submit_button(h, "Search", ButtonStyle::secondary);
  h << "</div></div></form>\n"_m;
}

void write_message_notice(Html& h, int unread) {
  if (unread <= 0)
    return;
  h << R"(<div class="nhsuk-inset-text cairn-message-notice"><span class="nhsuk-u-visually-hidden">Information: </span><p>)"_m
    << (unread == 1 ? "A moderator has sent you a private message."_m
                    : "Moderators have sent you private messages."_m)
    << R"( <a href="/account/messages">Read your messages</a></p></div>
)"_m;
}

SafeHtml render_forum_index(const Chrome& chrome, const ForumIndexPage& p) {
  Html h;
  write_message_notice(h, p.unread_messages);
  h << R"(<h1>Cancer Chat</h1>
<p class="nhsuk-lede-text">Cancer Chat is our online forum: a place to talk with other people affected by cancer. Anyone can read it; you need an account to post.</p>
<p>Please read our <a href="/forum/rules">community rules</a> before you post. Moderators read the forum every day.</p>
)"_m;
  if (!p.signed_in) {
    h << R"(<p><a href="/account/register">Create an account</a> or <a href="/account/sign-in?next=%2Fforum">sign in</a> to post.</p>
)"_m;
  }
  if (p.signed_in)
    h << R"(<p><a href="/account/forum">Your posts, watched threads and emails</a></p>)"_m;
  if (p.moderator)
    h << R"(<p><a href="/staff/moderation">Moderation queue</a></p>)"_m;
  h << R"(<h2>Categories</h2>
<ul class="nhsuk-list cairn-forum-categories">
)"_m;
  for (const auto& s : p.categories) {
    const auto& c = s.link;
    h << R"(<li><h3 class="nhsuk-heading-s"><a href="/forum/)"_m << c.slug << "\">"_m << c.name
      << "</a></h3><p>"_m << c.description << "</p>"_m;
    h << R"(<p class="nhsuk-body-s cairn-category-activity">)"_m;
    if (s.latest_thread_id == 0) {
      h << "No threads yet."_m;
    } else {
      h << s.threads << (s.threads == 1 ? " thread"_m : " threads"_m) << ". Latest: <a href=\""_m
        << thread_href(s.latest_thread_id) << "\">"_m << s.latest_title << "</a>"_m;
      if (!s.latest_at.empty())
        h << ", "_m << when(s.latest_at);
      h << "."_m;
    }
    h << "</p></li>\n"_m;
  }
  h << "</ul>\n"_m;
  // After the categories: on a phone the way in comes first, searching second.
  write_forum_search_box(h, "");
  return render_in_layout(chrome, "Cancer Chat", "/forum", in_two_thirds_column(h.take()),
                          {{"Home", "/"}});
}

SafeHtml render_forum_rules(const Chrome& chrome, const SafeHtml& rules) {
  Html h;
  h << rules;
  return render_in_layout(chrome, "Community rules", "/forum/rules", in_two_thirds_column(h.take()),
                          forum_crumbs());
}

SafeHtml render_forum_category(const Chrome& chrome, const ForumCategoryPage& p) {
  Html h;
  std::string base = "/forum/" + p.category.slug;
  write_message_notice(h, p.unread_messages);
  h << "<h1>"_m << p.category.name << "</h1>\n<p>"_m << p.category.description << "</p>\n"_m;
  h << R"(<p><a class="nhsuk-button" role="button" draggable="false" data-module="nhsuk-button" href=")"_m
    << base << "/new\">Start a new thread</a></p>\n"_m;
  if (p.threads.empty()) {
    h << "<p>There are no threads here yet.</p>\n"_m;
  } else {
    h << R"(<ul class="nhsuk-list cairn-thread-list">)"_m;
    for (const auto& t : p.threads) {
      h << R"(<li class="cairn-thread"><h2 class="nhsuk-heading-s"><a href=")"_m
        << thread_href(t.id) << "\">"_m << t.title << "</a>"_m;
      if (t.unread)
        h << R"( <strong class="nhsuk-tag nhsuk-tag--blue cairn-new">New posts</strong>)"_m;
      if (t.held)
        h << R"( <strong class="nhsuk-tag nhsuk-tag--yellow">Waiting for a moderator</strong>)"_m;
      h << "</h2><p>Started by "_m << author_or_deleted(t.author) << ". "_m << t.replies
        << (t.replies == 1 ? " reply"_m : " replies"_m);
      if (!t.last_post_at.empty()) {
        h << ". Last post "_m << when(t.last_post_at);
        if (t.replies > 0)
          h << " by "_m << author_or_deleted(t.last_post_by);
      }
      h << ".</p></li>\n"_m;
    }
    h << "</ul>\n"_m;
  }
  write_paging(h, base, p.page, p.pages, "Thread pages");
  auto crumbs = forum_crumbs();
  return render_in_layout(
      chrome, p.category.name + (p.page > 1 ? " (page " + std::to_string(p.page) + ")" : ""), base,
      in_two_thirds_column(h.take()), crumbs);
}

SafeHtml render_forum_thread(const Chrome& chrome, const ForumThreadPage& p) {
  Html h;
  std::string href = thread_href(p.id);
  write_form_error_summary(h, p.reply);
  write_message_notice(h, p.unread_messages);
  if (!p.notice.empty())
    write_inset_text(h, p.notice, "cairn-action-notice");
  if (p.show_crisis) {
    write_inset_text(h,
                     "Thank you for your post. It is waiting for a moderator, who will read it "
                     "soon. If you are struggling, please talk to someone now.",
                     "cairn-held-notice");
    h << crisis_support(chrome.site);
  } else if (p.just_held) {
    write_inset_text(h,
                     "Thank you for your post. It is waiting for a moderator and only you can see "
                     "it until they have read it.",
                     "cairn-held-notice");
  }
  h << "<h1>"_m << p.title << "</h1>\n"_m;
  if (p.signed_in) {
    h << R"(<form method="post" action=")"_m << href << R"(/watch" class="cairn-watch">)"_m;
    write_csrf_field(h, p.reply.csrf_token);
    h << R"(<input type="hidden" name="watch" value=")"_m << (p.watching ? "off"_m : "on"_m)
      << R"("><p class="nhsuk-body-s">)"_m
      << (p.watching ? "You are watching this thread: we tell you about new replies."_m
                     : "You are not watching this thread."_m)
      << "</p>"_m;
    write_submit_button(h, p.watching ? "Stop watching" : "Watch this thread",
                        ButtonStyle::secondary);
    h << "</form>\n"_m;
  }
  for (const auto& post : p.posts) {
    h << R"(<article class="cairn-post" id="post-)"_m << std::to_string(post.id)
      << R"(" aria-labelledby="post-)"_m << std::to_string(post.id)
      << R"(-by"><h2 class="nhsuk-heading-xs cairn-post__by" id="post-)"_m
      << std::to_string(post.id) << R"(-by">)"_m << author_or_deleted(post.author);
    if (!post.author_role.empty())
      h << " ("_m << post.author_role << ")"_m;
    h << R"(, <span class="cairn-post__when">)"_m << when(post.created_at) << "</span>"_m;
    if (post.is_new)
      h << R"( <strong class="nhsuk-tag nhsuk-tag--blue cairn-new">New</strong>)"_m;
    if (post.status == store::PostStatus::held)
      h << R"( <strong class="nhsuk-tag nhsuk-tag--yellow cairn-held">Waiting for a moderator</strong>)"_m;
    if (post.status == store::PostStatus::hidden)
      h << R"( <strong class="nhsuk-tag nhsuk-tag--grey">Hidden</strong>)"_m;
    h << "</h2>\n"_m;
    if (post.deleted) {
      h << R"(<p class="cairn-post__deleted">This post was deleted by its author.</p>)"_m;
    } else {
      h << R"(<div class="cairn-post__body">)"_m << post.body << "</div>\n"_m;
    }
    if (!post.edited_at.empty())
      h << R"(<p class="nhsuk-body-s">Edited by a moderator.</p>)"_m;
    if (!post.author_edited_at.empty() && !post.deleted)
      h << R"(<p class="nhsuk-body-s cairn-post__edited">Edited.</p>)"_m;
    if (post.can_edit || post.can_delete) {
      h << R"(<p class="nhsuk-body-s cairn-post__own">)"_m;
      if (post.can_edit) {
        h << R"(<a href=")"_m << href << "/edit/"_m << std::to_string(post.id)
          << R"(">Edit<span class="nhsuk-u-visually-hidden"> your post of )"_m
          << when(post.created_at) << "</span></a>"_m;
      }
      if (post.can_edit && post.can_delete)
        h << " · "_m;
      if (post.can_delete) {
        h << R"(<a href=")"_m << href << "/delete/"_m << std::to_string(post.id)
          << R"(">Delete<span class="nhsuk-u-visually-hidden"> your post of )"_m
          << when(post.created_at) << "</span></a>"_m;
      }
      h << "</p>"_m;
    }
    if (post.can_report) {
      h << R"(<p class="nhsuk-body-s"><a href=")"_m << href << "/report/"_m
        << std::to_string(post.id)
        << R"(">Report this post<span class="nhsuk-u-visually-hidden"> by )"_m
        << author_or_deleted(post.author) << "</span></a></p>"_m;
    }
    h << "</article>\n"_m;
  }
  write_paging(h, href, p.page, p.pages, "Pages of this thread");
  if (p.signed_in) {
    h << R"(<h2>Reply</h2>
<form method="post" action=")"_m
      << href << "\" novalidate>\n"_m;
    write_csrf_field(h, p.reply.csrf_token);
    write_textarea_field(h, p.reply, forum_textarea("body", "Your reply", kPostHint, p.reply_body));
    write_submit_button(h, "Post reply");
    h << "</form>\n"_m;
  } else {
    h << R"(<p><a href="/account/sign-in?next=)"_m << url_encode(href)
      << R"(">Sign in to reply</a> or <a href="/account/register">create an account</a>.</p>
)"_m;
  }
  auto crumbs = forum_crumbs();
  crumbs.push_back({p.category.name, "/forum/" + p.category.slug});
  return render_in_layout(chrome, form_page_title(p.reply, p.title), href,
                          in_two_thirds_column(h.take()), crumbs);
}

SafeHtml render_forum_new_thread(const Chrome& chrome, const ForumNewThreadPage& p) {
  Html h;
  std::string action = "/forum/" + p.category.slug + "/new";
  write_form_error_summary(h, p.form);
  h << "<h1>Start a new thread</h1>\n<p>In "_m << p.category.name
    << R"(. Please follow our <a href="/forum/rules">community rules</a>.</p>
<form method="post" action=")"_m
    << action << "\" novalidate>\n"_m;
  write_csrf_field(h, p.form.csrf_token);
  write_input_field(
      h, p.form,
      forum_input("title", "Title", "A few words about what you want to talk about.", p.title));
  write_textarea_field(h, p.form, forum_textarea("body", "Your message", kPostHint, p.body, 10));
  write_submit_button(h, "Post");
  h << "</form>\n"_m;
  auto crumbs = forum_crumbs();
  crumbs.push_back({p.category.name, "/forum/" + p.category.slug});
  return render_in_layout(chrome, form_page_title(p.form, "Start a new thread"), action,
                          in_two_thirds_column(h.take()), crumbs);
}

SafeHtml render_forum_report(const Chrome& chrome, const ForumReportPage& p) {
  Html h;
  std::string action = thread_href(p.thread_id) + "/report/" + std::to_string(p.post_id);
  if (p.done) {
    h << R"(<h1>Thank you for your report</h1>
<p>A moderator will look at the post soon.</p>
<p><a href=")"_m
      << thread_href(p.thread_id) << "\">Back to the thread</a></p>\n"_m;
    return render_in_layout(chrome, "Thank you for your report", action,
                            in_two_thirds_column(h.take()), forum_crumbs());
  }
  write_form_error_summary(h, p.form);
  h << "<h1>Report a post</h1>\n<p>The post by "_m << author_or_deleted(p.post_author)
    << ":</p>\n<blockquote class=\"cairn-reported-post\">"_m << p.post_body
    << "</blockquote>\n<form method=\"post\" action=\""_m << action << "\" novalidate>\n"_m;
  write_csrf_field(h, p.form.csrf_token);
  write_textarea_field(
      h, p.form,
      forum_textarea("reason", "What is wrong with this post?",
                     "A moderator reads every report. The member is not told who reported them.",
                     p.reason, 4));
  write_submit_button(h, "Send report");
  h << "</form>\n"_m;
  return render_in_layout(chrome, form_page_title(p.form, "Report a post"), action,
                          in_two_thirds_column(h.take()), forum_crumbs());
}

SafeHtml render_moderation(const Chrome& chrome, const ModerationPage& p) {
  Html h;
  h << "<h1>Moderation queue</h1>\n"_m;
  if (!p.notice.empty()) {
    write_inset_text(h, p.notice);
  }
  h << R"(<ul class="nhsuk-list cairn-moderation-links"><li><a href="/staff/moderation/audit">Audit log</a></li><li><a href="/staff/moderation/suspended">Suspended members</a></li><li><a href="/staff/moderation/words">Watched words</a></li></ul>)"_m;
  if (p.items.empty())
    h << "<p>Nothing is waiting. Thank you.</p>\n"_m;
  for (const auto& item : p.items) {
    const auto& post = item.post;
    std::string id = std::to_string(post.id);
    h << R"(<section class="nhsuk-card cairn-queue-item)"_m
      << (item.safeguarding ? " cairn-queue-item--safeguarding"_m : ""_m) << R"(" id="item-)"_m
      << id
      << R"("><div class="nhsuk-card__content"><h2 class="nhsuk-card__heading nhsuk-heading-s">)"_m;
    for (const auto& reason : item.held_for) {
      h << R"(<strong class="nhsuk-tag )"_m
        << (reason == "Safeguarding" ? "nhsuk-tag--red"_m : "nhsuk-tag--yellow"_m) << "\">"_m
        << reason << "</strong> "_m;
    }
    if (!item.reports.empty())
      h << R"(<strong class="nhsuk-tag nhsuk-tag--orange">Reported</strong> )"_m;
    h << "Post "_m << std::to_string(post.id) << " by "_m << author_or_deleted(post.author_name)
      << " in <a href=\""_m << thread_href(post.thread_id) << "#post-"_m << std::to_string(post.id)
      << "\">"_m << item.thread_title << "</a></h2>\n"_m
      << R"(<p class="nhsuk-body-s">)"_m << when(post.created_at) << "</p>\n"_m
      << R"(<div class="cairn-post__body">)"_m << item.body << "</div>\n"_m;
    if (!item.reports.empty()) {
      h << "<h3 class=\"nhsuk-heading-xs\">Reports</h3><ul>"_m;
      for (const auto& r : item.reports) {
        h << "<li>"_m << r.reason << " (by "_m
          << (r.reporter_id == 0 && r.reporter_name.empty() ? std::string("the watched words")
                                                            : author_or_deleted(r.reporter_name))
          << ", "_m << when(r.created_at) << ")</li>"_m;
      }
      h << "</ul>\n"_m;
    }
    if (!item.versions.empty()) {
      h << R"(<details class="nhsuk-details"><summary class="nhsuk-details__summary"><span class="nhsuk-details__summary-text">Earlier text (edited by its author)</span></summary><div class="nhsuk-details__text">)"_m;
      for (const auto& v : item.versions) {
        h << R"(<p class="nhsuk-body-s">Before )"_m << when(v.replaced_at)
          << R"(:</p><pre class="cairn-audit__before">)"_m << v.body << "</pre>"_m;
      }
      h << "</div></details>\n"_m;
    }
    if (post.author_id != 0) {
      h << R"(<p><a href="/staff/moderation/message/)"_m << std::to_string(post.id)
        << (item.safeguarding ? R"(" class="nhsuk-button" role="button" draggable="false">)"_m
                              : R"(">)"_m)
        << "Send "_m << author_or_deleted(post.author_name) << " a private message</a></p>\n"_m;
    }
    // Each action is its own small form.
    h << R"(<div class="cairn-queue-actions"><form method="post" action="/staff/moderation">)"_m;
    write_csrf_field(h, p.csrf_token);
    h << R"(<input type="hidden" name="action" value="approve"><input type="hidden" name="post" value=")"_m
      << std::to_string(post.id) << R"(">)"_m;
    write_submit_button(
        h, post.status == store::PostStatus::held ? "Approve" : "Keep (dismiss reports)");
    h << R"(</form><form method="post" action="/staff/moderation">)"_m;
    write_csrf_field(h, p.csrf_token);
    h << R"(<input type="hidden" name="action" value="hide"><input type="hidden" name="post" value=")"_m
      << std::to_string(post.id) << R"(">)"_m;
    h << R"(<div class="nhsuk-form-group"><label class="nhsuk-label" for="hide-reason-)"_m << id
      << R"(">Reason for hiding (optional)</label><input class="nhsuk-input" id="hide-reason-)"_m
      << id << R"(" name="reason" type="text"></div>)"_m;
    write_submit_button(h, "Hide", ButtonStyle::secondary);
    h << R"(</form><p><a href="/staff/moderation/edit/)"_m << std::to_string(post.id)
      << R"(">Edit this post<span class="nhsuk-u-visually-hidden"> (post )"_m
      << std::to_string(post.id) << ")</span></a></p>"_m;
    if (post.author_id != 0) {
      h << R"(<form method="post" action="/staff/moderation">)"_m;
      write_csrf_field(h, p.csrf_token);
      h << R"(<input type="hidden" name="action" value="suspend"><input type="hidden" name="member" value=")"_m
        << std::to_string(post.author_id) << R"("><input type="hidden" name="post" value=")"_m
        << std::to_string(post.id)
        << R"("><div class="nhsuk-form-group"><label class="nhsuk-label" for="suspend-reason-)"_m
        << id << R"(">Reason for suspending )"_m << author_or_deleted(post.author_name)
        << R"(</label><input class="nhsuk-input" id="suspend-reason-)"_m << id
        << R"(" name="reason" type="text"></div>)"_m;
      write_submit_button(h, "Suspend member", ButtonStyle::warning);
      h << "</form>"_m;
    }
    h << "</div></div></section>\n"_m;
  }
  return render_in_layout(chrome, "Moderation queue", "/staff/moderation",
                          in_two_thirds_column(h.take()), {{"Home", "/"}});
}

SafeHtml render_moderation_edit(const Chrome& chrome, const ModerationEditPage& p) {
  Html h;
  std::string action = "/staff/moderation/edit/" + std::to_string(p.post_id);
  write_form_error_summary(h, p.form);
  h << "<h1>Edit a post</h1>\n<p>The original is kept in the audit log.</p>\n"_m
    << R"(<form method="post" action=")"_m << action << "\" novalidate>\n"_m;
  write_csrf_field(h, p.form.csrf_token);
  write_textarea_field(h, p.form, forum_textarea("body", "Post", "", p.body, 10));
  write_input_field(h, p.form,
                    forum_input("reason", "Reason for the edit", "For the audit log.", p.reason));
  write_submit_button(h, "Save edit");
  h << "</form>\n"_m;
  return render_in_layout(chrome, form_page_title(p.form, "Edit a post"), action,
                          in_two_thirds_column(h.take()),
                          {{"Home", "/"}, {"Moderation queue", "/staff/moderation"}});
}

SafeHtml render_audit_log(const Chrome& chrome, const AuditPage& p) {
  Html h;
  h << "<h1>Moderation audit log</h1>\n"_m;
  if (p.entries.empty()) {
    h << "<p>No moderator actions yet.</p>\n"_m;
  } else {
    h << R"(<table class="nhsuk-table cairn-audit"><caption class="nhsuk-table__caption">Moderator and author actions, newest first</caption><thead class="nhsuk-table__head"><tr class="nhsuk-table__row"><th scope="col" class="nhsuk-table__header">When</th><th scope="col" class="nhsuk-table__header">Who</th><th scope="col" class="nhsuk-table__header">Action</th><th scope="col" class="nhsuk-table__header">Details</th></tr></thead><tbody class="nhsuk-table__body">)"_m;
    for (const auto& e : p.entries) {
      h << R"(<tr class="nhsuk-table__row"><td class="nhsuk-table__cell">)"_m << when(e.at)
        << R"(</td><td class="nhsuk-table__cell">)"_m << e.moderator_name
        << R"(</td><td class="nhsuk-table__cell cairn-audit__action">)"_m << e.action
        << R"(</td><td class="nhsuk-table__cell">)"_m;
      if (e.post_id)
        h << "Post "_m << std::to_string(e.post_id) << ". "_m;
      if (e.member_id)
        h << "Member "_m << std::to_string(e.member_id) << ". "_m;
      if (!e.reason.empty())
        h << (e.action == "watched word" ? "Action: "_m : "Reason: "_m) << e.reason << ". "_m;
      if (!e.before.empty()) {
        h << R"(<details class="nhsuk-details"><summary class="nhsuk-details__summary"><span class="nhsuk-details__summary-text">Earlier text</span></summary><div class="nhsuk-details__text"><pre class="cairn-audit__before">)"_m
          << e.before << "</pre></div></details>"_m;
      }
      if (!e.after.empty() && e.action != "edit" && e.action != "author edit")
        h << R"(<pre class="cairn-audit__after">)"_m << e.after << "</pre>"_m;
      h << "</td></tr>\n"_m;
    }
    h << "</tbody></table>\n"_m;
  }
  if (p.page > 1 || p.more) {
    h << R"(<nav class="nhsuk-pagination" role="navigation" aria-label="Audit log pages"><ul class="nhsuk-list nhsuk-pagination__list">)"_m;
    if (p.page > 1)
      h << R"(<li class="nhsuk-pagination-item--previous"><a class="nhsuk-pagination__link nhsuk-pagination__link--prev" href="/staff/moderation/audit?page=)"_m
        << p.page - 1 << R"("><span class="nhsuk-pagination__title">Newer</span></a></li>)"_m;
    if (p.more)
      h << R"(<li class="nhsuk-pagination-item--next"><a class="nhsuk-pagination__link nhsuk-pagination__link--next" href="/staff/moderation/audit?page=)"_m
        << p.page + 1 << R"("><span class="nhsuk-pagination__title">Older</span></a></li>)"_m;
    h << "</ul></nav>\n"_m;
  }
  return render_in_layout(chrome, "Moderation audit log", "/staff/moderation/audit", h.take(),
                          {{"Home", "/"}, {"Moderation queue", "/staff/moderation"}});
}

}  // namespace cairn::views
