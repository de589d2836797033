#pragma once
// Which customer holds a phone number, for matching many calls at once (a CDR import): the numbers held in the
// store, loaded once, as a sorted array of (number, customer), each marked whether the importing actor may write to
// that customer. 16 bytes a number; read-only once sealed, so several threads may look up at once.
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

namespace waihu::crm {

class PhoneDirectory {
 public:
  struct Holder {
    long long customer_id;
    bool in_scope;  ///< the actor the directory was made for may write to this customer
  };
  /// `e164` as stored ("+8613812345678"); `customer_id` > 0.
  void add(std::string_view e164, long long customer_id, bool in_scope = true);
  /// Call once after the last add.
  void seal();
  std::optional<Holder> holder_of(std::string_view e164) const;
  size_t size() const { return entries_.size(); }

 private:
  static std::optional<unsigned long long> key_of(std::string_view e164);
  std::vector<std::pair<unsigned long long, long long>> entries_;
};

}  // namespace waihu::crm
