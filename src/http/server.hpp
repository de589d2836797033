#pragma once
// The HTTP/1.1 listener: Beast + C++20 coroutines on one I/O thread, handlers on a worker pool (the I/O thread
// never waits on the database), one access-log line per request, and a graceful stop on SIGINT/SIGTERM:
// no new connections, idle ones closed, requests in flight finish and are answered.
#include <cstddef>
#include <functional>
#include <string>

#include "http/router.hpp"

namespace waihu::http {

struct ServerOptions {
  std::string host = "127.0.0.1";
  unsigned short port = 8080;  ///< 0: any free port (printed on start)
  size_t workers = 4;
  size_t max_body_bytes = 1 << 20;        ///< JSON bodies
  size_t max_upload_bytes = 64ull << 20;  ///< import uploads
  int idle_timeout_seconds = 60;
  int body_idle_seconds = 15;  ///< a body that stops arriving for this long is answered 408
  int shutdown_grace_seconds = 30;
};

class Server {
 public:
  Server(const Router& router, ServerOptions options) : router_(router), options_(std::move(options)) {}
  /// Serves until SIGINT or SIGTERM, then drains. `on_listening` gets the bound port.
  void run(const std::function<void(unsigned short)>& on_listening);

 private:
  const Router& router_;
  ServerOptions options_;
};

}  // namespace waihu::http
