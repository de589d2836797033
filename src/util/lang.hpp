#pragma once
// The two languages people read Waihu in, for what the server writes for people rather than programs: export
// headers and labels, file names. (The API's error messages stay bilingual; the web app translates codes.)
#include <optional>
#include <string_view>

namespace waihu::util {

enum class Lang { kZh, kEn };

/// "zh" / "zh-CN" → kZh, "en" / "en-US" → kEn; nullopt otherwise.
inline std::optional<Lang> parse_lang(std::string_view s) {
  if (s.starts_with("zh")) return Lang::kZh;
  if (s.starts_with("en")) return Lang::kEn;
  return std::nullopt;
}

/// A word or phrase in both languages.
struct Label {
  std::string_view zh, en;
  std::string_view in(Lang lang) const { return lang == Lang::kZh ? zh : en; }
};

}  // namespace waihu::util
