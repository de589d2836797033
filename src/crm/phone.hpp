#pragma once
// Phone numbers as Chinese offices write them ("138 1234 5678", "+86 139-0000-1111", "8613900001111",
// "010-62345678", full-width digits) → E.164, number type and 号码归属地 (province/city, zh), via libphonenumber.
//
//   PhoneNormalizer phones;                     // default region CN
//   auto r = phones.normalize("138 1234 5678"); // r.phone->e164 == "+8613812345678"
//
// Mobile numbers take a fast path: the answer for a number depends only on its first 7 digits (号段), so the
// library is asked once per 号段 and the result cached. phone_test.cpp checks that against the library for every
// 号段. Thread-safe; one instance can serve every import thread.
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "crm/model.hpp"

namespace waihu::crm {

struct PhoneResult {
  std::optional<Phone> phone;
  std::string error;  ///< why the number was refused, zh-CN / English
};

class PhoneNormalizer {
 public:
  explicit PhoneNormalizer(std::string default_region = "CN");
  ~PhoneNormalizer();
  PhoneNormalizer(const PhoneNormalizer&) = delete;
  PhoneNormalizer& operator=(const PhoneNormalizer&) = delete;

  PhoneResult normalize(std::string_view raw) const;
  /// The same, always through libphonenumber: the reference the fast path is tested against.
  PhoneResult normalize_with_library(std::string_view raw) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

/// Splits a zh geocoder description: "江苏省连云港市" → {"江苏省", "连云港市"}, "北京市" → {"北京市", "北京市"},
/// "新疆乌鲁木齐市" → {"新疆", "乌鲁木齐市"}; a country name ("中国") → {"", ""}.
std::pair<std::string, std::string> split_province_city(std::string_view description);

/// Splits a cell holding several numbers ("138…/139…", "138…，139…", "138…；139…").
std::vector<std::string> split_phone_list(std::string_view cell);

}  // namespace waihu::crm
