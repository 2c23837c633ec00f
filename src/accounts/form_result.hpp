// What came of sending a form: done, or the problems to show beside its
// fields (in the order of the form), or a refusal of the whole (rate limited).
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "core/result.hpp"

namespace cairn::accounts {

struct FieldProblem {
  std::string field;  // the form field's name, e.g. "email"
  std::string message;
};

struct FormProblems {
  std::vector<FieldProblem> fields;
  std::optional<Error> refusal;

  bool empty() const { return fields.empty() && !refusal; }
  void add(std::string field, std::string message) {
    fields.push_back({std::move(field), std::move(message)});
  }
  // invalid_input for field problems, or the refusal's own code.
  Errc code() const { return refusal ? refusal->code : Errc::invalid_input; }
};

template <class T>
class [[nodiscard]] FormResult {
 public:
  FormResult(T value) : v_(std::move(value)) {}
  FormResult(FormProblems problems) : v_(std::move(problems)) {}
  FormResult(Error refusal) : v_(FormProblems{{}, std::move(refusal)}) {}

  bool ok() const { return std::holds_alternative<T>(v_); }
  explicit operator bool() const { return ok(); }
  T& value() { return std::get<T>(v_); }
  const T& value() const { return std::get<T>(v_); }
  T* operator->() { return &value(); }
  const FormProblems& problems() const { return std::get<FormProblems>(v_); }

 private:
  std::variant<T, FormProblems> v_;
};

}  // namespace cairn::accounts
