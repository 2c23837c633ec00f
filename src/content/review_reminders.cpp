#include "content/review_reminders.hpp"

#include <algorithm>
#include <chrono>

#include "accounts/role.hpp"
#include "core/iso_time.hpp"
#include "core/london_time.hpp"
#include "core/text.hpp"

namespace cairn::content {

namespace {

PageOwner owner_of(const store::AccountRecord& a) {
  return {a.id, a.display_name, a.email};
}

}  // namespace

ReviewReminders::ReviewReminders(store::PageStore& pages, store::PageOwnerStore& owners,
                                 store::AccountStore& accounts, store::MailOutbox& outbox,
                                 const Clock& clock, ReminderSettings settings)
    : pages_(pages),
      owners_(owners),
      accounts_(accounts),
      outbox_(outbox),
      clock_(clock),
      settings_(std::move(settings)) {}

std::optional<PageOwner> ReviewReminders::account(std::int64_t id) const {
  auto a = accounts_.account_by_id(id);
  if (!a)
    return std::nullopt;
  return owner_of(*a);
}

std::map<std::string, PageOwner> ReviewReminders::owners() const {
  std::map<std::string, PageOwner> out;
  std::map<std::int64_t, std::optional<PageOwner>> known;
  for (const auto& [path, id] : owners_.owners()) {
    auto it = known.find(id);
    if (it == known.end())
      it = known.emplace(id, account(id)).first;
    if (it->second)
      out.emplace(path, *it->second);
  }
  return out;
}

std::vector<DuePage> ReviewReminders::due_within(int days) const {
  std::string today = iso_date(clock_.now());
  auto owners = this->owners();
  std::vector<DuePage> out;
  for (const auto& published : pages_.published_pages()) {
    auto page = stored_page(published);
    if (!page)
      continue;
    DuePage due{page->path, page->title, page->next_review, review_due(*page, today), {}};
    if (due.due.days > days)
      continue;
    if (auto it = owners.find(page->path); it != owners.end())
      due.owner = it->second;
    out.push_back(std::move(due));
  }
  std::stable_sort(out.begin(), out.end(), [](const DuePage& a, const DuePage& b) {
    return std::tie(a.next_review, a.path) < std::tie(b.next_review, b.path);
  });
  return out;
}

std::vector<DuePage> ReviewReminders::due_for(std::int64_t owner_id) const {
  auto all = due_within(kReviewSoonDays);
  std::erase_if(all, [&](const DuePage& p) { return !p.owner || p.owner->id != owner_id; });
  return all;
}

std::vector<PageOwner> ReviewReminders::possible_owners() const {
  std::vector<PageOwner> out;
  for (auto role : {accounts::Role::editor, accounts::Role::admin}) {
    for (const auto& a : accounts_.active_accounts_with_role(accounts::role_name(role)))
      out.push_back(owner_of(a));
  }
  std::sort(out.begin(), out.end(),
            [](const PageOwner& a, const PageOwner& b) { return a.name < b.name; });
  return out;
}

Status ReviewReminders::set_owner(const accounts::Account& by, const std::string& path,
                                  std::int64_t owner_id) {
  if (!may_edit_pages(by))
    return make_error(Errc::forbidden, "These pages are for the charity's editors.");
  if (!pages_.published_page(path))
    return make_error(Errc::not_found, "There is no page at " + path + ".");
  if (owner_id != 0) {
    auto candidates = possible_owners();
    if (std::none_of(candidates.begin(), candidates.end(),
                     [&](const PageOwner& o) { return o.id == owner_id; })) {
      return make_error(Errc::invalid_input, "Choose an editor to look after this page.", "owner");
    }
  }
  owners_.set_owner(path, owner_id);
  return Ok{};
}

int ReviewReminders::send_due_reminders() {
  auto now = clock_.now();
  std::string week = iso_date_time(latest_london_monday(kReminderHour, now));
  std::map<std::int64_t, std::vector<DuePage>> by_owner;
  for (auto& page : due_within(kReviewSoonDays)) {
    if (page.owner)
      by_owner[page.owner->id].push_back(std::move(page));
  }
  int queued = 0;
  for (const auto& [id, pages] : by_owner) {
    if (!owners_.claim_reminder(id, week))
      continue;  // this week's is sent (here or by another node)
    const PageOwner& owner = *pages.front().owner;
    int overdue = 0;
    for (const auto& p : pages) overdue += p.due.status == ReviewStatus::overdue;
    int soon = static_cast<int>(pages.size()) - overdue;
    std::string subject = "Pages to review: ";
    if (overdue > 0)
      subject += std::to_string(overdue) + " overdue";
    if (soon > 0)
      subject += (overdue > 0 ? ", " : "") + std::to_string(soon) + " due soon";
    std::string body = "Hello " + owner.name + ",\n\nThese pages you look after on " +
                       settings_.site_name + " need reviewing.\n";
    auto list = [&](std::string_view heading, bool want_overdue) {
      bool any = false;
      for (const auto& p : pages) {
        if ((p.due.status == ReviewStatus::overdue) != want_overdue)
          continue;
        if (!any)
          body += "\n" + std::string(heading) + "\n\n";
        any = true;
        body += "- " + p.title + " (" + p.path + "): review " + format_date(p.next_review) + ", " +
                review_due_words(p.due) + "\n  " + settings_.public_url +
                "/staff/content/page?path=" + url_encode(p.path) + "\n";
      }
    };
    list("Overdue:", true);
    list("Due in the next " + std::to_string(kReviewSoonDays) + " days:", false);
    body +=
        "\nWhen you have reviewed a page, set its last_reviewed and next_review dates and "
        "send it for review.\n\nYou get this email on Monday mornings while pages you look "
        "after are due. You can see the same list when you sign in: " +
        settings_.public_url + "/account\n\n" + settings_.site_name + "\n";
    auto seconds = std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch());
    outbox_.queue({owner.email, subject, body}, seconds.count());
    ++queued;
  }
  if (queued > 0 && queued_)
    queued_();
  return queued;
}

}  // namespace cairn::content
