#include "views/moderation_tools_views.hpp"

#include "views/html.hpp"

namespace cairn::views {

using namespace literals;

namespace {

std::vector<Breadcrumb> moderation_crumbs() {
  return {{"Home", "/"}, {"Moderation queue", "/staff/moderation"}};
}

}  // namespace

std::string reach_out_template(const content::SiteSettings& site, std::string_view member) {
  // The crisis box's own contacts and words, so the message and the box agree.
  std::string out = "Hello " + std::string(member) +
                    ",\n\n"
                    "I am one of the moderators of Cancer Chat. I read your post, and I wanted "
                    "to check in with you. I am sorry that things feel so hard at the moment.\n\n"
                    "Your post is waiting for now. That is not because you did anything wrong: "
                    "we read posts like yours first, to make sure the person who wrote them has "
                    "support.\n\n"
                    "If you need help now:\n";
  for (const auto& c : site.crisis)
    out += "- " + c.name + ": call " + c.phone + ". " + c.text + "\n";
  out += "- Our nurses: call " + site.helpline_phone + " when the helpline is open.\n\n" +
         "You are welcome on Cancer Chat, and you can reply to other members' posts at any "
         "time.\n\n"
         "Take care,\nThe Cancer Chat moderators";
  return out;
}

SafeHtml render_reach_out(const Chrome& chrome, const ReachOutPage& p) {
  Html h;
  std::string action = "/staff/moderation/message/" + std::to_string(p.post_id);
  write_form_error_summary(h, p.form);
  h << "<h1>Send "_m << p.member << R"( a private message</h1>
<p>The member sees it in their account, with a notice on their next visit, beside the crisis contacts. It is kept in the audit log.</p>
<h2 class="nhsuk-heading-s">Their post</h2>
<blockquote class="cairn-reported-post">)"_m
    << p.post_body << "</blockquote>\n<form method=\"post\" action=\""_m << action
    << "\" novalidate>\n"_m;
  write_csrf_field(h, p.form.csrf_token);
  write_textarea_field(h, p.form,
                       {.name = "body",
                        .label = "Your message",
                        .hint = "Start from our template and make it personal. Plain text.",
                        .value = p.body,
                        .rows = 16,
                        .label_size = "s",
                        .newline_after_tag = true});
  write_submit_button(h, "Send message");
  h << "</form>\n"_m;
  return render_in_layout(chrome, form_page_title(p.form, "Send a private message"), action,
                          in_two_thirds_column(h.take()), moderation_crumbs());
}

SafeHtml render_suspended(const Chrome& chrome, const SuspendedPage& p) {
  Html h;
  h << "<h1>Suspended members</h1>\n"_m;
  if (!p.notice.empty())
    write_inset_text(h, p.notice, "cairn-action-notice");
  if (p.members.empty()) {
    h << "<p>No member is suspended.</p>\n"_m;
  } else {
    h << R"(<ul class="nhsuk-list cairn-suspended">)"_m;
    for (const auto& m : p.members) {
      std::string id = std::to_string(m.id);
      h << R"(<li class="nhsuk-card"><div class="nhsuk-card__content"><h2 class="nhsuk-heading-s">)"_m
        << m.name << R"(</h2><form method="post" action="/staff/moderation/suspended">)"_m;
      write_csrf_field(h, p.csrf_token);
      h << R"(<input type="hidden" name="member" value=")"_m << id
        << R"("><div class="nhsuk-form-group"><label class="nhsuk-label" for="unsuspend-reason-)"_m
        << id << R"(">Reason for lifting the suspension of )"_m << m.name
        << R"(</label><input class="nhsuk-input" id="unsuspend-reason-)"_m << id
        << R"(" name="reason" type="text"></div>)"_m;
      write_submit_button(h, "Lift suspension", ButtonStyle::secondary);
      h << "</form></div></li>\n"_m;
    }
    h << "</ul>\n"_m;
  }
  return render_in_layout(chrome, "Suspended members", "/staff/moderation/suspended",
                          in_two_thirds_column(h.take()), moderation_crumbs());
}

SafeHtml render_watched_words(const Chrome& chrome, const WatchedWordsPage& p) {
  Html h;
  write_form_error_summary(h, p.form, {{"action", "action-hold"}});
  h << "<h1>Watched words</h1>\n"_m;
  if (!p.notice.empty())
    write_inset_text(h, p.notice, "cairn-action-notice");
  h << R"(<p>Every new or edited post by a member is checked against these words and phrases, at once and on every server. Matching ignores capitals and punctuation, and whole words only.</p>
<h2>Add or change a phrase</h2>
<form method="post" action="/staff/moderation/words" novalidate>
<input type="hidden" name="do" value="put">
)"_m;
  write_csrf_field(h, p.form.csrf_token);
  write_input_field(h, p.form,
                    {.name = "phrase",
                     .label = "Word or phrase",
                     .hint = "Adding a phrase that is already listed changes what it does.",
                     .value = p.phrase,
                     .label_size = "s"});
  write_radios_field(
      h, p.form,
      {.name = "action",
       .legend = "What happens to a post with it",
       .options = {{"hold", "Hold for a moderator and show the writer crisis support"},
                   {"block", "Block the post and show the writer a message"},
                   {"flag", "Publish it, and put it in the moderation queue"}},
       .selected = p.action,
       .value_in_every_id = true});
  write_textarea_field(h, p.form,
                       {.name = "message",
                        .label = "Message for a blocked post",
                        .hint = "Only for \"Block\". The writer sees this and keeps their text.",
                        .value = p.message,
                        .rows = 3,
                        .label_size = "s"});
  write_submit_button(h, "Save phrase");
  h << "</form>\n<h2>The list</h2>\n"_m;
  if (p.words.empty()) {
    h << "<p>The list is empty: no post is held, blocked or flagged for its words.</p>\n"_m;
  } else {
    h << R"(<table class="nhsuk-table cairn-words"><caption class="nhsuk-table__caption">Watched words and phrases</caption><thead class="nhsuk-table__head"><tr class="nhsuk-table__row"><th scope="col" class="nhsuk-table__header">Phrase</th><th scope="col" class="nhsuk-table__header">Action</th><th scope="col" class="nhsuk-table__header">Message</th><th scope="col" class="nhsuk-table__header"><span class="nhsuk-u-visually-hidden">Remove</span></th></tr></thead><tbody class="nhsuk-table__body">)"_m;
    for (const auto& w : p.words) {
      h << R"(<tr class="nhsuk-table__row"><td class="nhsuk-table__cell">)"_m << w.phrase
        << R"(</td><td class="nhsuk-table__cell">)"_m << w.action
        << R"(</td><td class="nhsuk-table__cell">)"_m << w.message
        << R"(</td><td class="nhsuk-table__cell"><form method="post" action="/staff/moderation/words"><input type="hidden" name="do" value="remove"><input type="hidden" name="phrase" value=")"_m
        << w.phrase << "\">"_m;
      write_csrf_field(h, p.form.csrf_token);
      h << R"(<button class="nhsuk-button nhsuk-button--secondary" data-module="nhsuk-button" type="submit">Remove<span class="nhsuk-u-visually-hidden"> )"_m
        << w.phrase << "</span></button></form></td></tr>\n"_m;
    }
    h << "</tbody></table>\n"_m;
  }
  return render_in_layout(chrome, form_page_title(p.form, "Watched words"),
                          "/staff/moderation/words", h.take(), moderation_crumbs());
}

}  // namespace cairn::views
