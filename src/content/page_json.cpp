// The JSON form of a page revision, as the store keeps it.
#include <nlohmann/json.hpp>

#include "content/field_checks.hpp"
#include "content/page.hpp"

namespace cairn::content {

nlohmann::json page_to_json(const Page& page) {
  nlohmann::json sources = nlohmann::json::array();
  for (const auto& s : page.sources)
    sources.push_back({{"title", s.title}, {"address", s.address}});
  return {
      {"path", page.path},
      {"file", page.file},
      {"title", page.title},
      {"summary", page.summary},
      {"topic", page.topic},
      {"breadcrumb", page.breadcrumb},
      {"cancer_type", page.cancer_type},
      {"last_reviewed", page.last_reviewed},
      {"next_review", page.next_review},
      {"sources", sources},
      {"related", page.related},
      {"glossary", page.glossary},
      {"markdown", page.markdown},
      {"body_line", page.body_line},
  };
}

namespace {

class JsonReader {
 public:
  explicit JsonReader(const nlohmann::json& json) : json_(json) {}

  std::string text(const char* key, bool required) {
    auto it = json_.find(key);
    if (it == json_.end()) {
      if (required)
        fail(std::string("missing '") + key + "'");
      return {};
    }
    if (!it->is_string()) {
      fail(std::string("'") + key + "' must be a string");
      return {};
    }
    return it->get<std::string>();
  }

  std::vector<std::string> texts(const char* key) {
    std::vector<std::string> out;
    auto it = json_.find(key);
    if (it == json_.end())
      return out;
    if (!it->is_array()) {
      fail(std::string("'") + key + "' must be an array");
      return out;
    }
    for (const auto& item : *it) {
      if (!item.is_string()) {
        fail(std::string("'") + key + "' must hold strings");
        return {};
      }
      out.push_back(item.get<std::string>());
    }
    return out;
  }

  void fail(std::string problem) {
    if (!problems_.empty())
      problems_ += "; ";
    problems_ += problem;
  }
  const std::string& problems() const { return problems_; }

 private:
  const nlohmann::json& json_;
  std::string problems_;
};

}  // namespace

Result<Page> page_from_json(const nlohmann::json& json) {
  if (!json.is_object())
    return make_error(Errc::invalid_input, "page JSON must be an object");
  JsonReader in(json);
  Page page;
  page.path = in.text("path", true);
  page.file = in.text("file", false);
  page.title = in.text("title", true);
  page.summary = in.text("summary", true);
  page.topic = in.text("topic", false);
  page.breadcrumb = in.text("breadcrumb", false);
  page.cancer_type = in.text("cancer_type", false);
  page.last_reviewed = in.text("last_reviewed", true);
  page.next_review = in.text("next_review", true);
  page.markdown = in.text("markdown", true);
  page.related = in.texts("related");
  page.glossary = in.texts("glossary");
  for (const char* key : {"last_reviewed", "next_review"}) {
    auto it = json.find(key);
    if (it != json.end() && it->is_string() && !is_valid_date(it->get<std::string>())) {
      in.fail(std::string("'") + key + "' must be a date written YYYY-MM-DD");
    }
  }
  if (auto it = json.find("body_line"); it != json.end()) {
    if (it->is_number_integer() && it->get<long long>() >= 1 && it->get<long long>() < (1 << 30)) {
      page.body_line = it->get<int>();
    } else {
      in.fail("'body_line' must be a positive whole number");
    }
  }
  auto sources = json.find("sources");
  if (sources == json.end() || !sources->is_array()) {
    in.fail("'sources' must be an array");
  } else {
    for (const auto& s : *sources) {
      Source out;
      if (s.is_object()) {
        JsonReader source(s);
        out = {source.text("title", true), source.text("address", true)};
      }
      if (out.title.empty() || !is_web_address(out.address)) {
        in.fail("each source needs a title and an http(s) address");
        break;
      }
      page.sources.push_back(std::move(out));
    }
  }
  if (!in.problems().empty()) {
    return make_error(Errc::invalid_input, "page JSON: " + in.problems());
  }
  return page;
}

}  // namespace cairn::content
