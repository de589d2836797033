#include "crm/phone_directory.hpp"

#include <algorithm>
#include <charconv>
#include <limits>

namespace waihu::crm {

std::optional<unsigned long long> PhoneDirectory::key_of(std::string_view e164) {
  // E.164 has at most 15 digits after the "+": the number itself is the key.
  if (e164.size() < 2 || e164.size() > 16 || e164[0] != '+') return std::nullopt;
  unsigned long long v = 0;
  auto [end, ec] = std::from_chars(e164.data() + 1, e164.data() + e164.size(), v);
  if (ec != std::errc() || end != e164.data() + e164.size()) return std::nullopt;
  return v;
}

void PhoneDirectory::add(std::string_view e164, long long customer_id, bool in_scope) {
  // Out of scope is kept as the negated id: the entry stays 16 bytes.
  if (auto k = key_of(e164)) entries_.emplace_back(*k, in_scope ? customer_id : -customer_id);
}

void PhoneDirectory::seal() { std::sort(entries_.begin(), entries_.end()); }

std::optional<PhoneDirectory::Holder> PhoneDirectory::holder_of(std::string_view e164) const {
  auto k = key_of(e164);
  if (!k) return std::nullopt;
  auto it = std::lower_bound(entries_.begin(), entries_.end(),
                             std::pair<unsigned long long, long long>{*k, std::numeric_limits<long long>::min()});
  if (it == entries_.end() || it->first != *k) return std::nullopt;
  return Holder{it->second < 0 ? -it->second : it->second, it->second > 0};
}

}  // namespace waihu::crm
