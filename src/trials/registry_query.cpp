#include "trials/registry_query.hpp"

#include "core/text.hpp"

namespace cairn::trials {

namespace {

void add(std::string& url, std::string_view name, std::string_view value) {
  url += '&';
  url += name;
  url += '=';
  url += url_encode(value);
}

std::string joined(const std::vector<std::string>& items, char separator) {
  std::string out;
  for (const auto& item : items) {
    if (!out.empty())
      out += separator;
    out += item;
  }
  return out;
}

}  // namespace

std::vector<std::string> RegistryQuery::current_statuses() {
  return {"RECRUITING", "NOT_YET_RECRUITING", "ACTIVE_NOT_RECRUITING"};
}

std::string RegistryQuery::describe() const {
  std::string out = "cond=" + condition + "; term=" + term + "; locn=" + location +
                    "; status=" + joined(statuses, '|') + "; since=" + updated_since +
                    "; pageSize=" + std::to_string(page_size);
  return out;
}

std::string studies_url(std::string_view registry, const RegistryQuery& query,
                        std::string_view page_token) {
  while (!registry.empty() && registry.back() == '/') registry.remove_suffix(1);
  std::string url(registry);
  url += "/api/v2/studies?format=json";
  add(url, "pageSize", std::to_string(query.page_size));
  if (!query.condition.empty())
    add(url, "query.cond", query.condition);
  if (!query.term.empty())
    add(url, "query.term", query.term);
  if (!query.location.empty())
    add(url, "query.locn", query.location);
  if (!query.statuses.empty())
    add(url, "filter.overallStatus", joined(query.statuses, '|'));
  if (!query.updated_since.empty()) {
    add(url, "filter.advanced", "AREA[LastUpdatePostDate]RANGE[" + query.updated_since + ",MAX]");
  }
  if (!page_token.empty())
    add(url, "pageToken", page_token);
  return url;
}

}  // namespace cairn::trials
