#include "app/moderation_tools_routes.hpp"

#include "forum/forum_service.hpp"
#include "forum/post_markdown.hpp"
#include "views/moderation_tools_views.hpp"

namespace cairn::app {

namespace {

bool is_admin(const accounts::Account& account) {
  return account.role == accounts::Role::admin;
}

class ModerationTools {
 public:
  explicit ModerationTools(ModerationToolsDeps& deps) : d_(deps) {}

  void add(Routes& routes) const {
    routes.add("GET", "/staff/moderation/message/{post}",
               bind_page(*this, &ModerationTools::message_form));
    routes.add("POST", "/staff/moderation/message/{post}",
               bind_page(*this, &ModerationTools::send_message));
    routes.add("GET", "/staff/moderation/suspended", bind_page(*this, &ModerationTools::suspended));
    routes.add("POST", "/staff/moderation/suspended",
               bind_page(*this, &ModerationTools::unsuspend));
    routes.add("GET", "/staff/moderation/words", bind_page(*this, &ModerationTools::words));
    routes.add("POST", "/staff/moderation/words", bind_page(*this, &ModerationTools::change_word));
  }

 private:
  template <class F>
  Outcome as_moderator(RequestContext& c, F&& f) const {
    return as_staff(c, c.path(), forum::is_moderator, "Only moderators can see this page.", f);
  }

  Outcome message_page(RequestContext& c, const accounts::Account& mod, std::int64_t post_id,
                       const Error* problems, std::optional<std::string> body) const {
    auto post = d_.moderation.post_to_reach_out(mod, post_id);
    if (!post)
      return post.error();
    views::ReachOutPage p;
    p.post_id = post_id;
    p.member = post->author_name;
    p.post_body = forum::render_post(post->body);
    p.form = c.form_state(problems);
    p.body = body ? std::move(*body) : views::reach_out_template(d_.site.chrome().site, p.member);
    auto html = views::render_reach_out(d_.site.chrome(), p);
    return Outcome::form(html, problems);
  }

  Outcome message_form(RequestContext& c) const {
    return as_moderator(c, [&](const accounts::Account& mod) -> Outcome {
      auto id = c.path_id("post");
      if (!id)
        return make_error(Errc::not_found, "There is no such post.");
      return message_page(c, mod, *id, nullptr, std::nullopt);
    });
  }

  Outcome send_message(RequestContext& c) const {
    const auto& form = c.form();
    if (!form)
      return form.error();
    return as_moderator(c, [&](const accounts::Account& mod) -> Outcome {
      auto id = c.path_id("post");
      if (!id)
        return make_error(Errc::not_found, "There is no such post.");
      auto sent = d_.moderation.send_message(mod, *id, form->get("body"));
      if (sent)
        return Outcome::see_other("/staff/moderation?done=message");
      if (sent.error().problems.empty())
        return sent.error();
      return message_page(c, mod, *id, &sent.error(), form->get("body"));
    });
  }

  Outcome suspended_page(RequestContext& c, const accounts::Account& mod,
                         std::string notice) const {
    auto members = d_.moderation.suspended(mod);
    if (!members)
      return members.error();
    views::SuspendedPage p;
    p.csrf_token = c.visitor().csrf_token;
    p.notice = std::move(notice);
    for (const auto& m : members.value()) p.members.push_back({m.id, m.display_name});
    return Outcome::page(views::render_suspended(d_.site.chrome(), p));
  }

  Outcome suspended(RequestContext& c) const {
    return as_moderator(c, [&](const accounts::Account& mod) -> Outcome {
      return suspended_page(c, mod,
                            c.query("done") == "lifted" ? "The suspension was lifted." : "");
    });
  }

  Outcome unsuspend(RequestContext& c) const {
    const auto& form = c.form();
    if (!form)
      return form.error();
    return as_moderator(c, [&](const accounts::Account& mod) -> Outcome {
      auto member = positive_id(form->get("member"));
      if (!member)
        return make_error(Errc::invalid_input, "Which member?");
      if (auto done = d_.moderation.unsuspend(mod, *member, form->get("reason")); !done)
        return done.error();
      return Outcome::see_other("/staff/moderation/suspended?done=lifted");
    });
  }

  Outcome words_page(RequestContext& c, const accounts::Account& admin, const Error* problems,
                     std::string phrase, std::string action, std::string message,
                     std::string notice) const {
    auto list = d_.words.list(admin);
    if (!list)
      return list.error();
    views::WatchedWordsPage p;
    p.form = c.form_state(problems);
    for (const auto& w : list.value())
      p.words.push_back({w.phrase, std::string(safeguarding::to_string(w.action)), w.message});
    p.phrase = std::move(phrase);
    p.action = action.empty() ? "hold" : std::move(action);
    p.message = std::move(message);
    p.notice = std::move(notice);
    auto html = views::render_watched_words(d_.site.chrome(), p);
    return Outcome::form(html, problems);
  }

  Outcome words(RequestContext& c) const {
    return as_staff(c, c.path(), is_admin, "Only admins can change the watched words.",
                    [&](const accounts::Account& admin) -> Outcome {
                      std::string done = c.query("done");
                      return words_page(c, admin, nullptr, "", "", "",
                                        done == "saved"     ? "The phrase was saved."
                                        : done == "removed" ? "The phrase was removed."
                                                            : "");
                    });
  }

  Outcome change_word(RequestContext& c) const {
    const auto& form = c.form();
    if (!form)
      return form.error();
    return as_staff(c, c.path(), is_admin, "Only admins can change the watched words.",
                    [&](const accounts::Account& admin) -> Outcome {
                      std::string what = form->get("do");
                      if (what == "remove") {
                        if (auto done = d_.words.remove(admin, form->get("phrase")); !done)
                          return done.error();
                        return Outcome::see_other("/staff/moderation/words?done=removed");
                      }
                      auto done = d_.words.put(admin, form->get("phrase"), form->get("action"),
                                               form->get("message"));
                      if (done)
                        return Outcome::see_other("/staff/moderation/words?done=saved");
                      if (done.error().code != Errc::invalid_input)
                        return done.error();
                      return words_page(c, admin, &done.error(), form->get("phrase"),
                                        form->get("action"), form->get("message"), "");
                    });
  }

  ModerationToolsDeps& d_;
};

}  // namespace

void add_moderation_tools_routes(Routes& routes, ModerationToolsDeps& deps) {
  ModerationTools(deps).add(routes);
}

}  // namespace cairn::app
