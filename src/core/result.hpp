// Expected failures as values: a Result<T> holds a T or an Error a user can act on.
#pragma once

#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace cairn {

enum class Errc {
  invalid_input,       // 400
  unauthorized,        // 401
  forbidden,           // 403
  not_found,           // 404
  method_not_allowed,  // 405
  conflict,            // 409
  too_large,           // 413
  unprocessable,       // 422: well formed, but fails a rule of the content (the checks)
  rate_limited,        // 429
  unavailable,         // 503
  internal,            // 500
};

// The one error type. A form's failure lists its field problems in `problems`
// (each an Error naming its field), in the order of the form.
struct Error {
  Errc code = Errc::internal;
  std::string message;
  std::string field;            // the form field or query parameter at fault; empty: the whole
  std::vector<Error> problems;  // a form's problems, one per field
};

template <class T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}
  Result(Error error) : v_(std::move(error)) {}

  bool ok() const { return std::holds_alternative<T>(v_); }
  explicit operator bool() const { return ok(); }

  T& value() & { return std::get<T>(v_); }
  const T& value() const& { return std::get<T>(v_); }
  T&& value() && { return std::get<T>(std::move(v_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

  const Error& error() const { return std::get<Error>(v_); }

 private:
  std::variant<T, Error> v_;
};

// For operations that only succeed or fail.
struct Ok {};
using Status = Result<Ok>;

inline Error make_error(Errc code, std::string message, std::string field = {}) {
  return Error{code, std::move(message), std::move(field), {}};
}

}  // namespace cairn
