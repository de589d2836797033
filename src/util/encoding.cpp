#include "util/encoding.hpp"

#include <unicode/ucnv.h>

#include <fstream>
#include <stdexcept>
#include <vector>

#include "util/strings.hpp"

namespace waihu::util {

namespace {
constexpr size_t kChunk = 1 << 20;

const char* icu_name(Encoding e) {
  switch (e) {
    case Encoding::kGb18030:
      return "GB18030";
    case Encoding::kUtf16Le:
      return "UTF-16LE";
    case Encoding::kUtf16Be:
      return "UTF-16BE";
    default:
      return nullptr;
  }
}

size_t bom_size(std::string_view head, Encoding e) {
  if (e == Encoding::kUtf8Bom && head.starts_with("\xEF\xBB\xBF")) return 3;
  if (e == Encoding::kUtf16Le && head.starts_with("\xFF\xFE")) return 2;
  if (e == Encoding::kUtf16Be && head.starts_with("\xFE\xFF")) return 2;
  return 0;
}

Encoding from_bom(std::string_view head) {
  if (head.starts_with("\xEF\xBB\xBF")) return Encoding::kUtf8Bom;
  if (head.starts_with("\xFF\xFE")) return Encoding::kUtf16Le;
  if (head.starts_with("\xFE\xFF")) return Encoding::kUtf16Be;
  return Encoding::kUtf8;
}
}  // namespace

std::string_view encoding_name(Encoding e) {
  switch (e) {
    case Encoding::kUtf8:
      return "UTF-8";
    case Encoding::kUtf8Bom:
      return "UTF-8 (BOM)";
    case Encoding::kGb18030:
      return "GB18030";
    case Encoding::kUtf16Le:
      return "UTF-16LE";
    case Encoding::kUtf16Be:
      return "UTF-16BE";
  }
  return "UTF-8";
}

void Utf8Scan::bad() {
  ++malformed_;
  if (!bad_line_) {
    bad_line_ = seq_line_;
    bad_byte_ = seq_byte_;
  }
  need_ = 0;
}

void Utf8Scan::lead(unsigned char c) {
  seq_line_ = line_;
  seq_byte_ = offset_;
  if (c < 0x80) {
    if (c == '\n') ++line_;
  } else if (c >= 0xC2 && c <= 0xDF) {
    need_ = 1, cp_ = c & 0x1F, min_ = 0x80;
  } else if (c >= 0xE0 && c <= 0xEF) {
    need_ = 2, cp_ = c & 0x0F, min_ = 0x800;
  } else if (c >= 0xF0 && c <= 0xF4) {
    need_ = 3, cp_ = c & 0x07, min_ = 0x10000;
  } else {
    bad();
  }
}

void Utf8Scan::feed(std::string_view bytes) {
  for (char ch : bytes) {
    auto c = static_cast<unsigned char>(ch);
    ++offset_;
    if (need_ == 0) {
      lead(c);
      continue;
    }
    if ((c & 0xC0) != 0x80) {
      bad();    // the open sequence is broken...
      lead(c);  // ...and this byte starts whatever comes next
      continue;
    }
    cp_ = (cp_ << 6) | (c & 0x3F);
    if (--need_ == 0) {
      bool ok = cp_ >= min_ && cp_ <= 0x10FFFF && !(cp_ >= 0xD800 && cp_ <= 0xDFFF);
      if (ok) {
        ++multibyte_;
      } else {
        bad();
      }
    }
  }
}

void Utf8Scan::finish() {
  if (need_ > 0) bad();
}

Utf8Verdict utf8_verdict(const Utf8Scan& scan) {
  if (scan.valid()) return Utf8Verdict::kUtf8;
  // GBK text breaks UTF-8 on nearly every character; a UTF-8 file with damage has far more good sequences than bad.
  if (scan.multibyte() >= 3 && scan.multibyte() >= 8 * scan.malformed()) return Utf8Verdict::kDamagedUtf8;
  return Utf8Verdict::kNotUtf8;
}

namespace {
Encoding decide(const Utf8Scan& scan) {
  switch (utf8_verdict(scan)) {
    case Utf8Verdict::kUtf8:
      return Encoding::kUtf8;
    case Utf8Verdict::kDamagedUtf8:
      throw DamagedUtf8(scan.first_bad_line(), scan.first_bad_byte());
    case Utf8Verdict::kNotUtf8:
      break;
  }
  return Encoding::kGb18030;
}
}  // namespace

Encoding detect_encoding(std::string_view text) {
  Encoding bom = from_bom(text);
  if (bom != Encoding::kUtf8) return bom;
  Utf8Scan scan;
  scan.feed(text);
  scan.finish();
  return decide(scan);
}

Encoding detect_file_encoding(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot open " + path);
  std::vector<char> buf(kChunk);
  Utf8Scan scan;
  bool first = true;
  while (in) {
    in.read(buf.data(), static_cast<std::streamsize>(buf.size()));
    std::string_view chunk(buf.data(), static_cast<size_t>(in.gcount()));
    if (chunk.empty()) break;
    if (first) {
      first = false;
      Encoding bom = from_bom(chunk);
      if (bom != Encoding::kUtf8) return bom;
    }
    scan.feed(chunk);
    // Clearly not UTF-8: no need to read the rest.
    if (scan.malformed() >= 64 && scan.multibyte() < 8 * scan.malformed()) return Encoding::kGb18030;
  }
  scan.finish();
  return decide(scan);
}

struct Utf8FileReader::Impl {
  std::ifstream in;
  Encoding enc;
  bool first = true;
  bool done = false;
  UConverter* from = nullptr;
  UConverter* to = nullptr;
  std::vector<UChar> pivot = std::vector<UChar>(8192);
  UChar* pivot_source = nullptr;
  UChar* pivot_target = nullptr;
  std::vector<char> raw = std::vector<char>(kChunk);
};

Utf8FileReader::Utf8FileReader(const std::string& path, Encoding enc) : impl_(std::make_unique<Impl>()) {
  impl_->in.open(path, std::ios::binary);
  if (!impl_->in) throw std::runtime_error("cannot open " + path);
  impl_->enc = enc;
  if (const char* name = icu_name(enc)) {
    UErrorCode err = U_ZERO_ERROR;
    impl_->from = ucnv_open(name, &err);
    impl_->to = ucnv_open("UTF-8", &err);
    if (U_FAILURE(err)) throw std::runtime_error(std::string("no converter for ") + name);
    impl_->pivot_source = impl_->pivot_target = impl_->pivot.data();
  }
}

Utf8FileReader::~Utf8FileReader() {
  if (impl_->from) ucnv_close(impl_->from);
  if (impl_->to) ucnv_close(impl_->to);
}

bool Utf8FileReader::read(std::string& out) {
  out.clear();
  Impl& s = *impl_;
  if (s.done) return false;
  s.in.read(s.raw.data(), static_cast<std::streamsize>(s.raw.size()));
  size_t got = static_cast<size_t>(s.in.gcount());
  bool last = got < s.raw.size();
  std::string_view chunk(s.raw.data(), got);
  if (s.first) {
    s.first = false;
    chunk.remove_prefix(bom_size(chunk, s.enc));
  }
  if (!s.from) {
    out.assign(chunk);
  } else {
    // ICU keeps partial multi-byte sequences in the converter state between calls.
    const char* src = chunk.data();
    const char* src_end = src + chunk.size();
    std::string buf(chunk.size() * 2 + 64, '\0');
    for (;;) {
      char* dst = buf.data();
      UErrorCode err = U_ZERO_ERROR;
      ucnv_convertEx(s.to, s.from, &dst, buf.data() + buf.size(), &src, src_end, s.pivot.data(), &s.pivot_source,
                     &s.pivot_target, s.pivot.data() + s.pivot.size(), false, last, &err);
      out.append(buf.data(), static_cast<size_t>(dst - buf.data()));
      if (err == U_BUFFER_OVERFLOW_ERROR) continue;
      if (U_FAILURE(err)) throw std::runtime_error("text conversion failed");
      break;
    }
  }
  if (last) s.done = true;
  return !out.empty() || !s.done;
}

std::string to_utf8(std::string_view bytes, Encoding enc) {
  bytes.remove_prefix(bom_size(bytes, enc));
  const char* name = icu_name(enc);
  if (!name) return std::string(bytes);
  UErrorCode err = U_ZERO_ERROR;
  std::string out(bytes.size() * 2 + 16, '\0');
  int32_t n = ucnv_convert("UTF-8", name, out.data(), static_cast<int32_t>(out.size()), bytes.data(),
                           static_cast<int32_t>(bytes.size()), &err);
  if (err == U_BUFFER_OVERFLOW_ERROR) {
    err = U_ZERO_ERROR;
    out.resize(static_cast<size_t>(n) + 1);
    n = ucnv_convert("UTF-8", name, out.data(), static_cast<int32_t>(out.size()), bytes.data(),
                     static_cast<int32_t>(bytes.size()), &err);
  }
  if (U_FAILURE(err)) throw std::runtime_error("text conversion failed");
  out.resize(static_cast<size_t>(n));
  return out;
}

}  // namespace waihu::util
