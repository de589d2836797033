// Sixty days of a working floor for `waihu init --demo`: every agent dials ~120 times a working day (Monday to
// Saturday), mostly through purchased lists (numbers that are not customers yet) and partly back to their own
// customers; answer rates follow the hour of day, talk times have a long tail; answered customer calls leave
// follow-ups, about 2% of customer connects close a deal with payments and the odd refund. Deterministic, written
// through the stores in one transaction (services stamp "now"; a demo needs a past). Customers' statuses were
// drawn by seed_demo and are left as they are; their last contact and next follow-up date follow the activity.
#include <algorithm>
#include <array>
#include <cmath>
#include <random>
#include <unordered_map>

#include "app/app.hpp"
#include "audit/service.hpp"
#include "calls/follow_up_store.hpp"
#include "calls/rules.hpp"
#include "calls/store.hpp"
#include "crm/store.hpp"
#include "db/query.hpp"
#include "org/store.hpp"
#include "sales/store.hpp"

namespace waihu::app {

namespace {

struct DemoCustomer {
  long long id = 0;
  long long owner_id = 0;
  crm::CustomerStatus status = crm::CustomerStatus::kNew;
  std::string e164;
};

struct Product {
  std::string_view name;
  long long min_yuan, max_yuan;
};
constexpr std::array<Product, 6> kProducts{{{"协同办公 OA 标准版", 6800, 19800},
                                            {"ERP 进销存 专业版", 12800, 58000},
                                            {"云呼叫中心 年费", 3600, 24000},
                                            {"企业邮箱 50 用户", 2400, 6000},
                                            {"CRM 客户管理 年费", 4800, 36000},
                                            {"财务软件 标准版", 3980, 12800}}};
constexpr std::array<std::string_view, 6> kContents{"介绍了产品功能，客户要看演示", "发送了报价单，客户在比价",
                                                    "客户说下个月有预算再谈",       "约了负责人下周见面",
                                                    "客户问了实施周期和售后",       "客户对价格有顾虑，申请折扣"};
constexpr std::array<std::string_view, 4> kOutcomes{"有兴趣", "待决策", "需要资料", "比价中"};
constexpr std::array<std::string_view, 4> kNextSteps{"发资料后回访", "安排上门演示", "报特价", "等预算确认"};

// Share of dials answered, by hour of the China day: mornings warm up, after lunch is slow, late afternoon best.
double answer_rate(int hour) {
  static constexpr std::array<double, 24> kRate{0, 0,    0,    0,    0,    0,    0,    0, 0, 0.24, 0.33, 0.28,
                                                0, 0.20, 0.26, 0.34, 0.36, 0.30, 0.22, 0, 0, 0,    0,    0};
  return kRate[static_cast<size_t>(hour)];
}

}  // namespace

std::string seed_demo_activity(App& app, const std::vector<long long>& agent_ids,
                               const std::vector<long long>& field_rep_ids) {
  std::mt19937_64 rng(60);
  auto uniform = [&](long long lo, long long hi) { return std::uniform_int_distribution<long long>(lo, hi)(rng); };
  auto chance = [&](double p) { return std::uniform_real_distribution<double>(0, 1)(rng) < p; };
  const long long now = app.time.now();
  const calendar::LocalDate today = app.time.today();
  auto date_of = [&](long long t) { return app.time.date_at(t).str(); };

  // Each agent's own customers that have been worked (a "new" customer has never been reached).
  std::unordered_map<long long, std::vector<DemoCustomer>> worked;
  std::vector<DemoCustomer> won;
  app.db.read([&](soci::session& sql) {
    db::Query q;
    q << "SELECT c.id, c.owner_id, c.status, p.e164 FROM customers c JOIN customer_phones p ON p.customer_id = c.id"
         " AND p.position = 0 WHERE c.owner_id IS NOT NULL AND c.status NOT IN ('new', 'invalid') ORDER BY c.id";
    for (const auto& r : q.fetch(sql, 4)) {
      DemoCustomer c{r.i64(0), r.i64(1), crm::parse_status(r.str(2)).value_or(crm::CustomerStatus::kNew), r.str(3)};
      worked[c.owner_id].push_back(c);
      if (c.status == crm::CustomerStatus::kWon) won.push_back(c);
    }
  });

  calls::EffectiveCallPolicy policy;
  long long dials = 0, connects = 0, customer_connects = 0, follow_ups = 0, deals = 0, payments = 0, refunds = 0;
  std::unordered_map<long long, crm::CustomerService::ContactSummary> contacts;
  struct NextStep {
    long long at = 0;  ///< of the follow-up that set it
    std::string date;
    std::optional<long long> callback_at;
  };
  std::unordered_map<long long, NextStep> next_follow_up;  // customer → the latest follow-up's next step
  auto cold_number = [&] {
    static constexpr std::array<std::string_view, 8> kLists{"138", "139", "137", "186", "159", "177", "150", "189"};
    return "+86" + std::string(kLists[static_cast<size_t>(uniform(0, kLists.size() - 1))]) +
           std::to_string(uniform(10000000, 99999999));
  };

  app.db.write([&](soci::session& sql) {
    db::BulkWriteTuning tuning(sql, app.db.dialect());
    calls::store::CallWriter writer(sql, app.db.dialect(), true);
    // Every generated call is new: nothing to do per call once written.
    auto write_calls = [&] { writer.settle([](const calls::Call&, bool) {}); };
    for (auto date = today.plus_days(-59); date <= today; date = date.plus_days(1)) {
      if (date.weekday() == calendar::Weekday::kSunday) continue;  // the demo floor works Monday to Saturday
      const long long day = app.time.bounds(date).from;
      for (long long agent : agent_ids) {
        auto& own = worked[agent];
        long long n = std::clamp<long long>(std::llround(std::normal_distribution<double>(120, 18)(rng)), 60, 180);
        std::vector<long long> starts;
        for (long long i = 0; i < n; ++i) {
          // 09:00–12:00 and 13:30–18:30 company time.
          long long minute = chance(0.4) ? uniform(9 * 60, 12 * 60 - 1) : uniform(13 * 60 + 30, 18 * 60 + 29);
          starts.push_back(day + minute * 60 + uniform(0, 59));
        }
        std::sort(starts.begin(), starts.end());
        for (long long start : starts) {
          calls::Call c;
          c.agent_id = agent;
          c.started_at = start;
          const DemoCustomer* customer = !own.empty() && chance(0.15) ? &own[uniform(0, own.size() - 1)] : nullptr;
          c.number = customer ? customer->e164 : cold_number();
          if (customer) c.customer_id = customer->id;
          int hour = static_cast<int>((start - day) / 3600);
          bool answered = chance(answer_rate(hour) * (customer ? 1.5 : 1.0));
          calls::CallTimes t;
          t.started_at = start;
          t.ring_seconds = uniform(4, 28);
          if (!answered) {
            double r = std::uniform_real_distribution<double>(0, 1)(rng);
            c.result = r < 0.74   ? calls::CallResult::kNoAnswer
                       : r < 0.92 ? calls::CallResult::kBusy
                       : r < 0.97 ? calls::CallResult::kFailed
                                  : (customer ? calls::CallResult::kNoAnswer : calls::CallResult::kInvalidNumber);
          } else {
            double r = std::uniform_real_distribution<double>(0, 1)(rng);
            c.result = r < 0.35   ? calls::CallResult::kRefused
                       : r < 0.80 ? calls::CallResult::kConnected
                       : r < 0.91 ? calls::CallResult::kCallbackRequested
                                  : calls::CallResult::kInterested;
            // Talk times: most calls short, a long tail of real conversations.
            double mu = c.result == calls::CallResult::kRefused ? 2.5 : customer ? 4.6 : 3.8;
            t.talk_seconds =
                std::min<long long>(2400, std::llround(std::lognormal_distribution<double>(mu, 0.9)(rng)) + 3);
          }
          if (start + t.ring_seconds.value_or(0) + t.talk_seconds.value_or(0) > now) continue;  // not yet happened
          calls::apply_call_times(t, c);
          c.effective = calls::effective_call(c, policy);
          c.source = calls::CallSource::kAgent;
          c.created_at = c.ended_at;
          writer.add(c, agent);
          if (writer.full()) write_calls();
          ++dials;
          if (answered) ++connects;
          if (!customer) continue;
          if (answered) ++customer_connects;
          auto& s = contacts[customer->id];
          s.customer_id = customer->id;
          if (c.ended_at >= s.last_at) {
            s.last_at = c.ended_at;
            s.last_result = std::string(calls::call_result_name(c.result));
          }
          if (answered && c.result != calls::CallResult::kRefused && chance(0.6)) {
            calls::FollowUp f;
            f.customer_id = customer->id;
            f.agent_id = agent;
            f.at = c.ended_at;  // written with the call, as the log form saves it
            f.channel = chance(0.85)  ? calls::Channel::kPhone
                        : chance(0.5) ? calls::Channel::kWechat
                                      : calls::Channel::kEmail;
            f.content = std::string(kContents[static_cast<size_t>(uniform(0, kContents.size() - 1))]);
            f.outcome = std::string(kOutcomes[static_cast<size_t>(uniform(0, kOutcomes.size() - 1))]);
            f.next_step = std::string(kNextSteps[static_cast<size_t>(uniform(0, kNextSteps.size() - 1))]);
            f.next_follow_up_on = date_of(f.at + uniform(1, 14) * 86400);
            if (c.result == calls::CallResult::kCallbackRequested) {
              // The customer named a time: a working hour one to five days on.
              long long callback_day = app.time.bounds(app.time.date_at(f.at).plus_days(uniform(1, 5))).from;
              f.callback_at = callback_day + uniform(9 * 60, 17 * 60 + 30) * 60;
              f.next_follow_up_on = date_of(*f.callback_at);
            }
            f.complete = true;
            f.created_at = f.at;
            calls::store::insert_follow_up(sql, app.db.dialect(), f);
            ++follow_ups;
            auto& next = next_follow_up[customer->id];
            if (f.at >= next.at) next = {f.at, f.next_follow_up_on, f.callback_at};
          }
        }
      }
    }

    // Deals: the won customers closed within the sixty days, on a deal call by their owner.
    std::shuffle(won.begin(), won.end(), rng);
    won.resize(std::min<size_t>(won.size(), static_cast<size_t>(customer_connects / 50)));  // ~2% of connects
    for (const DemoCustomer& w : won) {
      long long day = app.time.bounds(today.plus_days(-uniform(1, 58))).from;
      calls::Call c;
      c.agent_id = w.owner_id;
      c.customer_id = w.id;
      c.number = w.e164;
      c.result = calls::CallResult::kDeal;
      calls::CallTimes t{day + uniform(10 * 3600, 17 * 3600), std::nullopt, std::nullopt, uniform(5, 20),
                         uniform(300, 1500)};
      calls::apply_call_times(t, c);
      c.effective = calls::effective_call(c, policy);
      c.created_at = c.ended_at;
      writer.add(c, c.agent_id);
      if (writer.full()) write_calls();
      auto& s = contacts[w.id];
      s.customer_id = w.id;
      if (c.ended_at >= s.last_at) s.last_at = c.ended_at, s.last_result = "deal";

      const Product& p = kProducts[static_cast<size_t>(uniform(0, kProducts.size() - 1))];
      sales::Deal d;
      d.customer_id = w.id;
      d.agent_id = w.owner_id;
      if (!field_rep_ids.empty() && chance(0.2)) {
        d.sourcing = sales::Sourcing::kProxy;
        d.field_rep_id = field_rep_ids[static_cast<size_t>(uniform(0, field_rep_ids.size() - 1))];
      }
      d.product = std::string(p.name);
      d.amount_fen = uniform(p.min_yuan / 100, p.max_yuan / 100) * 100 * 100;  // whole hundreds of yuan
      d.closed_on = date_of(c.ended_at);
      d.created_at = c.ended_at + 600;
      sales::store::insert_deal(sql, app.db.dialect(), d, d.agent_id);
      ++deals;
      // Money: most pay in full within ten days, some half first, a few not yet.
      double r = std::uniform_real_distribution<double>(0, 1)(rng);
      long long paid = r < 0.75 ? d.amount_fen : r < 0.9 ? d.amount_fen / 2 : 0;
      long long paid_at = c.ended_at + uniform(1, 10) * 86400;
      if (paid > 0 && paid_at < now) {
        sales::Payment pay{0, d.id, sales::PaymentKind::kPayment, paid, date_of(paid_at), "", paid_at};
        sales::store::insert_payment(sql, app.db.dialect(), pay, d.agent_id);
        ++payments;
        if (chance(0.07) && paid_at + 5 * 86400 < now) {
          sales::Payment refund{0,
                                d.id,
                                sales::PaymentKind::kRefund,
                                paid / 5,
                                date_of(paid_at + 5 * 86400),
                                "部分模块退订 / part of the order cancelled",
                                paid_at + 5 * 86400};
          sales::store::insert_payment(sql, app.db.dialect(), refund, d.agent_id);
          ++refunds;
        }
      }
    }

    std::vector<crm::CustomerService::ContactSummary> summaries;
    for (auto& [id, s] : contacts) summaries.push_back(std::move(s));
    app.customers.record_contacts(sql, org::system_actor(), summaries, "demo");
    write_calls();
    for (const auto& [id, next] : next_follow_up) {
      crm::store::record_follow_up(sql, id, next.at, next.date, next.callback_at, now);
    }
    audit::record(sql,
                  {0,
                   now,
                   std::nullopt,
                   "demo.activity",
                   "call",
                   std::nullopt,
                   nullptr,
                   nullptr,
                   {{"calls", dials + deals}, {"follow_ups", follow_ups}, {"deals", deals}, {"payments", payments}}});
    // The floor's figures, from the records just written (a bulk load does not touch them one by one).
    app.days.rebuild(sql, {today.plus_days(-70), today});
  });
  return std::to_string(dials + deals) + " calls, " + std::to_string(follow_ups) + " follow-ups, " +
         std::to_string(deals) + " deals (" + std::to_string(payments) + " payments, " + std::to_string(refunds) +
         " refunds) over 60 days";
}

}  // namespace waihu::app
