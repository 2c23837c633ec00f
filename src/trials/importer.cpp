#include "trials/importer.hpp"

#include <exception>
#include <fstream>
#include <thread>
#include <unordered_set>

#include "trials/handoff.hpp"
#include "trials/record_parser.hpp"

namespace cairn::trials {

namespace {

struct Batch {
  std::vector<store::TrialRecord> records;
  std::vector<std::string> out_of_scope;  // NCT ids, removed after the records are written
  std::vector<std::string> closed;        // the same for trials no longer current
  std::vector<Rejection> rejections;      // of records read before the next batch began
};

// The reading thread: cuts, parses and converts records, `batch_size` a batch.
void read_batches(std::istream& in, const std::string& name, RecordReader::Shape shape,
                  const TrialScope& scope, std::size_t batch_size, Handoff<Batch>& queue) {
  RecordReader reader(in, shape);
  RecordText record;
  Batch batch;
  std::unordered_set<std::string> skipped_in_batch;
  auto full = [&] {
    return batch.records.size() + batch.out_of_scope.size() + batch.closed.size() >= batch_size ||
           batch.rejections.size() >= batch_size;
  };
  auto hand_over = [&] {
    skipped_in_batch.clear();
    bool wanted = queue.give(std::move(batch));
    batch = Batch{};
    return wanted;
  };
  while (reader.next(record)) {
    if (!record.problem.empty()) {
      batch.rejections.push_back({name, record.index, record.line, record.problem});
    } else if (auto parsed = parse_study_text(record.text); !parsed) {
      batch.rejections.push_back({name, record.index, record.line, parsed.error().message});
    } else if (auto verdict = scope.judge(*parsed); verdict != ScopeVerdict::kept) {
      skipped_in_batch.insert(parsed->trial.nct_id);
      auto& list = verdict == ScopeVerdict::not_cancer ? batch.out_of_scope : batch.closed;
      list.push_back(std::move(parsed->trial.nct_id));
    } else {
      // Removals follow the batch's writes: a later record of a trial skipped
      // earlier in this batch starts a new batch, so the later one wins.
      if (skipped_in_batch.contains(parsed->trial.nct_id) && !hand_over())
        return;
      batch.records.push_back({parsed->trial.nct_id, trial_to_storage(parsed->trial)});
    }
    if (full() && !hand_over())
      return;
  }
  queue.give(std::move(batch));
}

}  // namespace

std::string Rejection::to_string() const {
  std::string out = file + ": record " + std::to_string(record);
  if (line > 0)
    out += " (line " + std::to_string(line) + ")";
  return out + ": " + reason;
}

std::string ImportSummary::counts() const {
  std::string line = std::to_string(added) + " added, " + std::to_string(updated) + " updated, " +
                     std::to_string(unchanged) + " unchanged, " + std::to_string(skipped) +
                     " skipped (not cancer" +
                     (removed > 0 ? ", " + std::to_string(removed) + " removed" : "") + "), ";
  if (closed > 0)
    line += std::to_string(closed) + " closed (" + std::to_string(closed_removed) + " removed), ";
  return line + std::to_string(rejected) + " rejected";
}

ImportSummary& ImportSummary::operator+=(const ImportSummary& more) {
  added += more.added;
  updated += more.updated;
  unchanged += more.unchanged;
  skipped += more.skipped;
  removed += more.removed;
  closed += more.closed;
  closed_removed += more.closed_removed;
  rejected += more.rejected;
  for (const auto& r : more.rejections) {
    if (rejections.size() >= kMaxListed)
      break;
    rejections.push_back(r);
  }
  return *this;
}

Importer::Importer(store::TrialStore& store, TrialScope scope, std::size_t batch_size)
    : store_(store), scope_(std::move(scope)), batch_size_(batch_size == 0 ? 1 : batch_size) {}

Result<ImportSummary> Importer::import_paths(const std::vector<std::filesystem::path>& paths) {
  auto files = record_files(paths);
  if (!files)
    return files.error();
  // Open them all first, so a typo in the last path imports nothing rather than half.
  for (const auto& file : *files) {
    std::ifstream probe(file, std::ios::binary);
    if (!probe)
      return make_error(Errc::not_found, "cannot open " + file.string());
  }
  ImportSummary summary;
  for (const auto& file : *files) {
    std::ifstream in(file, std::ios::binary);
    import_stream(in, file.string(), RecordReader::shape_for(file), summary);
  }
  return summary;
}

void Importer::import_stream(std::istream& in, const std::string& name, RecordReader::Shape shape,
                             ImportSummary& summary) {
  Handoff<Batch> queue;
  std::thread reader([&] {
    std::exception_ptr error;
    try {
      read_batches(in, name, shape, scope_, batch_size_, queue);
    } catch (...) {
      error = std::current_exception();
    }
    queue.finish(error);
  });
  try {
    while (auto batch = queue.take()) {
      for (auto& rejection : batch->rejections) reject(summary, std::move(rejection));
      write(batch->records, batch->out_of_scope, batch->closed, summary);
    }
  } catch (...) {
    queue.stop();
    reader.join();
    throw;
  }
  reader.join();
  if (auto error = queue.error())
    std::rethrow_exception(error);
}

void Importer::reject(ImportSummary& summary, Rejection rejection) {
  ++summary.rejected;
  if (listener_)
    listener_(rejection);
  if (summary.rejections.size() < ImportSummary::kMaxListed) {
    summary.rejections.push_back(std::move(rejection));
  }
}

void Importer::write(const std::vector<store::TrialRecord>& records,
                     const std::vector<std::string>& out_of_scope,
                     const std::vector<std::string>& closed, ImportSummary& summary) {
  if (!records.empty()) {
    auto report = store_.upsert_trials(records, checked_at_);
    summary.added += report.added;
    summary.updated += report.updated;
    summary.unchanged += report.unchanged;
  }
  if (!out_of_scope.empty()) {
    summary.skipped += static_cast<int>(out_of_scope.size());
    // A trial imported before it fell out of scope leaves the store and, through
    // the change feed, the finder and the site search.
    summary.removed += store_.remove_trials(out_of_scope);
  }
  if (!closed.empty()) {
    summary.closed += static_cast<int>(closed.size());
    summary.closed_removed += store_.remove_trials(closed);
  }
}

}  // namespace cairn::trials
