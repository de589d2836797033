#pragma once
// Text files from Chinese offices: UTF-8 (with or without BOM), GBK/GB18030 from Excel, UTF-16 "Unicode text".
// Detects the encoding of a file and reads it back as UTF-8 in chunks, so a large file never sits in memory whole.
#include <cstdio>
#include <memory>
#include <string>
#include <string_view>

namespace waihu::util {

enum class Encoding { kUtf8, kUtf8Bom, kGb18030, kUtf16Le, kUtf16Be };

/// "UTF-8", "UTF-8 (BOM)", "GB18030", "UTF-16LE", "UTF-16BE".
std::string_view encoding_name(Encoding e);

/// Feeds bytes in order; says at the end whether they were valid UTF-8. Sequences may span chunks.
class Utf8Validator {
 public:
  void feed(std::string_view bytes);
  /// True when every byte fed so far forms valid UTF-8 with no sequence left open.
  bool finish_valid() const { return valid_ && carry_.empty(); }
  bool valid_so_far() const { return valid_; }

 private:
  std::string carry_;
  bool valid_ = true;
};

/// BOM first; then valid UTF-8 means UTF-8, anything else is taken as GB18030 (a superset of GBK and GB2312).
Encoding detect_encoding(std::string_view whole_text);
/// Same decision for a file, read in chunks. Throws std::runtime_error when the file cannot be read.
Encoding detect_file_encoding(const std::string& path);

/// Reads a file as UTF-8 chunks, converting from its encoding and dropping a BOM.
class Utf8FileReader {
 public:
  Utf8FileReader(const std::string& path, Encoding enc);
  ~Utf8FileReader();
  Utf8FileReader(const Utf8FileReader&) = delete;
  Utf8FileReader& operator=(const Utf8FileReader&) = delete;
  /// Replaces `out` with the next chunk; false at end of file.
  bool read(std::string& out);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

/// Converts a whole string to UTF-8 (BOM dropped).
std::string to_utf8(std::string_view bytes, Encoding enc);

}  // namespace waihu::util
