// Small checks shared by the content loaders: dates, URLs, keys, reading files.
// Internal to cairn_content.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace cairn::content {

// True for a real calendar date written YYYY-MM-DD.
bool is_valid_date(std::string_view text);
// True for an absolute http:// or https:// address with something after the scheme.
bool is_web_address(std::string_view text);
// True for lower-case ASCII letters, digits and hyphens, not empty: glossary keys, file names.
bool is_slug_word(std::string_view text);
// The whole file, or nothing if it cannot be read.
std::optional<std::string> read_text_file(const std::filesystem::path& file);
// "/x/content" -> "content": how messages name the content folder.
std::string folder_label(const std::filesystem::path& dir);

}  // namespace cairn::content
