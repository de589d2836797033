#include "org/json.hpp"

#include "util/clock.hpp"

namespace waihu::org {

nlohmann::json to_json(const Team& t) {
  return {{"id", t.id},
          {"name", t.name},
          {"parent_id", t.parent_id ? nlohmann::json(*t.parent_id) : nlohmann::json(nullptr)},
          {"created_at", util::format_iso_utc(t.created_at)}};
}

nlohmann::json to_json(const User& u) {
  return {{"id", u.id},
          {"username", u.username},
          {"display_name", u.display_name},
          {"role", role_name(u.role)},
          {"role_label", role_label_zh(u.role)},
          {"team_id", u.team_id},
          {"hired_on", u.hired_on.empty() ? nlohmann::json(nullptr) : nlohmann::json(u.hired_on)},
          {"employment_status", employment_status_name(u.employment_status)},
          {"left_on", u.left_on ? nlohmann::json(*u.left_on) : nlohmann::json(nullptr)},
          {"left_reason", u.left_reason ? nlohmann::json(*u.left_reason) : nlohmann::json(nullptr)},
          {"level", u.level},
          {"prior_months", u.prior_months},
          {"extension", u.extension ? nlohmann::json(*u.extension) : nlohmann::json(nullptr)},
          {"disabled", u.disabled},
          {"created_at", util::format_iso_utc(u.created_at)},
          {"updated_at", util::format_iso_utc(u.updated_at)}};
}

}  // namespace waihu::org
