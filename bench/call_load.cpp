// Load test of call logging over HTTP: CLIENTS keep-alive connections, each POSTing /api/v1/calls as fast as the
// server answers for SECONDS, as the demo agents (tokens from TOKENS_FILE, one per line, used round-robin).
// Prints calls/s and latency percentiles; every non-201 answer is counted as an error. Bounded in time.
//   call_load PORT TOKENS_FILE [CLIENTS=200] [SECONDS=10]
#include <algorithm>
#include <atomic>
#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <mutex>
#include <random>
#include <string>
#include <thread>
#include <vector>

namespace beast = boost::beast;
namespace http = beast::http;
using tcp = boost::asio::ip::tcp;
using Clock = std::chrono::steady_clock;

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: call_load PORT TOKENS_FILE [CLIENTS] [SECONDS]\n");
    return 2;
  }
  std::string port = argv[1];
  std::vector<std::string> tokens;
  std::ifstream in(argv[2]);
  for (std::string t; std::getline(in, t);) {
    if (!t.empty()) tokens.push_back(t);
  }
  int clients = argc > 3 ? std::atoi(argv[3]) : 200;
  int seconds = argc > 4 ? std::atoi(argv[4]) : 10;
  if (tokens.empty() || clients <= 0 || seconds <= 0) return 2;

  std::atomic<long long> errors{0};
  std::mutex mutex;
  std::vector<double> latencies_ms;
  const auto start = Clock::now();
  const auto deadline = start + std::chrono::seconds(seconds);
  std::vector<std::thread> threads;
  for (int i = 0; i < clients; ++i) {
    threads.emplace_back([&, i] {
      std::vector<double> mine;
      std::mt19937_64 rng(i);
      try {
        boost::asio::io_context ioc;
        tcp::resolver resolver(ioc);
        beast::tcp_stream stream(ioc);
        stream.connect(resolver.resolve("127.0.0.1", port));
        beast::flat_buffer buffer;
        const std::string& token = tokens[static_cast<size_t>(i) % tokens.size()];
        while (Clock::now() < deadline) {
          // A list number dialled now: answered about a third of the time.
          char body[256];
          bool answered = rng() % 3 == 0;
          std::snprintf(
              body, sizeof body,
              "{\"number\":\"199%08llu\",\"started_at\":\"2026-11-24T02:%02llu:%02lluZ\",\"ring_seconds\":%llu,"
              "\"talk_seconds\":%llu,\"result\":\"%s\"}",
              static_cast<unsigned long long>(rng() % 100000000), static_cast<unsigned long long>(rng() % 60),
              static_cast<unsigned long long>(rng() % 60), static_cast<unsigned long long>(5 + rng() % 20),
              answered ? static_cast<unsigned long long>(rng() % 180) : 0ULL, answered ? "connected" : "no_answer");
          http::request<http::string_body> req{http::verb::post, "/api/v1/calls", 11};
          req.set(http::field::host, "127.0.0.1");
          req.set(http::field::authorization, "Bearer " + token);
          req.set(http::field::content_type, "application/json");
          req.keep_alive(true);
          req.body() = body;
          req.prepare_payload();
          auto t0 = Clock::now();
          http::write(stream, req);
          http::response<http::string_body> res;
          http::read(stream, buffer, res);
          mine.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
          if (res.result_int() != 201) ++errors;
        }
        beast::error_code ec;
        stream.socket().shutdown(tcp::socket::shutdown_both, ec);
      } catch (const std::exception& e) {
        ++errors;
        std::fprintf(stderr, "client %d: %s\n", i, e.what());
      }
      std::lock_guard lock(mutex);
      latencies_ms.insert(latencies_ms.end(), mine.begin(), mine.end());
    });
  }
  for (auto& t : threads) t.join();
  double elapsed = std::chrono::duration<double>(Clock::now() - start).count();
  std::sort(latencies_ms.begin(), latencies_ms.end());
  auto pct = [&](double p) {
    return latencies_ms.empty() ? 0.0 : latencies_ms[static_cast<size_t>(p * (latencies_ms.size() - 1))];
  };
  std::printf("clients %d, %.1f s: %zu calls, %.0f calls/s, errors %lld, p50 %.1f ms, p99 %.1f ms, max %.1f ms\n",
              clients, elapsed, latencies_ms.size(), latencies_ms.size() / elapsed, errors.load(), pct(0.5), pct(0.99),
              latencies_ms.empty() ? 0.0 : latencies_ms.back());
  return errors.load() == 0 ? 0 : 1;
}
