// The check cases again, as spreadsheets: every CSV table of tests/checks/cases/*/ and
// tests/checks/seeds/ is written as an .xlsx with libxlsxwriter, row for row (sheet row N =
// CSV line N), the way a person would type the printed table into Excel: metadata and headings
// as text, numbers as real numbers, percentages and anything that is not a plain number as text.
// `toteuma check` on the .xlsx files must then give exactly expected.csv, with ".csv" file
// names read as ".xlsx": the same findings, lines and values as the CSV path.
#include <gtest/gtest.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <optional>
#include <set>
#include <sstream>

#include "cli/commands.h"
#include "ingest/csv.h"
#include "ingest/printed_table.h"
#include "test_util.h"

namespace toteuma {
namespace {

namespace fs = std::filesystem;

struct XlsxCase {
  std::string name;
  fs::path dir;
};
void PrintTo(const XlsxCase& c, std::ostream* os) { *os << c.name; }

// Cases whose XLSX findings differ from the CSV ones for a reason of the format, not of the
// reader. Each is excluded here with the reason, and stays covered through CSV by checks_test.
const std::set<std::string>& excluded_cases() {
  static const std::set<std::string> excluded = {
      // A ragged row. The CSV's last row "Tuet ja avustukset;1;2" has two value cells under
      // three headings and expects table.ragged_row at line 6. A spreadsheet cannot hold a row
      // that is shorter than another: its third cell is simply empty, so the XLSX path cannot
      // (and should not) report that row as ragged.
      "located_errors",
  };
  return excluded;
}

// A spreadsheet stores no empty cells: a row whose last cells are empty still has every
// column, so it must not come back shorter than the heading row (and be called ragged).
TEST(XlsxRows, TrailingEmptyCellsArePadded) {
  testing::TempDir tmp;
  std::string path = (tmp.path() / "probe.xlsx").string();
  lxw_workbook* wb = workbook_new(path.c_str());
  lxw_worksheet* ws = workbook_add_worksheet(wb, nullptr);
  worksheet_write_string(ws, 0, 1, "TA 2024", nullptr);
  worksheet_write_string(ws, 0, 2, "TP 2024", nullptr);
  worksheet_write_string(ws, 1, 0, "Myyntituotot", nullptr);
  worksheet_write_number(ws, 1, 1, 1000, nullptr);
  ASSERT_EQ(workbook_close(wb), LXW_NO_ERROR);
  PrintedTable t = read_printed_table(path);
  ASSERT_EQ(t.rows.size(), 1u);
  EXPECT_EQ(t.rows[0].cells.size(), t.headings.size());
  EXPECT_EQ(t.rows[0].cells[0], "1000");
  EXPECT_EQ(t.rows[0].cells[1], "");
}

// Issue 13: a cell at column XFD in every row made a 7 kB file take 1 GB in `check --table` and
// a 22 kB one fail with std::bad_alloc. A row keeps the cells under the headings; the stray
// cell makes it ragged (a finding), at the width the sheet has.
TEST(XlsxRows, AStrayCellAtXfdCostsOneCell) {
  testing::TempDir tmp;
  std::string path = (tmp.path() / "wide.xlsx").string();
  lxw_workbook* wb = workbook_new(path.c_str());
  lxw_worksheet* ws = workbook_add_worksheet(wb, nullptr);
  worksheet_write_string(ws, 0, 1, "TA 2024", nullptr);
  worksheet_write_string(ws, 0, 2, "TP 2024", nullptr);
  constexpr int kRows = 5000;  // 5 000 × 16 384 cells would be 80 million strings
  for (lxw_row_t r = 1; r <= kRows; ++r) {
    worksheet_write_string(ws, r, 0, "Myyntituotot", nullptr);
    worksheet_write_number(ws, r, 1, 1000, nullptr);
    worksheet_write_number(ws, r, 16383, 1, nullptr);  // column XFD
  }
  ASSERT_EQ(workbook_close(wb), LXW_NO_ERROR);
  PrintedTable t = read_printed_table(path);
  ASSERT_EQ(t.headings.size(), 2u);
  ASSERT_EQ(t.rows.size(), static_cast<std::size_t>(kRows));
  for (const auto& r : t.rows) {
    ASSERT_EQ(r.cells.size(), 2u);
    EXPECT_EQ(r.cells[0], "1000");
    EXPECT_EQ(r.width, 16383u);  // value columns B..XFD: ragged against two headings
  }
  std::ostringstream out;
  CommandOptions o;
  o.tables = {path};
  o.format = "csv";
  EXPECT_EQ(cmd_check(o, out), 1) << out.str();
  EXPECT_NE(out.str().find("table.ragged_row"), std::string::npos);
}

// A heading further right than a printed table may reach is an input error naming the cell.
TEST(XlsxRows, AHeadingBeyondTheWidestTableIsALocatedError) {
  testing::TempDir tmp;
  std::string path = (tmp.path() / "wide.xlsx").string();
  lxw_workbook* wb = workbook_new(path.c_str());
  lxw_worksheet* ws = workbook_add_worksheet(wb, nullptr);
  worksheet_write_string(ws, 0, 1, "TA 2024", nullptr);
  worksheet_write_string(ws, 0, 16383, "TP 2024", nullptr);
  worksheet_write_string(ws, 1, 0, "Myyntituotot", nullptr);
  ASSERT_EQ(workbook_close(wb), LXW_NO_ERROR);
  try {
    read_printed_table(path);
    FAIL() << "expected an InputError";
  } catch (const InputError& e) {
    EXPECT_EQ(e.file, path);
    EXPECT_EQ(e.line, 1);
    EXPECT_EQ(e.column, "XFD1");
    EXPECT_NE(std::string(e.what()).find("1024"), std::string::npos) << e.what();
  }
}

std::vector<XlsxCase> xlsx_cases() {
  std::vector<XlsxCase> out;
  fs::path root = testing::source_dir() / "tests" / "checks";
  for (const auto& e : fs::directory_iterator(root / "cases"))
    if (e.is_directory() && !excluded_cases().contains(e.path().filename().string()))
      out.push_back({e.path().filename().string(), e.path()});
  out.push_back({"seeds", root / "seeds"});
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
  return out;
}

std::vector<fs::path> csv_tables_in(const fs::path& dir) {
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.path().extension() == ".csv" && e.path().filename() != "expected.csv") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  return files;
}

// The printed text without spaces (plain, no-break, narrow no-break) and with U+2212 as '-'.
std::string strip_printed(const std::string& text) {
  std::string s;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == ' ' || text[i] == '\t') continue;
    if (text.compare(i, 2, "\u00a0") == 0) {
      i += 1;
      continue;
    }
    if (text.compare(i, 3, "\u202f") == 0) {
      i += 2;
      continue;
    }
    if (text.compare(i, 3, "\u2212") == 0) {
      s += '-';
      i += 2;
      continue;
    }
    s += text[i];
  }
  return s;
}

// A plain printed number ("1 935 039", "-1 935 039", "−4 000", "1 234,5") as canonical decimal
// text with a point ("-1234.5": no leading zeros, no trailing zeros of a fraction); nullopt for
// anything else (empty, "93,8 %", "1 1OO"), which is written as text.
std::optional<std::string> plain_number(const std::string& text) {
  std::string s = strip_printed(text);
  std::string sign;
  std::size_t i = 0;
  if (i < s.size() && (s[i] == '-' || s[i] == '+')) sign = s[i++] == '-' ? "-" : "";
  std::string whole, frac;
  for (; i < s.size() && s[i] >= '0' && s[i] <= '9'; ++i) whole += s[i];
  if (i < s.size() && s[i] == ',') {
    for (++i; i < s.size() && s[i] >= '0' && s[i] <= '9'; ++i) frac += s[i];
    if (frac.empty()) return std::nullopt;
  }
  if (whole.empty() || i != s.size()) return std::nullopt;
  whole.erase(0, std::min(whole.find_first_not_of('0'), whole.size() - 1));
  frac.erase(frac.find_last_not_of('0') + 1);
  std::string out = whole + (frac.empty() ? "" : "." + frac);
  return out == "0" ? out : sign + out;
}

bool blank(const std::string& text) { return strip_printed(text).empty(); }

// Same detection as the CSV reader: from the heading row (the first line after the metadata).
char delimiter_of(const std::string& body) {
  std::string head = body.substr(0, body.find('\n'));
  if (head.find('\t') != std::string::npos) return '\t';
  if (head.find(';') != std::string::npos) return ';';
  return ',';
}

// Writes `csv` as `xlsx`, sheet row N = CSV line N.
void write_as_xlsx(const fs::path& csv, const fs::path& xlsx) {
  std::string text = testing::slurp(csv);
  std::size_t pos = text.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0;

  // Closed (written and freed) on every path, also when an assertion returns early.
  struct Close {
    void operator()(lxw_workbook* w) const { workbook_close(w); }
  };
  std::unique_ptr<lxw_workbook, Close> wb(workbook_new(xlsx.string().c_str()));
  ASSERT_NE(wb, nullptr) << xlsx;
  lxw_worksheet* ws = workbook_add_worksheet(wb.get(), nullptr);
  ASSERT_NE(ws, nullptr);
  auto put_text = [&](int line, int col, const std::string& s) {
    ASSERT_EQ(worksheet_write_string(ws, static_cast<lxw_row_t>(line - 1), static_cast<lxw_col_t>(col), s.c_str(),
                                     nullptr),
              LXW_NO_ERROR)
        << csv << ":" << line;
  };

  // Metadata lines "# key: value": the whole line as text in column A.
  int line = 1;
  while (pos < text.size() && text[pos] == '#') {
    std::size_t end = text.find('\n', pos);
    std::string l = text.substr(pos, end == std::string::npos ? std::string::npos : end - pos);
    if (!l.empty() && l.back() == '\r') l.pop_back();
    put_text(line, 0, l);
    ++line;
    pos = end == std::string::npos ? text.size() : end + 1;
  }
  std::string body = text.substr(pos);
  std::vector<CsvRecord> records = parse_csv(body, delimiter_of(body), csv.string());
  for (std::size_t r = 0; r < records.size(); ++r) {
    int row = records[r].line + line - 1;
    const auto& fields = records[r].fields;
    for (std::size_t c = 0; c < fields.size(); ++c) {
      const std::string& f = fields[c];
      if (blank(f)) continue;  // an empty cell is no cell
      // The heading row (the first record) and the label column are text, whatever they say.
      std::optional<std::string> number = r == 0 || c == 0 ? std::nullopt : plain_number(f);
      if (!number) {
        put_text(row, static_cast<int>(c), f);
        continue;
      }
      double value = std::strtod(number->c_str(), nullptr);
      // libxlsxwriter stores a double as "%.16G". The sheet must hold the printed value exactly,
      // or a difference would be the fixture's fault; fail loudly rather than compare noise.
      char stored[64];
      std::snprintf(stored, sizeof stored, "%.16G", value);
      ASSERT_EQ(std::string(stored), *number) << csv << ":" << row << ": '" << f << "' is not stored exactly";
      ASSERT_EQ(worksheet_write_number(ws, static_cast<lxw_row_t>(row - 1), static_cast<lxw_col_t>(c), value, nullptr),
                LXW_NO_ERROR)
          << csv << ":" << row;
    }
  }
  ASSERT_EQ(workbook_close(wb.release()), LXW_NO_ERROR) << xlsx;
}

std::string replace_all(std::string s, const std::string& from, const std::string& to) {
  for (std::size_t p = s.find(from); p != std::string::npos; p = s.find(from, p + to.size())) s.replace(p, from.size(), to);
  return s;
}

TEST(XlsxFixture, ConvertsOnlyPlainPrintedNumbers) {
  EXPECT_EQ(plain_number("1 935 039"), "1935039");
  EXPECT_EQ(plain_number("-1 935 039"), "-1935039");
  EXPECT_EQ(plain_number("\u22124\u00a0000"), "-4000");
  EXPECT_EQ(plain_number("1 234,5"), "1234.5");
  EXPECT_EQ(plain_number("1 234,50"), "1234.5");
  EXPECT_EQ(plain_number("-0"), "0");
  EXPECT_EQ(plain_number("93,8 %"), std::nullopt);
  EXPECT_EQ(plain_number("1 1OO"), std::nullopt);
  EXPECT_EQ(plain_number(""), std::nullopt);
  EXPECT_EQ(plain_number("1,"), std::nullopt);
}

class XlsxCheckFolder : public ::testing::TestWithParam<XlsxCase> {};

TEST_P(XlsxCheckFolder, ReportsTheSameFindingsAsCsv) {
  testing::TempDir tmp;
  CommandOptions o;
  for (const auto& csv : csv_tables_in(GetParam().dir)) {
    fs::path xlsx = tmp.path() / csv.filename().replace_extension(".xlsx");
    write_as_xlsx(csv, xlsx);
    if (HasFatalFailure()) return;
    o.tables.push_back(xlsx.string());
  }
  ASSERT_FALSE(o.tables.empty());
  o.format = "csv";
  std::ostringstream out;
  int status = cmd_check(o, out);
  std::string expected = replace_all(testing::slurp(GetParam().dir / "expected.csv"), ".csv;", ".xlsx;");
  EXPECT_EQ(out.str(), expected);
  bool errors = expected.find("\nerror;") != std::string::npos;
  EXPECT_EQ(status, errors ? 1 : 0);
}

INSTANTIATE_TEST_SUITE_P(Cases, XlsxCheckFolder, ::testing::ValuesIn(xlsx_cases()),
                         [](const auto& info) { return info.param.name; });

}  // namespace
}  // namespace toteuma
