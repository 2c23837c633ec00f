#include "app/nurse_system.hpp"

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

std::unique_ptr<helpline::SmtpClient> smtp_client(const NurseSettings& settings,
                                                  const Clock& clock) {
  if (settings.smtp_host.empty())
    return nullptr;
  helpline::SmtpSettings smtp;
  smtp.host = settings.smtp_host;
  smtp.port = settings.smtp_port;
  smtp.helo_name = host_of(settings.public_url);
  return std::make_unique<helpline::SmtpClient>(smtp, clock);
}

helpline::MailSenderSettings sender_settings(const NurseSettings& settings,
                                             const content::SiteSettings& site) {
  helpline::MailSenderSettings out;
  out.from =
      settings.mail_from.empty() ? "no-reply@" + host_of(settings.public_url) : settings.mail_from;
  out.from_name = site.name;
  return out;
}

}  // namespace

std::string default_public_url(const std::string& host, unsigned short port) {
  bool ipv6 = host.find(':') != std::string::npos;
  return "http://" + (ipv6 ? "[" + host + "]" : host) + ":" + std::to_string(port);
}

Result<std::unique_ptr<NurseSystem>> NurseSystem::create(store::Store& store,
                                                         AccountSystem& accounts,
                                                         const content::SiteSettings& site,
                                                         const NurseSettings& settings,
                                                         const Clock& clock, std::ostream& log) {
  auto watched =
      safeguarding::WatchedWords::load(settings.content_dir / "safeguarding" / "watched-words.txt");
  if (!watched)
    return make_error(Errc::invalid_input, watched.error().message);
  log << "cairn: private answer links start with " << settings.public_url << helpline::kAnswerPath
      << " (the site's address is set with --public-url)\n";
  return std::make_unique<NurseSystem>(store, accounts, site, settings, std::move(watched.value()),
                                       clock, log);
}

NurseSystem::NurseSystem(store::Store& store, AccountSystem& accounts,
                         const content::SiteSettings& site, const NurseSettings& settings,
                         safeguarding::WatchedWords watched, const Clock& clock, std::ostream& log)
    : settings_(settings),
      watched_(std::move(watched)),
      inbox_(store.nurse_messages(), watched_, accounts.limiter(), clock,
             {settings.public_url, site.name}),
      smtp_(smtp_client(settings, clock)),
      sender_(store.outbox(), smtp_.get(), clock, sender_settings(settings, site), log),
      accounts_(accounts) {}

void NurseSystem::add_routes(Routes& routes, const SiteContent& site) {
  deps_ = std::make_unique<NurseDeps>(NurseDeps{inbox_, site, [this] { sender_.nudge(); }});
  add_nurse_routes(routes, *deps_);
}

}  // namespace cairn::app
