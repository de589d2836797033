#include "util/encoding.hpp"

#include <gtest/gtest.h>

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

TEST(Encoding, ValidatorHandlesSequencesSplitAcrossChunks) {
  std::string s = "中文";
  Utf8Validator v;
  v.feed(s.substr(0, 2));
  v.feed(s.substr(2));
  EXPECT_TRUE(v.finish_valid());
  Utf8Validator truncated;
  truncated.feed(s.substr(0, 4));
  EXPECT_FALSE(truncated.finish_valid());
}

TEST(Encoding, ReaderDropsBom) {
  auto path = write_temp(
      "\xEF\xBB\xBF"
      "公司,电话\n");
  EXPECT_EQ(read_all(path, detect_file_encoding(path)), "公司,电话\n");
  std::filesystem::remove(path);
}

}  // namespace waihu::util
