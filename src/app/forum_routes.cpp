#include "app/forum_routes.hpp"

#include <charconv>

#include "app/form_state.hpp"
#include "app/web_app.hpp"
#include "core/text.hpp"
#include "forum/post_markdown.hpp"
#include "http/form.hpp"
#include "views/forum_views.hpp"

namespace cairn::app {

namespace {

using accounts::FormProblems;

std::optional<std::int64_t> parse_id(std::string_view text) {
  if (text.empty() || text.size() > 18)
    return std::nullopt;
  std::int64_t n = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
  if (ec != std::errc() || ptr != text.data() + text.size() || n <= 0)
    return std::nullopt;
  return n;
}

int page_param(const http::Request& r) {
  auto n = parse_id(r.param("page"));
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

  void add(http::Router& router) {
    router.add("GET", "/forum", bind(&ForumPages::index));
    router.add("GET", "/forum/rules", bind(&ForumPages::rules));
    router.add_prefix("GET", "/forum/", bind(&ForumPages::get_under_forum));
    router.add_prefix("POST", "/forum/", bind(&ForumPages::post_under_forum));
    router.add("GET", "/staff/moderation", bind(&ForumPages::queue));
    router.add("POST", "/staff/moderation", bind(&ForumPages::moderate));
    router.add("GET", "/staff/moderation/audit", bind(&ForumPages::audit));
    router.add_prefix("GET", "/staff/moderation/edit/", bind(&ForumPages::edit_form));
    router.add_prefix("POST", "/staff/moderation/edit/", bind(&ForumPages::edit));
  }

 private:
  using Method = Result<http::Response> (ForumPages::*)(const http::Request&) const;
  http::Handler bind(Method method) const {
    return [pages = *this, method](const http::Request& r) { return (pages.*method)(r); };
  }

  http::Response page(const Visitor& v, const SafeHtml& html, int status = 200) const {
    http::Response r;
    r.status = status;
    r.body = html.str();
    d_.visitors.finish(v, r);
    return r;
  }

  http::Response redirect(const Visitor& v, std::string location) const {
    auto r = http::redirect(std::move(location));
    d_.visitors.finish(v, r);
    return r;
  }

  // Signed-out visitors are sent to sign in, and brought back to `back` afterwards.
  http::Response to_sign_in(const Visitor& v, std::string_view back) const {
    return redirect(v, "/account/sign-in?next=" + url_encode(back));
  }

  // --- reading -------------------------------------------------------------

  Result<http::Response> index(const http::Request& r) const {
    auto v = d_.visitors.resolve(r);
    views::ForumIndexPage p;
    for (const auto& c : d_.forum.categories().all())
      p.categories.push_back({c.slug, c.name, c.description});
    p.signed_in = v.account() != nullptr;
    p.moderator = v.account() && forum::is_moderator(*v.account());
    return page(v, views::render_forum_index(d_.site.chrome(), p));
  }

  Result<http::Response> rules(const http::Request& r) const {
    auto v = d_.visitors.resolve(r);
    return page(v, views::render_forum_rules(d_.site.chrome(), d_.rules));
  }

  Result<http::Response> get_under_forum(const http::Request& r) const {
    auto parts = split(std::string_view(r.path).substr(7), '/');
    if (parts.size() == 2 && parts[0] == "t") {
      if (auto id = parse_id(parts[1]))
        return thread(r, *id);
    }
    if (parts.size() == 4 && parts[0] == "t" && parts[2] == "report") {
      auto id = parse_id(parts[1]);
      auto post = parse_id(parts[3]);
      if (id && post)
        return report_form(r, *id, *post);
    }
    if (parts.size() == 1)
      return category(r, parts[0]);
    if (parts.size() == 2 && parts[1] == "new")
      return new_thread_form(r, parts[0]);
    return no_page();
  }

  Result<http::Response> post_under_forum(const http::Request& r) const {
    auto parts = split(std::string_view(r.path).substr(7), '/');
    if (parts.size() == 2 && parts[0] == "t") {
      if (auto id = parse_id(parts[1]))
        return reply(r, *id);
    }
    if (parts.size() == 4 && parts[0] == "t" && parts[2] == "report") {
      auto id = parse_id(parts[1]);
      auto post = parse_id(parts[3]);
      if (id && post)
        return send_report(r, *id, *post);
    }
    if (parts.size() == 2 && parts[1] == "new")
      return start_thread(r, parts[0]);
    return no_page();
  }

  Result<http::Response> category(const http::Request& r, std::string_view slug) const {
    auto v = d_.visitors.resolve(r);
    auto listing = d_.forum.category_page(slug, v.account(), page_param(r));
    if (!listing)
      return listing.error();
    views::ForumCategoryPage p;
    p.category = link_of(&listing->category, slug);
    p.page = listing->page;
    p.pages = listing->pages;
    p.signed_in = v.account() != nullptr;
    for (const auto& s : listing->threads) {
      const auto& t = s.thread;
      p.threads.push_back({t.id, t.title, t.author_name, std::max(0, t.public_posts - 1),
                           t.last_public_post_at, s.unread, t.status == "held"});
    }
    return page(v, views::render_forum_category(d_.site.chrome(), p));
  }

  // The thread page, with the reply form as `reply` left it.
  Result<http::Response> render_thread(const http::Request& r, Visitor& v, std::int64_t id,
                                       int page_number, const FormProblems& problems,
                                       std::string reply_body, int status) const {
    const auto* account = v.account();
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
    p.reply = form_state(v, problems);
    p.reply_body = std::move(reply_body);
    auto posted = parse_id(r.param("posted"));
    for (const auto& post : tp->posts) {
      views::ForumPostView pv;
      pv.id = post.id;
      pv.author = post.author_name;
      pv.created_at = post.created_at;
      pv.edited_at = post.edited_at;
      pv.body = forum::render_post(post.body);
      pv.status = post.status;
      bool own = account && post.author_id == account->id;
      pv.is_new = tp->last_read > 0 && post.id > tp->last_read && !own;
      pv.can_report = account && !own && post.status == "public";
      if (posted && *posted == post.id && own && post.status == "held") {
        p.just_held = true;
        for (auto reason : forum::parse_reasons(post.held_reasons)) {
          if (reason == forum::HoldReason::safeguarding)
            p.show_crisis = true;
        }
      }
      p.posts.push_back(std::move(pv));
    }
    return page(v, views::render_forum_thread(d_.site.chrome(), p), status);
  }

  Result<http::Response> thread(const http::Request& r, std::int64_t id) const {
    auto v = d_.visitors.resolve(r);
    return render_thread(r, v, id, page_param(r), {}, "", 200);
  }

  // --- posting -------------------------------------------------------------

  Result<http::Response> reply(const http::Request& r, std::int64_t id) const {
    auto form = http::parse_form(r);
    if (!form)
      return form.error();
    auto v = d_.visitors.resolve(r);
    const auto* account = v.account();
    if (!account)
      return to_sign_in(v, thread_href(id));
    auto posted = d_.forum.reply(*account, id, form->get("body"));
    if (posted)
      return redirect(v, after_posting(*account, posted.value()));
    if (posted.problems().refusal && posted.problems().refusal->code == Errc::not_found)
      return *posted.problems().refusal;
    // Problems are shown on the last page, where the reply form is.
    return render_thread(r, v, id, 1 << 20, posted.problems(), form->get("body"),
                         status_for(posted.problems().code()));
  }

  std::string after_posting(const accounts::Account& author, const forum::Posted& posted) const {
    int page = d_.forum.page_of(posted.thread_id, posted.post_id, &author);
    std::string to = thread_href(posted.thread_id) + "?";
    if (page > 1)
      to += "page=" + std::to_string(page) + "&";
    return to + "posted=" + std::to_string(posted.post_id) + "#post-" +
           std::to_string(posted.post_id);
  }

  Result<http::Response> new_thread_form(const http::Request& r, std::string_view slug) const {
    const auto* category = d_.forum.categories().find(slug);
    if (!category)
      return no_page();
    auto v = d_.visitors.resolve(r);
    if (!v.account())
      return to_sign_in(v, r.path);
    views::ForumNewThreadPage p;
    p.category = link_of(category, slug);
    p.form = form_state(v);
    return page(v, views::render_forum_new_thread(d_.site.chrome(), p));
  }

  Result<http::Response> start_thread(const http::Request& r, std::string_view slug) const {
    const auto* category = d_.forum.categories().find(slug);
    if (!category)
      return no_page();
    auto form = http::parse_form(r);
    if (!form)
      return form.error();
    auto v = d_.visitors.resolve(r);
    const auto* account = v.account();
    if (!account)
      return to_sign_in(v, r.path);
    auto posted = d_.forum.start_thread(*account, slug, form->get("title"), form->get("body"));
    if (posted)
      return redirect(v, after_posting(*account, posted.value()));
    views::ForumNewThreadPage p;
    p.category = link_of(category, slug);
    p.form = form_state(v, posted.problems());
    p.title = form->get("title");
    p.body = form->get("body");
    return page(v, views::render_forum_new_thread(d_.site.chrome(), p),
                status_for(posted.problems().code()));
  }

  // --- reports -------------------------------------------------------------

  Result<http::Response> report_page(const http::Request& r, Visitor& v, std::int64_t thread_id,
                                     std::int64_t post_id, const FormProblems& problems,
                                     std::string reason, bool done, int status) const {
    (void)r;
    auto post = d_.forum.visible_post(post_id, v.account());
    if (!post || post->thread_id != thread_id || post->status != "public")
      return no_page();
    views::ForumReportPage p;
    p.thread_id = thread_id;
    p.post_id = post_id;
    p.post_author = post->author_name;
    p.post_body = forum::render_post(post->body);
    p.form = form_state(v, problems);
    p.reason = std::move(reason);
    p.done = done;
    return page(v, views::render_forum_report(d_.site.chrome(), p), status);
  }

  Result<http::Response> report_form(const http::Request& r, std::int64_t thread_id,
                                     std::int64_t post_id) const {
    auto v = d_.visitors.resolve(r);
    if (!v.account())
      return to_sign_in(v, r.path);
    return report_page(r, v, thread_id, post_id, {}, "", false, 200);
  }

  Result<http::Response> send_report(const http::Request& r, std::int64_t thread_id,
                                     std::int64_t post_id) const {
    auto form = http::parse_form(r);
    if (!form)
      return form.error();
    auto v = d_.visitors.resolve(r);
    const auto* account = v.account();
    if (!account)
      return to_sign_in(v, r.path);
    auto post = d_.forum.visible_post(post_id, account);
    if (!post || post->thread_id != thread_id)
      return no_page();
    auto sent = d_.forum.report(*account, post_id, form->get("reason"));
    if (sent)
      return report_page(r, v, thread_id, post_id, {}, "", true, 200);
    if (sent.problems().refusal && sent.problems().refusal->code == Errc::not_found)
      return *sent.problems().refusal;
    return report_page(r, v, thread_id, post_id, sent.problems(), form->get("reason"), false,
                       status_for(sent.problems().code()));
  }

  // --- moderation ----------------------------------------------------------

  // The signed-in moderator, or the response to send instead.
  std::variant<const accounts::Account*, Result<http::Response>> moderator(const http::Request& r,
                                                                           Visitor& v) const {
    const auto* account = v.account();
    if (!account)
      return Result<http::Response>(to_sign_in(v, r.path));
    if (!forum::is_moderator(*account))
      return Result<http::Response>(
          make_error(Errc::forbidden, "Only moderators can see this page."));
    return account;
  }

  Result<http::Response> queue(const http::Request& r) const {
    auto v = d_.visitors.resolve(r);
    auto who = moderator(r, v);
    if (auto* refused = std::get_if<Result<http::Response>>(&who))
      return std::move(*refused);
    const auto& mod = *std::get<const accounts::Account*>(who);
    auto items = d_.moderation.queue(mod);
    if (!items)
      return items.error();
    views::ModerationPage p;
    p.csrf_token = v.csrf_token;
    std::string done = r.param("done");
    if (done == "approve")
      p.notice = "The post was approved.";
    if (done == "hide")
      p.notice = "The post was hidden.";
    if (done == "suspend")
      p.notice = "The member was suspended.";
    if (done == "edit")
      p.notice = "The post was edited.";
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
      m.post = std::move(item.post);
      p.items.push_back(std::move(m));
    }
    return page(v, views::render_moderation(d_.site.chrome(), p));
  }

  Result<http::Response> moderate(const http::Request& r) const {
    auto form = http::parse_form(r);
    if (!form)
      return form.error();
    auto v = d_.visitors.resolve(r);
    auto who = moderator(r, v);
    if (auto* refused = std::get_if<Result<http::Response>>(&who))
      return std::move(*refused);
    const auto& mod = *std::get<const accounts::Account*>(who);
    std::string action = form->get("action");
    Status done = make_error(Errc::invalid_input, "Choose approve, hide or suspend.");
    if (action == "approve" || action == "hide") {
      auto post = parse_id(form->get("post"));
      if (!post)
        return make_error(Errc::invalid_input, "Which post?");
      done = action == "approve" ? d_.moderation.approve(mod, *post)
                                 : d_.moderation.hide(mod, *post, form->get("reason"));
    } else if (action == "suspend") {
      auto member = parse_id(form->get("member"));
      if (!member)
        return make_error(Errc::invalid_input, "Which member?");
      done = d_.moderation.suspend(mod, *member, form->get("reason"));
    }
    if (!done)
      return done.error();
    return redirect(v, "/staff/moderation?done=" + action);
  }

  Result<http::Response> edit_page(Visitor& v, std::int64_t post_id, const FormProblems& problems,
                                   std::string body, std::string reason, int status) const {
    views::ModerationEditPage p;
    p.post_id = post_id;
    p.form = form_state(v, problems);
    p.body = std::move(body);
    p.reason = std::move(reason);
    return page(v, views::render_moderation_edit(d_.site.chrome(), p), status);
  }

  Result<http::Response> edit_form(const http::Request& r) const {
    auto v = d_.visitors.resolve(r);
    auto who = moderator(r, v);
    if (auto* refused = std::get_if<Result<http::Response>>(&who))
      return std::move(*refused);
    auto id = parse_id(
        std::string_view(r.path).substr(std::string_view("/staff/moderation/edit/").size()));
    if (!id)
      return no_page();
    auto post = d_.forum.visible_post(*id, std::get<const accounts::Account*>(who));
    if (!post)
      return post.error();
    return edit_page(v, *id, {}, post->body, "", 200);
  }

  Result<http::Response> edit(const http::Request& r) const {
    auto form = http::parse_form(r);
    if (!form)
      return form.error();
    auto v = d_.visitors.resolve(r);
    auto who = moderator(r, v);
    if (auto* refused = std::get_if<Result<http::Response>>(&who))
      return std::move(*refused);
    const auto& mod = *std::get<const accounts::Account*>(who);
    auto id = parse_id(
        std::string_view(r.path).substr(std::string_view("/staff/moderation/edit/").size()));
    if (!id)
      return no_page();
    auto done = d_.moderation.edit(mod, *id, form->get("body"), form->get("reason"));
    if (done)
      return redirect(v, "/staff/moderation?done=edit");
    if (done.problems().refusal)
      return *done.problems().refusal;
    return edit_page(v, *id, done.problems(), form->get("body"), form->get("reason"),
                     status_for(done.problems().code()));
  }

  Result<http::Response> audit(const http::Request& r) const {
    auto v = d_.visitors.resolve(r);
    auto who = moderator(r, v);
    if (auto* refused = std::get_if<Result<http::Response>>(&who))
      return std::move(*refused);
    const auto& mod = *std::get<const accounts::Account*>(who);
    views::AuditPage p;
    p.page = page_param(r);
    auto entries = d_.moderation.audit_log(mod, p.page);
    if (!entries)
      return entries.error();
    p.entries = std::move(entries.value());
    p.more = static_cast<int>(p.entries.size()) == forum::kAuditPerPage;
    return page(v, views::render_audit_log(d_.site.chrome(), p));
  }

  ForumDeps& d_;
};

}  // namespace

void add_forum_routes(http::Router& router, ForumDeps& deps) {
  ForumPages(deps).add(router);
}

}  // namespace cairn::app
