#include "forum/categories.hpp"

#include <yaml-cpp/yaml.h>

#include <fstream>
#include <sstream>

#include "core/text.hpp"

namespace cairn::forum {

Result<Categories> Categories::load(const std::filesystem::path& file) {
  std::ifstream in(file);
  if (!in)
    return make_error(Errc::invalid_input, "cannot read " + file.string());
  std::stringstream text;
  text << in.rdbuf();
  auto parsed = parse(text.str());
  if (!parsed)
    return make_error(Errc::invalid_input, file.string() + ": " + parsed.error().message);
  return parsed;
}

Result<Categories> Categories::parse(std::string_view yaml) {
  YAML::Node root;
  try {
    root = YAML::Load(std::string(yaml));
  } catch (const YAML::Exception& e) {
    return make_error(Errc::invalid_input, e.what());
  }
  if (!root.IsSequence() || root.size() == 0)
    return make_error(Errc::invalid_input, "expected a list of categories");
  std::vector<Category> list;
  for (const auto& node : root) {
    if (!node.IsMap())
      return make_error(Errc::invalid_input, "each category is a map");
    Category c;
    for (auto [field, target] : {std::pair{"slug", &c.slug}, std::pair{"name", &c.name},
                                 std::pair{"description", &c.description}}) {
      if (!node[field] || !node[field].IsScalar() || node[field].as<std::string>().empty())
        return make_error(Errc::invalid_input, std::string("a category has no ") + field);
      *target = node[field].as<std::string>();
    }
    // "t" is taken by thread addresses (/forum/t/<id>), "rules" by the rules page.
    if (slugify(c.slug) != c.slug || c.slug == "t" || c.slug == "rules")
      return make_error(Errc::invalid_input, "bad category slug: " + c.slug);
    for (const auto& other : list) {
      if (other.slug == c.slug)
        return make_error(Errc::invalid_input, "repeated slug: " + c.slug);
    }
    list.push_back(std::move(c));
  }
  return Categories(std::move(list));
}

const Category* Categories::find(std::string_view slug) const {
  for (const auto& c : list_) {
    if (c.slug == slug)
      return &c;
  }
  return nullptr;
}

}  // namespace cairn::forum
