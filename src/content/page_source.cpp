#include "content/page_source.hpp"

#include <yaml-cpp/yaml.h>

namespace cairn::content {

std::string page_source(const Page& page) {
  YAML::Emitter out;
  out.SetIndent(2);
  out << YAML::BeginMap;
  auto text = [&](const char* key, const std::string& value, bool required) {
    if (required || !value.empty())
      out << YAML::Key << key << YAML::Value << value;
  };
  auto list = [&](const char* key, const std::vector<std::string>& values) {
    if (values.empty())
      return;
    out << YAML::Key << key << YAML::Value << YAML::BeginSeq;
    for (const auto& v : values) out << v;
    out << YAML::EndSeq;
  };
  text("title", page.title, true);
  text("summary", page.summary, true);
  text("topic", page.topic, false);
  text("breadcrumb", page.breadcrumb, false);
  text("cancer_type", page.cancer_type, false);
  text("last_reviewed", page.last_reviewed, true);
  text("next_review", page.next_review, true);
  if (!page.sources.empty()) {
    out << YAML::Key << "sources" << YAML::Value << YAML::BeginSeq;
    for (const auto& s : page.sources) {
      out << YAML::BeginMap << YAML::Key << "title" << YAML::Value << s.title << YAML::Key
          << "address" << YAML::Value << s.address << YAML::EndMap;
    }
    out << YAML::EndSeq;
  }
  list("related", page.related);
  list("glossary", page.glossary);
  out << YAML::EndMap;

  std::string source = "---\n";
  source += out.c_str();
  source += "\n---\n";
  source += page.markdown;
  if (!source.ends_with('\n'))
    source += '\n';
  return source;
}

}  // namespace cairn::content
