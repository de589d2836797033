#include "sales/service.hpp"

#include "audit/service.hpp"
#include "core/errors.hpp"
#include "org/rules.hpp"
#include "sales/store.hpp"
#include "util/strings.hpp"

namespace waihu::sales {

namespace {
nlohmann::json audit_json(const Deal& d) {
  return {{"customer_id", d.customer_id}, {"agent_id", d.agent_id},     {"sourcing", sourcing_name(d.sourcing)},
          {"product", d.product},         {"amount_fen", d.amount_fen}, {"closed_on", d.closed_on}};
}

void check_date(const std::string& field, const std::string& date, const std::string& today) {
  if (!util::is_valid_date(date)) throw BadRequest::field(field, "应为 YYYY-MM-DD / must be YYYY-MM-DD");
  if (date > today) throw BadRequest::field(field, "不能是将来的日期 / cannot be in the future");
}
}  // namespace

DealView DealService::create(const org::Actor& actor, const NewDeal& in) {
  crm::Customer customer = customers_.get_for_calling(actor, in.customer_id);
  if (customers_.access(actor, customer) != crm::Access::kWrite) {
    throw Forbidden("auth.forbidden", "只能为自己负责的客户登记成交 / you may record deals only for customers you work",
                    {{"field", "customer_id"}});
  }
  const long long now = time_.now();
  Deal d;
  d.customer_id = customer.id;
  d.agent_id = org_.acting_agent(actor, in.agent_id);
  d.sourcing = in.sourcing;
  if (in.field_rep_id) {
    org::User rep = [&] {
      try {
        return org_.get_user(nullptr, *in.field_rep_id);
      } catch (const NotFound&) {
        throw BadRequest::field("field_rep_id", "商务代表不存在 / no such field rep");
      }
    }();
    if (rep.role != org::Role::kFieldRep) throw BadRequest::field("field_rep_id", "不是商务代表 / not a field rep");
    d.field_rep_id = rep.id;
  }
  d.product = std::string(util::trim(in.product));
  d.amount_fen = in.amount_fen;
  const std::string today = time_.date_at(now).str();
  d.closed_on = in.closed_on.empty() ? today : in.closed_on;
  d.notes = in.notes;
  if (auto problem = deal_problem(d, today)) throw BadRequest::field(problem->field, problem->reason);
  d.created_at = now;
  db_.write([&](soci::session& sql) {
    store::insert_deal(sql, db_.dialect(), d, org::audit_actor(actor));
    customers_.advance_status(sql, actor, d.customer_id, crm::CustomerStatus::kWon, now, "deal");
    if (days_) days_->touch_day(sql, d.agent_id, *calendar::LocalDate::parse(d.closed_on), kpi::store::kDeals);
    audit::record(sql, {0, now, org::audit_actor(actor), "deal.create", "deal", d.id, nullptr, audit_json(d), nullptr});
  });
  return {d, {}, {}};
}

std::vector<Deal> DealService::deals_by_ids(const std::vector<long long>& ids) {
  return db_.read([&](soci::session& sql) {
    std::vector<Deal> out;
    for (long long id : ids) {
      if (auto d = store::deal_by_id(sql, id)) out.push_back(std::move(*d));
    }
    return out;
  });
}

std::vector<Payment> DealService::payments_by_ids(const std::vector<long long>& ids) {
  return db_.read([&](soci::session& sql) {
    std::vector<Payment> out;
    for (long long id : ids) {
      if (auto p = store::payment_by_id(sql, id)) out.push_back(std::move(*p));
    }
    return out;
  });
}

Deal DealService::visible_deal(const org::Actor& actor, long long id) {
  auto d = db_.read([&](soci::session& sql) { return store::deal_by_id(sql, id); });
  // The closing agent's scope, and a field rep sees the deals they visited for.
  bool visible =
      d && (org_.sees_records_of(actor, d->agent_id) || (d->field_rep_id && *d->field_rep_id == actor.user_id));
  if (!visible) throw NotFound("deal.not_found", "成交记录不存在 / no such deal", {{"id", id}});
  return *d;
}

DealView DealService::get(const org::Actor& actor, long long id) {
  Deal d = visible_deal(actor, id);
  auto payments = db_.read([&](soci::session& sql) { return store::payments_of(sql, id); });
  DealTotals t = totals_of(payments);
  return {d, std::move(payments), t};
}

Page<Deal> DealService::list(const org::Actor& actor, const DealFilter& f, const std::string& cursor, int limit) {
  auto after = db::cursor_param(cursor);
  auto rows =
      db_.read([&](soci::session& sql) { return store::list_deals(sql, f, org::scope_filter(actor), after, limit); });
  return db::page_of(std::move(rows), limit, [](const Deal& d) { return db::Cursor{"", d.id}; });
}

DealView DealService::add_payment(const org::Actor& actor, long long deal_id, PaymentKind kind, long long amount_fen,
                                  const std::string& on_date, const std::string& reason) {
  if (!org::has_right(actor.role, org::Right::kWriteCustomers)) {
    throw Forbidden("auth.forbidden", "无权登记回款 / you may not record payments");
  }
  Deal d = visible_deal(actor, deal_id);
  const long long now = time_.now();
  if (auto problem = amount_problem(amount_fen); !problem.empty()) throw BadRequest::field("amount_fen", problem);
  Payment p{0,
            deal_id,
            kind,
            amount_fen,
            on_date.empty() ? time_.date_at(now).str() : on_date,
            std::string(util::trim(reason)),
            now};
  const char* date_field = kind == PaymentKind::kPayment ? "paid_on" : "refunded_on";
  check_date(date_field, p.on_date, time_.date_at(now).str());
  if (p.on_date < d.closed_on) {
    throw BadRequest::field(date_field, "早于成交日期 / before the deal was closed");
  }
  if (kind == PaymentKind::kRefund && p.reason.empty()) {
    throw BadRequest::field("reason", "退款须注明原因 / a refund needs a reason", "validation.required");
  }
  if (util::utf8_length(p.reason) > 500) throw BadRequest::field("reason", "最多 500 个字符 / at most 500 characters");
  return db_.write([&](soci::session& sql) {
    // The deal's row lock queues payments and refunds of one deal, so two refunds cannot both pass the check.
    auto locked = store::deal_by_id(sql, deal_id, db::Lock::kForUpdate);
    if (!locked) throw NotFound("deal.not_found", "成交记录不存在 / no such deal", {{"id", deal_id}});
    auto payments = store::payments_of(sql, deal_id);
    DealTotals before = totals_of(payments);
    if (kind == PaymentKind::kRefund && !refund_allowed(before, amount_fen)) {
      throw RuleViolation("deal.refund_exceeds_paid",
                          "退款超过已回款金额 / a refund cannot exceed what was paid and not yet refunded",
                          {{"field", "amount_fen"}, {"refundable_fen", before.net_fen()}});
    }
    if (kind == PaymentKind::kPayment && !payment_allowed(before, locked->amount_fen, amount_fen)) {
      throw RuleViolation("deal.payment_exceeds_amount",
                          payment_exceeds_message(before, locked->amount_fen, amount_fen),
                          {{"field", "amount_fen"},
                           {"amount_fen", amount_fen},
                           {"deal_amount_fen", locked->amount_fen},
                           {"net_paid_fen", before.net_fen()},
                           {"payable_fen", locked->amount_fen - before.net_fen()}});
    }
    store::insert_payment(sql, db_.dialect(), p, org::audit_actor(actor));
    payments.push_back(p);
    if (days_) days_->touch_day(sql, locked->agent_id, *calendar::LocalDate::parse(p.on_date), kpi::store::kMoney);
    audit::record(sql, {0,
                        now,
                        org::audit_actor(actor),
                        kind == PaymentKind::kPayment ? "deal.payment" : "deal.refund",
                        "deal",
                        deal_id,
                        nullptr,
                        {{"payment_id", p.id}, {"amount_fen", p.amount_fen}, {"on", p.on_date}, {"reason", p.reason}},
                        nullptr});
    DealTotals t = totals_of(payments);
    return DealView{*locked, std::move(payments), t};
  });
}

DealView DealService::correct_amount(const org::Actor& actor, long long deal_id, long long amount_fen,
                                     const std::string& reason) {
  if (!org::has_right(actor.role, org::Right::kAssignOwner)) {
    throw Forbidden("auth.forbidden", "无权更正成交金额 / you may not correct a deal's amount");
  }
  visible_deal(actor, deal_id);
  if (auto problem = amount_problem(amount_fen); !problem.empty()) throw BadRequest::field("amount_fen", problem);
  const std::string why(util::trim(reason));
  if (why.empty()) {
    throw BadRequest::field("reason", "更正金额须注明原因 / a correction needs a reason", "validation.required");
  }
  if (util::utf8_length(why) > 500) throw BadRequest::field("reason", "最多 500 个字符 / at most 500 characters");
  const long long now = time_.now();
  return db_.write([&](soci::session& sql) {
    auto d = store::deal_by_id(sql, deal_id, db::Lock::kForUpdate);
    if (!d) throw NotFound("deal.not_found", "成交记录不存在 / no such deal", {{"id", deal_id}});
    auto payments = store::payments_of(sql, deal_id);
    DealTotals t = totals_of(payments);
    if (amount_fen < t.net_fen()) {
      throw RuleViolation("deal.amount_below_paid",
                          "成交金额不能低于已回款 " + format_yuan(t.net_fen()) +
                              " 元 / the amount cannot be below the " + format_yuan(t.net_fen()) + " yuan already paid",
                          {{"field", "amount_fen"}, {"net_paid_fen", t.net_fen()}});
    }
    Deal before = *d;
    d->amount_fen = amount_fen;
    store::set_deal_amount(sql, deal_id, amount_fen);
    if (days_) days_->touch_day(sql, d->agent_id, *calendar::LocalDate::parse(d->closed_on), kpi::store::kDeals);
    audit::record(sql, {0,
                        now,
                        org::audit_actor(actor),
                        "deal.amount_correction",
                        "deal",
                        deal_id,
                        {{"amount_fen", before.amount_fen}},
                        {{"amount_fen", amount_fen}},
                        {{"reason", why}}});
    return DealView{*d, std::move(payments), t};
  });
}

}  // namespace waihu::sales
