#include "content/page_feedback.hpp"

#include "core/code_points.hpp"
#include "core/iso_time.hpp"
#include "core/text.hpp"
#include "safeguarding/contact_details.hpp"

namespace cairn::content {

PageFeedback::PageFeedback(store::FeedbackStore& store,
                           const safeguarding::WatchedWordSource& watched, RateLimiter& limiter,
                           const Clock& clock)
    : store_(store), watched_(watched), limiter_(limiter), clock_(clock) {}

Result<FeedbackSent> PageFeedback::submit(const std::string& path, std::string_view useful,
                                          std::string_view comment, std::string_view address) {
  FormProblems problems;
  if (useful != "yes" && useful != "no")
    problems.add("useful", "Select yes or no.");
  std::string text(trim(comment));
  auto points = decode_utf8(text);
  if (!points) {
    problems.add("comment", "Your comment has characters that are not valid text.");
  } else if (points->size() > kMaxFeedbackChars) {
    problems.add("comment", "Your comment must be " + std::to_string(kMaxFeedbackChars) +
                                " characters or fewer.");
  } else if (safeguarding::contains_contact_details(text)) {
    problems.add("comment",
                 "Remove phone numbers and email addresses. We cannot reply to feedback, and we "
                 "do not keep personal details.");
  }
  if (!problems.empty())
    return problems.error();
  if (auto allowed =
          limiter_.attempt("feedback:address:" + std::string(address), kFeedbackPerAddress);
      !allowed) {
    return allowed.error();
  }
  store_.add({path, useful == "yes", text, iso_date(clock_.now())});
  return FeedbackSent{watched_.matches(text)};
}

}  // namespace cairn::content
