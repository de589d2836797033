#pragma once
// The web app's files (the Vite build in web/dist), served by `waihu serve` itself: hashed assets cached for a
// year, index.html never cached, precompressed .br/.gz files when the browser accepts them, and index.html for
// any other path that is not the API (the app's own routes: /customers, /admin/users …).
#include <optional>
#include <string>

#include "http/message.hpp"

namespace waihu::http {

class WebApp {
 public:
  /// `root`: the build output directory; an app without index.html serves nothing.
  explicit WebApp(std::string root);
  bool available() const { return available_; }
  const std::string& root() const { return root_; }
  /// The file answering a GET of `req.path`, or nullopt (an API path, a missing asset, a path escaping root).
  std::optional<Response> serve(const Request& req) const;

 private:
  std::string root_;
  bool available_ = false;
};

/// Where the build is: `configured` when given, else web/dist beside the binary's build directory, else
/// ./web/dist. May name a directory without a build (then WebApp::available() is false).
std::string find_web_root(const std::string& configured);

}  // namespace waihu::http
