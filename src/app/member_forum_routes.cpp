#include "app/member_forum_routes.hpp"

#include "views/forum_member_views.hpp"

namespace cairn::app {

namespace {

class MemberForumPages {
 public:
  explicit MemberForumPages(MemberForumDeps& deps) : d_(deps) {}

  void add(Routes& routes) const {
    routes.add("GET", "/account/forum", bind_page(*this, &MemberForumPages::overview));
    routes.add("POST", "/account/forum/email", bind_page(*this, &MemberForumPages::set_email));
    routes.add("GET", "/account/messages", bind_page(*this, &MemberForumPages::messages));
    routes.add("GET", "/account/messages/{id}", bind_page(*this, &MemberForumPages::message));
    routes.add("GET", "/forum/unsubscribe/{token}",
               bind_page(*this, &MemberForumPages::unsubscribe_form));
    routes.add("POST", "/forum/unsubscribe/{token}",
               bind_page(*this, &MemberForumPages::unsubscribe));
  }

 private:
  Outcome overview_page(RequestContext& c, const accounts::Account& account, const Error* problems,
                        std::string notice) const {
    views::AccountForumPage p;
    p.form = c.form_state(problems);
    p.mail = std::string(store::to_string(d_.members.mail_choice(account)));
    p.notice = std::move(notice);
    p.unread_messages = d_.members.unread_messages(account);
    for (const auto& own : d_.members.own_posts(account)) {
      std::string state;
      if (!own.post.deleted_at.empty())
        state = "Deleted";
      else if (own.post.status == store::PostStatus::held)
        state = "Waiting for a moderator";
      p.posts.push_back({own.post.thread_id, own.post.id, own.thread_title, own.post.created_at,
                         state, own.post.first_in_thread});
    }
    for (const auto& t : d_.members.watched_threads(account)) {
      p.watched.push_back({t.id, t.title, t.last_public_post_at, std::max(0, t.public_posts - 1)});
    }
    auto html = views::render_account_forum(d_.site.chrome(), p);
    return Outcome::form(html, problems);
  }

  Outcome overview(RequestContext& c) const {
    const auto* account = c.account();
    if (!account)
      return to_sign_in(c.path());
    std::string notice;
    if (c.query("done") == "email")
      notice = "Your email choice was saved.";
    return overview_page(c, *account, nullptr, notice);
  }

  Outcome set_email(RequestContext& c) const {
    return member_post(c, "/account/forum",
                       [&](const http::Form& form, const accounts::Account& account) -> Outcome {
                         auto done = d_.members.set_mail_choice(account, form.get("mail"));
                         if (!done)
                           return overview_page(c, account, &done.error(), "");
                         return Outcome::see_other("/account/forum?done=email");
                       });
  }

  Outcome messages(RequestContext& c) const {
    const auto* account = c.account();
    if (!account)
      return to_sign_in(c.path());
    std::vector<views::MessageRow> rows;
    for (const auto& m : d_.members.messages(*account))
      rows.push_back({m.id, m.moderator_name, m.created_at, m.read_at.empty()});
    return Outcome::page(views::render_messages(d_.site.chrome(), rows));
  }

  Outcome message(RequestContext& c) const {
    const auto* account = c.account();
    if (!account)
      return to_sign_in(c.path());
    auto id = c.path_id("id");
    if (!id)
      return make_error(Errc::not_found, "There is no such message.");
    auto m = d_.members.open_message(*account, *id);
    if (!m)
      return m.error();
    views::MessagePage p{m->moderator_name.empty() ? "a moderator" : m->moderator_name,
                         m->created_at, m->body};
    return Outcome::page(views::render_message(d_.site.chrome(), p));
  }

  Outcome unsubscribe_form(RequestContext& c) const {
    views::UnsubscribePage p;
    p.token = std::string(c.path_param("token"));
    if (!d_.notifier.account_of(p.token)) {
      p.bad_link = true;
      return Outcome::form(views::render_unsubscribe(d_.site.chrome(), p),
                           make_error(Errc::not_found, "This link does not work"));
    }
    return Outcome::page(views::render_unsubscribe(d_.site.chrome(), p));
  }

  Outcome unsubscribe(RequestContext& c) const {
    views::UnsubscribePage p;
    p.token = std::string(c.path_param("token"));
    if (!d_.notifier.unsubscribe(p.token)) {
      p.bad_link = true;
      return Outcome::form(views::render_unsubscribe(d_.site.chrome(), p),
                           make_error(Errc::not_found, "This link does not work"));
    }
    p.done = true;
    return Outcome::page(views::render_unsubscribe(d_.site.chrome(), p));
  }

  MemberForumDeps& d_;
};

}  // namespace

bool carries_own_credential(const http::Request& request) {
  return request.method == "POST" && request.path.starts_with(forum::kUnsubscribePath);
}

void add_member_forum_routes(Routes& routes, MemberForumDeps& deps) {
  MemberForumPages(deps).add(routes);
}

}  // namespace cairn::app
