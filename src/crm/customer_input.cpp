#include "crm/customer_input.hpp"

#include <algorithm>

#include "crm/rules.hpp"
#include "util/strings.hpp"

namespace waihu::crm {

namespace {
std::optional<FieldError> text_field(const std::optional<std::string>& in, std::string& out, const char* name,
                                     size_t max_chars) {
  if (!in) return std::nullopt;
  std::string_view t = util::trim(*in);
  if (!util::is_valid_utf8(t)) return FieldError{name, "不是有效的 UTF-8 文本 / not valid UTF-8 text"};
  if (util::utf8_length(t) > max_chars) {
    return FieldError{
        name, "最多 " + std::to_string(max_chars) + " 个字符 / at most " + std::to_string(max_chars) + " characters"};
  }
  out = std::string(t);
  return std::nullopt;
}

std::optional<long long> parse_headcount(std::string_view s) {
  std::string_view t = util::trim(s);
  if (t.ends_with("人")) t = util::trim(t.substr(0, t.size() - 3));
  long long v = 0;
  if (!util::parse_int64(t, v) || v < 0 || v > 10'000'000) return std::nullopt;
  return v;
}
}  // namespace

std::optional<FieldError> apply_customer_input(const CustomerInput& in, const Customer& base,
                                               const PhoneNormalizer& normalizer, Customer& c) {
  c = base;
  struct Text {
    const std::optional<std::string>& in;
    std::string& out;
    const char* name;
    size_t max;
  };
  for (const Text& t : {Text{in.company, c.company, "company", 200},
                        Text{in.contact_name, c.contact_name, "contact_name", 64}, Text{in.title, c.title, "title", 64},
                        Text{in.fax, c.fax, "fax", 64}, Text{in.industry, c.industry, "industry", 100},
                        Text{in.region, c.region, "region", 100}, Text{in.size, c.size, "size", 64},
                        Text{in.it_status, c.it_status, "it_status", 500}, Text{in.source, c.source, "source", 100},
                        Text{in.needs, c.needs, "needs", 2000}, Text{in.notes, c.notes, "notes", 4000}}) {
    if (auto e = text_field(t.in, t.out, t.name, t.max)) return e;
  }
  if (in.headcount) {
    if (util::trim(*in.headcount).empty()) {
      c.headcount.reset();
    } else if (auto h = parse_headcount(*in.headcount)) {
      c.headcount = h;
    } else {
      return FieldError{"headcount", "人数应为 0-10000000 的整数 / must be a whole number 0-10000000"};
    }
  }
  if (in.grade) {
    auto g = parse_grade(*in.grade);
    if (!g) return FieldError{"grade", "等级应为 A、B、C、D 或留空 / must be A, B, C, D or empty"};
    c.grade = *g;
  }
  if (in.status) {
    auto s = parse_status_text(*in.status);
    if (!s) {
      return FieldError{"status", "状态应为 new/contacted/interested/following/won/lost/invalid 之一 / unknown status"};
    }
    c.status = *s;
  }
  if (in.tags) {
    c.tags.clear();
    for (const auto& raw : *in.tags) {
      std::string tag(util::trim(raw));
      if (tag.empty()) continue;
      if (!util::is_valid_utf8(tag) || util::utf8_length(tag) > 32) {
        return FieldError{"tags", "标签最多 32 个字符 / a tag has at most 32 characters"};
      }
      if (std::find(c.tags.begin(), c.tags.end(), tag) == c.tags.end()) c.tags.push_back(tag);
    }
    if (c.tags.size() > 20) return FieldError{"tags", "最多 20 个标签 / at most 20 tags"};
  }
  if (in.phones) {
    c.phones.clear();
    for (const auto& cell : *in.phones) {
      for (const auto& raw : split_phone_list(cell)) {
        auto r = normalizer.normalize(raw);
        if (!r.phone) return FieldError{"phones", raw + ": " + r.error};
        bool seen =
            std::any_of(c.phones.begin(), c.phones.end(), [&](const Phone& p) { return p.e164 == r.phone->e164; });
        if (!seen) c.phones.push_back(std::move(*r.phone));
      }
    }
    if (c.phones.size() > 5) return FieldError{"phones", "最多 5 个号码 / at most 5 numbers"};
  }
  if (c.phones.empty()) return FieldError{"phones", "至少需要一个电话号码 / at least one phone number is required"};
  if (c.company.empty() && c.contact_name.empty()) {
    return FieldError{"company", "单位名称和联系人至少填一项 / company or contact name is required"};
  }
  c.company_norm = normalize_company(c.company);
  return std::nullopt;
}

std::string customer_search_text(const Customer& c) {
  std::string s = util::to_lower_ascii(c.company) + " " + util::to_lower_ascii(c.contact_name);
  for (const auto& p : c.phones) {
    s += ' ';
    s += national_digits(p.e164);  // what people type: "138…", "010…"
  }
  return s;
}

}  // namespace waihu::crm
