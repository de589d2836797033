// A believable telesales company for `waihu init --demo`: one department of three groups, ~35 people, 5,000
// customers with Chinese names, valid phones across provinces, grades, statuses, owners and a public pool; then
// sixty days of activity (demo_activity.cpp).
// Deterministic (fixed seed) so screenshots and tests see the same floor. It writes through the stores, as the
// importer does, because services stamp "now" and a demo floor needs a past; every record still passes the same
// validation (apply_customer_input) as one typed in.
#include <array>
#include <random>
#include <set>
#include <string_view>
#include <tuple>

#include "app/app.hpp"
#include "audit/service.hpp"
#include "core/errors.hpp"
#include "crm/customer_input.hpp"
#include "crm/store.hpp"
#include "org/credentials.hpp"
#include "org/store.hpp"

namespace waihu::app {

namespace {
constexpr std::array<std::string_view, 20> kCities{"北京", "上海", "广州", "深圳", "杭州", "南京", "成都",
                                                   "武汉", "苏州", "西安", "重庆", "天津", "长沙", "郑州",
                                                   "青岛", "宁波", "厦门", "合肥", "济南", "沈阳"};
constexpr std::array<std::string_view, 24> kWords{"华信", "宏远", "鼎盛", "博雅", "金桥", "恒通", "瑞丰", "新创",
                                                  "天成", "永泰", "中科", "东方", "联创", "卓越", "汇智", "佳和",
                                                  "盛世", "锦程", "海纳", "星辰", "安达", "久隆", "广源", "德润"};
struct Trade {
  std::string_view word;
  std::string_view industry;
};
constexpr std::array<Trade, 15> kTrades{{{"科技", "信息技术"},
                                         {"贸易", "批发零售"},
                                         {"实业", "制造业"},
                                         {"物流", "交通物流"},
                                         {"电子", "电子制造"},
                                         {"信息技术", "信息技术"},
                                         {"建材", "建筑建材"},
                                         {"医疗器械", "医疗健康"},
                                         {"餐饮管理", "餐饮"},
                                         {"教育咨询", "教育培训"},
                                         {"广告", "广告传媒"},
                                         {"机械设备", "制造业"},
                                         {"食品", "食品饮料"},
                                         {"服饰", "纺织服装"},
                                         {"化工", "化工"}}};
constexpr std::array<std::string_view, 20> kSurnames{"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周",
                                                     "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林", "罗"};
constexpr std::array<std::string_view, 30> kGiven{"伟", "芳",   "娜",   "敏", "静", "丽", "强", "磊",   "军", "洋",
                                                  "勇", "艳",   "杰",   "娟", "涛", "明", "超", "秀英", "华", "平",
                                                  "刚", "桂英", "建华", "文", "辉", "鹏", "宇", "欣",   "婷", "浩"};
constexpr std::array<std::string_view, 10> kTitles{"总经理",     "采购经理", "行政主管", "财务经理", "IT主管",
                                                   "办公室主任", "副总经理", "人事经理", "董事长",   "销售总监"};
constexpr std::array<std::string_view, 5> kSources{"市场调查", "网络", "购买名单", "客户转介绍", "展会"};
constexpr std::array<std::string_view, 4> kItStatus{"无信息化", "使用OA", "使用ERP", "自建系统"};
constexpr std::array<std::string_view, 6> kTags{"老客户", "重点", "回访", "价格敏感", "决策人", "展会"};
constexpr std::array<std::string_view, 40> kMobilePrefixes{
    "130", "131", "132", "133", "134", "135", "136", "137", "138", "139", "150", "151", "152", "153",
    "155", "156", "157", "158", "159", "166", "173", "175", "176", "177", "178", "180", "181", "182",
    "183", "184", "185", "186", "187", "188", "189", "191", "198", "199", "147", "135"};
constexpr std::array<std::string_view, 8> kAreaCodes{"010", "021", "020", "0755", "0571", "025", "028", "027"};

struct Person {
  std::string username;
  std::string name;
  org::Role role;
  std::string team;
  std::string extension;
};
}  // namespace

// Two 撞单 cases for the floor to work through: agent02 entered one of agent12's customers again (still between the
// two), agent03 one of agent13's and took it to the manager. Entered through the customer service, as people would.
int seed_demo_claims(App& app, const std::vector<long long>& agent_ids) {
  int opened = 0;
  for (auto [claimant, holder, escalate] : {std::tuple{1, 11, false}, std::tuple{2, 12, true}}) {
    if (agent_ids.size() <= static_cast<size_t>(holder)) break;
    const auto held = app.db.read([&](soci::session& sql) {
      const auto owned = crm::store::customers_owned_by(sql, agent_ids[static_cast<size_t>(holder)]);
      return owned.empty() ? std::nullopt : crm::store::customer_by_id(sql, owned.front());
    });
    if (!held || held->phones.empty()) continue;
    const org::Actor actor = app.org.actor_for(app.org.get_user(nullptr, agent_ids[static_cast<size_t>(claimant)]));
    crm::CustomerInput in;
    in.company = held->company;
    in.phones = {held->phones.front().e164};
    try {
      app.customers.create(actor, in, {});
    } catch (const Conflict& e) {
      if (e.code() != "customer.duplicate_claim") throw;
      ++opened;
      if (escalate)
        app.claims.escalate(actor, e.details().at("claim_id").get<long long>(),
                            "协商不成：对方说客户两个月前就联系过，但没有跟进记录");
    }
  }
  return opened;
}

std::string seed_demo(App& app, long long root_team_id, const std::string& password) {
  std::mt19937 rng(20261124);
  auto pick = [&](const auto& arr) { return arr[std::uniform_int_distribution<size_t>(0, arr.size() - 1)(rng)]; };
  auto chance = [&](double p) { return std::uniform_real_distribution<double>(0, 1)(rng) < p; };
  const long long now = app.clock.now();

  // Organisation: company → department → three groups (商务一组/二组/三组).
  auto dept = app.org.create_team(nullptr, "电销部", root_team_id);
  std::vector<org::Team> groups;
  for (const char* g : {"电销一组", "电销二组", "电销三组"}) groups.push_back(app.org.create_team(nullptr, g, dept.id));

  std::vector<Person> people{{"zhaomin", "赵敏", org::Role::kManager, "电销部", ""},
                             {"liqiang", "李强", org::Role::kSupervisor, "电销一组", "8101"},
                             {"wangfang", "王芳", org::Role::kSupervisor, "电销二组", "8102"},
                             {"chenjie", "陈杰", org::Role::kSupervisor, "电销三组", "8103"},
                             {"sunli", "孙丽", org::Role::kQa, "电销部", ""},
                             {"zhouyan", "周燕", org::Role::kAssistant, "电销部", ""},
                             {"hegang", "何刚", org::Role::kFieldRep, "电销部", "8201"},
                             {"luopeng", "罗鹏", org::Role::kFieldRep, "电销部", "8202"}};
  for (int i = 1; i <= 30; ++i) {
    char username[16];
    std::snprintf(username, sizeof username, "agent%02d", i);
    people.push_back({username, std::string(pick(kSurnames)) + std::string(pick(kGiven)), org::Role::kAgent,
                      groups[static_cast<size_t>((i - 1) / 10)].name, std::to_string(8000 + i)});
  }
  // One hash for every demo account: they share the demo password, and argon2id is slow on purpose.
  const std::string hash = org::hash_password(password);
  std::vector<long long> agent_ids, field_rep_ids;
  app.db.write([&](soci::session& sql) {
    for (size_t i = 0; i < people.size(); ++i) {
      const Person& p = people[i];
      org::User u;
      u.username = p.username;
      u.display_name = p.name;
      u.role = p.role;
      u.team_id = org::store::team_by_name(sql, p.team)->id;
      if (!p.extension.empty()) u.extension = p.extension;
      // Hire dates from two years ago to last month; the newest third still on probation.
      long long hired = now - static_cast<long long>(std::uniform_int_distribution<int>(30, 730)(rng)) * 86400;
      u.hired_on = app.time.date_at(hired).str();
      u.employment_status =
          now - hired < 120 * 86400 ? org::EmploymentStatus::kProbation : org::EmploymentStatus::kRegular;
      u.level = std::uniform_int_distribution<int>(1, 5)(rng);
      u.prior_months = std::uniform_int_distribution<int>(0, 36)(rng);
      u.created_at = u.updated_at = now;
      u.id = org::store::insert_user(sql, u, hash);
      if (p.role == org::Role::kAgent) agent_ids.push_back(u.id);
      if (p.role == org::Role::kFieldRep) field_rep_ids.push_back(u.id);
    }
  });

  // Customers.
  std::set<std::string> companies;
  int customers = 0, pool = 0;
  app.db.write([&](soci::session& sql) {
    crm::store::CustomerWriter writer(sql, app.db.dialect(), true);
    std::set<std::string> phones_used;
    while (customers < 5000) {
      const Trade& trade = pick(kTrades);
      std::string city(pick(kCities));
      std::string name = city + std::string(pick(kWords)) + (chance(0.5) ? std::string(pick(kWords)) : "") +
                         std::string(trade.word) + "有限公司";
      if (!companies.insert(name).second) continue;
      std::string phone;
      if (chance(0.85)) {
        phone = std::string(pick(kMobilePrefixes));
        for (int d = 0; d < 8; ++d) phone += static_cast<char>('0' + std::uniform_int_distribution<int>(0, 9)(rng));
      } else {
        phone = std::string(pick(kAreaCodes)) + "-" + std::to_string(std::uniform_int_distribution<int>(2, 8)(rng));
        for (int d = 0; d < 7; ++d) phone += static_cast<char>('0' + std::uniform_int_distribution<int>(0, 9)(rng));
      }
      crm::CustomerInput in;
      in.company = name;
      in.contact_name = std::string(pick(kSurnames)) + std::string(pick(kGiven));
      in.title = std::string(pick(kTitles));
      in.phones = std::vector<std::string>{phone};
      in.industry = std::string(trade.industry);
      in.region = city + "市";
      int headcount = std::uniform_int_distribution<int>(5, 2000)(rng);
      in.headcount = std::to_string(headcount);
      in.size = headcount < 50 ? "小型" : headcount < 300 ? "中型" : "大型";
      in.it_status = std::string(pick(kItStatus));
      in.source = std::string(pick(kSources));
      double g = std::uniform_real_distribution<double>(0, 1)(rng);
      in.grade = g < 0.05 ? "A" : g < 0.2 ? "B" : g < 0.6 ? "C" : g < 0.8 ? "D" : "";
      double s = std::uniform_real_distribution<double>(0, 1)(rng);
      in.status = s < 0.4    ? "new"
                  : s < 0.6  ? "contacted"
                  : s < 0.7  ? "interested"
                  : s < 0.85 ? "following"
                  : s < 0.9  ? "won"
                  : s < 0.95 ? "lost"
                             : "invalid";
      std::vector<std::string> tags;
      for (int t = std::uniform_int_distribution<int>(0, 2)(rng); t > 0; --t) tags.emplace_back(pick(kTags));
      in.tags = tags;
      crm::Customer base;
      if (!chance(0.2)) base.owner_id = pick(agent_ids);
      crm::Customer c;
      if (crm::apply_customer_input(in, base, app.phones, c)) continue;  // an invalid random number: draw again
      if (!phones_used.insert(c.phones.front().e164).second) continue;
      c.created_at = now - std::uniform_int_distribution<long long>(0, 180 * 86400)(rng);
      c.updated_at = c.created_at;
      writer.insert(c);
      ++customers;
      if (!c.owner_id) ++pool;
    }
    writer.flush();
    audit::record(sql, {0,
                        now,
                        std::nullopt,
                        "demo.seed",
                        "customer",
                        std::nullopt,
                        nullptr,
                        nullptr,
                        {{"customers", customers}, {"users", people.size()}}});
  });
  std::string activity = seed_demo_activity(app, agent_ids, field_rep_ids);
  const int claims = seed_demo_claims(app, agent_ids);
  return "demo: 电销部 with 电销一组/二组/三组, " + std::to_string(people.size()) + " people, " +
         std::to_string(customers) + " customers (" + std::to_string(pool) + " in the public pool), " + activity +
         ", " + std::to_string(claims) + " duplicate claims";
}

}  // namespace waihu::app
