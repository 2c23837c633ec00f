// Reviews never slip: each page has an owner (an editor or administrator), and
// every Monday morning (UK time) each owner whose pages are overdue for review,
// or due within kReviewSoonDays, gets one email listing them, through the outbox.
// The same list is what editors see on their account page and what
// `cairn check --due-within N` prints.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "accounts/account.hpp"
#include "content/editorial_desk.hpp"
#include "core/clock.hpp"
#include "core/result.hpp"
#include "store/account_store.hpp"
#include "store/mail_outbox.hpp"
#include "store/page_owner_store.hpp"
#include "store/page_store.hpp"

namespace cairn::content {

inline constexpr int kReminderHour = 8;  // Mondays at 08:00 UK time

struct PageOwner {
  std::int64_t id = 0;
  std::string name;
  std::string email;
};

struct DuePage {
  std::string path;
  std::string title;
  std::string next_review;  // YYYY-MM-DD
  ReviewDue due;
  std::optional<PageOwner> owner;
};

struct ReminderSettings {
  std::string public_url;  // "https://cairn.example.org", for links to the pages
  std::string site_name;
};

class ReviewReminders {
 public:
  ReviewReminders(store::PageStore& pages, store::PageOwnerStore& owners,
                  store::AccountStore& accounts, store::MailOutbox& outbox, const Clock& clock,
                  ReminderSettings settings);

  // Called after each reminder is queued (the app wakes the sender with it).
  void on_queued(std::function<void()> queued) { queued_ = std::move(queued); }

  // Published pages overdue for review or due within `days` of today, soonest first.
  std::vector<DuePage> due_within(int days) const;
  // The pages `owner_id` looks after that are due within kReviewSoonDays or overdue.
  std::vector<DuePage> due_for(std::int64_t owner_id) const;
  // Every page's owner, by path (pages without one are missing).
  std::map<std::string, PageOwner> owners() const;
  // Who may own pages: active editors and administrators, by name.
  std::vector<PageOwner> possible_owners() const;
  // `by` (an editor) makes `owner_id` the owner of the page at `path`; 0 leaves it
  // without one.
  Status set_owner(const accounts::Account& by, const std::string& path, std::int64_t owner_id);

  // Queues this week's reminder for each owner with pages due who has not had it;
  // returns how many were queued. Safe to call from every node, as often as liked.
  int send_due_reminders();

 private:
  std::optional<PageOwner> account(std::int64_t id) const;

  store::PageStore& pages_;
  store::PageOwnerStore& owners_;
  store::AccountStore& accounts_;
  store::MailOutbox& outbox_;
  const Clock& clock_;
  ReminderSettings settings_;
  std::function<void()> queued_;
};

}  // namespace cairn::content
