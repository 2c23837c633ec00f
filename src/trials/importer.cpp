#include "trials/importer.hpp"

#include <fstream>

#include "trials/record_parser.hpp"

namespace cairn::trials {

std::string Rejection::to_string() const {
  std::string out = file + ": record " + std::to_string(record);
  if (line > 0)
    out += " (line " + std::to_string(line) + ")";
  return out + ": " + reason;
}

std::string ImportSummary::summary_line() const {
  return "Trials: " + std::to_string(added) + " added, " + std::to_string(updated) + " updated, " +
         std::to_string(unchanged) + " unchanged, " + std::to_string(rejected) + " rejected";
}

Importer::Importer(store::TrialStore& store, std::size_t batch_size)
    : store_(store), batch_size_(batch_size == 0 ? 1 : batch_size) {}

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
  RecordReader reader(in, shape);
  RecordText record;
  while (reader.next(record)) {
    if (!record.problem.empty()) {
      reject(summary, {name, record.index, record.line, record.problem});
      continue;
    }
    auto trial = parse_record_text(record.text);
    if (!trial) {
      reject(summary, {name, record.index, record.line, trial.error().message});
      continue;
    }
    batch_.push_back({trial->nct_id, trial_to_storage(*trial)});
    if (batch_.size() >= batch_size_)
      flush(summary);
  }
  flush(summary);
}

void Importer::reject(ImportSummary& summary, Rejection rejection) {
  ++summary.rejected;
  if (listener_)
    listener_(rejection);
  if (summary.rejections.size() < ImportSummary::kMaxListed) {
    summary.rejections.push_back(std::move(rejection));
  }
}

void Importer::flush(ImportSummary& summary) {
  if (batch_.empty())
    return;
  auto report = store_.upsert_trials(batch_);
  summary.added += report.added;
  summary.updated += report.updated;
  summary.unchanged += report.unchanged;
  batch_.clear();
}

}  // namespace cairn::trials
