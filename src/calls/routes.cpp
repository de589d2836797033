#include "calls/routes.hpp"

#include <filesystem>

#include "calls/json.hpp"
#include "core/errors.hpp"
#include "http/download.hpp"
#include "http/json_input.hpp"
#include "http/upload.hpp"
#include "util/clock.hpp"

namespace waihu::calls {

namespace {
using http::Context;
using http::JsonBody;
using http::Response;

std::optional<long long> instant(const JsonBody& b, const std::string& field) {
  auto text = b.text(field, false);
  if (!text) return std::nullopt;
  auto t = util::parse_iso8601(*text);
  if (!t)
    throw BadRequest::field(field, "应为带时区的 ISO 8601 时间，如 2026-11-24T09:30:00+08:00 / ISO 8601 with a zone");
  return t;
}

std::optional<long long> query_instant(const Context& c, const std::string& name) {
  auto text = c.query(name);
  if (!text) return std::nullopt;
  auto t = util::parse_iso8601(*text);
  if (!t) throw BadRequest::field(name, "应为带时区的 ISO 8601 时间 / ISO 8601 with a zone");
  return t;
}
// The list filters, shared by the list and the export.
CallFilter call_filter(const Context& c) {
  CallFilter f;
  f.agent_id = c.query_int("agent_id");
  f.customer_id = c.query_int("customer_id");
  f.from = query_instant(c, "from");
  f.to = query_instant(c, "to");
  if (auto date = c.query_date("day")) {
    // The company's day: midnight to midnight in its time zone.
    const calendar::Bounds b = c.time().bounds(*date);
    f.from = b.from;
    f.to = b.to;
  }
  return f;
}
// The period and who of a figures query; the service's default period is today.
// A follow-up's own fields, as POST /follow-ups and a call's "follow_up" object send them.
constexpr std::string_view kFollowUpFields[] = {"channel",   "content",           "outcome",
                                                "next_step", "next_follow_up_on", "callback_at"};
void read_follow_up(const JsonBody& b, NewFollowUp& in) {
  if (auto ch = b.text("channel", false)) {
    auto channel = parse_channel(*ch);
    if (!channel)
      throw BadRequest::field("channel", "应为 phone、visit、fax、sms、email、wechat 之一 / unknown channel");
    in.channel = *channel;
  }
  in.content = b.text("content").value_or("");
  in.outcome = b.text("outcome").value_or("");
  in.next_step = b.text("next_step").value_or("");
  in.next_follow_up_on = b.text("next_follow_up_on").value_or("");
  in.callback_at = instant(b, "callback_at");
}
}  // namespace

void register_routes(http::Router& router, const std::string& data_dir, CallService& calls, CdrImporter& cdr,
                     FollowUpService& follow_ups) {
  router.add("POST", "/api/v1/calls", [&](Context& c) {
    JsonBody b(c.request.body, {"agent_id", "customer_id", "number", "direction", "started_at", "answered_at",
                                "ended_at", "ring_seconds", "talk_seconds", "talk_seconds_reason", "result", "notes",
                                "recording", "external_id", "follow_up"});
    NewCall in;
    in.agent_id = b.integer("agent_id");
    in.customer_id = b.integer("customer_id");
    in.number = b.text("number", false);
    if (auto d = b.text("direction", false)) {
      auto dir = parse_direction(*d);
      if (!dir) throw BadRequest::field("direction", "应为 outbound 或 inbound / must be outbound or inbound");
      in.direction = *dir;
    }
    auto result = parse_call_result(*b.required_text("result"));
    if (!result) {
      throw BadRequest::field(
          "result",
          "应为 no_answer、busy、invalid_number、refused、connected、callback_requested、interested、"
          "deal、failed 之一 / unknown result");
    }
    in.result = *result;
    auto started = instant(b, "started_at");
    if (!started) throw BadRequest::field("started_at", "必填 / required", "validation.required");
    in.times.started_at = *started;
    in.times.answered_at = instant(b, "answered_at");
    in.times.ended_at = instant(b, "ended_at");
    in.times.ring_seconds = b.integer("ring_seconds");
    in.times.talk_seconds = b.integer("talk_seconds");
    in.notes = b.text("notes").value_or("");
    in.talk_seconds_reason = b.text("talk_seconds_reason").value_or("");
    in.recording = b.text("recording").value_or("");
    in.external_id = b.text("external_id", false);
    if (auto text = b.object_text("follow_up")) {
      try {
        JsonBody fb(*text, kFollowUpFields);
        read_follow_up(fb, in.follow_up.emplace());
      } catch (const BadRequest& e) {
        throw e.nested_in("follow_up");
      }
    }
    LoggedCall logged = calls.log(c.actor(), in);
    nlohmann::json out = to_json(logged.call);
    if (logged.follow_up) out["follow_up"] = to_json(*logged.follow_up, true);
    return Response::json(out, 201);
  });
  router.add("GET", "/api/v1/calls", [&](Context& c) {
    c.allow_query({"limit", "cursor", "agent_id", "customer_id", "from", "to", "day"});
    CallFilter f = call_filter(c);
    auto page = calls.list(c.actor(), f, c.cursor(), c.limit());
    return http::page_response(page, [&](const auto& call) { return to_json(call); });
  });
  router.add("POST", "/api/v1/follow-ups", [&](Context& c) {
    JsonBody b(c.request.body,
               {"customer_id", "at", "channel", "content", "outcome", "next_step", "next_follow_up_on", "callback_at"});
    NewFollowUp in;
    auto customer = b.integer("customer_id");
    if (!customer) throw BadRequest::field("customer_id", "必填 / required", "validation.required");
    in.customer_id = *customer;
    in.at = instant(b, "at");
    read_follow_up(b, in);
    return Response::json(to_json(follow_ups.log(c.actor(), in), true), 201);
  });
  router.add("GET", "/api/v1/follow-ups", [&](Context& c) {
    c.allow_query({"limit", "cursor", "customer_id", "agent_id"});
    auto page = follow_ups.list(c.actor(), c.query_int("customer_id"), c.query_int("agent_id"), c.cursor(), c.limit());
    return http::page_response(page, [&](const auto& f) { return to_json(f, false); });
  });
  router.add("POST", "/api/v1/calls/import", [&data_dir, &cdr](Context& c) {
    c.allow_query({"format", "tz", "strip_prefix", "partial", "dry_run", "filename"});
    auto opt = http::import_options<CdrImportOptions>(c);
    auto format = parse_cdr_format(c.query("format").value_or(""));
    if (!format) throw BadRequest::field("format", "应为 asterisk 或 csv / must be asterisk or csv");
    opt.format = *format;
    opt.time_zone = c.query("tz").value_or("Asia/Shanghai");
    opt.strip_prefixes = parse_prefix_list(c.query("strip_prefix").value_or(""));
    return http::import_upload(data_dir, c, [&](const std::string& upload, const std::string& rejects) {
      opt.rejects_path = rejects;
      CdrImportReport report = cdr.run(c.actor(), upload, opt);
      return http::ImportOutcome{to_json(report), report.rejected.count > 0,
                                 report.rejected.count > 0 && !report.committed};
    });
  });
  router.add("GET", "/api/v1/calls/export", [&data_dir, &calls](Context& c) {
    c.allow_query({"format", "lang", "agent_id", "customer_id", "from", "to", "day"});
    CallFilter f = call_filter(c);
    const std::string period = http::period_name(c.query("day"), c.query("from"), c.query("to"));
    return http::sheet_download(data_dir, c, {"通话记录", "calls"}, period, [&](const util::SheetTarget& target) {
      calls.export_calls(c.actor(), f, http::query_json(c), target);
    });
  });
  router.add("GET", "/api/v1/calls/{id}",
             [&](Context& c) { return Response::json(to_json(calls.get(c.actor(), c.id()))); });
}

}  // namespace waihu::calls
