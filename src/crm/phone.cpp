#include "crm/phone.hpp"

#include <phonenumbers/geocoding/phonenumber_offline_geocoder.h>
#include <phonenumbers/phonenumberutil.h>
#include <unicode/locid.h>

#include <array>
#include <atomic>
#include <mutex>
#include <unordered_map>

#include "util/strings.hpp"

namespace waihu::crm {

namespace pn = i18n::phonenumbers;

namespace {

constexpr std::array<std::string_view, 34> kProvinces{
    "北京市", "天津市", "上海市", "重庆市", "河北省", "山西省", "辽宁省", "吉林省", "黑龙江省",
    "江苏省", "浙江省", "安徽省", "福建省", "江西省", "山东省", "河南省", "湖北省", "湖南省",
    "广东省", "海南省", "四川省", "贵州省", "云南省", "陕西省", "甘肃省", "青海省", "台湾省",
    "内蒙古", "广西",   "西藏",   "宁夏",   "新疆",   "香港",   "澳门"};

PhoneKind kind_of(pn::PhoneNumberUtil::PhoneNumberType t) {
  switch (t) {
    case pn::PhoneNumberUtil::MOBILE:
      return PhoneKind::kMobile;
    case pn::PhoneNumberUtil::FIXED_LINE:
    case pn::PhoneNumberUtil::FIXED_LINE_OR_MOBILE:
      return PhoneKind::kFixed;
    default:
      return PhoneKind::kOther;
  }
}

std::string parse_error_text(pn::PhoneNumberUtil::ErrorType e) {
  switch (e) {
    case pn::PhoneNumberUtil::INVALID_COUNTRY_CODE_ERROR:
      return "国家代码无效 / invalid country code";
    case pn::PhoneNumberUtil::NOT_A_NUMBER:
      return "不是电话号码 / not a phone number";
    case pn::PhoneNumberUtil::TOO_SHORT_AFTER_IDD:
    case pn::PhoneNumberUtil::TOO_SHORT_NSN:
      return "号码太短 / number too short";
    case pn::PhoneNumberUtil::TOO_LONG_NSN:
      return "号码太长 / number too long";
    default:
      return "无法识别的号码 / unreadable number";
  }
}

// Cache of mobile 号段: index = first 7 digits − 1,000,000. Each slot packs state (2 bits) and geo index.
constexpr uint32_t kUnknown = 0, kValid = 1, kInvalid = 2;
constexpr size_t kSlots = 1000000;

// A mobile number in its plainest forms: 11 digits starting with 1, optionally after +86 / 86 / 0086,
// with spaces, dashes, dots or brackets between. Anything else (full-width digits, extensions) goes to the library.
std::optional<std::string> plain_mobile(std::string_view raw) {
  std::string d;
  d.reserve(16);
  bool plus = false;
  for (char c : util::trim(raw)) {
    if (c >= '0' && c <= '9') {
      d += c;
    } else if (c == '+' && d.empty() && !plus) {
      plus = true;
    } else if (c != ' ' && c != '-' && c != '.' && c != '(' && c != ')') {
      return std::nullopt;
    }
  }
  if (d.size() == 15 && d.starts_with("0086")) d.erase(0, 4);
  if (d.size() == 13 && d.starts_with("86"))
    d.erase(0, 2);
  else if (plus)
    return std::nullopt;  // "+" followed by something other than 86 + 11 digits
  if (d.size() != 11 || d[0] != '1') return std::nullopt;
  return d;
}

}  // namespace

std::pair<std::string, std::string> split_province_city(std::string_view d) {
  for (std::string_view p : kProvinces) {
    if (d.starts_with(p)) {
      std::string_view rest = d.substr(p.size());
      if (rest.empty()) {
        // Municipalities (北京市) are their own city; a bare province has none known.
        return {std::string(p), p.ends_with("市") ? std::string(p) : std::string()};
      }
      return {std::string(p), std::string(rest)};
    }
  }
  return {"", ""};
}

std::vector<std::string> split_phone_list(std::string_view cell) {
  std::vector<std::string> out;
  std::string cur;
  auto flush = [&] {
    auto t = util::trim(cur);
    if (!t.empty()) out.emplace_back(t);
    cur.clear();
  };
  for (size_t i = 0; i < cell.size();) {
    static constexpr std::array<std::string_view, 8> kSeps{"/", ",", ";", "|", "，", "；", "、", "\n"};
    bool sep = false;
    for (auto s : kSeps) {
      if (cell.substr(i).starts_with(s)) {
        flush();
        i += s.size();
        sep = true;
        break;
      }
    }
    if (!sep) cur += cell[i++];
  }
  flush();
  return out;
}

struct PhoneNormalizer::Impl {
  std::string region;
  const pn::PhoneNumberUtil* util = pn::PhoneNumberUtil::GetInstance();
  pn::PhoneNumberOfflineGeocoder geocoder;
  std::mutex geo_mutex;  // guards geocoder, geo_index, fixed_geo and writes to geo_names
  std::unordered_map<std::string, uint32_t> geo_index;
  std::unordered_map<std::string, uint32_t> fixed_geo;  // first 4 national digits → geo slot
  std::array<std::pair<std::string, std::string>, 4096> geo_names;
  uint32_t geo_count = 1;  // slot 0: unknown
  std::vector<std::atomic<uint32_t>> mobile = std::vector<std::atomic<uint32_t>>(kSlots);

  // Caller holds geo_mutex.
  uint32_t intern_geo(const pn::PhoneNumber& number) {
    std::string desc = geocoder.GetDescriptionForNumber(number, icu::Locale("zh"));
    auto it = geo_index.find(desc);
    if (it != geo_index.end()) return it->second;
    if (geo_count >= geo_names.size()) return 0;
    geo_names[geo_count] = split_province_city(desc);
    geo_index.emplace(desc, geo_count);
    return geo_count++;
  }

  // `geo_slot` receives the interned 归属地 slot when the number is valid.
  PhoneResult library(std::string_view raw, bool use_fixed_cache, uint32_t* geo_slot = nullptr) {
    pn::PhoneNumber number;
    std::string input(util::trim(raw));
    if (input.empty()) return {std::nullopt, "号码为空 / empty number"};
    auto err = util->Parse(input, region, &number);
    if (err != pn::PhoneNumberUtil::NO_PARSING_ERROR) return {std::nullopt, parse_error_text(err)};
    if (!util->IsValidNumber(number)) {
      auto why = util->IsPossibleNumberWithReason(number);
      std::string nsn = std::to_string(number.national_number());
      std::string digits = std::to_string(nsn.size());
      if (number.country_code() == 86 && nsn.size() != 11 && nsn.size() >= 2 && nsn[0] == '1' && nsn[1] >= '3') {
        return {std::nullopt,
                "手机号应为 11 位，这里是 " + digits + " 位 / a mobile number has 11 digits, not " + digits};
      }
      if (why == pn::PhoneNumberUtil::TOO_SHORT || nsn.size() < 7)
        return {std::nullopt, "号码位数太少 / number too short"};
      if (why == pn::PhoneNumberUtil::TOO_LONG) return {std::nullopt, "号码位数太多 / number too long"};
      if (why == pn::PhoneNumberUtil::INVALID_LENGTH) {
        return {std::nullopt, "号码位数不对（" + digits + " 位）/ wrong number of digits (" + digits + ")"};
      }
      return {std::nullopt, "不是有效号码（号段不存在）/ not a valid number (no such number range)"};
    }
    Phone p;
    util->Format(number, pn::PhoneNumberUtil::E164, &p.e164);
    p.kind = kind_of(util->GetNumberType(number));
    std::lock_guard lock(geo_mutex);
    uint32_t slot;
    std::string key = std::to_string(number.country_code()) + ":" +
                      std::to_string(number.national_number()).substr(0, p.kind == PhoneKind::kFixed ? 4 : 7);
    if (use_fixed_cache && p.kind == PhoneKind::kFixed) {
      auto it = fixed_geo.find(key);
      slot = it != fixed_geo.end() ? it->second : fixed_geo.emplace(key, intern_geo(number)).first->second;
    } else {
      slot = intern_geo(number);
    }
    std::tie(p.province, p.city) = geo_names[slot];
    if (geo_slot) *geo_slot = slot;
    return {std::move(p), {}};
  }
};

PhoneNormalizer::PhoneNormalizer(std::string default_region) : impl_(std::make_unique<Impl>()) {
  impl_->region = std::move(default_region);
}

PhoneNormalizer::~PhoneNormalizer() = default;

PhoneResult PhoneNormalizer::normalize_with_library(std::string_view raw) const { return impl_->library(raw, false); }

PhoneResult PhoneNormalizer::normalize(std::string_view raw) const {
  auto digits = impl_->region == "CN" ? plain_mobile(raw) : std::nullopt;
  if (!digits) return impl_->library(raw, true);
  size_t slot = static_cast<size_t>(std::stoi(digits->substr(0, 7))) - 1000000;
  uint32_t entry = impl_->mobile[slot].load(std::memory_order_acquire);
  if ((entry & 3) == kUnknown) {
    // First number of this 号段: ask the library, remember the answer for the whole 号段.
    uint32_t geo = 0;
    PhoneResult r = impl_->library(*digits, false, &geo);
    if (!r.phone || r.phone->kind != PhoneKind::kMobile) {
      if (!r.phone) impl_->mobile[slot].store(kInvalid, std::memory_order_release);
      return r;
    }
    impl_->mobile[slot].store(kValid | (geo << 2), std::memory_order_release);
    return r;
  }
  if ((entry & 3) == kInvalid) return impl_->library(*digits, false);  // rare: let the library say why
  Phone p;
  p.e164 = "+86" + *digits;
  p.kind = PhoneKind::kMobile;
  const auto& names = impl_->geo_names[entry >> 2];
  p.province = names.first;
  p.city = names.second;
  return {std::move(p), {}};
}

}  // namespace waihu::crm
