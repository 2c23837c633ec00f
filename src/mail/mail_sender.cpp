#include "mail/mail_sender.hpp"

#include <algorithm>

namespace cairn::mail {

namespace {

std::int64_t seconds_since_epoch(std::chrono::system_clock::time_point t) {
  return std::chrono::duration_cast<std::chrono::seconds>(t.time_since_epoch()).count();
}

}  // namespace

MailSender::MailSender(store::MailOutbox& outbox, MailTransport* transport, const Clock& clock,
                       MailSenderSettings settings, std::ostream& log)
    : outbox_(outbox),
      transport_(transport),
      clock_(clock),
      settings_(std::move(settings)),
      log_(log) {
  if (!transport_) {
    log_ << "cairn: no mail relay given (--smtp HOST:PORT or --smtp-url URL): email stays queued "
            "in the outbox\n";
  }
}

MailSender::~MailSender() {
  {
    std::lock_guard lock(mutex_);
    stop_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable())
    thread_.join();
}

std::chrono::seconds MailSender::retry_delay(int attempts) const {
  auto delay = settings_.first_retry;
  for (int i = 1; i < attempts && delay < settings_.max_retry; ++i) delay *= 2;
  return std::min(delay, settings_.max_retry);
}

int MailSender::send_due() {
  if (!transport_)
    return 0;
  auto now = seconds_since_epoch(clock_.now());
  auto due = outbox_.take_due(now, now + settings_.hold.count(), settings_.batch);
  int sent = 0;
  for (const auto& queued : due) {
    MailMessage mail{settings_.from,      settings_.from_name, queued.mail.to_address,
                     queued.mail.subject, queued.mail.body,    queued.mail.headers};
    auto result = transport_->send(mail);
    auto after = seconds_since_epoch(clock_.now());
    if (result) {
      outbox_.mark_sent(queued.id, after);
      ++sent;
      continue;
    }
    int attempts = queued.attempts + 1;
    std::optional<std::int64_t> retry_at;
    if (attempts < settings_.max_attempts)
      retry_at = after + retry_delay(attempts).count();
    outbox_.mark_failed(queued.id, result.error().message, retry_at);
    // The address is left out: the log is read more widely than the outbox.
    log_ << "cairn: mail " << queued.id << " not sent (attempt " << attempts
         << "): " << result.error().message
         << (retry_at ? "; will try again later\n" : "; giving up\n");
  }
  return sent;
}

void MailSender::start() {
  if (thread_.joinable())
    return;
  thread_ = std::thread([this] {
    std::unique_lock lock(mutex_);
    while (!stop_) {
      wake_.wait_for(lock, settings_.every, [this] { return stop_ || nudged_; });
      if (stop_)
        break;
      nudged_ = false;
      lock.unlock();
      try {
        send_due();
      } catch (const std::exception& e) {
        log_ << "cairn: mail sender: " << e.what() << "\n";
      }
      lock.lock();
    }
  });
}

void MailSender::nudge() {
  {
    std::lock_guard lock(mutex_);
    nudged_ = true;
  }
  wake_.notify_all();
}

}  // namespace cairn::mail
