// What the search index holds: one searchable thing (a page section, a trial, a forum
// thread) with the text it is found by and the address it leads to.
#pragma once

#include <string>
#include <vector>

namespace cairn::search {

struct Document {
  std::string type;        // "pages", "trials" or "forum": the result type and facet
  std::string id;          // unique across the index, e.g. the url
  std::string url;         // where the result leads: a path, or path#anchor for a section
  std::string title;       // weighted most
  std::string page_title;  // for a section: its page's title, weighted too
  std::string summary;     // plain text, shown when the body has no matched words; searched
                           // only for whole pages (no page_title): a page's summary is not
                           // about each of its sections
  std::string body;        // plain text (no markup): searched, and the source of snippets
  std::vector<std::string> keywords;  // extra words the document should be found by
  // A trial's recruitment status (a ClinicalTrials.gov code), shown instead of a snippet: a
  // line cut from a trial record ("prognosis is poor for...") misleads out of context, so a
  // result with a status has no snippet.
  std::string status = {};
};

}  // namespace cairn::search
