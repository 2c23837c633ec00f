// The moderators' tools beside the queue: a private message to a member after
// a hold (with a kind template carrying the crisis contacts), the suspended
// members with a way to lift each suspension, and the watched words, edited
// by admins. Every string is escaped.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/safe_html.hpp"
#include "views/components.hpp"
#include "views/layout.hpp"

namespace cairn::views {

struct ReachOutPage {
  std::int64_t post_id = 0;
  std::string member;
  SafeHtml post_body;
  FormState form;
  std::string body;
};

struct SuspendedMemberRow {
  std::int64_t id = 0;
  std::string name;
};

struct SuspendedPage {
  std::string csrf_token;
  std::vector<SuspendedMemberRow> members;
  std::string notice;
};

struct WatchedWordRow {
  std::string phrase, action, message;
};

struct WatchedWordsPage {
  FormState form;
  std::vector<WatchedWordRow> words;
  std::string phrase, action = "hold", message;  // the add form, as sent
  std::string notice;
};

// The message a moderator starts from: kind, plain, and with the crisis
// contacts written out (the member may read it on a phone away from the site).
std::string reach_out_template(const content::SiteSettings& site, std::string_view member);

SafeHtml render_reach_out(const Chrome& chrome, const ReachOutPage& page);
SafeHtml render_suspended(const Chrome& chrome, const SuspendedPage& page);
SafeHtml render_watched_words(const Chrome& chrome, const WatchedWordsPage& page);

}  // namespace cairn::views
