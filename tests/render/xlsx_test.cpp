// The Excel output of documents, read back part by part (libzip + pugixml, and the project's
// own reader for the first sheet): sheet names, numbers as numeric cells with the published
// value, total formulas with their cached results, the contents sheet's links; and a round
// trip through LibreOffice (label "office").
#include "render/xlsx.h"

#include <gtest/gtest.h>
#include <pugixml.hpp>
#include <zip.h>

#include <cstdlib>
#include <map>
#include <memory>
#include <optional>

#include "ingest/xlsx/xlsx_reader.h"
#include "test_util.h"

namespace toteuma {
namespace {

namespace fs = std::filesystem;
using testing::TempDir;

// ---- the document ---------------------------------------------------------------------

// Assigned field by field: g++ 12 warns about designated initializers that leave out members.
doc::Cell text(std::string s) {
  doc::Cell c;
  c.text = std::move(s);
  return c;
}
doc::Cell number(std::int64_t v, int scale, int shown, bool percent = false) {
  doc::Cell c;
  c.number = v;
  c.scale = scale;
  c.shown = shown;
  c.percent = percent;
  return c;
}
doc::Cell cents(std::int64_t v) { return number(v, 2, 0); }
doc::Cell tenths(std::int64_t v) { return number(v, 1, 1); }
doc::Cell permille(std::int64_t v) { return number(v, 1, 1, true); }

doc::Row row(std::vector<doc::Cell> cells, int level = 0) {
  doc::Row r;
  r.cells = std::move(cells);
  r.level = level;
  return r;
}
doc::Row note_row(std::string label, int level) {
  doc::Row r = row({text(std::move(label))}, level);
  r.note = true;
  return r;
}
doc::Row total_row(std::vector<doc::Cell> cells, std::vector<std::size_t> parts) {
  doc::Row r = row(std::move(cells));
  r.total = true;
  r.parts = std::move(parts);
  return r;
}

const std::string kLong = "Henkilöstömäärä ja henkilötyövuodet tulosalueittain";

doc::Document sample(Lang lang = Lang::fi) {
  doc::Grid economy{.id = "t-talous",
                    .caption = "Käyttötalous: tulot/menot [€]",
                    .headings = {"Erä", "TA 2025", "Pyöristys", "Toteutuma-%"},
                    .rows = {},
                    .note = "Luvut euroina."};
  economy.rows = {
      row({text("Toimintatuotot"), cents(5000000), cents(50), permille(697)}, 1),
      note_row("josta sisäiset erät", 2),
      row({text("Toimintakulut"), cents(-193503900), cents(50), text("–")}, 1),
      // Parts 0 and 2 around the note row; the rounding column's parts (1 + 1) do not add up
      // to its shown total (1), so that cell must stay a plain value.
      total_row({text("Toimintakate"), cents(-188503900), cents(100), permille(1000)}, {0, 2}),
  };
  doc::Grid staff{.id = "t-htv", .caption = kLong, .headings = {"Tulosalue", "htv 2024"}, .rows = {}, .note = ""};
  staff.rows = {
      row({text("Vakinaiset"), tenths(6597)}),
      row({text("Määräaikaiset"), tenths(1234)}),
      total_row({text("Yhteensä"), tenths(7831)}, {0, 1}),
  };
  doc::Grid wide{.id = "t-wide", .caption = kLong, .headings = {"Alue", "2019", "2020", "2021", "2022", "2023", "2024"},
                 .rows = {row({text("Kanslia"), permille(697), permille(700), permille(0), permille(-5),
                                       permille(1000), permille(12)})},
                 .note = ""};
  doc::Grid clash{.id = "t-clash", .caption = "Sisällys", .headings = {"A", "B"},
                  .rows = {row({text("x"), cents(149)})}, .note = ""};
  doc::Paragraph para{.kind = doc::Paragraph::Kind::text, .level = 0, .runs = {{.text = "Kerronta.", .bold = false, .italic = false, .link = ""}}};
  doc::Chart chart{.kind = doc::Chart::Kind::bars, .id = "c1", .title = "Kaavio", .alt = "Kaavio", .unit = "€",
                   .scale = 2, .categories = {"2024"}, .series = {{.name = "TA", .values = {100}}}};

  doc::Document d;
  d.kind = "budget-book";
  d.lang = lang;
  d.year = 2025;
  d.title = "Talousarvio 2025";
  d.subtitle = "Loviisan kaupunki – Keskushallinto";
  d.toc_heading = "Sisällys";
  d.generated = "Laadittu 22.11.2026";
  d.sections = {
      {.id = "s1", .heading = "Talous", .level = 1, .blocks = {para, economy}},
      {.id = "s2", .heading = "Henkilöstö", .level = 1, .blocks = {para, staff, chart, wide}},
      {.id = "s3", .heading = "Liitteet", .level = 1, .blocks = {para}},
      {.id = "s3a", .heading = "Taulukkoliite", .level = 2, .blocks = {clash}},
      {.id = "s4", .heading = "Lopuksi", .level = 1, .blocks = {para, doc::Notice{"Puuttuu", ""}}},
  };
  return d;
}

const std::string kEconomySheet = "Käyttötalous- tulot-menot (€)";
const std::string kStaffSheet = "Henkilöstömäärä ja henkilötyövu";  // 31 characters
const std::string kWideSheet = "Henkilöstömäärä ja henkilöt (2)";   // 27 + " (2)"
const std::string kClashSheet = "Sisällys (2)";

// ---- reading the package --------------------------------------------------------------

struct XmlCell {
  std::string type, value, formula;
  int style = 0;
};

class Package {
 public:
  explicit Package(const std::string& bytes) : bytes_(bytes) {
    zip_error_t err;
    zip_error_init(&err);
    zip_source_t* src = zip_source_buffer_create(bytes_.data(), bytes_.size(), 0, &err);
    zip_ = src ? zip_open_from_source(src, ZIP_RDONLY, &err) : nullptr;
    if (!zip_) {
      if (src) zip_source_free(src);
      throw std::runtime_error("not a zip");
    }
    load("xl/workbook.xml", workbook_);
    load("xl/styles.xml", styles_);
    pugi::xml_document rels, strings;
    load("xl/_rels/workbook.xml.rels", rels);
    std::map<std::string, std::string> targets;
    for (auto r : rels.child("Relationships").children("Relationship"))
      targets[r.attribute("Id").value()] = r.attribute("Target").value();
    for (auto s : workbook_.child("workbook").child("sheets").children("sheet")) {
      names_.push_back(s.attribute("name").value());
      parts_[names_.back()] = "xl/" + targets[s.attribute("r:id").value()];
    }
    load("xl/sharedStrings.xml", strings);
    for (auto si : strings.child("sst").children("si")) strings_.push_back(si.child("t").text().get());
  }
  ~Package() { zip_discard(zip_); }

  const std::vector<std::string>& sheet_names() const { return names_; }

  pugi::xml_node sheet(const std::string& name) { return part(parts_.at(name)).child("worksheet"); }

  pugi::xml_document& part(const std::string& name) {
    auto& d = parsed_[name];
    if (!d.first_child()) load(name, d);
    return d;
  }

  XmlCell cell(const std::string& sheet_name, const std::string& ref) {
    pugi::xml_node c = sheet(sheet_name).find_node([&](pugi::xml_node n) {
      return std::string(n.name()) == "c" && ref == n.attribute("r").value();
    });
    if (!c) return {"missing", "", "", 0};
    XmlCell x{c.attribute("t").value(), c.child("v").text().get(), c.child("f").text().get(),
              c.attribute("s").as_int()};
    if (x.type == "s") x.value = strings_.at(std::stoul(x.value));
    return x;
  }

  // The number format code of a cell's style ("General" when it has none).
  std::string num_format(const XmlCell& c) {
    std::string id = xf(c).attribute("numFmtId").value();
    for (auto f : styles_.child("styleSheet").child("numFmts").children("numFmt"))
      if (id == f.attribute("numFmtId").value()) return f.attribute("formatCode").value();
    return id == "0" || id.empty() ? "General" : "builtin " + id;
  }
  int indent(const XmlCell& c) { return xf(c).child("alignment").attribute("indent").as_int(); }

  pugi::xml_document& workbook() { return workbook_; }

 private:
  pugi::xml_node xf(const XmlCell& c) {
    pugi::xml_node x = styles_.child("styleSheet").child("cellXfs").first_child();
    for (int i = 0; i < c.style && x; ++i) x = x.next_sibling();
    return x;
  }

  void load(const std::string& part, pugi::xml_document& d) {
    zip_stat_t st;
    if (zip_stat(zip_, part.c_str(), 0, &st) != 0) return;
    std::unique_ptr<zip_file_t, decltype(&zip_fclose)> f(zip_fopen(zip_, part.c_str(), 0), &zip_fclose);
    std::string data(st.size, '\0');
    if (!f || zip_fread(f.get(), data.data(), st.size) != static_cast<zip_int64_t>(st.size))
      throw std::runtime_error("cannot read " + part);
    if (!d.load_buffer(data.data(), data.size())) throw std::runtime_error("bad XML in " + part);
  }

  std::string bytes_;
  zip_t* zip_ = nullptr;
  pugi::xml_document workbook_, styles_;
  std::vector<std::string> names_;
  std::map<std::string, std::string> parts_;
  std::map<std::string, pugi::xml_document> parsed_;  // by part name
  std::vector<std::string> strings_;
};

// Points TMPDIR (which std::filesystem::temp_directory_path reads) elsewhere while alive.
class TmpDirOverride {
 public:
  explicit TmpDirOverride(const fs::path& dir) {
    if (const char* v = std::getenv("TMPDIR")) saved_ = v;
    ::setenv("TMPDIR", dir.c_str(), 1);
  }
  ~TmpDirOverride() { saved_ ? ::setenv("TMPDIR", saved_->c_str(), 1) : ::unsetenv("TMPDIR"); }

 private:
  std::optional<std::string> saved_;
};

// ---- tests ----------------------------------------------------------------------------

TEST(Xlsx, SheetsAreContentsThenOnePerGridWithValidUniqueNames) {
  Package p(render_xlsx(sample()));
  EXPECT_EQ(p.sheet_names(), (std::vector<std::string>{"Sisällys", kEconomySheet, kStaffSheet, kWideSheet, kClashSheet}));
  EXPECT_EQ(Package(render_xlsx(sample(Lang::sv))).sheet_names().front(), "Innehåll");
}

TEST(Xlsx, FiguresAreNumbersAtTheirPublishedPrecision) {
  Package p(render_xlsx(sample()));
  const std::string& s = kEconomySheet;
  EXPECT_EQ(p.cell(s, "A1").value, "Käyttötalous: tulot/menot [€]");
  EXPECT_EQ(p.cell(s, "B3").value, "TA 2025");
  EXPECT_EQ(p.cell(s, "A4").value, "Toimintatuotot");
  EXPECT_EQ(p.indent(p.cell(s, "A4")), 1);
  EXPECT_EQ(p.indent(p.cell(s, "A5")), 2);

  XmlCell costs = p.cell(s, "B6");  // -193 503 900 cents
  EXPECT_TRUE(costs.type.empty() || costs.type == "n") << costs.type;
  EXPECT_EQ(costs.value, "-1935039");
  EXPECT_EQ(p.num_format(costs), "#,##0");
  EXPECT_EQ(p.cell(s, "B4").value, "50000");
  EXPECT_EQ(p.cell(s, "C4").value, "1");  // 0,50 € rounds half away from zero
  EXPECT_EQ(p.cell(s, "D6").type, "s");   // a text in a figure column stays text
  EXPECT_EQ(p.cell(s, "D6").value, "–");

  XmlCell pct = p.cell(s, "D4");  // 69,7 %
  EXPECT_TRUE(pct.type.empty() || pct.type == "n") << pct.type;
  EXPECT_EQ(pct.value, "0.697");
  EXPECT_EQ(p.num_format(pct), "0.0 %");

  XmlCell htv = p.cell(kStaffSheet, "B4");
  EXPECT_EQ(htv.value, "659.7");
  EXPECT_EQ(p.num_format(htv), "#,##0.0");
  EXPECT_EQ(p.cell(kClashSheet, "B4").value, "1");  // 1,49 €

  EXPECT_EQ(p.cell(s, "A9").value, "Luvut euroina.");  // the note, one row below the table
}

TEST(Xlsx, TotalsAreFormulasOnlyWhenThePartsAddUpToTheShownTotal) {
  Package p(render_xlsx(sample()));
  XmlCell margin = p.cell(kEconomySheet, "B7");
  EXPECT_EQ(margin.formula, "SUM(B4,B6)");  // the note row between the parts is not summed
  EXPECT_EQ(margin.value, "-1885039");
  XmlCell rounded = p.cell(kEconomySheet, "C7");  // 1 + 1 ≠ 1
  EXPECT_EQ(rounded.formula, "");
  EXPECT_EQ(rounded.value, "1");
  XmlCell pct = p.cell(kEconomySheet, "D7");  // percentages are never summed
  EXPECT_EQ(pct.formula, "");
  EXPECT_EQ(pct.value, "1");

  XmlCell htv = p.cell(kStaffSheet, "B6");
  EXPECT_EQ(htv.formula, "SUM(B4:B5)");
  EXPECT_EQ(htv.value, "783.1");
}

TEST(Xlsx, ContentsSheetListsTablesWithLinksToTheirSheets) {
  std::string bytes = render_xlsx(sample());
  Package p(bytes);
  std::map<std::string, std::string> links;  // cell -> location
  for (auto h : p.sheet("Sisällys").child("hyperlinks").children("hyperlink"))
    links[h.attribute("ref").value()] = h.attribute("location").value();
  EXPECT_EQ(links, (std::map<std::string, std::string>{{"A6", "'" + kEconomySheet + "'!A1"},
                                                       {"A8", "'" + kStaffSheet + "'!A1"},
                                                       {"A9", "'" + kWideSheet + "'!A1"},
                                                       {"A12", "'" + kClashSheet + "'!A1"}}));

  // The project's reader sees the first sheet as a user would.
  TempDir dir;
  testing::spit(dir.path() / "doc.xlsx", bytes);
  xlsx::Sheet first = xlsx::read_first_sheet((dir.path() / "doc.xlsx").string());
  EXPECT_EQ(first.name, "Sisällys");
  std::vector<xlsx::SheetRow> expected = {
      {1, {{1, "Talousarvio 2025"}}},   {2, {{1, "Loviisan kaupunki – Keskushallinto"}}},
      {3, {{1, "Laadittu 22.11.2026"}}}, {5, {{1, "Talous"}}},
      {6, {{1, "Käyttötalous: tulot/menot [€]"}}}, {7, {{1, "Henkilöstö"}}},
      {8, {{1, kLong}}},                {9, {{1, kLong}}},
      {10, {{1, "Liitteet"}}},          {11, {{1, "Taulukkoliite"}}},
      {12, {{1, "Sisällys"}}},
  };
  EXPECT_EQ(first.rows, expected);  // narrative-only "Lopuksi" is not listed
}

TEST(Xlsx, SheetSetupFreezesAndPrintsTheHeader) {
  Package p(render_xlsx(sample()));
  pugi::xml_node pane = p.sheet(kEconomySheet).child("sheetViews").child("sheetView").child("pane");
  EXPECT_STREQ(pane.attribute("state").value(), "frozen");
  EXPECT_STREQ(pane.attribute("topLeftCell").value(), "A4");
  pugi::xml_node setup = p.sheet(kEconomySheet).child("pageSetup");
  EXPECT_STREQ(setup.attribute("paperSize").value(), "9");
  EXPECT_STRNE(setup.attribute("orientation").value(), "landscape");  // 4 columns
  EXPECT_STREQ(p.sheet(kWideSheet).child("pageSetup").attribute("orientation").value(), "landscape");  // 7

  std::string titles;
  for (auto n : p.workbook().child("workbook").child("definedNames").children("definedName"))
    if (std::string(n.attribute("name").value()) == "_xlnm.Print_Titles" && n.attribute("localSheetId").as_int() == 1)
      titles = n.text().get();
  EXPECT_EQ(titles, "'" + kEconomySheet + "'!$1:$3");
}

TEST(Xlsx, WorkbookTitleAndNoTemporaryFilesLeft) {
  TempDir tmp;
  std::string bytes;
  {
    TmpDirOverride during(tmp.path());
    bytes = render_xlsx(sample());
  }
  EXPECT_TRUE(fs::is_empty(tmp.path()));

  Package p(bytes);
  EXPECT_EQ(p.part("docProps/core.xml").child("cp:coreProperties").child("dc:title").text().get(),
            std::string("Talousarvio 2025"));
}

doc::Document one_grid(const std::string& caption, std::vector<doc::Row> rows) {
  doc::Grid g{.id = "g", .caption = caption, .headings = {"", "€"}, .rows = std::move(rows), .note = ""};
  doc::Document d;
  d.title = "T";
  d.sections = {{.id = "s", .heading = "S", .level = 1, .blocks = {g}}};
  return d;
}

TEST(Xlsx, ApostrophesInSheetNamesAreQuotedInLinks) {
  // Excel refuses a leading or trailing apostrophe; inner ones are doubled in references.
  Package p(render_xlsx(one_grid("'Kunnan 'oma' tase'", {row({text("x"), cents(1)})})));
  ASSERT_EQ(p.sheet_names().at(1), "Kunnan 'oma' tase");
  EXPECT_STREQ(p.sheet("Sisällys").child("hyperlinks").child("hyperlink").attribute("location").value(),
               "'Kunnan ''oma'' tase'!A1");
}

TEST(Xlsx, LongLabelsWrapInRowsTallEnoughForThem) {
  std::string label;
  for (int i = 0; i < 24; ++i) label += "sana ";  // 119 characters, the label column holds 50
  Package p(render_xlsx(one_grid("W", {row({text(label), cents(1)}), row({text("lyhyt"), cents(2)})})));
  pugi::xml_node data = p.sheet("W").child("sheetData");
  auto row_at = [&](const char* r) { return data.find_child_by_attribute("row", "r", r); };
  EXPECT_GE(row_at("4").attribute("ht").as_double(), 30);  // at least two lines of 15 pt
  EXPECT_FALSE(row_at("5").attribute("ht"));               // one line: the default height
  pugi::xml_node xfs = p.part("xl/styles.xml").child("styleSheet").child("cellXfs");
  pugi::xml_node xf = xfs.first_child();
  for (int i = 0; i < p.cell("W", "A4").style; ++i) xf = xf.next_sibling();
  EXPECT_STREQ(xf.child("alignment").attribute("wrapText").value(), "1");
}

TEST(Xlsx, HalfEurosRoundAwayFromZero) {
  Package p(render_xlsx(one_grid("R", {row({text("a"), cents(-193503950)}), row({text("b"), cents(-193503949)}),
                                       row({text("c"), tenths(-6595)}), row({text("d"), permille(-5)})})));
  EXPECT_EQ(p.cell("R", "B4").value, "-1935040");
  EXPECT_EQ(p.cell("R", "B5").value, "-1935039");
  EXPECT_EQ(p.cell("R", "B6").value, "-659.5");
  EXPECT_EQ(p.cell("R", "B7").value, "-0.005");
}

TEST(Xlsx, DocumentWithoutTablesSaysSo) {
  doc::Document d = sample(Lang::sv);
  d.sections.resize(1);
  d.sections[0].blocks.resize(1);  // only the paragraph
  Package p(render_xlsx(d));
  EXPECT_EQ(p.sheet_names(), std::vector<std::string>{"Innehåll"});
  EXPECT_EQ(p.cell("Innehåll", "A5").value, "Dokumentet innehåller inga tabeller.");
}

// Run by the ctest test xlsx_office (label "office"), which sets TOTEUMA_OFFICE_TESTS.
TEST(XlsxOffice, LibreOfficeReadsTheFiguresAsNumbers) {
  if (!std::getenv("TOTEUMA_OFFICE_TESTS")) GTEST_SKIP() << "run by ctest -L office";
  if (std::system("command -v soffice > /dev/null 2>&1") != 0) GTEST_SKIP() << "soffice is not on PATH";
  TempDir dir;
  testing::spit(dir.path() / "doc.xlsx", render_xlsx(sample()));
  // Every sheet (token 12: -1) to its own UTF-8 CSV, text quoted (token 7), values unformatted
  // (token 9 false): an unquoted -1935039 can only be a number.
  std::string cmd = "cd '" + dir.path().string() + "' && timeout 240 soffice -env:UserInstallation=file://" +
                    dir.path().string() + "/profile --headless --norestore --convert-to " +
                    "'csv:Text - txt - csv (StarCalc):44,34,76,1,,1033,true,true,false,false,false,-1' " +
                    "doc.xlsx > soffice.log 2>&1";
  int status = std::system(cmd.c_str());
  ASSERT_EQ(status, 0) << testing::slurp(dir.path() / "soffice.log");

  std::string economy = testing::slurp(dir.path() / ("doc-" + kEconomySheet + ".csv"));
  EXPECT_NE(economy.find("\"Toimintakulut\",-1935039,1,\"–\"\n"), std::string::npos) << economy;
  // Unformatted output still writes a percent-formatted number with its % sign.
  EXPECT_NE(economy.find("\"Toimintatuotot\",50000,1,69.7%\n"), std::string::npos) << economy;
  EXPECT_NE(economy.find("\"Toimintakate\",-1885039,1,100%\n"), std::string::npos) << economy;
  std::string staff = testing::slurp(dir.path() / ("doc-" + kStaffSheet + ".csv"));
  EXPECT_NE(staff.find("\"Vakinaiset\",659.7\n"), std::string::npos) << staff;
  EXPECT_NE(staff.find("\"Yhteensä\",783.1\n"), std::string::npos) << staff;
}

}  // namespace
}  // namespace toteuma
