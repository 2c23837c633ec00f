#include "content/finding_json.hpp"

#include <nlohmann/json.hpp>

namespace cairn::content {

std::string findings_to_json(const std::vector<Finding>& findings) {
  auto list = nlohmann::json::array();
  for (const auto& f : findings) {
    list.push_back({{"level", level_name(f.level)}, {"line", f.line}, {"message", f.message}});
  }
  return list.dump();
}

std::vector<Finding> findings_from_json(std::string_view text, const std::string& file) {
  std::vector<Finding> out;
  auto list = nlohmann::json::parse(text, nullptr, false);
  if (!list.is_array())
    return out;
  for (const auto& item : list) {
    if (!item.is_object() || !item.value("line", nlohmann::json()).is_number_integer() ||
        !item.value("message", nlohmann::json()).is_string())
      continue;
    std::string level = item.value("level", "");
    Finding f;
    f.file = file;
    f.line = item["line"].get<int>();
    f.level = level == "error" ? Level::error : level == "info" ? Level::info : Level::warning;
    f.message = item["message"].get<std::string>();
    out.push_back(std::move(f));
  }
  return out;
}

}  // namespace cairn::content
