// The OpenAPI document (docs/openapi.json, served at /api/openapi.json) lists every registered route, and
// nothing that is not one.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>

#include "app/app.hpp"
#include "util/embedded.hpp"

namespace waihu::docs_embedded {
std::span<const waihu::util::EmbeddedFile> embedded_files();
}

namespace waihu::app {

TEST(OpenApi, EveryRouteIsDocumentedAndEveryDocumentedRouteExists) {
  auto dir = std::filesystem::temp_directory_path() / "waihu-openapi-test";
  App a(Config{dir.string(), "", 1});
  http::Router router;
  a.register_routes(router);
  nlohmann::json doc;
  for (const auto& f : docs_embedded::embedded_files()) {
    if (f.name == "openapi.json") doc = nlohmann::json::parse(f.content);
  }
  ASSERT_TRUE(doc.contains("paths"));
  EXPECT_EQ(doc["openapi"].get<std::string>().substr(0, 2), "3.");
  std::set<std::string> registered, documented;
  for (const auto& r : router.routes()) {
    std::string method = r.method;
    for (auto& ch : method) ch = static_cast<char>(std::tolower(ch));
    registered.insert(method + " " + r.pattern);
  }
  for (const auto& [path, ops] : doc["paths"].items()) {
    for (const auto& [method, op] : ops.items()) {
      documented.insert(method + " " + path);
      EXPECT_TRUE(op.contains("responses")) << method << " " << path;
    }
  }
  for (const auto& r : registered) EXPECT_TRUE(documented.count(r)) << "not documented: " << r;
  for (const auto& d : documented) EXPECT_TRUE(registered.count(d)) << "documented but not served: " << d;
  std::filesystem::remove_all(dir);
}

}  // namespace waihu::app
