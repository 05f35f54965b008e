// Result<T>: a value or an Error, returned across module boundaries instead of throwing for
// expected failures (not found, invalid input, conflict, forbidden, unavailable).
// Thread-safety: plain values; const methods may be called from any thread.
#pragma once

#include <cassert>
#include <string>
#include <utility>
#include <variant>

namespace knooppunt {

// A closed set: the edge (http/error_response) maps each to one HTTP status.
enum class ErrorCode {
  kInvalidArgument,  // the caller sent something malformed or out of range
  kNotFound,         // the thing asked for does not exist
  kConflict,         // the request clashes with the current state
  kForbidden,        // the caller may not do this
  kUnavailable,      // a dependency (database, disk) cannot be reached now
  kInternal,         // a bug or an unexpected failure
};

const char* ErrorCodeName(ErrorCode code);

struct Error {
  ErrorCode code = ErrorCode::kInternal;
  std::string message;  // a sentence a person can act on; never personal data
  std::string field;    // the parameter, field or record that is wrong; empty when not about one
};

inline Error InvalidArgument(std::string field, std::string message) {
  return Error{ErrorCode::kInvalidArgument, std::move(message), std::move(field)};
}
inline Error NotFound(std::string message) {
  return Error{ErrorCode::kNotFound, std::move(message), {}};
}
inline Error Internal(std::string message) {
  return Error{ErrorCode::kInternal, std::move(message), {}};
}
inline Error Unavailable(std::string message) {
  return Error{ErrorCode::kUnavailable, std::move(message), {}};
}

template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : state_(std::move(value)) {}      // NOLINT: implicit by design
  Result(Error error) : state_(std::move(error)) {}  // NOLINT: implicit by design

  bool ok() const { return state_.index() == 0; }
  explicit operator bool() const { return ok(); }

  T& value() & {
    assert(ok());
    return std::get<0>(state_);
  }
  const T& value() const& {
    assert(ok());
    return std::get<0>(state_);
  }
  T&& value() && {
    assert(ok());
    return std::get<0>(std::move(state_));
  }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

  const Error& error() const {
    assert(!ok());
    return std::get<1>(state_);
  }

 private:
  std::variant<T, Error> state_;
};

// Result<void>: success carries nothing.
template <>
class [[nodiscard]] Result<void> {
 public:
  Result() = default;
  Result(Error error) : error_(std::move(error)), ok_(false) {}  // NOLINT: implicit by design

  bool ok() const { return ok_; }
  explicit operator bool() const { return ok_; }
  const Error& error() const {
    assert(!ok_);
    return error_;
  }

 private:
  Error error_;
  bool ok_ = true;
};

using Status = Result<void>;

}  // namespace knooppunt
