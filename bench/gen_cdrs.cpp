// Writes N Asterisk Master.csv records (cdr_csv, no header) for the CDR import benchmark: AGENTS agents on
// extensions 8000+i dialling through prefix 9, 80% of calls to numbers in PHONES (one national number per line,
// the customers in the store), the rest to numbers no customer holds; 60 working days of calls with ~30% answered
// and a long tail of talk times; a uniqueid per call.
//   gen_cdrs ROWS AGENTS PHONES_FILE > Master.csv
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <random>
#include <string>
#include <vector>

int main(int argc, char** argv) {
  long rows = argc > 1 ? std::atol(argv[1]) : 2000000;
  long agents = argc > 2 ? std::atol(argv[2]) : 1000;
  std::vector<std::string> phones;
  if (argc > 3) {
    std::ifstream in(argv[3]);
    for (std::string line; std::getline(in, line);) {
      if (!line.empty()) phones.push_back(line);
    }
  }
  std::mt19937_64 rng(7);
  std::exponential_distribution<double> talk(1.0 / 70);
  const long long day0 = 1790000000;  // a Monday-ish start; only the spread matters
  for (long i = 0; i < rows; ++i) {
    long agent = static_cast<long>(rng() % agents);
    std::string number = !phones.empty() && rng() % 10 < 8 ? phones[rng() % phones.size()]
                                                           : "199" + std::to_string(10000000 + rng() % 89999999);
    long long start = day0 + static_cast<long long>(i) * 60 * 86400 / rows;
    time_t t = static_cast<time_t>(start);
    struct tm tm;
    gmtime_r(&t, &tm);
    char when[32];
    std::strftime(when, sizeof when, "%Y-%m-%d %H:%M:%S", &tm);
    unsigned roll = rng() % 100;
    const char* disposition = roll < 30 ? "ANSWERED" : roll < 85 ? "NO ANSWER" : roll < 97 ? "BUSY" : "FAILED";
    long ring = 5 + static_cast<long>(rng() % 25);
    long billsec = roll < 30 ? static_cast<long>(talk(rng)) : 0;
    std::printf(
        "\"\",\"%ld\",\"9%s\",\"from-internal\",\"\"\"Agent %ld\"\" <%ld>\",\"SIP/%ld-%08lx\",\"SIP/trunk-%08lx\","
        "\"Dial\",\"SIP/trunk/9%s,60\",\"%s\",\"\",\"%s\",%ld,%ld,\"%s\",\"DOCUMENTATION\",\"%lld.%ld\",\"\"\n",
        8000 + agent, number.c_str(), agent, 8000 + agent, 8000 + agent, i, i, number.c_str(), when, when,
        ring + billsec, billsec, disposition, start, i);
  }
  return 0;
}
