#include "app/site_search.hpp"

#include <fstream>

#include "forum/post_markdown.hpp"

namespace cairn::app {

namespace {
constexpr std::size_t kTrialBatch = 1000;
}  // namespace

std::vector<search::Document> page_documents(const std::vector<PageText>& pages) {
  std::vector<search::Document> docs;
  for (const auto& page : pages) {
    search::Document intro;
    intro.type = "pages";
    intro.id = page.path;
    intro.url = page.path;
    intro.title = page.title;
    intro.summary = page.summary;
    intro.body = page.summary + "\n" + page.intro;
    docs.push_back(std::move(intro));
    for (const auto& section : page.sections) {
      search::Document doc;
      doc.type = "pages";
      doc.id = page.path + "#" + section.id;
      doc.url = doc.id;
      doc.title = section.heading;
      doc.page_title = page.title;
      doc.summary = page.summary;
      doc.body = section.text;
      docs.push_back(std::move(doc));
    }
  }
  return docs;
}

std::string trial_document_id(std::string_view nct_id) {
  return "trial:" + std::string(nct_id);
}

search::Document trial_document(const trials::Trial& trial) {
  search::Document doc;
  doc.type = "trials";
  doc.id = trial_document_id(trial.nct_id);
  doc.url = "/trials/" + trial.nct_id;
  doc.title = trial.title();
  doc.status = trial.overall_status;
  doc.summary = trial.brief_summary.substr(0, 300);
  doc.body = trial.official_title + "\n" + trial.brief_summary;
  for (const auto& i : trial.interventions) doc.body += "\n" + i.name;
  doc.keywords = trial.conditions;
  doc.keywords.insert(doc.keywords.end(), trial.keywords.begin(), trial.keywords.end());
  doc.keywords.insert(doc.keywords.end(), trial.mesh_terms.begin(), trial.mesh_terms.end());
  doc.keywords.push_back(trial.nct_id);
  return doc;
}

std::vector<search::Document> forum_documents(store::ForumStore& forum) {
  std::vector<search::Document> docs;
  forum.for_each_public_thread([&](const store::ForumThreadRecord& thread,
                                   const std::vector<store::ForumPostRecord>& posts) {
    search::Document doc;
    doc.type = "forum";
    doc.id = "forum:" + std::to_string(thread.id);
    doc.url = "/forum/t/" + std::to_string(thread.id);
    doc.title = thread.title;
    for (const auto& post : posts) {
      if (post.status != store::PostStatus::published)
        continue;
      std::string text = forum::post_text(post.body);
      if (doc.summary.empty()) {
        // Cut at a character boundary, never inside a UTF-8 sequence.
        std::size_t cut = std::min<std::size_t>(text.size(), 300);
        while (cut > 0 && cut < text.size() && (text[cut] & 0xC0) == 0x80) --cut;
        doc.summary = text.substr(0, cut);
      }
      doc.body += text + "\n";
    }
    docs.push_back(std::move(doc));
  });
  return docs;
}

namespace {
// Thrown out of the store's walk over the trials when stop() was called.
struct Stopped {};
}  // namespace

void SiteIndexer::require_full_update() {
  std::lock_guard lock(mutex_);
  full_pending_ = true;
  index_.set_rebuilding(true);
}

std::size_t SiteIndexer::update(const SiteContent& site, bool full) {
  std::unique_lock lock(mutex_, std::try_to_lock);
  if (!lock)
    return 0;
  // A failure throws past this, so a pending rebuild stays pending and the
  // index still says it is incomplete.
  std::size_t written = 0;
  try {
    written = update_locked(site, full || full_pending_);
  } catch (const Stopped&) {
    return 0;  // the marker is not moved: the next update does this again
  }
  full_pending_ = false;
  index_.set_rebuilding(false);
  return written;
}

std::size_t SiteIndexer::update_locked(const SiteContent& site, bool full) {
  // Read the position first, so nothing that changes meanwhile is missed.
  auto latest = store_.changes().latest();
  std::int64_t indexed = -1;
  if (std::ifstream in(marker_); in)
    in >> indexed;
  if (!full && indexed == latest)
    return 0;
  if (indexed < 0)
    full = true;

  auto pages = page_documents(site.page_texts());
  index_.replace_type("pages", pages);
  std::size_t written = pages.size();
  // Trials go in batches, so memory stays bounded however many there are (500,000
  // trial documents at once took 1.8 GB).
  std::vector<search::Document> batch;
  auto add = [&](const store::StoredTrial& stored) {
    batch.push_back(trial_document(trials::trial_from_storage(stored.content)));
    if (batch.size() < kTrialBatch)
      return;
    if (stopping_)
      throw Stopped{};
    index_.upsert_all(batch);
    written += batch.size();
    batch.clear();
  };
  if (full) {
    index_.replace_type("trials", {});
    store_.trials().for_each_trial(add);
  } else {
    store_.trials().for_each_trial_changed_since(indexed, add, [&](const std::string& nct_id) {
      index_.remove(trial_document_id(nct_id));
      ++written;
    });
  }
  index_.upsert_all(batch);
  written += batch.size();
  // Forum threads are few next to pages: rebuilt whole whenever the feed moved.
  auto threads = forum_documents(store_.forum());
  index_.replace_type("forum", threads);
  written += threads.size();
  std::ofstream(marker_) << latest << "\n";
  return written;
}

}  // namespace cairn::app
