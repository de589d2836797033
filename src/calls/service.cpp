#include "calls/service.hpp"

#include <unordered_map>
#include <unordered_set>

#include "audit/service.hpp"
#include "calls/json.hpp"
#include "calls/store.hpp"
#include "core/errors.hpp"
#include "crm/access.hpp"
#include "crm/rules.hpp"
#include "org/rules.hpp"
#include "util/strings.hpp"

namespace waihu::calls {

void CallService::present(const org::Actor& actor, std::span<Call> calls) {
  name_people(calls);
  // The customer's rule: an agent sees the numbers of own customers (and numbers no customer holds, which only
  // they dialled), never those of pool customers; QA sees none.
  auto visibility = crm::phone_visibility(actor);
  if (visibility == crm::PhoneVisibility::kAll) return;
  std::unordered_set<long long> visible;
  if (visibility == crm::PhoneVisibility::kOwnedOnly) {
    std::vector<long long> ids;
    for (const auto& c : calls) {
      if (c.customer_id) ids.push_back(*c.customer_id);
    }
    visible = customers_.phones_visible_among(actor, std::move(ids));
  }
  for (auto& c : calls) {
    bool shown = visibility == crm::PhoneVisibility::kOwnedOnly && (!c.customer_id || visible.count(*c.customer_id));
    if (!shown) c.number = crm::mask_phone(c.number);
  }
}

void CallService::name_people(std::span<Call> calls) {
  std::vector<long long> agents, customers;
  for (const auto& c : calls) {
    agents.push_back(c.agent_id);
    if (c.customer_id) customers.push_back(*c.customer_id);
  }
  auto agent_names = org_.people_names(agents);
  auto customer_names = customers_.names_of(customers);
  for (auto& c : calls) {
    if (auto it = agent_names.find(c.agent_id); it != agent_names.end()) c.agent_name = it->second.display_name;
    if (!c.customer_id) continue;
    if (auto it = customer_names.find(*c.customer_id); it != customer_names.end()) c.customer_name = it->second;
  }
}

LoggedCall CallService::log(const org::Actor& actor, const NewCall& in) {
  if (!org::has_right(actor.role, org::Right::kLogCalls)) {
    throw Forbidden("auth.forbidden", "无权登记通话 / you may not log calls");
  }
  Call c;
  // Whose call: agents log their own; supervisors and above may log for an agent in their scope.
  c.agent_id = org_.acting_agent(actor, in.agent_id);
  // Which customer, and which number.
  std::optional<crm::Customer> customer;
  if (in.customer_id) {
    customer = customers_.get_for_calling(actor, *in.customer_id);
    c.customer_id = customer->id;
  }
  if (in.number) {
    auto p = phones_.normalize(*in.number);
    if (!p.phone) throw BadRequest::field("number", p.error);
    c.number = p.phone->e164;
    if (!customer) {
      if (auto held = customers_.find_by_phone(c.number)) {
        if (customers_.access(actor, *held) == crm::Access::kNone) {
          throw Forbidden("call.customer_out_of_scope",
                          "该号码属于其他销售的客户 / this number belongs to another agent's customer",
                          {{"field", "number"}});
        }
        customer = std::move(held);
        c.customer_id = customer->id;
      }
    }
  } else if (customer && !customer->phones.empty()) {
    c.number = customer->phones.front().e164;
  } else {
    throw BadRequest::field("number", "必填（或给出有电话的 customer_id）/ required, or a customer_id with a phone",
                            "validation.required");
  }
  // 公海: an agent works a pool customer only after claiming it (the claim unmasks its phones and is recorded).
  if (customer && customers_.access(actor, *customer) != crm::Access::kWrite) {
    throw Forbidden("call.pool_unclaimed", "请先领取该公海客户再拨打 / claim this pool customer before calling it",
                    {{"field", "customer_id"}, {"customer_id", customer->id}, {"claimable", !customer->owner_id}});
  }
  c.direction = in.direction;
  c.result = in.result;
  const long long now = time_.now();
  if (auto problem = apply_call_times(in.times, c)) throw BadRequest::field(problem->field, problem->reason);
  if (auto problem = call_time_problem(c, now)) throw BadRequest::field(problem->field, problem->reason);
  if (customer && c.started_at + kClockSkewSeconds < customer->created_at) {
    throw BadRequest::field("started_at", "早于该客户建档时间 / before the customer was recorded");
  }
  if (util::utf8_length(in.notes) > 4000)
    throw BadRequest::field("notes", "最多 4000 个字符 / at most 4000 characters");
  if (in.recording.size() > 1000) throw BadRequest::field("recording", "最多 1000 个字符 / at most 1000 characters");
  const std::string talk_reason(util::trim(in.talk_seconds_reason));
  const bool talk_typed = talk_seconds_typed(in.times);
  if (talk_typed && talk_reason.empty()) {
    throw BadRequest::field("talk_seconds_reason",
                            "手工填写通话时长须说明原因 / say why the talk time is typed in rather than timed",
                            "validation.required");
  }
  if (util::utf8_length(talk_reason) > 200) {
    throw BadRequest::field("talk_seconds_reason", "最多 200 个字符 / at most 200 characters");
  }
  c.notes = in.notes;
  c.recording = in.recording;
  c.external_id = in.external_id;
  c.source = CallSource::kAgent;
  // Effective by the policy in force on the call's day, the customer's record as it stands now.
  const EffectiveCallPolicy rule = rule_at_ ? rule_at_(c.started_at) : EffectiveCallPolicy{};
  const std::optional<RecordFacts> record = customer ? std::optional(record_facts(*customer)) : std::nullopt;
  c.effective = effective_call(c, rule, record ? &*record : nullptr);
  c.created_at = now;
  // The follow-up the agent wrote with the call: checked before anything is written, saved in the same
  // transaction, so a refused follow-up leaves no call behind.
  std::optional<FollowUp> follow_up;
  if (in.follow_up) {
    if (!customer) {
      throw BadRequest::field("follow_up", "跟进记录需要客户 / a follow-up needs a customer", "validation.required");
    }
    try {
      NewFollowUp f = *in.follow_up;
      f.customer_id = customer->id;
      if (!f.at) f.at = c.ended_at;
      follow_up = follow_ups_.prepare(actor, *customer, f, now);
    } catch (const BadRequest& e) {
      throw e.nested_in("follow_up");
    }
  }

  db_.write([&](soci::session& sql) {
    // The unique index decides, so two requests racing with one external_id cannot both get in.
    if (!store::insert_call(sql, db_.dialect(), c, org::audit_actor(actor))) {
      throw Conflict("call.duplicate_external_id", "该通话已登记 / this call is already recorded",
                     {{"field", "external_id"}});
    }
    if (c.customer_id) {
      customers_.record_contact(sql, actor, *c.customer_id, c.ended_at, std::string(call_result_name(c.result)),
                                status_after_call(c.result));
    }
    if (follow_up) follow_ups_.record(sql, actor, *follow_up);
    if (days_) {
      days_->add_call(sql, {c.id, c.agent_id, c.started_at, c.talk_seconds, c.answered_at.has_value(), c.effective,
                            std::string(call_result_name(c.result)), c.customer_id});
    }
    if (talk_typed) {
      audit::record(sql, {0,
                          now,
                          org::audit_actor(actor),
                          "call.talk_correction",
                          "call",
                          c.id,
                          nullptr,
                          {{"talk_seconds", c.talk_seconds}, {"agent_id", c.agent_id}},
                          {{"reason", talk_reason}}});
    }
  });
  present(actor, std::span<Call>(&c, 1));
  return LoggedCall{std::move(c), std::move(follow_up)};
}

Call CallService::get(const org::Actor& actor, long long id) {
  auto c = db_.read([&](soci::session& sql) { return store::call_by_id(sql, id); });
  bool visible = c && org_.sees_records_of(actor, c->agent_id);
  if (!visible) throw NotFound("call.not_found", "通话不存在 / no such call", {{"id", id}});
  present(actor, std::span<Call>(&*c, 1));
  return *c;
}

std::vector<Call> CallService::calls_by_ids(const std::vector<long long>& ids) {
  return db_.read([&](soci::session& sql) {
    std::vector<Call> out;
    for (long long id : ids) {
      if (auto c = store::call_by_id(sql, id)) out.push_back(std::move(*c));
    }
    return out;
  });
}

Page<Call> CallService::list(const org::Actor& actor, const CallFilter& f, const std::string& cursor, int limit) {
  auto after = db::cursor_param(cursor);
  auto rows =
      db_.read([&](soci::session& sql) { return store::list_calls(sql, f, org::scope_filter(actor), after, limit); });
  auto page = db::page_of(std::move(rows), limit, [](const Call& c) {
    return db::Cursor{std::to_string(c.started_at), c.id};
  });
  present(actor, page.items);
  return page;
}

long long CallService::export_calls(const org::Actor& actor, const CallFilter& filter,
                                    const nlohmann::json& filter_description, const util::SheetTarget& target) {
  if (!org::has_right(actor.role, org::Right::kExportCustomers)) {
    throw Forbidden("auth.forbidden", "无权导出通话记录 / you may not export calls");
  }
  using util::Cell;
  const util::Lang lang = target.lang;
  auto sheet = util::open_sheet(target, {"通话记录", "Calls"});
  sheet->row(util::header_row({{"编号", "ID"},
                               {"坐席", "Agent"},
                               {"客户", "Customer"},
                               {"客户编号", "Customer ID"},
                               {"号码", "Number"},
                               {"方向", "Direction"},
                               {"开始时间", "Started"},
                               {"接通时间", "Answered"},
                               {"结束时间", "Ended"},
                               {"振铃秒数", "Ring seconds"},
                               {"通话秒数", "Talk seconds"},
                               {"结果", "Result"},
                               {"有效通话", "Effective"},
                               {"备注", "Notes"},
                               {"来源", "Source"},
                               {"虚报", "Fabricated"}},
                              lang));
  const util::Label yes{"是", "yes"}, no{"否", "no"};
  // A call found made up stays in the export, marked with the reason (it counts in no figure).
  auto fabricated = [&](const Call& c) {
    return c.fabricated ? std::string(yes.in(lang)) + "：" + c.fabricated->reason : std::string();
  };
  long long rows = 0;
  std::string cursor;
  do {
    auto page = list(actor, filter, cursor, kMaxPageSize);
    std::vector<long long> agents;
    for (const auto& c : page.items) agents.push_back(c.agent_id);
    auto people = org_.people_names(agents);
    for (const auto& c : page.items) {
      auto person = people.find(c.agent_id);
      sheet->row({Cell::integer(c.id), person == people.end() ? std::to_string(c.agent_id) : person->second.label(),
                  c.customer_name, c.customer_id ? Cell::integer(*c.customer_id) : Cell::blank(),
                  c.number.starts_with("+") ? crm::national_digits(c.number) : c.number,
                  std::string(direction_label(c.direction).in(lang)), Cell::wall_time(time_.wall_seconds(c.started_at)),
                  c.answered_at ? Cell::wall_time(time_.wall_seconds(*c.answered_at)) : Cell::blank(),
                  Cell::wall_time(time_.wall_seconds(c.ended_at)), Cell::integer(c.ring_seconds),
                  Cell::integer(c.talk_seconds), std::string(call_result_label(c.result).in(lang)),
                  std::string((c.effective ? yes : no).in(lang)), c.notes,
                  std::string(call_source_label(c.source).in(lang)), fabricated(c)});
      ++rows;
    }
    cursor = page.next_cursor.value_or("");
  } while (!cursor.empty());
  sheet->close();
  db_.write([&](soci::session& sql) {
    audit::record_export(sql, time_.now(), org::audit_actor(actor), "call", filter_description, rows,
                         util::sheet_format_name(target.format));
  });
  return rows;
}

}  // namespace waihu::calls
