// The .xlsx reader against workbooks built here with libzip, part by part, so the repository
// holds no binary fixtures and each test shows exactly the XML it reads.
#include "ingest/xlsx/xlsx_reader.h"

#include <gtest/gtest.h>
#include <zip.h>

#include <array>
#include <map>
#include <ostream>

#include "test_util.h"

namespace toteuma::xlsx {

// Readable failure output for row comparisons.
void PrintTo(const SheetRow& r, std::ostream* os) {
  *os << "{row " << r.row << ":";
  for (const auto& c : r.cells) *os << " " << column_letters(c.column) << "=\"" << c.text << "\"";
  *os << "}";
}

namespace {

// A row as the texts of columns A.. to its last cell, for comparing with what a sheet shows.
struct Dense {
  int row = 0;
  std::vector<std::string> cells;
  bool operator==(const Dense&) const = default;
};
void PrintTo(const Dense& r, std::ostream* os) {
  *os << "{row " << r.row << ":";
  for (const auto& c : r.cells) *os << " \"" << c << "\"";
  *os << "}";
}
Dense dense(const SheetRow& r) { return {r.row, r.dense(r.width())}; }
std::vector<Dense> dense(const std::vector<SheetRow>& rows) {
  std::vector<Dense> out;
  for (const auto& r : rows) out.push_back(dense(r));
  return out;
}

namespace fs = std::filesystem;
using Parts = std::map<std::string, std::string>;  // part name -> content

const std::string kDecl = R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)" "\n";
const std::string kMainNs = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const std::string kRelNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

std::string worksheet(const std::string& sheet_data) {
  return kDecl + R"(<worksheet xmlns=")" + kMainNs + R"(" xmlns:r=")" + kRelNs + R"("><sheetData>)" +
         sheet_data + "</sheetData></worksheet>";
}

// `sheets` are (name, relationship id) in workbook order.
std::string workbook(const std::vector<std::pair<std::string, std::string>>& sheets) {
  std::string s = kDecl + R"(<workbook xmlns=")" + kMainNs + R"(" xmlns:r=")" + kRelNs + R"("><sheets>)";
  int n = 1;
  for (const auto& [name, id] : sheets)
    s += R"(<sheet name=")" + name + R"(" sheetId=")" + std::to_string(n++) + R"(" r:id=")" + id + R"("/>)";
  return s + "</sheets></workbook>";
}

// `rels` are (id, type suffix, target).
std::string relationships(const std::vector<std::array<std::string, 3>>& rels) {
  std::string s = kDecl + R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)";
  for (const auto& [id, type, target] : rels)
    s += R"(<Relationship Id=")" + id + R"(" Type=")" + kRelNs + "/" + type + R"(" Target=")" + target + R"("/>)";
  return s + "</Relationships>";
}

// Each item is the inner XML of one <si>.
std::string shared_strings(const std::vector<std::string>& items) {
  std::string s = kDecl + R"(<sst xmlns=")" + kMainNs + R"(" count=")" + std::to_string(items.size()) + R"(">)";
  for (const auto& i : items) s += "<si>" + i + "</si>";
  return s + "</sst>";
}

// A minimal workbook as Excel lays it out: one sheet, and shared strings when given.
Parts book(const std::string& sheet_data, const std::vector<std::string>& strings = {},
           const std::string& name = "Taulukko1") {
  Parts p;
  p["[Content_Types].xml"] =
      kDecl + R"(<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">)"
              R"(<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>)"
              R"(<Default Extension="xml" ContentType="application/xml"/></Types>)";
  p["_rels/.rels"] = relationships({{"rId1", "officeDocument", "xl/workbook.xml"}});
  p["xl/workbook.xml"] = workbook({{name, "rId1"}});
  std::vector<std::array<std::string, 3>> rels = {{"rId1", "worksheet", "worksheets/sheet1.xml"}};
  if (!strings.empty()) {
    rels.push_back({"rId2", "sharedStrings", "sharedStrings.xml"});
    p["xl/sharedStrings.xml"] = shared_strings(strings);
  }
  p["xl/_rels/workbook.xml.rels"] = relationships(rels);
  p["xl/worksheets/sheet1.xml"] = worksheet(sheet_data);
  return p;
}

void write_zip(const fs::path& path, const Parts& parts) {
  int err = 0;
  zip_t* z = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err);
  ASSERT_NE(z, nullptr) << "zip_open error " << err;
  for (const auto& [name, content] : parts) {
    // The buffers are read at zip_close; `parts` outlives it.
    zip_source_t* src = zip_source_buffer(z, content.data(), content.size(), 0);
    ASSERT_NE(src, nullptr);
    ASSERT_GE(zip_file_add(z, name.c_str(), src, ZIP_FL_ENC_UTF_8), 0) << zip_strerror(z);
  }
  ASSERT_EQ(zip_close(z), 0);
}

class XlsxReader : public ::testing::Test {
 protected:
  fs::path write(const Parts& parts) {
    fs::path p = tmp_.path() / ("book" + std::to_string(n_++) + ".xlsx");
    write_zip(p, parts);
    return p;
  }
  Sheet read(const Parts& parts) { return read_first_sheet(write(parts).string()); }

  // The XlsxError message for reading `path`; the error must name the file.
  static std::string error(const fs::path& path) {
    try {
      read_first_sheet(path.string());
    } catch (const XlsxError& e) {
      EXPECT_EQ(e.file, path.string());
      return e.what();
    }
    ADD_FAILURE() << "no XlsxError for " << path;
    return "";
  }
  std::string error(const Parts& parts) { return error(write(parts)); }

  testing::TempDir tmp_;
  int n_ = 0;
};

#define EXPECT_CONTAINS(text, part) EXPECT_NE((text).find(part), std::string::npos) << (text)

TEST_F(XlsxReader, SharedStringsKeepFinnishAndSwedishLetters) {
  Sheet s = read(book(R"(<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c>)"
                      R"(<c r="C1" t="s"><v>2</v></c></row>)"
                      R"(<row r="2"><c r="A2" t="s"><v>3</v></c><c r="B2" t="s"><v>4</v></c>)"
                      R"(<c r="C2" t="s"><v>5</v></c><c r="D2" t="s"><v>6</v></c><c r="E2" t="s"><v>0</v></c></row>)",
                      {"<t>Käyttötalous</t>", "<t>Årsbidrag – Vuosikate</t>",
                       // Rich text: runs are concatenated, formatting dropped.
                       R"(<r><t>Myynti</t></r><r><rPr><b/></rPr><t xml:space="preserve"> ja öljy</t></r>)",
                       // Excel's escape for the CR of a line break typed in a cell.
                       "<t>Rivi 1_x000D_\nRivi 2</t>",
                       // A phonetic reading is not part of the value.
                       R"(<t>漢字</t><rPh sb="0" eb="2"><t>カンジ</t></rPh>)",
                       R"(<t xml:space="preserve">  </t>)", "<t>a &amp; b &lt;c&gt;</t>"},
                 "Tuloslaskelma"));
  EXPECT_EQ(s.name, "Tuloslaskelma");
  ASSERT_EQ(s.rows.size(), 2u);
  EXPECT_EQ(dense(s.rows[0]), (Dense{1, {"Käyttötalous", "Årsbidrag – Vuosikate", "Myynti ja öljy"}}));
  EXPECT_EQ(dense(s.rows[1]), (Dense{2, {"Rivi 1\r\nRivi 2", "漢字", "  ", "a & b <c>", "Käyttötalous"}}));
}

TEST_F(XlsxReader, FirstSheetIsFirstInWorkbookOrderNotSheet1) {
  Parts p = book("");
  // Tabs reordered in Excel: the first tab lives in sheet3.xml, and a chart sheet comes first.
  p["xl/workbook.xml"] = workbook({{"Kaavio", "rId9"}, {"Tase ja tuloslaskelma", "rId7"}, {"Taulukko1", "rId1"}});
  p["xl/_rels/workbook.xml.rels"] = relationships({{"rId1", "worksheet", "worksheets/sheet1.xml"},
                                                   {"rId7", "worksheet", "worksheets/sheet3.xml"},
                                                   {"rId9", "chartsheet", "chartsheets/sheet1.xml"}});
  p["xl/worksheets/sheet1.xml"] = worksheet(R"(<row r="1"><c r="A1"><v>1</v></c></row>)");
  p["xl/worksheets/sheet3.xml"] = worksheet(R"(<row r="4"><c r="B4"><v>3</v></c></row>)");
  Sheet s = read(p);
  EXPECT_EQ(s.name, "Tase ja tuloslaskelma");
  EXPECT_EQ(dense(s.rows), (std::vector<Dense>{{4, {"", "3"}}}));
}

TEST_F(XlsxReader, MissingCellsTakeTheirColumnFromTheReference) {
  Sheet s = read(book(R"(<row r="2"><c r="A2" t="inlineStr"><is><t>a</t></is></c><c r="C2"><v>3</v></c>)"
                      R"(<c r="AA2"><v>27</v></c></row>)"
                      // Only styled empty cells: no row.
                      R"(<row r="3"><c r="B3" s="4"/><c r="C3" t="s"/><c r="D3"><v></v></c></row>)"
                      // Without r, a cell follows the previous one; a trailing empty cell is dropped.
                      R"(<row r="5"><c r="B5"><v>1</v></c><c><v>2</v></c><c><v>3</v></c><c r="F5" s="1"/></row>)"
                      // Without r, a row follows the previous one.
                      R"(<row><c><v>7</v></c><c r="AZ6"><v>52</v></c></row>)"));
  std::vector<std::string> row2(27), row6(52);
  row2[0] = "a", row2[2] = "3", row2[26] = "27";
  row6[0] = "7", row6[51] = "52";
  EXPECT_EQ(dense(s.rows), (std::vector<Dense>{{2, row2}, {5, {"", "1", "2", "3"}}, {6, row6}}));
}

TEST_F(XlsxReader, InlineStringsFormulaResultsBooleansAndErrors) {
  Sheet s = read(book(R"(<row r="1"><c r="A1" t="inlineStr"><is><t>Kunta</t></is></c>)"
                      R"(<c r="B1" t="inlineStr"><is><r><t>Sää</t></r><r><t>tiö</t></r></is></c>)"
                      R"(<c r="C1" t="str"><f>A1&amp;"nä"</f><v>Kuntanä</v></c>)"
                      R"(<c r="D1" t="b"><v>1</v></c><c r="E1" t="b"><v>0</v></c>)"
                      R"(<c r="F1" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="G1"><f>0.1+0.2</f><v>0.3</v></c></row>)"));
  EXPECT_EQ(dense(s.rows), (std::vector<Dense>{{1, {"Kunta", "Säätiö", "Kuntanä", "TRUE", "FALSE", "#DIV/0!", "0,3"}}}));
}

TEST_F(XlsxReader, NumbersAreExactDecimalTextWithComma) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"-1935039", "-1935039"},   {"25050.4", "25050,4"},   {"1.5E-3", "0,0015"},
      {"1E+3", "1000"},           {"0", "0"},               {"-0", "0"},
      {"0.1", "0,1"},             {"123.4500", "123,45"},   {"-2.5e-7", "-0,00000025"},
      {"1.23E+2", "123"},         {"12.5E1", "125"},        {"+42", "42"},
      {"0.000", "0"},             {"45292", "45292"},  // a date: serial number, styles ignored
      {"1.2345678901234567E+16", "12345678901234567"},
      {"9.9999999999999995E-7", "0,00000099999999999999995"},
  };
  std::string data;
  for (std::size_t i = 0; i < cases.size(); ++i)
    data += "<row r=\"" + std::to_string(i + 1) + "\"><c><v>" + cases[i].first + "</v></c></row>";
  Sheet s = read(book(data));
  ASSERT_EQ(s.rows.size(), cases.size());
  for (std::size_t i = 0; i < cases.size(); ++i)
    EXPECT_EQ(dense(s.rows[i]), (Dense{static_cast<int>(i + 1), {cases[i].second}})) << cases[i].first;
}

TEST_F(XlsxReader, PrefixedElementsAndAbsoluteTargets) {
  // Some non-Excel writers prefix the main namespace and use absolute relationship targets.
  Parts p = book("");
  p["_rels/.rels"] = relationships({{"rId1", "officeDocument", "/xl/book.xml"}});
  p.erase("xl/workbook.xml");
  p["xl/book.xml"] = kDecl + R"(<x:workbook xmlns:x=")" + kMainNs + R"(" xmlns:rel=")" + kRelNs +
                     R"("><x:sheets><x:sheet name="Data" sheetId="1" rel:id="R1"/></x:sheets></x:workbook>)";
  p["xl/_rels/book.xml.rels"] = relationships({{"R1", "worksheet", "/xl/worksheets/../data/s.xml"}});
  p["xl/data/s.xml"] = kDecl + R"(<x:worksheet xmlns:x=")" + kMainNs +
                       R"("><x:sheetData><x:row r="1"><x:c r="B1"><x:v>2.50</x:v></x:c></x:row></x:sheetData></x:worksheet>)";
  Sheet s = read(p);
  EXPECT_EQ(s.name, "Data");
  EXPECT_EQ(dense(s.rows), (std::vector<Dense>{{1, {"", "2,5"}}}));
}

TEST_F(XlsxReader, NotAZipIsAnError) {
  fs::path p = tmp_.path() / "tase.xlsx";
  testing::spit(p, "Tili;Summa\n3000;-1935039\n");
  EXPECT_CONTAINS(error(p), "not a zip archive");
  EXPECT_CONTAINS(error(tmp_.path() / "missing.xlsx"), "cannot open");
}

TEST_F(XlsxReader, ZipWithoutWorkbookIsAnError) {
  EXPECT_CONTAINS(error(Parts{{"word/document.xml", kDecl + "<document/>"}}), "no xl/workbook.xml");
}

TEST_F(XlsxReader, MissingOrBrokenPartsAreErrors) {
  Parts no_sheet = book("");
  no_sheet.erase("xl/worksheets/sheet1.xml");
  EXPECT_CONTAINS(error(no_sheet), "missing worksheet part xl/worksheets/sheet1.xml");

  Parts no_rel = book("");
  no_rel["xl/_rels/workbook.xml.rels"] = relationships({});
  EXPECT_CONTAINS(error(no_rel), "sheet 'Taulukko1' has no relationship 'rId1'");

  Parts broken = book("");
  broken["xl/worksheets/sheet1.xml"] = kDecl + "<worksheet><sheetData><row r=\"1\"><c><v>1</v></row>";
  std::string msg = error(broken);
  EXPECT_CONTAINS(msg, "xl/worksheets/sheet1.xml: malformed XML");

  Parts broken_sst = book(R"(<row r="1"><c r="A1" t="s"><v>0</v></c></row>)", {"<t>a"});
  EXPECT_CONTAINS(error(broken_sst), "xl/sharedStrings.xml: malformed XML");
}

TEST_F(XlsxReader, BadCellsAreErrorsThatNameTheCell) {
  EXPECT_CONTAINS(error(book(R"(<row r="3"><c r="AB3"><v>1,5</v></c></row>)")), "cell AB3: invalid number '1,5'");
  EXPECT_CONTAINS(error(book(R"(<row r="1"><c r="A1" t="s"><v>1</v></c></row>)", {"<t>a</t>"})),
                  "cell A1: shared string '1' does not exist (1 shared strings)");
  EXPECT_CONTAINS(error(book(R"(<row r="1"><c r="1A"><v>1</v></c></row>)")), "invalid cell reference '1A'");
  EXPECT_CONTAINS(error(book(R"(<row r="0"><c><v>1</v></c></row>)")), "invalid row number '0'");
}

// Issue 13: one cell at column XFD per row made a 7 kB file take 1 GB (every row as 16 384
// strings). A row holds the cells present: one cell at XFD is one cell.
TEST_F(XlsxReader, ARowHoldsOnlyTheCellsPresent) {
  std::string data;
  for (int r = 1; r <= 3000; ++r)
    data += "<row r=\"" + std::to_string(r) + "\"><c r=\"A" + std::to_string(r) + "\"><v>" + std::to_string(r) +
            "</v></c><c r=\"XFD" + std::to_string(r) + "\"><v>1</v></c></row>";
  Sheet s = read(book(data));
  ASSERT_EQ(s.rows.size(), 3000u);
  for (const auto& r : s.rows) {
    ASSERT_EQ(r.cells.size(), 2u);  // not 16 384
    EXPECT_EQ(r.cells[0], (SheetCell{1, std::to_string(r.row)}));
    EXPECT_EQ(r.cells[1], (SheetCell{16384, "1"}));
    EXPECT_EQ(r.width(), 16384);
  }
  EXPECT_EQ(column_letters(16384), "XFD");
  // Cells written out of column order (some writers do) still come out in order, a repeated one once.
  Sheet o = read(book(R"(<row r="1"><c r="C1"><v>3</v></c><c r="A1"><v>1</v></c><c r="C1"><v>4</v></c></row>)"));
  EXPECT_EQ(o.rows[0].cells, (std::vector<SheetCell>{{1, "1"}, {3, "4"}}));
  EXPECT_EQ(o.rows[0].dense(2), (std::vector<std::string>{"1", ""}));
}

// A reference beyond the sheet's limits is an error naming the file, the row and the cell, in
// English, Finnish and Swedish, before anything is sized by it.
TEST_F(XlsxReader, BeyondTheSheetsLimitsIsALocatedError) {
  struct Case {
    std::string data, cell;
    int row;
  };
  for (const auto& c : {Case{R"(<row r="7"><c r="XFE7"><v>1</v></c></row>)", "XFE7", 7},
                        Case{R"(<row r="2"><c r="ZZZZZZZZ2"><v>1</v></c></row>)", "ZZZZZZZZ2", 2},
                        Case{R"(<row r="1048577"><c><v>1</v></c></row>)", "", 1048577},
                        Case{R"(<row r="99999999999"><c><v>1</v></c></row>)", "", 1048577}}) {
    fs::path p = write(book(c.data));
    try {
      read_first_sheet(p.string());
      ADD_FAILURE() << "no error for " << c.cell;
    } catch (const XlsxError& e) {
      EXPECT_EQ(e.file, p.string());
      EXPECT_EQ(e.row, c.row) << e.what();
      EXPECT_EQ(e.cell, c.cell) << e.what();
      EXPECT_CONTAINS(std::string(e.what()), "beyond the limits of a sheet");
      EXPECT_CONTAINS(std::string(e.what()), "taulukon rajojen ulkopuolella");
      EXPECT_CONTAINS(std::string(e.what()), "utanför bladets gränser");
    }
  }
}

}  // namespace
}  // namespace toteuma::xlsx
