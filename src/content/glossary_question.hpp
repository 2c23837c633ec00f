// Whether a search asks what a medical word means ("CSF", "what is an Ommaya
// reservoir?", "what does intrathecal mean"): then the search page answers
// with the word's plain explanation before any result.
#pragma once

#include <string_view>

#include "content/glossary.hpp"

namespace cairn::content {

// The entry the whole query names, once question words are taken off; null
// when the query is about something more (e.g. "csf leak").
const GlossaryEntry* glossary_entry_asked(const Glossary& glossary, std::string_view query);

}  // namespace cairn::content
