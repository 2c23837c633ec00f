#include "app/services.hpp"

#include <iostream>

#include "app/smtp_setup.hpp"
#include "mail/curl_smtp_transport.hpp"

namespace cairn::app {

namespace {

// "https://cairn.example.org:8443" -> "cairn.example.org"
std::string host_of(const std::string& url) {
  auto start = url.find("://");
  std::string host = start == std::string::npos ? url : url.substr(start + 3);
  if (host.starts_with('['))
    return host.substr(1, host.find(']') - 1);
  return host.substr(0, host.find(':'));
}

std::unique_ptr<mail::MailTransport> smtp_transport(std::optional<mail::SmtpSettings> smtp,
                                                    const Clock& clock) {
  if (!smtp)
    return nullptr;
  return std::make_unique<mail::CurlSmtpTransport>(std::move(*smtp), clock);
}

mail::MailSenderSettings sender_settings(const Options& options,
                                         const content::SiteSettings& site) {
  mail::MailSenderSettings out;
  out.from =
      options.mail_from.empty() ? "no-reply@" + host_of(options.public_url) : options.mail_from;
  out.from_name = site.name;
  return out;
}

const accounts::PasswordPolicy& policy_of(const ContentFolder& content, std::ostream& log) {
  if (!content.password_list_problem.empty()) {
    log << "cairn: warning: " << content.password_list_problem
        << "; new passwords are checked for length only\n";
  }
  return content.password_policy;
}

forum::ForumLimits forum_limits(const Options& options) {
  forum::ForumLimits limits;
  limits.edit_window = std::chrono::minutes(options.forum_edit_minutes);
  limits.new_member_gap = std::chrono::seconds(options.forum_slow_mode_seconds);
  return limits;
}

// The public address private links start with: --public-url, or where we listen.
Options with_public_url(Options options) {
  if (options.public_url.empty())
    options.public_url = default_public_url(options.host, options.port);
  return options;
}

// The review gate checks drafts as `cairn check` checks content/.
content::DeskChecks desk_checks(const ContentFolder& content) {
  content::DeskChecks checks{content.check_base, {}};
  checks.options.app_paths = app_paths();
  return checks;
}

}  // namespace

std::string default_public_url(const std::string& host, unsigned short port) {
  bool ipv6 = host.find(':') != std::string::npos;
  return "http://" + (ipv6 ? "[" + host + "]" : host) + ":" + std::to_string(port);
}

std::unique_ptr<Services> Services::open(const Options& options, const Clock& clock,
                                         std::string_view command, std::ostream& log) {
  auto content = ContentFolder::load(options.content_dir);
  if (!content) {
    std::cerr << "cairn " << command << ": " << content.error().message << "\n";
    return nullptr;
  }
  auto smtp = smtp_setup(options, host_of(with_public_url(options).public_url));
  if (!smtp) {
    std::cerr << "cairn " << command << ": " << smtp.error().message << "\n";
    return nullptr;
  }
  auto store = open_store(options, command);
  if (!store)
    return nullptr;
  return std::make_unique<Services>(std::move(store), std::move(content.value()), options,
                                    std::move(smtp.value()), clock, log);
}

Services::Services(std::unique_ptr<store::Store> store, ContentFolder content,
                   const Options& options, std::optional<mail::SmtpSettings> smtp_settings,
                   const Clock& clock, std::ostream& log)
    : store_(std::move(store)),
      content_(std::move(content)),
      options_(with_public_url(options)),
      limiter(clock, store_->shared_rate_limits()),
      account_mail(store_->outbox(), clock, {options_.public_url, content_.settings.name}),
      accounts(store_->accounts(), hasher, policy_of(content_, log), limiter, account_mail, clock),
      sessions(store_->accounts(), clock),
      csrf(csrf_secret(store_->settings()), {options.secure_cookies}),
      visitors(sessions, csrf, {options.secure_cookies}),
      watched_words(store_->watched_words(), store_->forum(), clock),
      forum(store_->forum(), store_->forum_members(), content_.categories, watched_words, limiter,
            clock, forum_limits(options_)),
      moderation(store_->forum(), store_->forum_members(), store_->accounts(), clock),
      forum_member_data(store_->forum()),
      forum_member_settings(store_->forum_members()),
      reply_notifier(store_->forum(), store_->forum_members(), store_->accounts(), store_->outbox(),
                     clock,
                     {options_.public_url, content_.settings.name,
                      store_->settings().get_or_create("forum_unsubscribe_secret",
                                                       http::CsrfGuard::new_secret()),
                      std::chrono::seconds(options_.forum_digest_seconds)}),
      member_forum(store_->forum(), store_->forum_members(), clock),
      nurse_inbox(store_->nurse_messages(), watched_words, limiter, clock,
                  {options_.public_url, content_.settings.name}),
      smtp(smtp_transport(std::move(smtp_settings), clock)),
      mail(store_->outbox(), smtp.get(), clock, sender_settings(options_, content_.settings), log),
      desk(store_->pages(), store_->feedback(), clock, desk_checks(content_)),
      kept_drafts(store_->kept_drafts(), clock),
      reminders(store_->pages(), store_->page_owners(), store_->accounts(), store_->outbox(), clock,
                {options_.public_url, content_.settings.name}),
      feedback(store_->feedback(), watched_words, limiter, clock) {
  accounts.add_member_data(forum_member_data);
  accounts.add_member_data(forum_member_settings);
  account_mail.on_queued([this] { mail.nudge(); });
  watched_words.seed_once(content_.watched_words);
  forum.on_visible([this](std::int64_t post) { reply_notifier.post_visible(post); });
  moderation.on_visible([this](std::int64_t post) { reply_notifier.post_visible(post); });
  reply_notifier.on_queued([this] { mail.nudge(); });
  reminders.on_queued([this] { mail.nudge(); });
}

}  // namespace cairn::app
