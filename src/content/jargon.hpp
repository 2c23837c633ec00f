// Medical words and abbreviations a page uses before it explains them. The words come
// from glossary.yaml (every `matches` entry) and from synonyms.yaml (abbreviations such
// as WBRT that have no glossary entry).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "content/glossary.hpp"
#include "content/page.hpp"
#include "core/result.hpp"

namespace cairn::content {

struct JargonTerm {
  std::string glossary_key;          // empty for an abbreviation known only from synonyms.yaml
  std::vector<std::string> matches;  // words in the text; all-capital ones match case-sensitively
  std::string expansion;  // synonyms only: the words it stands for ("whole brain radiotherapy")
};

// Reads `groups:` (a list of lists of words) from synonyms.yaml.
Result<std::vector<std::vector<std::string>>> load_synonym_groups(
    const std::filesystem::path& file);

// One term per glossary entry, then one per abbreviation in the synonym groups: a
// single-word member of 2 to 6 letters and digits ("wbrt", "her2") that is not already
// one of the glossary's words. Abbreviations are matched in capitals only ("WBRT").
std::vector<JargonTerm> jargon_terms(const Glossary& glossary,
                                     const std::vector<std::vector<std::string>>& synonym_groups);

struct UnexplainedTerm {
  const JargonTerm* term;
  std::string word;  // as written on the page
  int line = 1;      // file line of that first use
};

// Terms whose first use in the page's running text (paragraphs, list items, table cells;
// headings are signposts and do not count) is not explained. A term is explained when the
// page lists its glossary key under `glossary:` (the page then links it to its
// explanation), or when that first use is followed in the same sentence by words in
// brackets ("cerebrospinal fluid (CSF)", "CSF (cerebrospinal fluid)"), or is itself the
// bracketed short form ("cerebrospinal fluid (CSF)").
std::vector<UnexplainedTerm> find_unexplained_terms(const Page& page,
                                                    const std::vector<JargonTerm>& terms);

}  // namespace cairn::content
