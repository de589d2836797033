#include "calls/cdr_rows.hpp"

#include <stdexcept>

#include "util/strings.hpp"

namespace waihu::calls {

namespace {

// Asterisk cdr_csv columns (Master.csv); uniqueid and userfield follow when the server writes them.
enum AsteriskField : size_t {
  kSrc = 1,
  kDst = 2,
  kChannel = 5,
  kDstChannel = 6,
  kStart = 9,
  kDuration = 12,
  kBillsec = 13,
  kDisposition = 14,
  kUniqueId = 16,
  kUserField = 17,
};
constexpr size_t kAsteriskMinFields = 16;

struct Rejected {
  std::string reason;
};

std::optional<long long> extension_agent(const org::PeopleDirectory& agents, std::string_view ext) {
  return ext.empty() ? std::nullopt : agents.extension(ext);
}

long long seconds_field(std::string_view text, const char* zh, const char* en) {
  long long v = 0;
  std::string_view t = util::trim(text);
  if (t.empty()) return 0;
  if (!util::parse_int64(t, v) || v < 0) {
    throw Rejected{std::string(zh) + "「" + std::string(t) + "」不是非负整数 / " + en + " \"" + std::string(t) +
                   "\" is not a whole number of seconds"};
  }
  return v;
}

long long start_time(std::string_view text, const CdrContext& ctx) {
  std::string_view t = util::trim(text);
  if (auto instant = util::parse_iso8601(t)) return *instant;  // a time that names its zone
  auto civil = util::parse_civil_time(t);
  if (!civil) {
    throw Rejected{"开始时间「" + std::string(t) + "」无法识别（应为 YYYY-MM-DD HH:MM:SS）/ start \"" + std::string(t) +
                   "\" is not a date-time (YYYY-MM-DD HH:MM:SS)"};
  }
  return ctx.time_zone->to_unix(*civil);
}

std::string e164_of(std::string_view raw, const CdrContext& ctx, const char* zh, const char* en) {
  std::string_view number = strip_dial_prefix(util::trim(raw), ctx.strip_prefixes);
  if (number.empty()) throw Rejected{std::string(zh) + "为空 / " + en + " is empty"};
  auto p = ctx.phones->normalize(number);
  if (!p.phone) {
    throw Rejected{std::string(zh) + "「" + std::string(number) + "」无效 / " + en + " \"" + std::string(number) +
                   "\" is invalid: " + p.error};
  }
  return p.phone->e164;
}

// Times, result and the effective flag, through the one rule for every call.
void complete(Call& c, long long started_at, long long ring, long long talk, const CdrContext& ctx) {
  CallTimes t;
  t.started_at = started_at;
  t.ring_seconds = ring;
  t.talk_seconds = talk;
  if (auto problem = apply_call_times(t, c)) throw Rejected{problem->field + ": " + problem->reason};
  if (auto problem = call_time_problem(c, ctx.now)) throw Rejected{problem->field + ": " + problem->reason};
  c.source = CallSource::kImported;
  if (auto held = ctx.customers ? ctx.customers->holder_of(c.number) : std::nullopt) {
    // Like a call logged by hand (403 there): the import may not touch another group's customer, nor say which.
    if (!held->in_scope) {
      throw Rejected{
          "号码属于你权限范围以外的客户，请由负责该客户的主管或管理员导入 / the number belongs to a customer outside "
          "your "
          "scope: someone whose scope covers that customer must import this call"};
    }
    c.customer_id = held->customer_id;
  }
  const EffectiveCallPolicy rule = ctx.rule_at ? ctx.rule_at(c.started_at) : EffectiveCallPolicy{};
  std::optional<RecordFacts> record;
  if (c.customer_id && rule.form != EffectiveForm::kTalk && ctx.record_of) record = ctx.record_of(*c.customer_id);
  c.effective = effective_call(c, rule, record ? &*record : nullptr);
}

Call asterisk_call(const std::vector<std::string>& f, const CdrContext& ctx) {
  if (f.size() < kAsteriskMinFields) {
    throw Rejected{"字段数为 " + std::to_string(f.size()) + "，Master.csv 至少 16 列 / " + std::to_string(f.size()) +
                   " fields, a Master.csv record has at least 16"};
  }
  Call c;
  // The agent placed the call from src or its channel; a call that rang an agent names it in dstchannel.
  std::string_view channel_ext = channel_extension(f[kChannel]);
  if (auto a = extension_agent(*ctx.agents, util::trim(f[kSrc]))) {
    c.agent_id = *a;
  } else if (auto b = extension_agent(*ctx.agents, channel_ext)) {
    c.agent_id = *b;
  } else if (auto in = extension_agent(*ctx.agents, channel_extension(f[kDstChannel]))) {
    c.agent_id = *in;
    c.direction = Direction::kInbound;
  } else {
    std::string ext = channel_ext.empty() ? std::string(util::trim(f[kSrc])) : std::string(channel_ext);
    throw Rejected{"分机「" + ext + "」没有对应的坐席（在用户资料里填写分机后重新导入）/ no agent has extension \"" +
                   ext + "\" (set it on the user, then import again)"};
  }
  auto result = result_of_disposition(f[kDisposition]);
  if (!result) {
    throw Rejected{"通话状态「" + f[kDisposition] + "」无法识别 / unknown disposition \"" + f[kDisposition] + "\""};
  }
  c.result = *result;
  long long duration = seconds_field(f[kDuration], "duration", "duration");
  long long billsec = seconds_field(f[kBillsec], "billsec", "billsec");
  if (billsec > duration) {
    throw Rejected{"billsec 大于 duration / billsec is longer than duration"};
  }
  long long started = start_time(f[kStart], ctx);
  c.number = c.direction == Direction::kOutbound ? e164_of(f[kDst], ctx, "被叫号码", "dialled number")
                                                 : e164_of(f[kSrc], ctx, "主叫号码", "caller number");
  complete(c, started, duration - billsec, billsec, ctx);
  std::string_view uniqueid = f.size() > kUniqueId ? util::trim(f[kUniqueId]) : std::string_view{};
  // Without a uniqueid, the channel, start and destination name one call.
  c.external_id = uniqueid.empty() ? "ast:" + f[kChannel] + "|" + f[kStart] + "|" + f[kDst] : std::string(uniqueid);
  if (f.size() > kUserField) c.recording = std::string(util::trim(f[kUserField]));
  return c;
}

const std::string* cell(const std::vector<std::string>& f, const CdrContext& ctx, CdrColumn col) {
  auto i = ctx.columns.column_of(static_cast<int>(col));
  return i && *i < f.size() ? &f[*i] : nullptr;
}

Call layout_call(const std::vector<std::string>& f, const CdrContext& ctx) {
  static const std::string kEmpty;
  auto text = [&](CdrColumn col) -> std::string_view {
    const std::string* s = cell(f, ctx, col);
    return util::trim(s ? *s : kEmpty);
  };
  Call c;
  std::string agent(text(CdrColumn::kAgent));
  if (auto a = ctx.agents->extension_or_username(agent)) {
    c.agent_id = *a;
  } else {
    throw Rejected{"坐席「" + agent + "」不是已知的分机或用户名 / \"" + agent + "\" is no known extension or username"};
  }
  std::string_view direction = text(CdrColumn::kDirection);
  if (direction == "呼入" || direction == "inbound") {
    c.direction = Direction::kInbound;
  } else if (!direction.empty() && direction != "呼出" && direction != "outbound") {
    throw Rejected{"方向应为 呼出 或 呼入 / direction must be outbound or inbound"};
  }
  auto result = parse_result_text(text(CdrColumn::kResult));
  if (!result) {
    throw Rejected{"结果「" + std::string(text(CdrColumn::kResult)) + "」无法识别 / unknown result"};
  }
  c.result = *result;
  long long talk = seconds_field(text(CdrColumn::kTalkSeconds), "通话时长", "talk_seconds");
  long long ring = seconds_field(text(CdrColumn::kRingSeconds), "振铃秒数", "ring_seconds");
  long long started = start_time(text(CdrColumn::kStart), ctx);
  c.number = e164_of(text(CdrColumn::kNumber), ctx, "号码", "number");
  complete(c, started, ring, talk, ctx);
  std::string_view id = text(CdrColumn::kId);
  c.external_id =
      id.empty() ? "csv:" + agent + "|" + std::string(text(CdrColumn::kStart)) + "|" + c.number : std::string(id);
  c.recording = std::string(text(CdrColumn::kRecording));
  return c;
}

}  // namespace

CdrRow parse_cdr_row(util::CsvRecord record, const CdrContext& ctx) {
  CdrRow row;
  if (!record.error.empty()) {
    row.call = record.error;
  } else {
    try {
      row.call =
          ctx.format == CdrFormat::kAsterisk ? asterisk_call(record.fields, ctx) : layout_call(record.fields, ctx);
    } catch (const Rejected& r) {
      row.call = r.reason;
    }
  }
  row.record = std::move(record);
  return row;
}

}  // namespace waihu::calls
