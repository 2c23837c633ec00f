#include "app/forum_routes.hpp"

#include "core/text.hpp"
#include "forum/post_markdown.hpp"
#include "views/forum_member_views.hpp"
#include "views/forum_views.hpp"

namespace cairn::app {

namespace {

int page_param(const RequestContext& c) {
  auto n = positive_id(c.query("page"));
  return n && *n < 1000000 ? static_cast<int>(*n) : 1;
}

std::string thread_href(std::int64_t id) {
  return "/forum/t/" + std::to_string(id);
}

views::ForumCategoryLink link_of(const forum::Category* c, std::string_view slug) {
  if (!c)
    return {std::string(slug), std::string(slug), ""};
  return {c->slug, c->name, c->description};
}

Error no_page() {
  return make_error(Errc::not_found, "There is no page at this address.");
}

class ForumPages {
 public:
  explicit ForumPages(ForumDeps& deps) : d_(deps) {}

  void add(Routes& routes) const {
    routes.add("GET", "/forum", bind_page(*this, &ForumPages::index));
    routes.add("GET", "/forum/rules", bind_page(*this, &ForumPages::rules));
    routes.add("GET", "/forum/{category}", bind_page(*this, &ForumPages::category));
    routes.add("GET", "/forum/{category}/new", bind_page(*this, &ForumPages::new_thread_form));
    routes.add("POST", "/forum/{category}/new", bind_page(*this, &ForumPages::start_thread));
    routes.add("GET", "/forum/t/{thread}", bind_page(*this, &ForumPages::thread));
    routes.add("POST", "/forum/t/{thread}", bind_page(*this, &ForumPages::reply));
    routes.add("GET", "/forum/search", bind_page(*this, &ForumPages::search));
    routes.add("POST", "/forum/t/{thread}/watch", bind_page(*this, &ForumPages::watch));
    routes.add("GET", "/forum/t/{thread}/edit/{post}",
               bind_page(*this, &ForumPages::edit_own_form));
    routes.add("POST", "/forum/t/{thread}/edit/{post}", bind_page(*this, &ForumPages::edit_own));
    routes.add("GET", "/forum/t/{thread}/delete/{post}",
               bind_page(*this, &ForumPages::delete_own_form));
    routes.add("POST", "/forum/t/{thread}/delete/{post}",
               bind_page(*this, &ForumPages::delete_own));
    routes.add("GET", "/forum/t/{thread}/report/{post}",
               bind_page(*this, &ForumPages::report_form));
    routes.add("POST", "/forum/t/{thread}/report/{post}",
               bind_page(*this, &ForumPages::send_report));
    routes.add("GET", "/staff/moderation", bind_page(*this, &ForumPages::queue));
    routes.add("POST", "/staff/moderation", bind_page(*this, &ForumPages::moderate));
    routes.add("GET", "/staff/moderation/audit", bind_page(*this, &ForumPages::audit));
    routes.add("GET", "/staff/moderation/edit/{post}", bind_page(*this, &ForumPages::edit_form));
    routes.add("POST", "/staff/moderation/edit/{post}", bind_page(*this, &ForumPages::edit));
  }

 private:
  // --- reading -------------------------------------------------------------

  int unread(RequestContext& c) const {
    return c.account() ? d_.members.unread_messages(*c.account()) : 0;
  }

  Outcome index(RequestContext& c) const {
    views::ForumIndexPage p;
    for (const auto& cat : d_.forum.categories().all()) {
      views::ForumCategorySummary s;
      s.link = {cat.slug, cat.name, cat.description};
      auto listing = d_.forum.category_page(cat.slug, c.account(), 1);
      if (listing && !listing->threads.empty()) {
        const auto& latest = listing->threads.front().thread;
        s.threads = d_.forum.thread_count(cat.slug, c.account());
        s.latest_thread_id = latest.id;
        s.latest_title = latest.title;
        s.latest_at =
            latest.last_public_post_at.empty() ? latest.created_at : latest.last_public_post_at;
      }
      p.categories.push_back(std::move(s));
    }
    p.signed_in = c.account() != nullptr;
    p.moderator = c.account() && forum::is_moderator(*c.account());
    p.unread_messages = unread(c);
    return Outcome::page(views::render_forum_index(d_.site.chrome(), p));
  }

  Outcome search(RequestContext& c) const {
    c.visitor();  // as every forum page: per visitor, never stored
    views::ForumSearchPage p;
    p.query = std::string(trim(c.query("q")));
    if (p.query.size() > 200)
      p.query.resize(200);
    if (p.query.empty()) {
      p.notice = "Type a few words to search the posts on Cancer Chat.";
      return Outcome::page(views::render_forum_search(d_.site.chrome(), p));
    }
    search::SearchRequest request{p.query, "forum", page_param(c), 10};
    auto found = d_.index.search(request);
    for (auto& hit : found.results) p.results.push_back({hit.title, hit.url, hit.snippet});
    p.total = found.total;
    p.page = found.page;
    p.pages = std::max<int>(
        1, static_cast<int>((found.total + found.page_size - 1) / std::max(1, found.page_size)));
    if (found.corrected && !found.showing_corrected)
      p.corrected = *found.corrected;
    if (found.total == 0)
      p.notice = found.notice.empty() ? "No posts on Cancer Chat match your search." : found.notice;
    return Outcome::page(views::render_forum_search(d_.site.chrome(), p));
  }

  Outcome rules(RequestContext& c) const {
    c.visitor();  // as every forum page: per visitor, never stored
    return Outcome::page(views::render_forum_rules(d_.site.chrome(), d_.rules));
  }

  Outcome category(RequestContext& c) const {
    std::string_view slug = c.path_param("category");
    auto listing = d_.forum.category_page(slug, c.account(), page_param(c));
    if (!listing)
      return listing.error();
    views::ForumCategoryPage p;
    p.category = link_of(&listing->category, slug);
    p.page = listing->page;
    p.pages = listing->pages;
    p.signed_in = c.account() != nullptr;
    p.unread_messages = unread(c);
    for (const auto& s : listing->threads) {
      const auto& t = s.thread;
      p.threads.push_back({t.id, t.title, t.author_name, std::max(0, t.public_posts - 1),
                           t.last_public_post_at, t.last_public_post_by, s.unread,
                           t.status == store::PostStatus::held});
    }
    return Outcome::page(views::render_forum_category(d_.site.chrome(), p));
  }

  // The thread page, with the reply form as `reply` left it.
  Outcome render_thread(RequestContext& c, std::int64_t id, int page_number, const Error* problems,
                        std::string reply_body, std::string notice = {}) const {
    const auto* account = c.account();
    auto tp = d_.forum.thread_page(id, account, page_number);
    if (!tp)
      return tp.error();
    views::ForumThreadPage p;
    p.id = id;
    p.title = tp->thread.title;
    p.category = link_of(d_.forum.categories().find(tp->thread.category), tp->thread.category);
    p.page = tp->page;
    p.pages = tp->pages;
    p.signed_in = account != nullptr;
    p.moderator = account && forum::is_moderator(*account);
    p.reply = c.form_state(problems);
    p.reply_body = std::move(reply_body);
    p.notice = std::move(notice);
    p.edit_minutes = static_cast<int>(d_.forum.limits().edit_window.count() / 60);
    if (account) {
      p.watching = d_.forum.watching(*account, id);
      p.unread_messages = d_.members.unread_messages(*account);
    }
    std::string done = c.query("done");
    if (done == "edited")
      p.notice = "Your edit was saved.";
    if (done == "deleted")
      p.notice = "Your post was deleted.";
    if (done == "watching")
      p.notice = "You are watching this thread. We will tell you about new replies.";
    if (done == "unwatched")
      p.notice = "You stopped watching this thread.";
    auto posted = positive_id(c.query("posted"));
    for (const auto& post : tp->posts) {
      views::ForumPostView pv;
      pv.id = post.id;
      pv.author = post.author_name;
      pv.created_at = post.created_at;
      pv.edited_at = post.edited_at;
      pv.author_edited_at = post.author_edited_at;
      pv.deleted = !post.deleted_at.empty();
      if (!pv.deleted)
        pv.body = forum::render_post(post.body);
      pv.status = post.status;
      pv.can_edit = d_.forum.can_edit(account, post);
      pv.can_delete = d_.forum.can_delete(account, post);
      bool own = account && post.author_id == account->id;
      pv.is_new = tp->last_read > 0 && post.id > tp->last_read && !own;
      pv.can_report = account && !own && post.status == store::PostStatus::published && !pv.deleted;
      if (posted && *posted == post.id && own && post.status == store::PostStatus::held) {
        p.just_held = true;
        for (auto reason : post.held_reasons) {
          if (reason == forum::HoldReason::safeguarding)
            p.show_crisis = true;
        }
      }
      p.posts.push_back(std::move(pv));
    }
    auto html = views::render_forum_thread(d_.site.chrome(), p);
    return Outcome::form(html, problems);
  }

  Outcome thread(RequestContext& c) const {
    auto id = c.path_id("thread");
    if (!id)
      return no_page();
    return render_thread(c, *id, page_param(c), nullptr, "");
  }

  // --- posting -------------------------------------------------------------

  Outcome reply(RequestContext& c) const {
    auto id = c.path_id("thread");
    if (!id)
      return no_page();
    return member_post(c, thread_href(*id),
                       [&](const http::Form& form, const accounts::Account& account) -> Outcome {
                         auto posted = d_.forum.reply(account, *id, form.get("body"));
                         if (posted)
                           return Outcome::see_other(after_posting(account, posted.value()));
                         if (posted.error().code == Errc::not_found)
                           return posted.error();
                         // Problems are shown on the last page, where the reply form is.
                         return render_thread(c, *id, 1 << 20, &posted.error(), form.get("body"));
                       });
  }

  std::string after_posting(const accounts::Account& author, const forum::Posted& posted) const {
    int page = d_.forum.page_of(posted.thread_id, posted.post_id, &author);
    std::string to = thread_href(posted.thread_id) + "?";
    if (page > 1)
      to += "page=" + std::to_string(page) + "&";
    return to + "posted=" + std::to_string(posted.post_id) + "#post-" +
           std::to_string(posted.post_id);
  }

  Outcome new_thread_form(RequestContext& c) const {
    std::string_view slug = c.path_param("category");
    const auto* category = d_.forum.categories().find(slug);
    if (!category)
      return no_page();
    if (!c.account())
      return to_sign_in(c.path());
    views::ForumNewThreadPage p;
    p.category = link_of(category, slug);
    p.form = c.form_state();
    return Outcome::page(views::render_forum_new_thread(d_.site.chrome(), p));
  }

  Outcome start_thread(RequestContext& c) const {
    std::string_view slug = c.path_param("category");
    const auto* category = d_.forum.categories().find(slug);
    if (!category)
      return no_page();
    return member_post(
        c, c.path(), [&](const http::Form& form, const accounts::Account& account) -> Outcome {
          auto posted = d_.forum.start_thread(account, slug, form.get("title"), form.get("body"));
          if (posted)
            return Outcome::see_other(after_posting(account, posted.value()));
          views::ForumNewThreadPage p;
          p.category = link_of(category, slug);
          p.form = c.form_state(&posted.error());
          p.title = form.get("title");
          p.body = form.get("body");
          return Outcome::form(views::render_forum_new_thread(d_.site.chrome(), p), posted.error());
        });
  }

  // --- the author's own posts ---------------------------------------------

  // The viewer's own post in this thread, or a "no page" error.
  Result<store::ForumPostRecord> own_post(const accounts::Account& account, std::int64_t thread_id,
                                          std::int64_t post_id) const {
    auto post = d_.forum.visible_post(post_id, &account);
    if (!post || post->thread_id != thread_id || post->author_id != account.id ||
        !post->deleted_at.empty())
      return no_page();
    return post;
  }

  Outcome edit_own_page(RequestContext& c, std::int64_t thread_id, std::int64_t post_id,
                        const Error* problems, std::string body) const {
    views::ForumEditOwnPage p;
    p.thread_id = thread_id;
    p.post_id = post_id;
    p.form = c.form_state(problems);
    p.body = std::move(body);
    p.edit_minutes = static_cast<int>(d_.forum.limits().edit_window.count() / 60);
    auto html = views::render_forum_edit_own(d_.site.chrome(), p);
    return Outcome::form(html, problems);
  }

  // A page about the viewer's own post named in the path ({thread}, {post}):
  // no page for a post that is not theirs, sign in first when signed out.
  template <typename Show>
  Outcome show_own_post(RequestContext& c, Show&& show) const {
    auto thread_id = c.path_id("thread");
    auto post_id = c.path_id("post");
    if (!thread_id || !post_id)
      return no_page();
    const auto* account = c.account();
    if (!account)
      return to_sign_in(c.path());
    auto post = own_post(*account, *thread_id, *post_id);
    if (!post)
      return post.error();
    return show(*account, *post);
  }

  // A member's form post about their own post named in the path.
  template <typename Act>
  Outcome act_on_own_post(RequestContext& c, Act&& act) const {
    auto thread_id = c.path_id("thread");
    auto post_id = c.path_id("post");
    if (!thread_id || !post_id)
      return no_page();
    return member_post(c, c.path(),
                       [&](const http::Form& form, const accounts::Account& account) -> Outcome {
                         auto post = own_post(account, *thread_id, *post_id);
                         if (!post)
                           return post.error();
                         return act(form, account, *post);
                       });
  }

  Outcome edit_own_form(RequestContext& c) const {
    return show_own_post(
        c, [&](const accounts::Account& account, const store::ForumPostRecord& post) -> Outcome {
          if (!d_.forum.can_edit(&account, post)) {
            return make_error(Errc::forbidden,
                              "The time for editing this post has passed. You can "
                              "still delete it.");
          }
          return edit_own_page(c, post.thread_id, post.id, nullptr, post.body);
        });
  }

  Outcome edit_own(RequestContext& c) const {
    return act_on_own_post(
        c,
        [&](const http::Form& form, const accounts::Account& account,
            const store::ForumPostRecord& post) -> Outcome {
          auto edited = d_.forum.edit_own(account, post.id, form.get("body"));
          if (edited) {
            std::string to = thread_href(post.thread_id) + "?";
            int page = d_.forum.page_of(post.thread_id, post.id, &account);
            if (page > 1)
              to += "page=" + std::to_string(page) + "&";
            if (edited->hold.held())
              to += "posted=" + std::to_string(post.id) + "&";
            return Outcome::see_other(to + "done=edited#post-" + std::to_string(post.id));
          }
          if (edited.error().problems.empty() && edited.error().field.empty())
            return edited.error();
          return edit_own_page(c, post.thread_id, post.id, &edited.error(), form.get("body"));
        });
  }

  Outcome delete_own_form(RequestContext& c) const {
    return show_own_post(
        c, [&](const accounts::Account&, const store::ForumPostRecord& post) -> Outcome {
          views::ForumDeleteOwnPage p{post.thread_id, post.id, c.visitor().csrf_token,
                                      forum::render_post(post.body)};
          return Outcome::page(views::render_forum_delete_own(d_.site.chrome(), p));
        });
  }

  Outcome delete_own(RequestContext& c) const {
    return act_on_own_post(c,
                           [&](const http::Form&, const accounts::Account& account,
                               const store::ForumPostRecord& post) -> Outcome {
                             if (auto done = d_.forum.delete_own(account, post.id); !done)
                               return done.error();
                             return Outcome::see_other(thread_href(post.thread_id) +
                                                       "?done=deleted#post-" +
                                                       std::to_string(post.id));
                           });
  }

  Outcome watch(RequestContext& c) const {
    auto thread_id = c.path_id("thread");
    if (!thread_id)
      return no_page();
    return member_post(
        c, thread_href(*thread_id),
        [&](const http::Form& form, const accounts::Account& account) -> Outcome {
          std::string choice = form.get("watch");
          if (choice != "on" && choice != "off")
            return make_error(Errc::invalid_input, "Choose to watch the thread or not.");
          if (auto done = d_.forum.set_watching(account, *thread_id, choice == "on"); !done)
            return done.error();
          return Outcome::see_other(thread_href(*thread_id) +
                                    (choice == "on" ? "?done=watching" : "?done=unwatched"));
        });
  }

  // --- reports -------------------------------------------------------------

  Outcome report_page(RequestContext& c, std::int64_t thread_id, std::int64_t post_id,
                      const Error* problems, std::string reason, bool done) const {
    auto post = d_.forum.visible_post(post_id, c.account());
    if (!post || post->thread_id != thread_id || post->status != store::PostStatus::published)
      return no_page();
    views::ForumReportPage p;
    p.thread_id = thread_id;
    p.post_id = post_id;
    p.post_author = post->author_name;
    p.post_body = forum::render_post(post->body);
    p.form = c.form_state(problems);
    p.reason = std::move(reason);
    p.done = done;
    auto html = views::render_forum_report(d_.site.chrome(), p);
    return Outcome::form(html, problems);
  }

  Outcome report_form(RequestContext& c) const {
    auto thread_id = c.path_id("thread");
    auto post_id = c.path_id("post");
    if (!thread_id || !post_id)
      return no_page();
    if (!c.account())
      return to_sign_in(c.path());
    return report_page(c, *thread_id, *post_id, nullptr, "", false);
  }

  Outcome send_report(RequestContext& c) const {
    auto thread_id = c.path_id("thread");
    auto post_id = c.path_id("post");
    if (!thread_id || !post_id)
      return no_page();
    return member_post(
        c, c.path(), [&](const http::Form& form, const accounts::Account& account) -> Outcome {
          auto post = d_.forum.visible_post(*post_id, &account);
          if (!post || post->thread_id != *thread_id)
            return no_page();
          auto sent = d_.forum.report(account, *post_id, form.get("reason"));
          if (sent)
            return report_page(c, *thread_id, *post_id, nullptr, "", true);
          if (sent.error().code == Errc::not_found)
            return sent.error();
          return report_page(c, *thread_id, *post_id, &sent.error(), form.get("reason"), false);
        });
  }

  // --- moderation ----------------------------------------------------------

  template <class F>
  Outcome as_moderator(RequestContext& c, F&& f) const {
    return as_staff(c, c.path(), forum::is_moderator, "Only moderators can see this page.", f);
  }

  Outcome queue(RequestContext& c) const {
    return as_moderator(c, [&](const accounts::Account& mod) -> Outcome {
      auto items = d_.moderation.queue(mod);
      if (!items)
        return items.error();
      views::ModerationPage p;
      p.csrf_token = c.visitor().csrf_token;
      std::string done = c.query("done");
      if (done == "approve")
        p.notice = "The post was approved.";
      if (done == "hide")
        p.notice = "The post was hidden.";
      if (done == "suspend")
        p.notice = "The member was suspended.";
      if (done == "edit")
        p.notice = "The post was edited.";
      if (done == "message")
        p.notice = "Your message was sent. The member sees it on their next visit.";
      for (auto& item : items.value()) {
        views::ModerationItem m;
        m.body = forum::render_post(item.post.body);
        m.thread_title = item.thread_title;
        for (auto reason : item.held_for) {
          m.held_for.emplace_back(forum::reason_title(reason));
          if (reason == forum::HoldReason::safeguarding)
            m.safeguarding = true;
        }
        m.reports = std::move(item.reports);
        m.versions = std::move(item.versions);
        m.post = std::move(item.post);
        p.items.push_back(std::move(m));
      }
      return Outcome::page(views::render_moderation(d_.site.chrome(), p));
    });
  }

  Outcome moderate(RequestContext& c) const {
    const auto& form = c.form();
    if (!form)
      return form.error();
    return as_moderator(c, [&](const accounts::Account& mod) -> Outcome {
      std::string action = form->get("action");
      Status done = make_error(Errc::invalid_input, "Choose approve, hide or suspend.");
      if (action == "approve" || action == "hide") {
        auto post = positive_id(form->get("post"));
        if (!post)
          return make_error(Errc::invalid_input, "Which post?");
        done = action == "approve" ? d_.moderation.approve(mod, *post)
                                   : d_.moderation.hide(mod, *post, form->get("reason"));
      } else if (action == "suspend") {
        auto member = positive_id(form->get("member"));
        if (!member)
          return make_error(Errc::invalid_input, "Which member?");
        done = d_.moderation.suspend(mod, *member, form->get("reason"));
      }
      if (!done)
        return done.error();
      return Outcome::see_other("/staff/moderation?done=" + action);
    });
  }

  Outcome edit_page(RequestContext& c, std::int64_t post_id, const Error* problems,
                    std::string body, std::string reason) const {
    views::ModerationEditPage p;
    p.post_id = post_id;
    p.form = c.form_state(problems);
    p.body = std::move(body);
    p.reason = std::move(reason);
    auto html = views::render_moderation_edit(d_.site.chrome(), p);
    return Outcome::form(html, problems);
  }

  Outcome edit_form(RequestContext& c) const {
    return as_moderator(c, [&](const accounts::Account& mod) -> Outcome {
      auto id = c.path_id("post");
      if (!id)
        return no_page();
      auto post = d_.forum.visible_post(*id, &mod);
      if (!post)
        return post.error();
      return edit_page(c, *id, nullptr, post->body, "");
    });
  }

  Outcome edit(RequestContext& c) const {
    const auto& form = c.form();
    if (!form)
      return form.error();
    return as_moderator(c, [&](const accounts::Account& mod) -> Outcome {
      auto id = c.path_id("post");
      if (!id)
        return no_page();
      auto done = d_.moderation.edit(mod, *id, form->get("body"), form->get("reason"));
      if (done)
        return Outcome::see_other("/staff/moderation?done=edit");
      if (done.error().problems.empty())
        return done.error();
      return edit_page(c, *id, &done.error(), form->get("body"), form->get("reason"));
    });
  }

  Outcome audit(RequestContext& c) const {
    return as_moderator(c, [&](const accounts::Account& mod) -> Outcome {
      views::AuditPage p;
      p.page = page_param(c);
      auto entries = d_.moderation.audit_log(mod, p.page);
      if (!entries)
        return entries.error();
      p.entries = std::move(entries.value());
      p.more = static_cast<int>(p.entries.size()) == forum::kAuditPerPage;
      return Outcome::page(views::render_audit_log(d_.site.chrome(), p));
    });
  }

  ForumDeps& d_;
};

}  // namespace

void add_forum_routes(Routes& routes, ForumDeps& deps) {
  ForumPages(deps).add(routes);
}

}  // namespace cairn::app
