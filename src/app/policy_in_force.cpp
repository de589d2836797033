#include "app/policy_in_force.hpp"

#include <algorithm>
#include <stdexcept>

#include "db/query.hpp"
#include "util/embedded.hpp"

namespace waihu::presets_embedded {
std::span<const waihu::util::EmbeddedFile> embedded_files();
}

namespace waihu::app {

namespace {
constexpr long long kRefreshSeconds = 30;
}

const std::string& PoliciesInForce::builtin_text() {
  static const std::string text = [] {
    for (const auto& f : presets_embedded::embedded_files())
      if (std::string_view(f.name) == "preset-a.toml") return std::string(f.content);
    throw std::logic_error("preset-a.toml is not built in");
  }();
  return text;
}

void PoliciesInForce::refresh_locked(long long now) {
  if (loaded_at_ >= 0 && now - loaded_at_ < kRefreshSeconds && now >= loaded_at_) return;
  published_ = db_.read([](soci::session& sql) {
    db::Query q;
    q << "SELECT id, effective_from FROM policy_versions WHERE status = 'published' ORDER BY effective_from, id";
    std::vector<Known> out;
    for (const auto& r : q.fetch(sql, 2)) {
      if (auto d = calendar::LocalDate::parse(r.str(1))) out.push_back({r.i64(0), *d});
    }
    return out;
  });
  loaded_at_ = now;
}

PolicyVersion PoliciesInForce::at(const calendar::LocalDate& day) {
  std::unique_lock lock(mutex_);
  refresh_locked(time_.now());
  // The last published version whose date has come (two on one date: the later published, the higher id).
  long long id = 0;
  for (const Known& k : published_)
    if (k.from <= day) id = k.id;
  if (auto it = parsed_.find(id); it != parsed_.end()) return {id, it->second};
  std::string text = id == 0 ? builtin_text() : db_.read([&](soci::session& sql) {
    db::Query q;
    q << "SELECT text FROM policy_versions WHERE id = " << q.bind(id);
    auto r = q.fetch_one(sql, 1);
    return r ? r->str(0) : std::string();
  });
  PolicyCheck c = check_policy(text, id ? "v" + std::to_string(id) + ".toml" : "preset-a.toml");
  // Stored versions were checked when drafted; a version this build can no longer read (a later Waihu refused a
  // key) falls back to the built-in preset rather than stopping the floor.
  if (!c.policy) c = check_policy(builtin_text(), "preset-a.toml");
  auto p = std::make_shared<const CompanyPolicy>(std::move(*c.policy));
  parsed_[id] = p;
  return {id, p};
}

void PoliciesInForce::reload() {
  {
    std::unique_lock lock(mutex_);
    loaded_at_ = -1;
  }
  time_.set_zone(today().policy->header.time_zone);
}

}  // namespace waihu::app
