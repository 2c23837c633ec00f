// What the index keeps of a document for showing it as a result (Xapian document data): a
// compact record that is quick to read, as it is read for every result shown.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace cairn::search {

struct StoredFields {
  std::string type;
  std::string url;
  std::string title;
  std::string page_title;
  std::string summary;
  std::string body;
  std::string status;

  std::string encode() const;
  // Nothing when the record is not one encode() made (an index from other code).
  static std::optional<StoredFields> decode(std::string_view record);
};

}  // namespace cairn::search
