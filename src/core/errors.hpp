#pragma once
// Failures that abort a request. They know nothing of HTTP: http/error_mapping.cpp turns each kind into a status,
// in one place. `code` is stable and machine-readable ("customer.duplicate_phone"); `what()` is for the user.
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>

namespace waihu {

class Error : public std::runtime_error {
 public:
  Error(std::string code, const std::string& message, nlohmann::json details = nlohmann::json::object())
      : std::runtime_error(message), code_(std::move(code)), details_(std::move(details)) {}
  const std::string& code() const { return code_; }
  const nlohmann::json& details() const { return details_; }

 private:
  std::string code_;
  nlohmann::json details_;
};

/// Input that is malformed or fails validation; details name the field.
class BadRequest : public Error {
 public:
  using Error::Error;
  static BadRequest field(const std::string& field, const std::string& message,
                          const std::string& code = "validation.invalid_field") {
    return BadRequest(code, field + ": " + message, {{"field", field}});
  }
  /// The same error about a field of a nested object: "content" inside "follow_up" becomes "follow_up.content".
  BadRequest nested_in(const std::string& parent) const {
    nlohmann::json d = details();
    if (d.is_object() && d.contains("field") && d["field"].is_string()) {
      d["field"] = parent + "." + d["field"].get<std::string>();
    }
    return BadRequest(code(), what(), d);
  }
};
class Unauthorized : public Error {
 public:
  using Error::Error;
};
class Forbidden : public Error {
 public:
  using Error::Error;
};
class NotFound : public Error {
 public:
  using Error::Error;
};
class Conflict : public Error {
 public:
  using Error::Error;
};
/// The input is well formed but a business rule refuses it.
class RuleViolation : public Error {
 public:
  using Error::Error;
};
class TooManyRequests : public Error {
 public:
  TooManyRequests(std::string code, const std::string& message, long long retry_after_seconds)
      : Error(std::move(code), message, {{"retry_after", retry_after_seconds}}), retry_after_(retry_after_seconds) {}
  long long retry_after() const { return retry_after_; }

 private:
  long long retry_after_;
};
class PayloadTooLarge : public Error {
 public:
  using Error::Error;
};
/// The store is unreachable or busy; the client may retry.
class Unavailable : public Error {
 public:
  using Error::Error;
};

}  // namespace waihu
