#include "http/server.hpp"

// GCC 12 with Asio 1.74 needs <utility> first.
#include <utility>
// clang-format off
#include <boost/asio.hpp>
#include <boost/beast.hpp>
// clang-format on
#include <spdlog/spdlog.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <filesystem>
#include <limits>
#include <list>
#include <memory>

#include "util/strings.hpp"

namespace waihu::http {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;
using tcp = asio::ip::tcp;

namespace {

// Longer request targets are refused (414) even when the header as a whole fits.
constexpr size_t kMaxTargetBytes = 8 * 1024;

struct Connection {
  beast::tcp_stream* stream = nullptr;
  bool busy = false;
};

struct State {
  const Router& router;
  const ServerOptions& options;
  asio::thread_pool& workers;
  std::list<Connection> connections;  // touched only on the I/O thread
  bool stopping = false;
};

Request to_request(const bhttp::request<bhttp::string_body>& in, const std::string& remote) {
  Request r;
  r.method = std::string(in.method_string());
  std::string target(in.target());
  auto q = target.find('?');
  r.path = url_decode(target.substr(0, q));
  if (q != std::string::npos) r.query = parse_query(std::string_view(target).substr(q + 1));
  for (const auto& f : in) {
    auto name = f.name_string();
    r.headers[util::to_lower_ascii(std::string_view(name.data(), name.size()))] = std::string(f.value());
  }
  r.body = in.body();
  r.remote_address = remote;
  return r;
}

Response error_reply(int status, const std::string& code, const std::string& message, nlohmann::json details) {
  return Response::json({{"error", {{"code", code}, {"message", message}, {"details", std::move(details)}}}}, status);
}

// A request the parser could not take: 414 for a request line past the header limit, 431 for other headers past
// it, 400 for everything malformed (a bad or repeated Content-Length among them).
Response unreadable_request(const beast::error_code& ec, const beast::flat_buffer& buffer) {
  if (ec == bhttp::error::header_limit) {
    auto data = beast::buffers_to_string(buffer.data());
    if (data.find("\r\n") == std::string::npos) {
      return error_reply(414, "http.uri_too_long", "请求地址过长 / request URI too long", {{"field", "uri"}});
    }
    return error_reply(431, "http.headers_too_large", "请求头过大 / request headers too large", {{"field", "headers"}});
  }
  return error_reply(400, "http.bad_request", "请求格式错误 / malformed request: " + ec.message(),
                     {{"reason", ec.message()}});
}

bool is_parse_error(const beast::error_code& ec) {
  return ec.category() == bhttp::make_error_code(bhttp::error::bad_target).category() &&
         ec != bhttp::error::end_of_stream && ec != bhttp::error::partial_message;
}

// Reads the rest of the body. A client that stops sending for `idle` (or takes longer than `total` in all) gets
// 408 instead of a connection held open: the read is cancelled, not the socket closed, so the answer can go out.
asio::awaitable<bool> read_body(beast::tcp_stream& stream, beast::flat_buffer& buffer,
                                bhttp::request_parser<bhttp::string_body>& parser, std::chrono::seconds idle,
                                std::chrono::seconds total, beast::error_code& ec) {
  auto deadline = std::chrono::steady_clock::now() + total;
  auto timed_out = std::make_shared<bool>(false);
  asio::steady_timer timer(stream.get_executor());
  stream.expires_never();
  while (!parser.is_done()) {
    timer.expires_at(std::min(std::chrono::steady_clock::now() + idle, deadline));
    timer.async_wait([timed_out, &stream](const beast::error_code& e) {
      if (e) return;  // cancelled: the read finished first
      *timed_out = true;
      beast::error_code ignored;
      stream.socket().cancel(ignored);
    });
    co_await bhttp::async_read_some(stream, buffer, parser, asio::redirect_error(asio::use_awaitable, ec));
    timer.cancel();
    if (*timed_out) co_return true;
    if (ec) co_return false;
  }
  co_return false;
}

Response too_large(size_t limit) {
  return Response::json({{"error",
                          {{"code", "http.body_too_large"},
                           {"message", "请求体过大 / request body too large"},
                           {"details", {{"field", "body"}, {"limit_bytes", limit}}}}}},
                        413);
}

// Writes the response; false if the connection is gone.
asio::awaitable<bool> send(beast::tcp_stream& stream, Response& res, unsigned version, bool keep_alive, size_t& bytes) {
  beast::error_code ec;
  auto apply_headers = [&](auto& msg) {
    msg.set(bhttp::field::server, "waihu");
    msg.set(bhttp::field::content_type, res.content_type);
    for (const auto& [k, v] : res.headers) msg.set(k, v);
    msg.keep_alive(keep_alive);
  };
  stream.expires_after(std::chrono::seconds(60));
  if (!res.file_path.empty()) {
    bhttp::response<bhttp::file_body> msg{static_cast<bhttp::status>(res.status), version};
    msg.body().open(res.file_path.c_str(), beast::file_mode::scan, ec);
    if (ec) {
      res = Response::json({{"error", {{"code", "internal"}, {"message", "file vanished"}, {"details", {}}}}}, 500);
    } else {
      apply_headers(msg);
      msg.prepare_payload();
      bytes = msg.body().size();
      co_await bhttp::async_write(stream, msg, asio::redirect_error(asio::use_awaitable, ec));
      std::error_code removed;
      if (res.delete_file_after) std::filesystem::remove(res.file_path, removed);
      co_return !ec;
    }
  }
  bhttp::response<bhttp::string_body> msg{static_cast<bhttp::status>(res.status), version};
  apply_headers(msg);
  msg.body() = std::move(res.body);
  msg.prepare_payload();
  bytes = msg.body().size();
  co_await bhttp::async_write(stream, msg, asio::redirect_error(asio::use_awaitable, ec));
  co_return !ec;
}

asio::awaitable<void> session(State& st, tcp::socket socket) {
  beast::error_code ec;
  std::string remote = socket.remote_endpoint(ec).address().to_string();
  beast::tcp_stream stream(std::move(socket));
  auto self = st.connections.insert(st.connections.end(), Connection{&stream, false});
  beast::flat_buffer buffer;
  while (!st.stopping) {
    bhttp::request_parser<bhttp::string_body> parser;  // a new parser per message
    parser.header_limit(32 * 1024);
    // The real limit depends on the route, known only after the header: none until then, so an announced body
    // over it is answered 413 below rather than failing the header read.
    parser.body_limit(std::numeric_limits<std::uint64_t>::max());
    stream.expires_after(std::chrono::seconds(st.options.idle_timeout_seconds));
    co_await bhttp::async_read_header(stream, buffer, parser, asio::redirect_error(asio::use_awaitable, ec));
    if (ec) {
      if (is_parse_error(ec)) {
        Response bad = unreadable_request(ec, buffer);
        size_t bytes = 0;
        co_await send(stream, bad, 11, false, bytes);
        spdlog::info(R"({{"type":"access","remote":"{}","status":{},"error":"{}"}})", remote, bad.status, ec.message());
      }
      break;
    }
    self->busy = true;
    auto started = std::chrono::steady_clock::now();
    std::string target(parser.get().target());
    size_t limit = Router::is_upload_path(target.substr(0, target.find('?'))) ? st.options.max_upload_bytes
                                                                              : st.options.max_body_bytes;
    parser.body_limit(limit);
    stream.expires_after(std::chrono::seconds(60));
    bool body_timed_out = false;
    if (target.size() > kMaxTargetBytes) {
      ec = bhttp::error::bad_target;
    } else if (parser.content_length() && *parser.content_length() > limit) {
      ec = bhttp::error::body_limit;  // refuse before reading a byte of it
    } else if (!parser.is_done()) {
      if (parser.get()[bhttp::field::expect] == "100-continue") {
        bhttp::response<bhttp::empty_body> go_on{bhttp::status::continue_, parser.get().version()};
        co_await bhttp::async_write(stream, go_on, asio::redirect_error(asio::use_awaitable, ec));
      }
      if (!ec) {
        body_timed_out = co_await read_body(stream, buffer, parser, std::chrono::seconds(st.options.body_idle_seconds),
                                            std::chrono::seconds(300), ec);
      }
    }
    Response res;
    bool keep_alive = false;
    unsigned version = parser.get().version();
    std::string method(parser.get().method_string());
    if (target.size() > kMaxTargetBytes) {
      res = error_reply(414, "http.uri_too_long", "请求地址过长 / request URI too long",
                        {{"field", "uri"}, {"limit_bytes", kMaxTargetBytes}});
    } else if (body_timed_out) {
      res =
          error_reply(408, "http.body_timeout", "请求体未在规定时间内发送完 / the request body did not arrive in time",
                      {{"field", "body"}, {"idle_seconds", st.options.body_idle_seconds}});
    } else if (ec == bhttp::error::body_limit) {
      res = too_large(limit);
    } else if (is_parse_error(ec)) {
      res = unreadable_request(ec, buffer);
    } else if (ec) {
      break;
    } else {
      keep_alive = parser.get().keep_alive();
      Request req = to_request(parser.get(), remote);
      // Run the handler on the worker pool and come back here when it is done.
      try {
        res = co_await asio::co_spawn(
            st.workers, [&]() -> asio::awaitable<Response> { co_return st.router.handle(req); }, asio::use_awaitable);
      } catch (...) {
        res = error_response(std::current_exception());
      }
    }
    size_t bytes = 0;
    int status = res.status;
    std::string user = res.log_user;
    bool sent = co_await send(stream, res, version, keep_alive && !st.stopping, bytes);
    auto ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
    spdlog::info(
        R"({{"type":"access","remote":"{}","method":"{}","target":"{}","status":{},"bytes":{},"ms":{:.2f},"user":"{}"}})",
        remote, method, target.substr(0, target.find('?')), status, bytes, ms, user);
    self->busy = false;
    if (sent && ec == bhttp::error::body_limit) {
      // The client is still sending the body we refused: read and drop it (bounded), so it sees our 413
      // instead of a reset connection.
      stream.socket().shutdown(tcp::socket::shutdown_send, ec);
      stream.expires_after(std::chrono::seconds(5));
      std::array<char, 64 * 1024> scratch;
      size_t drained = 0;
      while (drained < st.options.max_upload_bytes) {
        size_t n =
            co_await stream.async_read_some(asio::buffer(scratch), asio::redirect_error(asio::use_awaitable, ec));
        if (ec) break;
        drained += n;
      }
      break;
    }
    if (!sent || !keep_alive || ec || body_timed_out) break;
  }
  stream.socket().shutdown(tcp::socket::shutdown_send, ec);
  stream.close();
  st.connections.erase(self);
}

asio::awaitable<void> accept_loop(State& st, tcp::acceptor& acceptor) {
  for (;;) {
    beast::error_code ec;
    tcp::socket socket = co_await acceptor.async_accept(asio::redirect_error(asio::use_awaitable, ec));
    if (ec) {
      if (!acceptor.is_open()) co_return;
      continue;
    }
    auto executor = socket.get_executor();  // before the socket moves
    asio::co_spawn(executor, session(st, std::move(socket)), [](std::exception_ptr e) {
      if (e) {
        try {
          std::rethrow_exception(e);
        } catch (const std::exception& ex) {
          spdlog::error("connection ended with an error: {}", ex.what());
        }
      }
    });
  }
}

}  // namespace

void Server::run(const std::function<void(unsigned short)>& on_listening) {
  asio::io_context ioc(1);
  asio::thread_pool workers(options_.workers);
  State st{router_, options_, workers, {}, false};

  tcp::endpoint endpoint(asio::ip::make_address(options_.host), options_.port);
  tcp::acceptor acceptor(ioc);
  acceptor.open(endpoint.protocol());
  acceptor.set_option(asio::socket_base::reuse_address(true));
  acceptor.bind(endpoint);
  acceptor.listen(asio::socket_base::max_listen_connections);
  on_listening(acceptor.local_endpoint().port());

  asio::co_spawn(ioc, accept_loop(st, acceptor), asio::detached);

  asio::steady_timer drain_timer(ioc);
  asio::steady_timer poll(ioc);
  // After the signal: look every 20 ms whether the last connection is gone, then let the loop end.
  std::function<void()> wait_for_connections = [&] {
    if (st.connections.empty()) {
      drain_timer.cancel();
      return;
    }
    poll.expires_after(std::chrono::milliseconds(20));
    poll.async_wait([&](const beast::error_code&) { wait_for_connections(); });
  };
  asio::signal_set signals(ioc, SIGINT, SIGTERM);
  signals.async_wait([&](const beast::error_code& ec, int sig) {
    if (ec) return;
    spdlog::info(R"({{"type":"shutdown","signal":{},"open_connections":{}}})", sig, st.connections.size());
    st.stopping = true;
    beast::error_code ignored;
    acceptor.close(ignored);
    // Idle keep-alive connections are closed now; busy ones finish their request and then close.
    for (auto& c : st.connections) {
      if (!c.busy) c.stream->socket().close(ignored);
    }
    drain_timer.expires_after(std::chrono::seconds(options_.shutdown_grace_seconds));
    drain_timer.async_wait([&](const beast::error_code& e) {
      if (!e) ioc.stop();  // grace period over: stop whatever still runs
    });
    wait_for_connections();
  });
  ioc.run();
  workers.join();
  spdlog::info(R"({{"type":"stopped"}})");
}

}  // namespace waihu::http
