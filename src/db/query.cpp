#include "db/query.hpp"

#include <stdexcept>

#include "util/strings.hpp"

namespace waihu::db {

long long Row::i64(size_t i) const {
  long long v = 0;
  if (null_[i] || !util::parse_int64(values_[i], v)) {
    throw std::runtime_error("column " + std::to_string(i) + " is not an integer: '" + values_[i] + "'");
  }
  return v;
}

std::optional<long long> Row::opt_i64(size_t i) const {
  if (null_[i]) return std::nullopt;
  return i64(i);
}

std::optional<std::string> Row::opt_str(size_t i) const {
  if (null_[i]) return std::nullopt;
  return values_[i];
}

std::string Query::bind(std::string value) {
  std::string name = "p" + std::to_string(params_.size() + 1);
  params_.push_back({name, false, std::move(value), 0});
  return ":" + name;
}

std::string Query::bind(long long value) {
  std::string name = "p" + std::to_string(params_.size() + 1);
  params_.push_back({name, true, {}, value});
  return ":" + name;
}

std::string Query::bind_list(const std::vector<long long>& values) {
  if (values.empty()) return "NULL";
  std::string out;
  for (long long v : values) {
    if (!out.empty()) out += ',';
    out += bind(v);
  }
  return out;
}

namespace {
template <class Temp, class Params>
void bind_params(Temp& temp, Params& params) {
  for (auto& p : params) {
    if (p.is_int) {
      temp, soci::use(p.i, p.name);
    } else {
      temp, soci::use(p.s, p.name);
    }
  }
}
}  // namespace

void Query::exec(soci::session& sql) const {
  auto temp = (sql.prepare << text_);
  bind_params(temp, params_);
  soci::statement st(temp);
  st.execute(true);
}

std::vector<Row> Query::fetch(soci::session& sql, size_t columns) const {
  std::vector<Row> out;
  std::vector<std::string> values(columns);
  std::vector<soci::indicator> inds(columns);
  auto temp = (sql.prepare << text_);
  for (size_t i = 0; i < columns; ++i) temp, soci::into(values[i], inds[i]);
  bind_params(temp, params_);
  soci::statement st(temp);
  st.execute();
  while (st.fetch()) {
    Row r;
    r.values_.resize(columns);
    r.null_.resize(columns);
    for (size_t i = 0; i < columns; ++i) {
      r.null_[i] = inds[i] == soci::i_null;
      if (!r.null_[i]) r.values_[i] = values[i];
    }
    out.push_back(std::move(r));
  }
  return out;
}

std::optional<Row> Query::fetch_one(soci::session& sql, size_t columns) const {
  auto rows = fetch(sql, columns);
  if (rows.empty()) return std::nullopt;
  return std::move(rows.front());
}

std::optional<long long> Query::scalar(soci::session& sql) const {
  auto row = fetch_one(sql, 1);
  if (!row || row->is_null(0)) return std::nullopt;
  return row->i64(0);
}

}  // namespace waihu::db
