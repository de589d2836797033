#include "http/system_routes.hpp"

#include "core/errors.hpp"
#include "util/embedded.hpp"

namespace waihu::docs_embedded {
std::span<const waihu::util::EmbeddedFile> embedded_files();
}

namespace waihu::http {

namespace {
constexpr const char* kHomePage = R"(<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>Waihu 外呼</title>
<style>body{font-family:system-ui,"PingFang SC","Microsoft YaHei",sans-serif;max-width:40rem;margin:4rem auto;color:#222}
code{background:#f3f3f3;padding:0 .3em}</style></head>
<body><h1>Waihu 外呼</h1>
<p>电销运营平台正在运行，但网页版尚未构建（在 web/ 下运行 <code>npm ci &amp;&amp; npm run build</code>，或用 <code>scripts/run.sh</code> 启动）。</p>
<p>The platform is running, but the web app has not been built: run <code>npm ci &amp;&amp; npm run build</code> in
web/, or start with <code>scripts/run.sh</code>. The JSON API and the CLI work meanwhile.</p>
<ul><li><a href="/api/openapi.json">API (OpenAPI 3)</a></li><li><a href="/healthz">/healthz</a></li>
<li>登录 / login: <code>POST /api/v1/auth/login</code></li></ul></body></html>
)";
}  // namespace

void register_system_routes(Router& router, std::function<int()> health, const WebApp& web) {
  router.add(
      "GET", "/",
      [&web](Context& c) {
        if (auto page = web.serve(c.request)) return *page;
        return Response::html(kHomePage);
      },
      true);
  if (web.available()) router.set_fallback([&web](const Request& req) { return web.serve(req); });
  router.add(
      "GET", "/healthz",
      [health](Context&) {
        try {
          return Response::json({{"status", "ok"}, {"schema_version", health()}});
        } catch (const std::exception& e) {
          return Response::json({{"status", "unavailable"}, {"error", e.what()}}, 503);
        }
      },
      true);
  router.add(
      "GET", "/api/openapi.json",
      [](Context&) {
        for (const auto& f : docs_embedded::embedded_files()) {
          if (f.name == "openapi.json") {
            Response r;
            r.body = std::string(f.content);
            return r;
          }
        }
        throw NotFound("http.not_found", "no OpenAPI document");
      },
      true);
}

}  // namespace waihu::http
