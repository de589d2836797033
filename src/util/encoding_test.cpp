#include "util/encoding.hpp"

#include <gtest/gtest.h>
#include <unicode/ucnv.h>

#include <filesystem>
#include <fstream>

namespace waihu::util {

namespace {
// "单位名称,电话\r\n北京华信科技有限公司,13812345678\r\n" in GBK.
const std::string kGbk =
    "\xB5\xA5\xCE\xBB\xC3\xFB\xB3\xC6,\xB5\xE7\xBB\xB0\r\n"
    "\xB1\xB1\xBE\xA9\xBB\xAA\xD0\xC5\xBF\xC6\xBC\xBC\xD3\xD0\xCF\xDE\xB9\xAB\xCB\xBE,13812345678\r\n";

std::string write_temp(const std::string& content) {
  auto p = std::filesystem::temp_directory_path() / ("enc_" + std::to_string(std::hash<std::string>{}(content)));
  std::ofstream(p, std::ios::binary) << content;
  return p.string();
}

std::string read_all(const std::string& path, Encoding e) {
  Utf8FileReader r(path, e);
  std::string out, chunk;
  while (r.read(chunk)) out += chunk;
  return out;
}
}  // namespace

TEST(Encoding, DetectsUtf8BomGbkAndUtf16) {
  EXPECT_EQ(detect_encoding("单位名称,电话\n"), Encoding::kUtf8);
  EXPECT_EQ(detect_encoding("\xEF\xBB\xBF单位"), Encoding::kUtf8Bom);
  EXPECT_EQ(detect_encoding(kGbk), Encoding::kGb18030);
  EXPECT_EQ(detect_encoding("\xFF\xFE\x55\x53"), Encoding::kUtf16Le);
  EXPECT_EQ(detect_encoding("company,phone\n"), Encoding::kUtf8);
}

TEST(Encoding, ConvertsGbkToUtf8) {
  EXPECT_EQ(to_utf8(kGbk, Encoding::kGb18030), "单位名称,电话\r\n北京华信科技有限公司,13812345678\r\n");
}

TEST(Encoding, FileDetectionSeesGbkAfterALongAsciiStart) {
  // A GBK file whose first megabyte is ASCII must still be detected as GBK.
  std::string content(1500000, 'a');
  content += "\n" + kGbk;
  auto path = write_temp(content);
  EXPECT_EQ(detect_file_encoding(path), Encoding::kGb18030);
  std::string utf8 = read_all(path, Encoding::kGb18030);
  EXPECT_NE(utf8.find("北京华信科技有限公司"), std::string::npos);
  std::filesystem::remove(path);
}

TEST(Encoding, ScanHandlesSequencesSplitAcrossChunks) {
  std::string s = "中文";
  Utf8Scan v;
  v.feed(s.substr(0, 2));
  v.feed(s.substr(2));
  v.finish();
  EXPECT_TRUE(v.valid());
  EXPECT_EQ(v.multibyte(), 2u);
  Utf8Scan truncated;
  truncated.feed(s.substr(0, 4));
  truncated.finish();
  EXPECT_FALSE(truncated.valid());
}

std::string to_gb18030(const std::string& utf8) {
  UErrorCode err = U_ZERO_ERROR;
  std::string out(utf8.size() * 2 + 16, '\0');
  int32_t n = ucnv_convert("GB18030", "UTF-8", out.data(), static_cast<int32_t>(out.size()), utf8.data(),
                           static_cast<int32_t>(utf8.size()), &err);
  out.resize(static_cast<size_t>(n));
  return out;
}

const std::string kSheet =
    "单位名称,联系人,电话,地址,需求\n"
    "北京华信科技有限公司,王伟,13812345678,北京市海淀区中关村大街一号,采购办公系统和呼叫中心软件\n"
    "上海东方电子商务有限公司,李娜,13912345678,上海市浦东新区世纪大道一百号,需要客户关系管理与外呼服务\n"
    "广州南方物流集团,张强,13712345678,广州市天河区体育西路二十号,物流跟踪短信平台，年底前上线\n";

TEST(Encoding, RealGbkTextIsNotMistakenForDamagedUtf8) {
  std::string gbk;
  for (int i = 0; i < 50; ++i) gbk += to_gb18030(kSheet);
  EXPECT_EQ(detect_encoding(gbk), Encoding::kGb18030);
  auto path = write_temp(gbk);
  EXPECT_EQ(detect_file_encoding(path), Encoding::kGb18030);
  std::filesystem::remove(path);
}

TEST(Encoding, Utf8WithOneBadByteIsReportedWithLineAndByte) {
  std::string text = kSheet;
  size_t at = text.find("李娜");  // line 3
  text.insert(at, "\xFF");
  try {
    detect_encoding(text);
    FAIL() << "damaged UTF-8 taken as something else";
  } catch (const DamagedUtf8& e) {
    EXPECT_EQ(e.line, 3u);
    EXPECT_EQ(e.byte, at + 1);
  }
  auto path = write_temp(text);
  EXPECT_THROW(detect_file_encoding(path), DamagedUtf8);
  std::filesystem::remove(path);
  // A truncated character at the very end counts too.
  std::string cut = kSheet + "王";
  cut.pop_back();
  EXPECT_THROW(detect_encoding(cut), DamagedUtf8);
}

TEST(Encoding, ReaderDropsBom) {
  auto path = write_temp(
      "\xEF\xBB\xBF"
      "公司,电话\n");
  EXPECT_EQ(read_all(path, detect_file_encoding(path)), "公司,电话\n");
  std::filesystem::remove(path);
}

}  // namespace waihu::util
