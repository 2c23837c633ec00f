#include "views/forum_member_views.hpp"

#include "core/text.hpp"
#include "views/forum_views.hpp"
#include "views/html.hpp"

namespace cairn::views {

using namespace literals;

namespace {

std::string thread_href(std::int64_t id) {
  return "/forum/t/" + std::to_string(id);
}

std::vector<Breadcrumb> forum_crumbs() {
  return {{"Home", "/"}, {"Cancer Chat", "/forum"}};
}

std::vector<Breadcrumb> account_crumbs() {
  return {{"Home", "/"}, {"Your account", "/account"}};
}

}  // namespace

void write_plain_paragraphs(Html& h, std::string_view text) {
  std::size_t start = 0;
  while (start <= text.size()) {
    auto end = text.find("\n\n", start);
    std::string_view para = trim(
        text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
    if (!para.empty()) {
      h << "<p>"_m;
      bool first = true;
      std::size_t line_start = 0;
      while (line_start <= para.size()) {
        auto nl = para.find('\n', line_start);
        if (!first)
          h << "<br>"_m;
        h << para.substr(line_start,
                         nl == std::string_view::npos ? std::string_view::npos : nl - line_start);
        first = false;
        if (nl == std::string_view::npos)
          break;
        line_start = nl + 1;
      }
      h << "</p>\n"_m;
    }
    if (end == std::string_view::npos)
      break;
    start = end + 2;
  }
}

SafeHtml render_forum_edit_own(const Chrome& chrome, const ForumEditOwnPage& p) {
  Html h;
  std::string action = thread_href(p.thread_id) + "/edit/" + std::to_string(p.post_id);
  write_form_error_summary(h, p.form);
  h << "<h1>Edit your post</h1>\n<p>You can edit a post for "_m << p.edit_minutes
    << R"( minutes after you send it. Everyone sees that it was edited, and moderators can see what it said before. If your edit needs a moderator to read it, it waits for them.</p>
<form method="post" action=")"_m
    << action << "\" novalidate>\n"_m;
  write_csrf_field(h, p.form.csrf_token);
  write_textarea_field(h, p.form,
                       {.name = "body",
                        .label = "Your post",
                        .hint = "You can use simple Markdown: *italic*, **bold**, lists and links.",
                        .value = p.body,
                        .rows = 10,
                        .label_size = "s",
                        .newline_after_tag = true});
  write_submit_button(h, "Save your edit");
  h << "</form>\n<p><a href=\""_m << thread_href(p.thread_id) << "#post-"_m
    << std::to_string(p.post_id) << "\">Cancel and go back to the thread</a></p>\n"_m;
  return render_in_layout(chrome, form_page_title(p.form, "Edit your post"), action,
                          in_two_thirds_column(h.take()), forum_crumbs());
}

SafeHtml render_forum_delete_own(const Chrome& chrome, const ForumDeleteOwnPage& p) {
  Html h;
  std::string action = thread_href(p.thread_id) + "/delete/" + std::to_string(p.post_id);
  h << R"(<h1>Delete your post?</h1>
<p>Your post will say "This post was deleted by its author". Replies to it stay. Moderators can still read what it said, to keep the forum safe.</p>
<blockquote class="cairn-reported-post">)"_m
    << p.body << "</blockquote>\n<form method=\"post\" action=\""_m << action << "\">\n"_m;
  write_csrf_field(h, p.csrf_token);
  write_submit_button(h, "Delete my post", ButtonStyle::warning);
  h << "</form>\n<p><a href=\""_m << thread_href(p.thread_id) << "#post-"_m
    << std::to_string(p.post_id) << "\">Keep it and go back to the thread</a></p>\n"_m;
  return render_in_layout(chrome, "Delete your post?", action, in_two_thirds_column(h.take()),
                          forum_crumbs());
}

SafeHtml render_forum_search(const Chrome& chrome, const ForumSearchPage& p) {
  Html h;
  h << "<h1>Search Cancer Chat</h1>\n"_m;
  write_forum_search_box(h, p.query);
  if (!p.corrected.empty()) {
    h << R"(<p>Did you mean <a href="/forum/search?q=)"_m << url_encode(p.corrected) << "\">"_m
      << p.corrected << "</a>?</p>\n"_m;
  }
  if (!p.notice.empty())
    h << "<p>"_m << p.notice << "</p>\n"_m;
  if (!p.results.empty()) {
    h << R"(<p class="cairn-search-count">)"_m << p.total
      << (p.total == 1 ? " thread matches"_m : " threads match"_m) << " <strong>"_m << p.query
      << "</strong>.</p>\n<ul class=\"nhsuk-list cairn-thread-list\">"_m;
    for (const auto& r : p.results) {
      h << R"(<li class="cairn-thread"><h2 class="nhsuk-heading-s"><a href=")"_m << r.url << "\">"_m
        << r.title << "</a></h2><p>"_m << r.snippet << "</p></li>\n"_m;
    }
    h << "</ul>\n"_m;
  }
  if (p.pages > 1) {
    std::string base = "/forum/search?q=" + url_encode(p.query) + "&page=";
    h << R"(<nav class="nhsuk-pagination" role="navigation" aria-label="Result pages"><ul class="nhsuk-list nhsuk-pagination__list">)"_m;
    if (p.page > 1)
      h << R"(<li class="nhsuk-pagination-item--previous"><a class="nhsuk-pagination__link nhsuk-pagination__link--prev" href=")"_m
        << base << p.page - 1
        << R"("><span class="nhsuk-pagination__title">Previous</span></a></li>)"_m;
    if (p.page < p.pages)
      h << R"(<li class="nhsuk-pagination-item--next"><a class="nhsuk-pagination__link nhsuk-pagination__link--next" href=")"_m
        << base << p.page + 1
        << R"("><span class="nhsuk-pagination__title">Next</span></a></li>)"_m;
    h << "</ul></nav>\n"_m;
  }
  return render_in_layout(
      chrome, p.query.empty() ? "Search Cancer Chat" : p.query + " - Search Cancer Chat",
      "/forum/search", in_two_thirds_column(h.take()), forum_crumbs());
}

SafeHtml render_account_forum(const Chrome& chrome, const AccountForumPage& p) {
  Html h;
  write_form_error_summary(h, p.form);
  write_message_notice(h, p.unread_messages);
  if (!p.notice.empty())
    write_inset_text(h, p.notice, "cairn-action-notice");
  h << R"(<h1>Cancer Chat: your posts and emails</h1>
<h2>Emails about replies</h2>
<form method="post" action="/account/forum/email" novalidate>
)"_m;
  write_csrf_field(h, p.form.csrf_token);
  write_radios_field(h, p.form,
                     {.name = "mail",
                      .legend = "When someone replies in a thread you watch",
                      .hint = "You watch the threads you start or reply to. Our emails never "
                              "include posts that are waiting for a moderator.",
                      .options = {{"each", "Email me about each reply"},
                                  {"digest", "Send me one email a day with the new replies"},
                                  {"off", "Do not email me"}},
                      .selected = p.mail,
                      .value_in_every_id = true});
  write_submit_button(h, "Save email choice");
  h << "</form>\n<h2>Threads you watch</h2>\n"_m;
  if (p.watched.empty()) {
    h << "<p>You are not watching any threads.</p>\n"_m;
  } else {
    h << R"(<ul class="nhsuk-list cairn-watched">)"_m;
    for (const auto& t : p.watched) {
      h << "<li><a href=\""_m << thread_href(t.id) << "\">"_m << t.title << "</a> ("_m << t.replies
        << (t.replies == 1 ? " reply"_m : " replies"_m);
      if (!t.last_post_at.empty())
        h << ", last post "_m << forum_time(t.last_post_at);
      h << ")</li>\n"_m;
    }
    h << "</ul>\n"_m;
  }
  h << "<h2>Your posts</h2>\n"_m;
  if (p.posts.empty()) {
    h << R"(<p>You have not posted yet. <a href="/forum">Go to Cancer Chat</a>.</p>)"_m;
  } else {
    h << R"(<ul class="nhsuk-list cairn-own-posts">)"_m;
    for (const auto& post : p.posts) {
      h << "<li><a href=\""_m << thread_href(post.thread_id) << "#post-"_m
        << std::to_string(post.post_id) << "\">"_m << post.thread_title << "</a>: "_m
        << (post.started ? "you started it "_m : "your reply of "_m) << forum_time(post.created_at);
      if (!post.state.empty())
        h << R"( <strong class="nhsuk-tag nhsuk-tag--grey">)"_m << post.state << "</strong>"_m;
      h << "</li>\n"_m;
    }
    h << "</ul>\n"_m;
  }
  return render_in_layout(chrome, form_page_title(p.form, "Cancer Chat: your posts and emails"),
                          "/account/forum", in_two_thirds_column(h.take()), account_crumbs());
}

SafeHtml render_messages(const Chrome& chrome, const std::vector<MessageRow>& messages) {
  Html h;
  h << "<h1>Messages from our moderators</h1>\n"_m;
  if (messages.empty()) {
    h << "<p>You have no messages.</p>\n"_m;
  } else {
    h << R"(<ul class="nhsuk-list cairn-messages">)"_m;
    for (const auto& m : messages) {
      h << "<li><a href=\"/account/messages/"_m << std::to_string(m.id) << "\">Message from "_m
        << m.from << ", "_m << forum_time(m.created_at) << "</a>"_m;
      if (m.unread)
        h << R"( <strong class="nhsuk-tag nhsuk-tag--blue">New</strong>)"_m;
      h << "</li>\n"_m;
    }
    h << "</ul>\n"_m;
  }
  return render_in_layout(chrome, "Messages from our moderators", "/account/messages",
                          in_two_thirds_column(h.take()), account_crumbs());
}

SafeHtml render_message(const Chrome& chrome, const MessagePage& p) {
  Html h;
  h << "<h1>A message from "_m << p.from << "</h1>\n<p class=\"nhsuk-body-s\">Sent "_m
    << forum_time(p.created_at)
    << ". Only you and our moderators can see this message.</p>\n<div class=\"cairn-message\">"_m;
  write_plain_paragraphs(h, p.body);
  h << "</div>\n"_m << crisis_support(chrome.site)
    << R"(<p><a href="/account/messages">All your messages</a></p>)"_m;
  auto crumbs = account_crumbs();
  crumbs.push_back({"Messages", "/account/messages"});
  return render_in_layout(chrome, "A message from " + p.from, "/account/messages",
                          in_two_thirds_column(h.take()), crumbs);
}

SafeHtml render_unsubscribe(const Chrome& chrome, const UnsubscribePage& p) {
  Html h;
  if (p.bad_link) {
    h << R"(<h1>This link does not work</h1>
<p>It may have been copied only in part. You can choose which emails you get in <a href="/account/forum">your account</a> after you sign in.</p>
)"_m;
  } else if (p.done) {
    h << R"(<h1>You will get no more Cancer Chat emails</h1>
<p>We will not email you about replies any more. You can still read and post on Cancer Chat, and you can turn emails back on in <a href="/account/forum">your account</a>.</p>
)"_m;
  } else {
    h << R"(<h1>Stop Cancer Chat emails</h1>
<p>We will stop emailing you about replies in the threads you watch.</p>
<form method="post" action=")"_m
      << "/forum/unsubscribe/"_m << p.token << "\">\n"_m;
    write_submit_button(h, "Stop emails");
    h << R"(</form>
<p>Or choose a daily digest instead in <a href="/account/forum">your account</a>.</p>
)"_m;
  }
  return render_in_layout(chrome,
                          p.bad_link ? "This link does not work" : "Stop Cancer Chat emails",
                          "/forum/unsubscribe", in_two_thirds_column(h.take()), forum_crumbs());
}

}  // namespace cairn::views
