// "Ask a nurse" wiring in one place: the watched words read from the content
// folder, the nurse inbox, its routes, and the mail sender that delivers the
// "your answer is ready" emails over SMTP from a background thread.
#pragma once

#include <filesystem>
#include <memory>
#include <ostream>
#include <string>

#include "app/account_system.hpp"
#include "app/nurse_routes.hpp"
#include "content/site_settings.hpp"
#include "core/clock.hpp"
#include "core/result.hpp"
#include "helpline/mail_sender.hpp"
#include "helpline/nurse_inbox.hpp"
#include "helpline/smtp_client.hpp"
#include "safeguarding/watched_words.hpp"
#include "store/store.hpp"

namespace cairn::app {

struct NurseSettings {
  std::filesystem::path content_dir;
  std::string public_url;  // "https://cairn.example.org": the start of private links
  std::string smtp_host;   // empty: mail stays queued
  unsigned short smtp_port = 25;
  std::string mail_from;  // empty: no-reply@ the public URL's host
  bool trust_proxy = false;
};

// "http://127.0.0.1:8080", "http://[::1]:8080": for when no --public-url is given.
std::string default_public_url(const std::string& host, unsigned short port);

class NurseSystem {
 public:
  // Reads content_dir/safeguarding/watched-words.txt; invalid_input if it is missing.
  static Result<std::unique_ptr<NurseSystem>> create(store::Store& store, AccountSystem& accounts,
                                                     const content::SiteSettings& site,
                                                     const NurseSettings& settings,
                                                     const Clock& clock, std::ostream& log);

  NurseSystem(store::Store& store, AccountSystem& accounts, const content::SiteSettings& site,
              const NurseSettings& settings, safeguarding::WatchedWords watched, const Clock& clock,
              std::ostream& log);

  helpline::NurseInbox& inbox() { return inbox_; }
  void add_routes(Routes& routes, const SiteContent& site);
  // Starts delivering mail in the background; it stops when this is destroyed.
  void start_mail() { sender_.start(); }

 private:
  NurseSettings settings_;
  safeguarding::WatchedWords watched_;
  helpline::NurseInbox inbox_;
  std::unique_ptr<helpline::SmtpClient> smtp_;  // none without --smtp
  helpline::MailSender sender_;
  AccountSystem& accounts_;
  std::unique_ptr<NurseDeps> deps_;  // the routes hold on to it
};

}  // namespace cairn::app
