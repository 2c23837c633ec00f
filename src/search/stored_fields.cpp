#include "search/stored_fields.hpp"

#include <array>
#include <cstdint>

namespace cairn::search {
namespace {

// A record starts with this byte, then holds each field as a varint length and its bytes.
constexpr char kFormat = '\x02';

void put_varint(std::string& out, std::size_t value) {
  while (value >= 0x80) {
    out += static_cast<char>((value & 0x7F) | 0x80);
    value >>= 7;
  }
  out += static_cast<char>(value);
}

bool get_varint(std::string_view& in, std::size_t& value) {
  value = 0;
  for (int shift = 0; shift < 64 && !in.empty(); shift += 7) {
    auto byte = static_cast<unsigned char>(in.front());
    in.remove_prefix(1);
    value |= static_cast<std::size_t>(byte & 0x7F) << shift;
    if ((byte & 0x80) == 0)
      return true;
  }
  return false;
}

}  // namespace

std::string StoredFields::encode() const {
  std::array<const std::string*, 7> fields{&type,    &url,  &title, &page_title,
                                           &summary, &body, &status};
  std::size_t size = 1;
  for (const auto* f : fields) size += f->size() + 3;
  std::string out;
  out.reserve(size);
  out += kFormat;
  for (const auto* f : fields) {
    put_varint(out, f->size());
    out += *f;
  }
  return out;
}

std::optional<StoredFields> StoredFields::decode(std::string_view record) {
  if (record.empty() || record.front() != kFormat)
    return std::nullopt;
  record.remove_prefix(1);
  StoredFields out;
  for (std::string* f :
       {&out.type, &out.url, &out.title, &out.page_title, &out.summary, &out.body, &out.status}) {
    std::size_t size = 0;
    if (!get_varint(record, size) || size > record.size())
      return std::nullopt;
    f->assign(record.substr(0, size));
    record.remove_prefix(size);
  }
  if (!record.empty())
    return std::nullopt;
  return out;
}

}  // namespace cairn::search
