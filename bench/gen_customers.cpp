// Writes N believable customer rows as CSV (UTF-8, the headers a Chinese office uses) for the import benchmark.
// Phones are unique, drawn from a fixed set of 号段 (first 7 digits), as real lists cluster in number ranges.
//   gen_customers ROWS PREFIXES > customers.csv
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <unordered_set>
#include <vector>

int main(int argc, char** argv) {
  long rows = argc > 1 ? std::atol(argv[1]) : 1000000;
  long prefix_count = argc > 2 ? std::atol(argv[2]) : 50000;
  const char* first3[] = {"130", "131", "132", "133", "134", "135", "136", "137", "138", "139",
                          "150", "151", "152", "153", "155", "156", "157", "158", "159", "180",
                          "181", "182", "183", "184", "185", "186", "187", "188", "189"};
  const char* cities[] = {"北京", "上海", "广州", "深圳", "杭州", "南京", "成都", "武汉", "苏州", "西安"};
  const char* words[] = {"华信", "宏远", "鼎盛", "博雅", "金桥", "恒通", "瑞丰", "新创", "天成", "永泰"};
  const char* trades[] = {"科技", "贸易", "实业", "物流", "电子"};
  const char* surnames[] = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周"};
  const char* given[] = {"伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋"};
  std::mt19937_64 rng(42);
  std::vector<std::string> prefixes;
  std::unordered_set<std::string> seen_prefix;
  while (static_cast<long>(prefixes.size()) < prefix_count) {
    std::string p = first3[rng() % (sizeof first3 / sizeof *first3)];
    p += std::to_string(1000 + rng() % 9000);
    if (seen_prefix.insert(p).second) prefixes.push_back(p);
  }
  std::unordered_set<unsigned long long> used;
  std::printf("单位名称,联系人,职务,手机,行业,地区,来源\r\n");
  for (long i = 0; i < rows; ++i) {
    std::string phone;
    do {
      phone = prefixes[rng() % prefixes.size()] + std::to_string(1000 + rng() % 9000);
    } while (!used.insert(std::stoull(phone)).second);
    const char* city = cities[rng() % 10];
    std::printf("%s%s%s%s有限公司%ld,%s%s,经理,%s,%s,%s市,购买名单\r\n", city, words[rng() % 10], words[rng() % 10],
                trades[rng() % 5], i, surnames[rng() % 10], given[rng() % 10], phone.c_str(), trades[rng() % 5], city);
  }
  return 0;
}
