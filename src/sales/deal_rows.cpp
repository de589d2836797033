#include "sales/deal_rows.hpp"

#include <array>

#include "sales/rules.hpp"
#include "util/clock.hpp"
#include "util/strings.hpp"

namespace waihu::sales {

namespace {
using C = DealColumn;
constexpr auto kHeaders = std::to_array<util::HeaderName>({
    {"合同编号", int(C::kContractNo)},
    {"合同号", int(C::kContractNo)},
    {"订单号", int(C::kContractNo)},
    {"contract_no", int(C::kContractNo)},
    {"客户电话", int(C::kCustomerPhone)},
    {"电话", int(C::kCustomerPhone)},
    {"手机", int(C::kCustomerPhone)},
    {"联系电话", int(C::kCustomerPhone)},
    {"phone", int(C::kCustomerPhone)},
    {"customer_phone", int(C::kCustomerPhone)},
    {"客户编号", int(C::kCustomerId)},
    {"customer_id", int(C::kCustomerId)},
    {"成交坐席", int(C::kAgent)},
    {"坐席", int(C::kAgent)},
    {"销售", int(C::kAgent)},
    {"业务员", int(C::kAgent)},
    {"agent", int(C::kAgent)},
    {"商务代表", int(C::kFieldRep)},
    {"外勤", int(C::kFieldRep)},
    {"field_rep", int(C::kFieldRep)},
    {"来源", int(C::kSourcing)},
    {"成交方式", int(C::kSourcing)},
    {"sourcing", int(C::kSourcing)},
    {"产品", int(C::kProduct)},
    {"product", int(C::kProduct)},
    {"金额", int(C::kAmount)},
    {"合同金额", int(C::kAmount)},
    {"成交金额", int(C::kAmount)},
    {"amount", int(C::kAmount)},
    {"成交日期", int(C::kClosedOn)},
    {"签约日期", int(C::kClosedOn)},
    {"closed_on", int(C::kClosedOn)},
    {"回款金额", int(C::kPaidAmount)},
    {"paid_amount", int(C::kPaidAmount)},
    {"回款日期", int(C::kPaidOn)},
    {"paid_on", int(C::kPaidOn)},
    {"备注", int(C::kNotes)},
    {"notes", int(C::kNotes)},
});
constexpr std::array<std::string_view, 12> kNames{"contract_no", "customer_phone", "customer_id", "agent",
                                                  "field_rep",   "sourcing",       "product",     "amount",
                                                  "closed_on",   "paid_amount",    "paid_on",     "notes"};
constexpr std::array<int, 4> kRequired{int(C::kAgent), int(C::kProduct), int(C::kAmount), int(C::kClosedOn)};

struct Rejected {
  std::optional<DealColumn> column;  ///< none: the whole row
  std::string reason;
};
}  // namespace

util::SheetColumns map_deal_header(const std::vector<std::string>& header) {
  auto columns = util::map_sheet_header(header, kHeaders, kRequired, kNames);
  if (!columns.column_of(int(C::kCustomerPhone)) && !columns.column_of(int(C::kCustomerId))) {
    throw std::invalid_argument("缺少必需的列 / required columns missing: customer_phone or customer_id");
  }
  return columns;
}

DealRow parse_deal_row(util::CsvRecord record, const std::vector<std::string>& header, const DealSheetContext& ctx) {
  DealRow row;
  auto text = [&](DealColumn col) -> std::string_view {
    auto i = ctx.columns.column_of(int(col));
    return i && *i < record.fields.size() ? util::trim(record.fields[*i]) : std::string_view{};
  };
  try {
    if (!record.error.empty()) throw Rejected{std::nullopt, record.error};
    if (record.fields.size() != header.size()) {
      throw Rejected{std::nullopt, "本行有 " + std::to_string(record.fields.size()) + " 列，表头有 " +
                                       std::to_string(header.size()) + " 列 / " + std::to_string(record.fields.size()) +
                                       " fields, header has " + std::to_string(header.size())};
    }
    Deal& d = row.deal;
    // The customer: by id, or by the phone it holds.
    if (auto id_text = text(C::kCustomerId); !id_text.empty()) {
      long long id = 0;
      if (!util::parse_int64(id_text, id) || id <= 0) throw Rejected{C::kCustomerId, "客户编号应为正整数 / not an id"};
      d.customer_id = id;
    } else {
      auto phone = text(C::kCustomerPhone);
      if (phone.empty())
        throw Rejected{C::kCustomerPhone, "客户电话或客户编号必填 / a customer phone or id is required"};
      auto p = ctx.phones->normalize(phone);
      if (!p.phone) throw Rejected{C::kCustomerPhone, p.error};
      auto held = ctx.customers->holder_of(p.phone->e164);
      if (!held)
        throw Rejected{C::kCustomerPhone, "没有客户持有号码 " + p.phone->e164 + " / no customer holds this number"};
      if (!held->in_scope) {
        throw Rejected{C::kCustomerPhone,
                       "号码属于你权限范围以外的客户 / the number belongs to a customer outside your scope"};
      }
      d.customer_id = held->customer_id;
    }
    std::string agent(text(C::kAgent));
    auto agent_id = ctx.people->extension_or_username(agent);
    if (!agent_id) {
      throw Rejected{C::kAgent,
                     "「" + agent + "」不是你范围内的坐席用户名或分机 / no agent \"" + agent + "\" in your scope"};
    }
    d.agent_id = *agent_id;
    if (auto rep = text(C::kFieldRep); !rep.empty()) {
      auto rep_id = ctx.people->extension_or_username(rep);
      if (!rep_id || !ctx.field_reps->count(*rep_id)) {
        throw Rejected{C::kFieldRep, "「" + std::string(rep) + "」不是商务代表 / not a field rep"};
      }
      d.field_rep_id = *rep_id;
      d.sourcing = Sourcing::kProxy;
    }
    if (auto s = text(C::kSourcing); !s.empty()) {
      if (s == "自拓" || s == "self") {
        d.sourcing = Sourcing::kSelf;
      } else if (s == "代理" || s == "代理拜访" || s == "proxy") {
        d.sourcing = Sourcing::kProxy;
      } else {
        throw Rejected{C::kSourcing, "应为 自拓 或 代理 / must be self or proxy"};
      }
    }
    d.product = std::string(text(C::kProduct));
    auto amount = parse_yuan(text(C::kAmount));
    if (!amount) throw Rejected{C::kAmount, "金额应为元，最多两位小数 / amount in yuan, at most two decimals"};
    d.amount_fen = *amount;
    auto closed = util::parse_sheet_date(text(C::kClosedOn));
    if (!closed) throw Rejected{C::kClosedOn, "日期应为 YYYY-MM-DD / must be a date such as 2026-11-24"};
    d.closed_on = *closed;
    d.notes = std::string(text(C::kNotes));
    if (auto problem = deal_problem(d, ctx.today)) {
      DealColumn col = problem->field == "product"      ? C::kProduct
                       : problem->field == "amount_fen" ? C::kAmount
                       : problem->field == "closed_on"  ? C::kClosedOn
                       : problem->field == "notes"      ? C::kNotes
                                                        : C::kFieldRep;
      throw Rejected{col, problem->reason};
    }
    row.contract_no = std::string(text(C::kContractNo));
    // The payment (回款) the row records, if any.
    auto paid_text = text(C::kPaidAmount);
    if (!paid_text.empty()) {
      auto paid = parse_yuan(paid_text);
      if (!paid || !amount_problem(*paid).empty()) {
        throw Rejected{C::kPaidAmount, "回款金额应为正数，单位元 / a positive amount in yuan"};
      }
      auto on = util::parse_sheet_date(text(C::kPaidOn));
      if (!on) throw Rejected{C::kPaidOn, "有回款金额时须填回款日期 / a payment needs its date"};
      if (*on > ctx.today) throw Rejected{C::kPaidOn, "不能是将来的日期 / cannot be in the future"};
      if (!payment_allowed({}, d.amount_fen, *paid)) {
        throw Rejected{C::kPaidAmount, payment_exceeds_message({}, d.amount_fen, *paid)};
      }
      row.payment = Payment{0, 0, PaymentKind::kPayment, *paid, *on, "", 0};
    } else if (!text(C::kPaidOn).empty()) {
      throw Rejected{C::kPaidAmount, "有回款日期时须填回款金额 / a payment date needs its amount"};
    }
  } catch (const Rejected& r) {
    auto i = r.column ? ctx.columns.column_of(int(*r.column)) : std::nullopt;
    row.error_column = i ? header[*i] : "";
    row.error = r.reason;
  }
  row.record = std::move(record);
  return row;
}

}  // namespace waihu::sales
