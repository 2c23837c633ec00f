// The forum's categories, from content/forum/categories.yaml: a list of
// {slug, name, description}, in the order they are shown.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace cairn::forum {

struct Category {
  std::string slug;  // in the address: /forum/<slug>
  std::string name;
  std::string description;
};

class Categories {
 public:
  Categories() = default;
  explicit Categories(std::vector<Category> list) : list_(std::move(list)) {}
  // invalid_input naming the file and the problem (missing field, bad or repeated slug).
  static Result<Categories> load(const std::filesystem::path& file);
  static Result<Categories> parse(std::string_view yaml);

  const std::vector<Category>& all() const { return list_; }
  const Category* find(std::string_view slug) const;

 private:
  std::vector<Category> list_;
};

}  // namespace cairn::forum
