#include "http/web_app.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace waihu::http {

namespace {
struct Build {
  std::filesystem::path dir = std::filesystem::temp_directory_path() / "waihu-web-test";
  Build() {
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir / "assets");
    for (auto [name, text] : {std::pair{"index.html", "<html>app</html>"}, std::pair{"assets/app-1a2b.js", "js"},
                              std::pair{"assets/app-1a2b.js.br", "br"}, std::pair{"assets/app-1a2b.js.gz", "gz"}}) {
      std::ofstream(dir / name) << text;
    }
    std::ofstream(dir.parent_path() / "secret.txt") << "secret";
  }
  ~Build() { std::filesystem::remove_all(dir); }
};
Request get(const std::string& path, const std::string& encodings = "") {
  Request r;
  r.method = "GET";
  r.path = path;
  if (!encodings.empty()) r.headers["accept-encoding"] = encodings;
  return r;
}
std::string header(const Response& r, const std::string& name) {
  for (const auto& [k, v] : r.headers) {
    if (k == name) return v;
  }
  return "";
}
}  // namespace

TEST(WebApp, ServesTheAppForItsRoutesAndNeverForTheApi) {
  Build b;
  WebApp web(b.dir.string());
  ASSERT_TRUE(web.available());
  for (const char* path : {"/", "/customers", "/admin/users/7"}) {
    auto r = web.serve(get(path));
    ASSERT_TRUE(r) << path;
    EXPECT_EQ(std::filesystem::path(r->file_path).filename(), "index.html") << path;
    EXPECT_EQ(header(*r, "Cache-Control"), "no-cache");
  }
  EXPECT_FALSE(web.serve(get("/api/v1/customers")));
  EXPECT_FALSE(web.serve(get("/assets/missing-9z.js")));
  auto post = get("/customers");
  post.method = "POST";
  EXPECT_FALSE(web.serve(post));
}

TEST(WebApp, HashedAssetsAreCachedAndSentPrecompressed) {
  Build b;
  WebApp web(b.dir.string());
  auto plain = web.serve(get("/assets/app-1a2b.js"));
  ASSERT_TRUE(plain);
  EXPECT_EQ(header(*plain, "Cache-Control"), "public, max-age=31536000, immutable");
  EXPECT_EQ(header(*plain, "Content-Encoding"), "");
  EXPECT_EQ(plain->content_type, "text/javascript; charset=utf-8");
  auto br = web.serve(get("/assets/app-1a2b.js", "gzip, deflate, br"));
  EXPECT_EQ(header(*br, "Content-Encoding"), "br");
  EXPECT_TRUE(br->file_path.ends_with(".br"));
  auto gz = web.serve(get("/assets/app-1a2b.js", "gzip"));
  EXPECT_EQ(header(*gz, "Content-Encoding"), "gzip");
}

TEST(WebApp, PathsCannotLeaveTheBuild) {
  Build b;
  WebApp web(b.dir.string());
  EXPECT_FALSE(web.serve(get("/../secret.txt")));
  EXPECT_FALSE(web.serve(get("/assets/../../secret.txt")));
  EXPECT_FALSE(WebApp((b.dir / "nothing-here").string()).available());
}

}  // namespace waihu::http
