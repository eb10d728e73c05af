// The strict CSV rule (ingest/csv.h) as the dataset files meet it: what is read, and every
// malformation refused at its line and column instead of being guessed at.
#include "ingest/csv.h"

#include <gtest/gtest.h>

#include <ostream>

namespace toteuma {
namespace {

struct Good {
  const char* name;
  std::string text;
  std::vector<std::vector<std::string>> records;
  std::vector<int> lines;
};
void PrintTo(const Good& g, std::ostream* os) { *os << g.name; }

class CsvReads : public ::testing::TestWithParam<Good> {};

TEST_P(CsvReads, TheFieldsAsWritten) {
  const Good& g = GetParam();
  auto recs = parse_csv(g.text, ';', "t.csv");
  std::vector<std::vector<std::string>> fields;
  std::vector<int> lines;
  for (const auto& r : recs) {
    fields.push_back(r.fields);
    lines.push_back(r.line);
  }
  EXPECT_EQ(fields, g.records);
  EXPECT_EQ(lines, g.lines);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, CsvReads,
    ::testing::Values(Good{"lf", "a;b\n1;2\n", {{"a", "b"}, {"1", "2"}}, {1, 2}},
                      Good{"crlf_and_no_final_break", "a;b\r\n1;2", {{"a", "b"}, {"1", "2"}}, {1, 2}},
                      Good{"bom_and_blank_lines", "\xEF\xBB\xBF" "a;b\n\n\r\n1;2\n", {{"a", "b"}, {"1", "2"}}, {1, 4}},
                      Good{"quoted_delimiter_quote_and_breaks", "a;b\n\"x;\"\"y\"\"\r\nz\";\"\"\n3;4\n",
                           {{"a", "b"}, {"x;\"y\"\r\nz", ""}, {"3", "4"}}, {1, 2, 4}},
                      Good{"empty_fields", ";\n;;\n", {{"", ""}, {"", "", ""}}, {1, 2}}),
    [](const auto& info) { return std::string(info.param.name); });

struct Bad {
  const char* name;
  std::string text;
  int line;
  std::string column;  // named by the header
  std::string expected;  // a part of the English message
};
void PrintTo(const Bad& b, std::ostream* os) { *os << b.name; }

class CsvRefuses : public ::testing::TestWithParam<Bad> {};

TEST_P(CsvRefuses, AtItsLineAndColumn) {
  const Bad& b = GetParam();
  try {
    parse_csv(b.text, ';', "t.csv");
    FAIL() << "expected an InputError";
  } catch (const InputError& e) {
    EXPECT_EQ(e.file, "t.csv");
    EXPECT_EQ(e.line, b.line) << e.what();
    EXPECT_EQ(e.column, b.column) << e.what();
    std::string what = e.what();
    EXPECT_NE(what.find(b.expected), std::string::npos) << what;
    EXPECT_NE(what.find(" / "), std::string::npos) << "Finnish and Swedish too: " << what;
  }
}

INSTANTIATE_TEST_SUITE_P(
    Cases, CsvRefuses,
    ::testing::Values(
        // The quote on line 3 would take lines 4 and 5 into one field.
        Bad{"unterminated_quote", "id;name\nx;a\ny;\"b\nz;c\nw;d\n", 3, "name", "expected a closing quote"},
        Bad{"text_after_closing_quote", "id;name\nx;\"a\"b\n", 2, "name", "expected the delimiter or the end of the line"},
        Bad{"quote_inside_plain_field", "id;name\nx;a\"b\"\n", 2, "name", "quote inside an unquoted field"},
        Bad{"cr_only_line_ends", "id;name\rx;a\ry;b\r", 1, "", "carriage return (CR) without a line feed"},
        Bad{"lone_cr_in_a_row", "id;name\nx;a\rb\n", 2, "name", "carriage return (CR) without a line feed"},
        Bad{"quote_in_header", "id;na\"me\nx;a\n", 1, "", "quote inside an unquoted field"}),
    [](const auto& info) { return std::string(info.param.name); });

// The dataset files' table reader applies the same rule.
TEST(CsvTableStrict, RefusesAnUnterminatedQuoteNamingTheColumn) {
  try {
    CsvTable("id;name\nx;\"a\ny;b\n", "units.csv", {"id", "name"});
    FAIL() << "expected an InputError";
  } catch (const InputError& e) {
    EXPECT_EQ(e.line, 2);
    EXPECT_EQ(e.column, "name");
  }
}

}  // namespace
}  // namespace toteuma
