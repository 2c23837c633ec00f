// Every service of the site, built once from the store and the content
// folder: accounts and sessions, the CSRF guard, the forum and moderation,
// the nurse inbox and its mail sender, the editors' desk and page feedback.
// `serve`, `reindex` and `user` use it; this is the one place they are wired.
#pragma once

#include <iosfwd>
#include <memory>
#include <string>

#include "accounts/account_mail.hpp"
#include "accounts/account_service.hpp"
#include "accounts/password_hasher.hpp"
#include "accounts/session_service.hpp"
#include "app/content_folder.hpp"
#include "app/open_store.hpp"
#include "app/serve_options.hpp"
#include "app/visitor.hpp"
#include "content/editorial_desk.hpp"
#include "content/kept_drafts.hpp"
#include "content/page_feedback.hpp"
#include "content/review_reminders.hpp"
#include "core/clock.hpp"
#include "core/rate_limiter.hpp"
#include "forum/forum_member_data.hpp"
#include "forum/forum_service.hpp"
#include "forum/member_forum.hpp"
#include "forum/moderation_service.hpp"
#include "forum/reply_notifier.hpp"
#include "forum/watched_word_list.hpp"
#include "helpline/nurse_inbox.hpp"
#include "http/csrf.hpp"
#include "mail/mail_sender.hpp"
#include "mail/mail_transport.hpp"
#include "mail/smtp_settings.hpp"
#include "store/store.hpp"

namespace cairn::app {

// "http://127.0.0.1:8080", "http://[::1]:8080": for when no --public-url is given.
std::string default_public_url(const std::string& host, unsigned short port);

class Services {
 public:
  // A missing common-passwords list is reported to `log`; length and the other
  // password rules still apply.
  Services(std::unique_ptr<store::Store> store, ContentFolder content, const Options& options,
           std::optional<mail::SmtpSettings> smtp, const Clock& clock, std::ostream& log);
  Services(const Services&) = delete;
  Services& operator=(const Services&) = delete;

  // The store and the content folder (read once) for `options`, and every
  // service; nothing (after printing why) when either cannot be read.
  static std::unique_ptr<Services> open(const Options& options, const Clock& clock,
                                        std::string_view command, std::ostream& log);

  store::Store& store() { return *store_; }
  const ContentFolder& content() const { return content_; }
  const Options& options() const { return options_; }

 private:
  std::unique_ptr<store::Store> store_;
  ContentFolder content_;
  Options options_;

 public:
  // In the order they are built: each may use those above it.
  accounts::PasswordHasher hasher;
  RateLimiter limiter;
  accounts::AccountMail account_mail;
  accounts::AccountService accounts;
  accounts::SessionService sessions;
  http::CsrfGuard csrf;
  VisitorResolver visitors;

  forum::WatchedWordList watched_words;
  forum::ForumService forum;
  forum::ModerationService moderation;
  forum::ForumMemberData forum_member_data;
  forum::ForumMemberSettingsData forum_member_settings;
  forum::ReplyNotifier reply_notifier;
  forum::MemberForum member_forum;

  helpline::NurseInbox nurse_inbox;
  std::unique_ptr<mail::MailTransport> smtp;  // none without --smtp or --smtp-url
  mail::MailSender mail;

  content::EditorialDesk desk;
  content::KeptDrafts kept_drafts;
  content::ReviewReminders reminders;
  content::PageFeedback feedback;
};

}  // namespace cairn::app
