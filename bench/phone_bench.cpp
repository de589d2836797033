// Phone normalisation per number: the 号段-cached fast path against libphonenumber itself, same inputs.
#include <benchmark/benchmark.h>

#include <random>
#include <string>
#include <vector>

#include "crm/phone.hpp"

namespace {
std::vector<std::string> numbers(size_t n, size_t prefixes) {
  std::mt19937 rng(1);
  const char* first3[] = {"130", "133", "135", "138", "139", "150", "158", "186", "189"};
  std::vector<std::string> out;
  for (size_t i = 0; i < n; ++i) {
    std::string p = first3[rng() % 9] + std::to_string(1000 + (rng() % prefixes) % 9000);
    out.push_back(p + std::to_string(1000 + rng() % 9000));
  }
  return out;
}

const waihu::crm::PhoneNormalizer& normalizer() {
  static waihu::crm::PhoneNormalizer n;
  return n;
}

void BM_NormalizeWithLibrary(benchmark::State& state) {
  auto input = numbers(10000, 2000);
  size_t i = 0;
  for (auto _ : state) benchmark::DoNotOptimize(normalizer().normalize_with_library(input[i++ % input.size()]));
}
BENCHMARK(BM_NormalizeWithLibrary);

void BM_NormalizeFastPath(benchmark::State& state) {
  auto input = numbers(10000, 2000);
  for (const auto& n : input) normalizer().normalize(n);  // warm the 号段 cache
  size_t i = 0;
  for (auto _ : state) benchmark::DoNotOptimize(normalizer().normalize(input[i++ % input.size()]));
}
BENCHMARK(BM_NormalizeFastPath);
}  // namespace

BENCHMARK_MAIN();
