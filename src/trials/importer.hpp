// Imports ClinicalTrials.gov study records into the TrialStore: every readable
// record in scope is added or updated, one out of scope skipped (and removed if
// stored), every unreadable one reported and skipped.
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <istream>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "store/trial_store.hpp"
#include "trials/record_reader.hpp"
#include "trials/trial_scope.hpp"

namespace cairn::trials {

struct Rejection {
  std::string file;
  std::size_t record = 0;  // 1-based position in the file
  std::size_t line = 0;    // where that record starts
  std::string reason;
  // "file: record 3 (line 41): missing protocolSection.identificationModule.nctId"
  std::string to_string() const;
};

struct ImportSummary {
  int added = 0;
  int updated = 0;
  int unchanged = 0;
  int skipped = 0;         // out of scope (not cancer)
  int removed = 0;         // of those, trials the store held until now
  int closed = 0;          // in scope but no longer current (TrialScope::only_statuses)
  int closed_removed = 0;  // of those, trials the store held until now
  int rejected = 0;
  // The first kMaxListed rejections; `rejected` counts them all.
  std::vector<Rejection> rejections;
  static constexpr std::size_t kMaxListed = 1000;

  // "Trials: 10 added, 2 updated, 450 unchanged, 3 skipped (not cancer), 1 rejected";
  // "3 skipped (not cancer, 1 removed)" when some had been imported before, and
  // "2 closed (1 removed)" before the rejections when any were closed.
  std::string summary_line() const { return "Trials: " + counts(); }
  // The same without "Trials: ".
  std::string counts() const;
  ImportSummary& operator+=(const ImportSummary& more);
  // What `cairn import-trials` exits with: 1 when any record was rejected (a
  // skipped record is no failure).
  int exit_status() const { return rejected > 0 ? 1 : 0; }
};

// Records are read and parsed on a thread of their own while the calling thread
// writes the ones before them: parsing is most of an import's work, and the
// store's writes (and its waits for the disk) overlap with it.
class Importer {
 public:
  // Records are written `batch_size` at a time, each batch in one transaction.
  explicit Importer(store::TrialStore& store, std::size_t batch_size = 1000)
      : Importer(store, TrialScope::all(), batch_size) {}
  Importer(store::TrialStore& store, TrialScope scope, std::size_t batch_size = 1000);

  // Told about each rejection, in the order of the records, on the calling
  // thread (e.g. to print it), at the latest when the records before it are written.
  void on_rejection(std::function<void(const Rejection&)> listener) {
    listener_ = std::move(listener);
  }

  // The instant (ISO 8601 UTC) the records written are marked as checked at,
  // e.g. when a registry sync asked for them; unset, the store's clock says.
  void check_as_of(std::string iso_instant) { checked_at_ = std::move(iso_instant); }

  // Reads every file (folders expanded by record_files); fails only when a path
  // does not exist or cannot be opened, before anything is imported.
  Result<ImportSummary> import_paths(const std::vector<std::filesystem::path>& paths);
  // Reads one stream; `name` is the file named in rejections. The store's
  // exceptions (a broken database) reach the caller once the reading thread has stopped.
  void import_stream(std::istream& in, const std::string& name, RecordReader::Shape shape,
                     ImportSummary& summary);

 private:
  void reject(ImportSummary& summary, Rejection rejection);
  void write(const std::vector<store::TrialRecord>& records,
             const std::vector<std::string>& out_of_scope, const std::vector<std::string>& closed,
             ImportSummary& summary);

  store::TrialStore& store_;
  TrialScope scope_;
  std::size_t batch_size_;
  std::function<void(const Rejection&)> listener_;
  std::string checked_at_;
};

}  // namespace cairn::trials
