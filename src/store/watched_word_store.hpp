// The watched words the forum checks posts against, edited by admins in the
// browser. Every node reads them from here, so a change applies at once
// everywhere; the file in content/ only seeds the list on first start.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace cairn::store {

struct WatchedWordRecord {
  std::string phrase;      // as the admin wrote it
  std::string action;      // "hold", "block" or "flag"
  std::string message;     // for "block": what the writer is told
  std::string updated_at;  // ISO 8601 UTC
};

class WatchedWordStore {
 public:
  virtual ~WatchedWordStore() = default;
  // In phrase order.
  virtual std::vector<WatchedWordRecord> list() = 0;
  // Adds the phrase or replaces its action and message.
  virtual void put(const WatchedWordRecord& word) = 0;
  // False when there was no such phrase.
  virtual bool remove(std::string_view phrase) = 0;
  // Stores `words` only the first time any node asks, so a list an admin
  // emptied on purpose stays empty after a restart.
  virtual void seed_once(const std::vector<WatchedWordRecord>& words) = 0;
};

}  // namespace cairn::store
