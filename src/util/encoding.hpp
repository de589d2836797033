#pragma once
// Text files from Chinese offices: UTF-8 (with or without BOM), GBK/GB18030 from Excel, UTF-16 "Unicode text".
// Detects the encoding of a file and reads it back as UTF-8 in chunks, so a large file never sits in memory whole.
#include <cstdio>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>

namespace waihu::util {

enum class Encoding { kUtf8, kUtf8Bom, kGb18030, kUtf16Le, kUtf16Be };

/// "UTF-8", "UTF-8 (BOM)", "GB18030", "UTF-16LE", "UTF-16BE".
std::string_view encoding_name(Encoding e);

/// Feeds bytes in order and keeps what tells UTF-8 apart: how many well-formed multi-byte sequences and how many
/// malformed ones, and where the first malformed one starts. Sequences may span chunks.
class Utf8Scan {
 public:
  void feed(std::string_view bytes);
  /// Ends the input: a sequence left open counts as malformed.
  void finish();
  bool valid() const { return malformed_ == 0 && need_ == 0; }
  size_t multibyte() const { return multibyte_; }
  size_t malformed() const { return malformed_; }
  /// 1-based line and 1-based byte offset (from the start of the input) of the first malformed sequence.
  size_t first_bad_line() const { return bad_line_; }
  size_t first_bad_byte() const { return bad_byte_; }

 private:
  void lead(unsigned char c);
  void bad();
  size_t offset_ = 0;  // bytes consumed
  size_t line_ = 1;
  int need_ = 0;  // continuation bytes still expected
  unsigned cp_ = 0, min_ = 0;
  size_t seq_line_ = 0, seq_byte_ = 0;
  size_t multibyte_ = 0, malformed_ = 0;
  size_t bad_line_ = 0, bad_byte_ = 0;
};

/// What a scan says: UTF-8, not UTF-8 at all (GB18030), or UTF-8 with a few damaged bytes — text full of
/// well-formed sequences and only a few broken ones is a UTF-8 file with damage, not a GBK file.
enum class Utf8Verdict { kUtf8, kNotUtf8, kDamagedUtf8 };
Utf8Verdict utf8_verdict(const Utf8Scan& scan);

/// A UTF-8 file with damaged bytes: where the first one is.
struct DamagedUtf8 : std::runtime_error {
  DamagedUtf8(size_t line_no, size_t byte_no) : std::runtime_error("damaged UTF-8"), line(line_no), byte(byte_no) {}
  size_t line, byte;
};

/// BOM first; then valid UTF-8 means UTF-8, text that is not UTF-8 at all is taken as GB18030 (a superset of GBK
/// and GB2312). Throws DamagedUtf8 for UTF-8 with a few broken bytes.
Encoding detect_encoding(std::string_view whole_text);
/// Same decision for a file, read in chunks. Throws DamagedUtf8 as above, std::runtime_error when the file cannot
/// be read.
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
