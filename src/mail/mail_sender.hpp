// The outbox's postman: a background thread of `cairn serve` that every few
// seconds takes the mail that is due, hands it to the transport (SMTP), marks
// it sent, or records the error and tries again later, waiting longer each time.
#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <ostream>
#include <string>
#include <thread>

#include "core/clock.hpp"
#include "mail/mail_transport.hpp"
#include "store/mail_outbox.hpp"

namespace cairn::mail {

struct MailSenderSettings {
  std::string from;       // the envelope and From address
  std::string from_name;  // shown beside it, e.g. the site's name
  std::chrono::milliseconds every{2000};
  int batch = 20;                        // mails per pass
  std::chrono::seconds hold{300};        // a taken mail is not taken again for this long
  std::chrono::seconds first_retry{30};  // after the first failure; doubles
  std::chrono::seconds max_retry{3600};  // up to this
  int max_attempts = 20;                 // then the mail is left unsent for an operator
};

class MailSender {
 public:
  // Without a transport (no --smtp), mail stays queued and `log` is told once.
  MailSender(store::MailOutbox& outbox, MailTransport* transport, const Clock& clock,
             MailSenderSettings settings, std::ostream& log);
  ~MailSender();  // stops the thread, if started
  MailSender(const MailSender&) = delete;
  MailSender& operator=(const MailSender&) = delete;

  // One pass over the due mail; returns how many were sent.
  int send_due();
  // Starts the background thread.
  void start();
  // Makes the thread look at the outbox now (mail was just queued).
  void nudge();

  // The wait before the next attempt after `attempts` failed ones.
  std::chrono::seconds retry_delay(int attempts) const;

 private:
  store::MailOutbox& outbox_;
  MailTransport* transport_;
  const Clock& clock_;
  MailSenderSettings settings_;
  std::ostream& log_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stop_ = false;
  bool nudged_ = false;
  std::thread thread_;
};

}  // namespace cairn::mail
