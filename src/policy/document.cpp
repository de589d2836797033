#include "policy/document.hpp"

#include <toml++/toml.h>

#include <algorithm>
#include <cmath>
#include <set>
#include <sstream>
#include <stdexcept>
#include <unordered_set>

namespace waihu::policy {

struct DocumentState {
  std::string file;
  toml::table root;
  std::vector<Problem> problems;
  std::unordered_set<const toml::node*> read;
  bool unreadable = false;  // a syntax error: nothing else is worth reporting
};

std::string Problem::str() const {
  return file + ":" + std::to_string(where.line) + ":" + std::to_string(where.column) + ": " + reason;
}

namespace {

const toml::table& as_table(const void* node) { return *static_cast<const toml::table*>(node); }

Where where_of(const toml::source_region& r) {
  return {static_cast<int>(r.begin.line), static_cast<int>(r.begin.column)};
}

std::string quoted(std::string_view key) { return "'" + std::string(key) + "'"; }

std::string listed(std::initializer_list<std::string_view> allowed) {
  std::string out;
  for (auto a : allowed) out += (out.empty() ? "" : ", ") + std::string(a);
  return out;
}

std::string type_name(const toml::node& n) {
  switch (n.type()) {
    case toml::node_type::string:
      return "a string";
    case toml::node_type::integer:
      return "an integer";
    case toml::node_type::floating_point:
      return "a decimal number";
    case toml::node_type::boolean:
      return "true/false";
    case toml::node_type::date:
      return "a date";
    case toml::node_type::time:
      return "a time";
    case toml::node_type::date_time:
      return "a date-time";
    case toml::node_type::array:
      return "an array";
    case toml::node_type::table:
      return "a table";
    default:
      return "nothing";
  }
}

// "09:00" → 540; nullopt for anything but a real time (24:00 allowed as a day's end).
std::optional<int> parse_hh_mm(std::string_view s) {
  if (s.size() != 5 || s[2] != ':') return std::nullopt;
  for (int i : {0, 1, 3, 4})
    if (s[i] < '0' || s[i] > '9') return std::nullopt;
  int h = (s[0] - '0') * 10 + (s[1] - '0'), m = (s[3] - '0') * 10 + (s[4] - '0');
  if (m > 59 || h > 24 || (h == 24 && m != 0)) return std::nullopt;
  return h * 60 + m;
}

}  // namespace

// ---- Table -----------------------------------------------------------------------------------------------------

const void* Table::get(std::string_view key) const {
  const toml::node* n = as_table(node_).get(key);
  if (n) state_->read.insert(n);
  return n;
}

bool Table::is_root() const { return node_ == &state_->root; }

bool Table::has(std::string_view key) const { return as_table(node_).contains(key); }

bool Table::has_table(std::string_view key) const {
  const toml::node* n = as_table(node_).get(key);
  return n && n->is_table();
}

Where Table::where() const { return where_of(as_table(node_).source()); }

Where Table::where(std::string_view key) const {
  const toml::node* n = as_table(node_).get(key);
  return n ? where_of(n->source()) : where();
}

void Table::problem(std::string_view key, std::string reason) const {
  if (state_->unreadable) return;
  state_->problems.push_back({state_->file, where(key), std::move(reason)});
}

namespace {
// The value at `key` (nullptr when absent: a problem when required).
const toml::node* value_at(const Table& t, const void* n, std::string_view key, bool required) {
  if (!n && required)
    t.problem(key, t.is_root() ? "missing section [" + std::string(key) + "]" : "missing " + quoted(key));
  return static_cast<const toml::node*>(n);
}
}  // namespace

std::optional<std::string> Table::text(std::string_view key, bool required) const {
  const toml::node* n = value_at(*this, get(key), key, required);
  if (!n) return std::nullopt;
  if (auto s = n->value<std::string>()) {
    if (s->empty()) {
      problem(key, quoted(key) + " is empty");
      return std::nullopt;
    }
    return s;
  }
  problem(key, quoted(key) + " must be a string, not " + type_name(*n));
  return std::nullopt;
}

std::optional<std::string> Table::choice(std::string_view key, std::initializer_list<std::string_view> allowed,
                                         bool required) const {
  auto s = text(key, required);
  if (!s) return std::nullopt;
  if (std::find(allowed.begin(), allowed.end(), *s) != allowed.end()) return s;
  problem(key, quoted(key) + " must be one of " + listed(allowed) + ", not \"" + *s + "\"");
  return std::nullopt;
}

std::optional<long long> Table::integer(std::string_view key, IntRange range, bool required) const {
  const toml::node* n = value_at(*this, get(key), key, required);
  if (!n) return std::nullopt;
  if (!n->is_integer()) {
    problem(key, quoted(key) + " must be a whole number, not " + type_name(*n));
    return std::nullopt;
  }
  long long v = n->as_integer()->get();
  if (v < range.min) {
    problem(key,
            quoted(key) + (range.min == 0 ? " cannot be negative" : " must be at least " + std::to_string(range.min)));
    return std::nullopt;
  }
  if (v > range.max) {
    problem(key, quoted(key) + " must be at most " + std::to_string(range.max));
    return std::nullopt;
  }
  return v;
}

std::optional<bool> Table::boolean(std::string_view key, bool required) const {
  const toml::node* n = value_at(*this, get(key), key, required);
  if (!n) return std::nullopt;
  if (auto b = n->value_exact<bool>()) return b;
  problem(key, quoted(key) + " must be true or false, not " + type_name(*n));
  return std::nullopt;
}

std::optional<calendar::LocalDate> Table::date(std::string_view key, bool required) const {
  const toml::node* n = value_at(*this, get(key), key, required);
  if (!n) return std::nullopt;
  if (auto d = n->as_date()) {
    const toml::date v = d->get();
    auto parsed = calendar::LocalDate::parse(calendar::LocalDate{v.year, v.month, v.day}.str());
    if (parsed) return parsed;
  } else if (auto s = n->value<std::string>()) {
    if (auto parsed = calendar::LocalDate::parse(*s)) return parsed;
  }
  problem(key, quoted(key) + " must be a real date such as 2026-10-01");
  return std::nullopt;
}

std::optional<int> Table::time_of_day(std::string_view key, bool required) const {
  const toml::node* n = value_at(*this, get(key), key, required);
  if (!n) return std::nullopt;
  if (auto t = n->as_time()) {
    const toml::time v = t->get();
    if (v.second == 0 && v.nanosecond == 0) return v.hour * 60 + v.minute;
  } else if (auto s = n->value<std::string>()) {
    if (auto m = parse_hh_mm(*s)) return m;
  }
  problem(key, quoted(key) + " must be a time of day in whole minutes such as \"09:00\" (00:00–24:00)");
  return std::nullopt;
}

std::optional<long long> Table::hundredths(std::string_view key, bool required) const {
  const toml::node* n = value_at(*this, get(key), key, required);
  if (!n) return std::nullopt;
  if (n->is_integer()) {
    long long v = n->as_integer()->get();
    if (std::llabs(v) < (1LL << 50)) return v * 100;
  } else if (auto f = n->as_floating_point()) {
    const double v = f->get();
    const double scaled = v * 100;
    if (std::isfinite(v) && std::fabs(scaled) < 1e15 && std::fabs(scaled - std::round(scaled)) < 1e-6) {
      return std::llround(scaled);
    }
    problem(key, quoted(key) + " has more than two decimals");
    return std::nullopt;
  }
  problem(key, quoted(key) + " must be a number, not " + type_name(*n));
  return std::nullopt;
}

std::optional<std::vector<std::string>> Table::texts(std::string_view key,
                                                     std::initializer_list<std::string_view> allowed,
                                                     bool required) const {
  const toml::node* n = value_at(*this, get(key), key, required);
  if (!n) return std::nullopt;
  const toml::array* arr = n->as_array();
  if (!arr) {
    problem(key, quoted(key) + " must be a list of strings, not " + type_name(*n));
    return std::nullopt;
  }
  std::vector<std::string> out;
  bool ok = true;
  for (const toml::node& item : *arr) {
    auto s = item.value<std::string>();
    auto at = where_of(item.source());
    if (!s) {
      state_->problems.push_back({state_->file, at, quoted(key) + " must hold strings only"});
      ok = false;
    } else if (allowed.size() && std::find(allowed.begin(), allowed.end(), *s) == allowed.end()) {
      state_->problems.push_back({state_->file, at, "\"" + *s + "\" is not one of " + listed(allowed)});
      ok = false;
    } else if (std::find(out.begin(), out.end(), *s) != out.end()) {
      state_->problems.push_back({state_->file, at, "\"" + *s + "\" is listed twice"});
      ok = false;
    } else {
      out.push_back(*s);
    }
  }
  if (!ok) return std::nullopt;
  return out;
}

std::optional<Table> Table::table(std::string_view key, bool required) const {
  const toml::node* n = value_at(*this, get(key), key, required);
  if (!n) return std::nullopt;
  if (auto t = n->as_table()) return Table(state_, t);
  problem(key, quoted(key) + " must be a table, not " + type_name(*n));
  return std::nullopt;
}

std::vector<Table> Table::tables(std::string_view key) const {
  const toml::node* n = value_at(*this, get(key), key, false);
  std::vector<Table> out;
  if (!n) return out;
  const toml::array* arr = n->as_array();
  if (!arr) {
    problem(key, quoted(key) + " must be a list of tables ([[" + std::string(key) + "]])");
    return out;
  }
  for (const toml::node& item : *arr) {
    if (auto t = item.as_table()) {
      state_->read.insert(t);
      out.push_back(Table(state_, t));
    } else {
      state_->problems.push_back({state_->file, where_of(item.source()), quoted(key) + " must hold tables only"});
    }
  }
  return out;
}

std::vector<std::string> Table::keys() const {
  std::vector<std::pair<Where, std::string>> in_order;
  for (auto&& [k, v] : as_table(node_)) in_order.push_back({where_of(k.source()), std::string(k.str())});
  std::sort(in_order.begin(), in_order.end(), [](const auto& a, const auto& b) {
    return std::tie(a.first.line, a.first.column) < std::tie(b.first.line, b.first.column);
  });
  std::vector<std::string> out;
  for (auto& [w, k] : in_order) out.push_back(std::move(k));
  return out;
}

void Table::accept(std::string_view key) const { get(key); }

// ---- Document --------------------------------------------------------------------------------------------------

Document::Document(std::string_view text, std::string file) : state_(std::make_unique<DocumentState>()) {
  state_->file = std::move(file);
  try {
    state_->root = toml::parse(text, state_->file);
  } catch (const toml::parse_error& e) {
    state_->problems.push_back({state_->file, where_of(e.source()), std::string(e.description())});
    state_->unreadable = true;
  }
}

Document::~Document() = default;

Table Document::root() const { return Table(state_.get(), &state_->root); }

namespace {
void report_unread(DocumentState& s, const toml::table& t, bool top) {
  for (auto&& [k, v] : t) {
    if (!s.read.count(&v)) {
      const bool section = top && v.is_table();
      s.problems.push_back(
          {s.file, where_of(k.source()), std::string(section ? "unknown section " : "unknown key ") + quoted(k.str())});
      continue;
    }
    if (auto inner = v.as_table()) report_unread(s, *inner, false);
    if (auto arr = v.as_array()) {
      for (const toml::node& item : *arr)
        if (auto inner = item.as_table(); inner && s.read.count(inner)) report_unread(s, *inner, false);
    }
  }
}
}  // namespace

void Document::finish() {
  if (state_->unreadable) return;
  report_unread(*state_, state_->root, true);
  std::stable_sort(state_->problems.begin(), state_->problems.end(), [](const Problem& a, const Problem& b) {
    return std::tie(a.where.line, a.where.column) < std::tie(b.where.line, b.where.column);
  });
}

const std::vector<Problem>& Document::problems() const { return state_->problems; }

const std::string& Document::file() const { return state_->file; }

void Document::add_problem(Where where, std::string reason) {
  state_->problems.push_back({state_->file, where, std::move(reason)});
}

namespace {
void mark_read(DocumentState& s, const toml::node& n) {
  s.read.insert(&n);
  if (auto t = n.as_table())
    for (auto&& [k, v] : *t) mark_read(s, v);
  if (auto a = n.as_array())
    for (const toml::node& item : *a) mark_read(s, item);
}

void merge(toml::table& into, const toml::table& over) {
  for (auto&& [k, v] : over) {
    toml::node* mine = into.get(k.str());
    if (mine && mine->is_table() && v.is_table()) {
      merge(*mine->as_table(), *v.as_table());
    } else {
      into.insert_or_assign(k.str(), v);
    }
  }
}
}  // namespace

std::string overlay_policy(std::string_view base, const Table* overrides,
                           std::optional<calendar::LocalDate> effective_from) {
  toml::table merged;
  try {
    merged = toml::parse(base);
  } catch (const toml::parse_error& e) {
    throw std::invalid_argument(std::string(e.description()));
  }
  if (overrides) {
    mark_read(*overrides->state_, as_table(overrides->node_));
    merge(merged, as_table(overrides->node_));
  }
  if (effective_from) {
    if (!merged.contains("policy")) merged.insert("policy", toml::table{});
    if (auto policy = merged.get("policy")->as_table()) {
      policy->insert_or_assign("effective_from", toml::date{static_cast<uint16_t>(effective_from->year),
                                                            static_cast<uint8_t>(effective_from->month),
                                                            static_cast<uint8_t>(effective_from->day)});
    }
  }
  std::ostringstream out;
  out << merged;
  return out.str();
}

}  // namespace waihu::policy
