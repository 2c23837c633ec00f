// Gathers what is wrong with a sent form, field by field, into one Error.
#pragma once

#include <string>
#include <utility>

#include "core/result.hpp"

namespace cairn {

class FormProblems {
 public:
  void add(std::string field, std::string message) {
    error_.problems.push_back(
        make_error(Errc::invalid_input, std::move(message), std::move(field)));
  }
  bool empty() const { return error_.problems.empty(); }
  // invalid_input, with every field's problem in the order they were added.
  Error error() const { return error_; }

 private:
  Error error_{Errc::invalid_input, "Check what you entered.", {}, {}};
};

}  // namespace cairn
