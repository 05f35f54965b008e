#include "api/csv.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace knooppunt::api {
namespace {

using Rows = std::vector<std::vector<std::string>>;

TEST(ReadCsv, ReadsHeaderAndRows) {
  auto table = ReadCsv("id,name\n1,Voedselbank\n2,Kledingbank\n");
  ASSERT_TRUE(table.ok()) << table.error().message;
  EXPECT_EQ(table->header, (std::vector<std::string>{"id", "name"}));
  EXPECT_EQ(table->rows, (Rows{{"1", "Voedselbank"}, {"2", "Kledingbank"}}));
  EXPECT_EQ(table->row_lines, (std::vector<int64_t>{2, 3}));
}

TEST(ReadCsv, UnquotesQuotedFieldsWithEscapedQuotesAndCommas) {
  auto table = ReadCsv("a,b\n\"say \"\"hi\"\", then go\",\"\"\n");
  ASSERT_TRUE(table.ok()) << table.error().message;
  EXPECT_EQ(table->rows, (Rows{{"say \"hi\", then go", ""}}));
}

TEST(ReadCsv, KeepsLineBreaksInsideQuotesAndCountsLines) {
  auto table = ReadCsv("a,b\n\"one\ntwo\r\nthree\",x\nlast,y\n");
  ASSERT_TRUE(table.ok()) << table.error().message;
  EXPECT_EQ(table->rows, (Rows{{"one\ntwo\r\nthree", "x"}, {"last", "y"}}));
  EXPECT_EQ(table->row_lines, (std::vector<int64_t>{2, 5}));
}

TEST(ReadCsv, AcceptsCrlfLineEnds) {
  auto table = ReadCsv("a,b\r\n1,2\r\n3,4\r\n");
  ASSERT_TRUE(table.ok()) << table.error().message;
  EXPECT_EQ(table->rows, (Rows{{"1", "2"}, {"3", "4"}}));
  EXPECT_EQ(table->row_lines, (std::vector<int64_t>{2, 3}));
}

TEST(ReadCsv, SkipsByteOrderMarkAndBlankLines) {
  auto table = ReadCsv("\xEF\xBB\xBFid,name\n\n1,a\n\n");
  ASSERT_TRUE(table.ok()) << table.error().message;
  EXPECT_EQ(table->header.front(), "id");
  EXPECT_EQ(table->rows, (Rows{{"1", "a"}}));
  EXPECT_EQ(table->row_lines, (std::vector<int64_t>{3}));
}

TEST(ReadCsv, AcceptsLastLineWithoutLineEnd) {
  auto table = ReadCsv("a,b\n1,\"2\"");
  ASSERT_TRUE(table.ok()) << table.error().message;
  EXPECT_EQ(table->rows, (Rows{{"1", "2"}}));
}

TEST(ReadCsv, KeepsEmptyFieldsAndSpaces) {
  auto table = ReadCsv("a,b,c\n, x ,\n");
  ASSERT_TRUE(table.ok()) << table.error().message;
  EXPECT_EQ(table->rows, (Rows{{"", " x ", ""}}));
}

TEST(ReadCsv, RefusesTruncatedQuoteNamingTheLineItStarts) {
  auto table = ReadCsv("a,b\n1,2\n3,\"cut\nshort");
  ASSERT_FALSE(table.ok());
  EXPECT_EQ(table.error().code, ErrorCode::kInvalidArgument);
  EXPECT_NE(table.error().message.find("line 3"), std::string::npos) << table.error().message;
  EXPECT_NE(table.error().message.find("never closed"), std::string::npos);
}

TEST(ReadCsv, RefusesRaggedRowNamingTheLine) {
  auto table = ReadCsv("a,b\n1,2\n3,4,5\n");
  ASSERT_FALSE(table.ok());
  EXPECT_NE(table.error().message.find("line 3"), std::string::npos) << table.error().message;
  EXPECT_NE(table.error().message.find("3 fields"), std::string::npos);
}

TEST(ReadCsv, RefusesInvalidUtf8NamingTheLine) {
  auto table = ReadCsv("a\nok\n\xC3\x28\n");
  ASSERT_FALSE(table.ok());
  EXPECT_NE(table.error().message.find("line 3"), std::string::npos) << table.error().message;
  EXPECT_NE(table.error().message.find("UTF-8"), std::string::npos);
}

TEST(ReadCsv, RefusesNulByte) {
  auto table = ReadCsv(std::string("a\nx\0y\n", 6));
  ASSERT_FALSE(table.ok());
  EXPECT_NE(table.error().message.find("line 2"), std::string::npos) << table.error().message;
  EXPECT_NE(table.error().message.find("NUL"), std::string::npos);
}

TEST(ReadCsv, RefusesDuplicateColumnName) {
  auto table = ReadCsv("id,name,id\n1,2,3\n");
  ASSERT_FALSE(table.ok());
  EXPECT_NE(table.error().message.find("line 1"), std::string::npos);
  EXPECT_NE(table.error().message.find("\"id\""), std::string::npos) << table.error().message;
}

TEST(ReadCsv, RefusesTextAfterClosingQuote) {
  auto table = ReadCsv("a,b\n\"x\"y,2\n");
  ASSERT_FALSE(table.ok());
  EXPECT_NE(table.error().message.find("line 2"), std::string::npos) << table.error().message;
}

TEST(ReadCsv, RefusesEmptyFile) {
  EXPECT_FALSE(ReadCsv("").ok());
  EXPECT_FALSE(ReadCsv("\xEF\xBB\xBF\n\n").ok());
}

TEST(ReadCsv, RefusesFieldOverOneMebibyte) {
  std::string big(kMaxCsvFieldBytes + 1, 'x');
  EXPECT_FALSE(ReadCsv("a\n" + big + "\n").ok());
  EXPECT_FALSE(ReadCsv("a\n\"" + big + "\"\n").ok());
  EXPECT_TRUE(ReadCsv("a\n" + big.substr(1) + "\n").ok());
}

TEST(ReadCsv, RefusesMoreThanAMillionRows) {
  std::string text = "a\n";
  for (std::size_t i = 0; i <= kMaxCsvRows; ++i) text += "1\n";
  auto table = ReadCsv(text);
  ASSERT_FALSE(table.ok());
  EXPECT_NE(table.error().message.find("line " + std::to_string(kMaxCsvRows + 2)),
            std::string::npos)
      << table.error().message;
}

TEST(WriteCsvRow, QuotesOnlyWhenNeeded) {
  std::vector<std::string> fields = {"plain", "a,b", "say \"hi\"", " lead", "trail ", "", "x\ny"};
  EXPECT_EQ(WriteCsvRow(fields),
            "plain,\"a,b\",\"say \"\"hi\"\"\",\" lead\",\"trail \",,\"x\ny\"\n");
}

TEST(WriteCsvRow, QuotesALoneEmptyFieldSoTheLineIsNotBlank) {
  std::vector<std::string> fields = {""};
  EXPECT_EQ(WriteCsvRow(fields), "\"\"\n");
}

TEST(WriteCsvRow, RoundTripsTrickyStrings) {
  std::vector<std::string> header = {"a", "b", "c", "d"};
  std::vector<std::vector<std::string>> rows = {
      {"\"", "\"\"", ",", "\r\n"},
      {" ", "\t tab", "Ünïcödé — ✓ 🙂", "line1\rline2"},
      {"", "=1+1", "'quoted'", "trailing\n"},
  };
  std::string text = WriteCsvRow(header);
  for (const auto& row : rows) text += WriteCsvRow(row);
  auto table = ReadCsv(text);
  ASSERT_TRUE(table.ok()) << table.error().message;
  EXPECT_EQ(table->header, header);
  EXPECT_EQ(table->rows, rows);
}

TEST(FindInvalidUtf8, AcceptsWellFormedAndRejectsMalformedSequences) {
  EXPECT_FALSE(FindInvalidUtf8("plain ascii, é, €, 🙂").has_value());
  EXPECT_EQ(FindInvalidUtf8("ab\xC0\xAF"), 2u);         // overlong '/'
  EXPECT_EQ(FindInvalidUtf8("\xED\xA0\x80"), 0u);       // a surrogate
  EXPECT_EQ(FindInvalidUtf8("x\xF4\x90\x80\x80"), 1u);  // above U+10FFFF
  EXPECT_EQ(FindInvalidUtf8("x\xE2\x82"), 1u);          // cut short
  EXPECT_EQ(FindInvalidUtf8("\x80"), 0u);               // a lone continuation byte
}

}  // namespace
}  // namespace knooppunt::api
