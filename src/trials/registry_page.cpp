#include "trials/registry_page.hpp"

#include <vector>

#include <nlohmann/json.hpp>

namespace cairn::trials {

namespace {

// Walks the page without building it: the top object's "studies" array is
// counted and its "nextPageToken" kept; the records themselves are the importer's.
class PageOutline final : public nlohmann::json_sax<nlohmann::json> {
 public:
  bool top_is_object = false;
  bool has_studies = false;
  std::size_t studies = 0;
  std::string next_page_token;
  std::string problem;

  bool null() override { return value(); }
  bool boolean(bool) override { return value(); }
  bool number_integer(number_integer_t) override { return value(); }
  bool number_unsigned(number_unsigned_t) override { return value(); }
  bool number_float(number_float_t, const string_t&) override { return value(); }
  bool binary(binary_t&) override { return value(); }
  bool string(string_t& text) override {
    if (open_.size() == 1 && key_ == "nextPageToken")
      next_page_token = text;
    return value();
  }
  bool start_object(std::size_t) override {
    if (open_.empty())
      top_is_object = true;
    value();
    open_.push_back(false);
    return true;
  }
  bool end_object() override {
    open_.pop_back();
    return true;
  }
  bool start_array(std::size_t) override {
    value();
    if (open_.size() == 1 && key_ == "studies") {
      has_studies = true;
      in_studies_ = true;
    }
    open_.push_back(true);
    return true;
  }
  bool end_array() override {
    open_.pop_back();
    if (open_.size() == 1)
      in_studies_ = false;
    return true;
  }
  bool key(string_t& name) override {
    if (open_.size() == 1)
      key_ = name;
    return true;
  }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception& e) override {
    problem = e.what();
    return false;
  }

 private:
  // A value begins: one more study when it is an entry of "studies".
  bool value() {
    if (in_studies_ && open_.size() == 2)
      ++studies;
    return true;
  }
  std::vector<bool> open_;  // the containers open now, true for an array
  std::string key_;         // the top object's key being read
  bool in_studies_ = false;
};

}  // namespace

Result<RegistryPage> read_registry_page(std::string body) {
  PageOutline outline;
  bool complete = nlohmann::json::sax_parse(body, &outline);
  if (!complete) {
    return make_error(Errc::invalid_input, "the page is not complete JSON (" +
                                               std::to_string(body.size()) +
                                               " bytes): " + outline.problem);
  }
  if (!outline.top_is_object)
    return make_error(Errc::invalid_input, "the page is not a JSON object");
  if (!outline.has_studies)
    return make_error(Errc::invalid_input, "the page has no \"studies\" array");
  return RegistryPage{std::move(body), outline.studies, std::move(outline.next_page_token)};
}

}  // namespace cairn::trials
