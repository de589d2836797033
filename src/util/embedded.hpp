#pragma once
// Text files compiled into the binary (migrations, the OpenAPI document): see cmake/Embed.cmake.
#include <span>
#include <string_view>

namespace waihu::util {
struct EmbeddedFile {
  std::string_view name;
  std::string_view content;
};
}  // namespace waihu::util
