// Words to index and to search by: lower case, common words dropped, and a
// light stemmer so "metastases" finds "metastasis" and "tumour" finds "tumor".
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace cairn::trials {

// "Leptomeningeal Metastases (LM)" -> {"leptomeningeal", "metastas", "lm"}.
std::vector<std::string> terms_of(std::string_view text);
// Same, added to `out` (saves allocations when indexing many fields).
void append_terms(std::string_view text, std::vector<std::string>& out);
// One lower-case word to its index form; "" for a word too common to search by.
std::string stem(std::string_view word);

}  // namespace cairn::trials
