// The whole municipality's documents (issue 14) on a small made-up city whose figures are computed
// by hand: the budget book's order (general part, income statement, financing, each sector with its
// areas), its income statement against the ledger, and the annual report's comparison at the binding
// level with an overrun and its explanation — in Finnish and Swedish with the same figures.
#include <gtest/gtest.h>

#include <algorithm>

#include "core/finance/ledger.h"
#include "document/builder.h"
#include "ingest/csv.h"
#include "ingest/dataset_files.h"

namespace toteuma {
namespace {

UnitVersion unit(const std::string& id, const std::string& parent, UnitKind kind, const std::string& binding = "") {
  UnitVersion u;
  u.id = id;
  u.parent = parent;
  u.valid_from = *parse_iso_date("2023-01-01");
  u.kind = kind;
  u.name = {"Yksikkö " + id, "Enhet " + id};
  u.binding_line = binding;
  return u;
}

// (unit, line, TA 2025, TP 2025) in euros. The sectors s1 (areas a1, a2) and s2 are binding at
// their operating margin; the root holds the municipality's own items.
//   s1 margin: TA 1000 − 3000 + 400 − 1200 = −2 800; TP 1100 − 2950 + 380 − 1250 = −2 720 (within, +80)
//   s2 margin: TA 200 − 1000 = −800;                 TP 150 − 1100 = −950          (overrun by 150)
//   city operating margin: TA −3 600, TP −3 670
//   vuosikate: TA −3 600 + 5 000 + 1 500 + 10 − 40 = 2 870; TP −3 670 + 5 100 + 1 500 − 30 = 2 900
const std::vector<std::tuple<std::string, std::string, std::int64_t, std::int64_t>> kFigures = {
    {"a1", "sales", 1000, 1100},       {"a1", "wages", -3000, -2950},
    {"a2", "fees", 400, 380},          {"a2", "services", -1200, -1250},
    {"s2", "sales", 200, 150},         {"s2", "other_costs", -1000, -1100},
    {"s2", "depreciation", -300, -300},
    {"city", "tax_revenue", 5000, 5100}, {"city", "state_transfers", 1500, 1500},
    {"city", "interest_income", 10, 10}, {"city", "interest_costs", -40, -40},
    {"city", "long_term_loans_new", 700, 700}};

struct City {
  Dataset d;
  City() {
    d.municipalities = {{"city", "000", {"Kaupunki", "Stad"}, {Lang::fi, Lang::sv}, Lang::fi}};
    d.chart = default_chart();
    d.units = {unit("city", "", UnitKind::municipality), unit("s1", "city", UnitKind::sector, "operating_margin"),
               unit("a1", "s1", UnitKind::area), unit("a2", "s1", UnitKind::area),
               unit("s2", "city", UnitKind::sector, "operating_margin")};
    d.scenarios = {{"ta2025", ScenarioKind::budget, 2025, {}, {}, "", {}},
                   {"tp2025", ScenarioKind::actual, 2025, {}, {}, "", {}}};
    for (const auto& [u, line, ta, tp] : kFigures) {
      d.figures.push_back({u, line, "ta2025", ta * 100});
      d.figures.push_back({u, line, "tp2025", tp * 100});
    }
    for (Lang l : {Lang::fi, Lang::sv}) {
      d.narratives.push_back({"city", 2025, "strategy", l, NarrativeOrigin::person, l == Lang::fi ? "Strategiateksti." : "Strategitext."});
      d.narratives.push_back({"city", 2025, "economy", l, NarrativeOrigin::person, l == Lang::fi ? "Talousteksti." : "Ekonomitext."});
      d.narratives.push_back({"s2", 2025, "overrun", l, NarrativeOrigin::person,
                              l == Lang::fi ? "Ylitys johtui talvikunnossapidosta." : "Överskridningen berodde på vinterunderhållet."});
      d.narratives.push_back({"s1", 2025, "commentary", l, NarrativeOrigin::person, l == Lang::fi ? "Alitus." : "Underskridning."});
    }
  }
  doc::Document build(const std::string& kind, const std::string& u, Lang lang) const {
    Ledger ledger(d);
    return build_document(ledger, template_for(d, kind), {u, 2025, lang, Date{2026, 1, 15}});
  }
};

std::vector<const doc::Grid*> grids(const doc::Document& d) {
  std::vector<const doc::Grid*> out;
  for (const auto& s : d.sections)
    for (const auto& b : s.blocks)
      if (auto* g = std::get_if<doc::Grid>(&b)) out.push_back(g);
  return out;
}

const doc::Grid& grid_titled(const doc::Document& d, const std::string& caption_part) {
  for (const auto* g : grids(d))
    if (g->caption.find(caption_part) != std::string::npos) return *g;
  throw std::runtime_error("no grid " + caption_part);
}

std::size_t column(const doc::Grid& g, const std::string& heading) {
  auto at = std::find(g.headings.begin(), g.headings.end(), heading);
  if (at == g.headings.end()) throw std::runtime_error("no column " + heading);
  return static_cast<std::size_t>(at - g.headings.begin());
}

std::optional<std::int64_t> cell(const doc::Grid& g, const std::string& label, std::size_t col) {
  for (const auto& r : g.rows)
    if (r.cells[0].text == label) return r.cells[col].number;
  throw std::runtime_error("no row " + label);
}

std::vector<std::string> ids(const doc::Document& d) {
  std::vector<std::string> out;
  for (const auto& s : d.sections) out.push_back(s.id);
  return out;
}

TEST(MunicipalityBudgetBook, GeneralPartThenStatutoryPartsThenEachSectorWithItsAreas) {
  doc::Document d = City().build("budget-book", "city", Lang::fi);
  std::vector<std::string> got = ids(d);
  // Each sector's part is its own book's (same ids), its areas under it, before the next sector.
  std::vector<std::string> order = {"general-city", "general-city-strategy", "general-city-economy", "income-city",
                                    "financing-city", "operating-city", "unit-s1", "subunits-a1", "subunits-a2",
                                    "unit-s2", "checks-city"};
  std::size_t last = 0;
  for (const auto& id : order) {
    auto at = std::find(got.begin(), got.end(), id);
    ASSERT_NE(at, got.end()) << id;
    EXPECT_GE(static_cast<std::size_t>(at - got.begin()), last) << id;
    last = static_cast<std::size_t>(at - got.begin());
  }
  for (const auto& s : d.sections) {
    if (s.id == "unit-s1" || s.id == "general-city") {
      EXPECT_EQ(s.level, 1) << s.id;
    }
    if (s.id == "subunits-a1") {
      EXPECT_EQ(s.level, 2) << s.id;
    }
  }
  // A sector's own book is as before: no municipality sections.
  std::vector<std::string> sector = ids(City().build("budget-book", "s1", Lang::fi));
  EXPECT_EQ(std::count_if(sector.begin(), sector.end(), [](const std::string& id) {
              return id.starts_with("general") || id.starts_with("income") || id.starts_with("financing");
            }), 0);
  EXPECT_EQ(sector.front(), "unit-s1");
}

TEST(MunicipalityBudgetBook, IncomeStatementIsTheRootsLedgerFigures) {
  City c;
  Ledger ledger(c.d);
  OrgView org = c.d.org_on(Date{2025, 1, 1});
  doc::Document d = c.build("budget-book", "city", Lang::fi);
  const doc::Grid& g = grid_titled(d, "Tuloslaskelma: talousarvio 2025");
  std::size_t ta = column(g, "TA 2025");
  int compared = 0;
  for (const Line& l : c.d.chart.lines()) {
    if (!l.in(Part::income)) continue;
    for (const auto& r : g.rows)
      if (r.cells[0].text == l.name.fi) {
        EXPECT_EQ(r.cells[ta].number, ledger.measure(org, "city", l.id, {Measure::budget, 2025, 0})) << l.id;
        ++compared;
      }
  }
  EXPECT_GE(compared, 10);
  EXPECT_EQ(cell(g, "Vuosikate", ta), 287000);  // by hand, cents
  EXPECT_EQ(cell(g, "Toimintakate ulkoinen", ta), -360000);
  // The financing part starts from the same vuosikate and adds the new loan.
  const doc::Grid& cf = grid_titled(d, "Rahoituslaskelma: talousarvio 2025");
  EXPECT_EQ(cell(cf, "Vuosikate", column(cf, "TA 2025")), 287000);
}

TEST(MunicipalityAnnualReport, ComparisonMarksBindingUnitsAndExplainsTheOverrun) {
  doc::Document d = City().build("annual-report", "city", Lang::fi);
  const doc::Grid& g = grid_titled(d, "sitovien erien toteutuminen 2025");
  ASSERT_EQ(g.rows.size(), 2u);  // s1 and s2; the areas have no binding line
  EXPECT_EQ(g.headings.front(), "Yksikkö – sitova erä");
  struct Case {
    const char* unit;
    std::int64_t ta, tp, deviation;
    const char* state;
  };
  for (const Case& c : {Case{"Yksikkö s1 – Toimintakate ulkoinen", -2800, -2720, 80, "ei ylittynyt"},
                        Case{"Yksikkö s2 – Toimintakate ulkoinen", -800, -950, -150, "ylittyi"}}) {
    EXPECT_EQ(cell(g, c.unit, column(g, "TA 2025")), c.ta * 100) << c.unit;
    EXPECT_EQ(cell(g, c.unit, column(g, "TP 2025")), c.tp * 100) << c.unit;
    EXPECT_EQ(cell(g, c.unit, column(g, "Poikkeama")), c.deviation * 100) << c.unit;
    for (const auto& r : g.rows)
      if (r.cells[0].text == c.unit) {
        EXPECT_EQ(r.cells.back().text, c.state);
      }
  }
  // The overrun, then its explanation (the unit's `overrun` text); the underrun's commentary is not repeated.
  std::string text;
  for (const auto& s : d.sections)
    if (s.id == "comparison-city-binding-comparison")
      for (const auto& b : s.blocks)
        if (auto* p = std::get_if<doc::Paragraph>(&b))
          for (const auto& r : p->runs) text += r.text + "\n";
  EXPECT_EQ(g.note, "Kaikki taulukon erät ovat valtuustoon nähden sitovia. Ylitykset ja niiden perustelut alla.");
  EXPECT_EQ(text, "Yksikkö s2: sitova määräraha ylittyi 150 euroa.\nYlitys johtui talvikunnossapidosta.\n");
  // The statutory parts in the annual-report layout: vuosikate TA 2 870, TP 2 900.
  const doc::Grid& is = grid_titled(d, "Tuloslaskelma: talousarvion toteutuminen 2025");
  EXPECT_EQ(cell(is, "Vuosikate", column(is, "TP 2025")), 290000);
  EXPECT_EQ(cell(is, "Vuosikate", column(is, "Poikkeama")), 3000);
}

TEST(MunicipalityDocuments, SwedishHasTheFinnishFigures) {
  City c;
  for (const char* kind : {"budget-book", "annual-report"}) {
    auto fi_doc = c.build(kind, "city", Lang::fi), sv_doc = c.build(kind, "city", Lang::sv);
    auto fi = grids(fi_doc), sv = grids(sv_doc);
    ASSERT_EQ(fi.size(), sv.size()) << kind;
    int numbers = 0;
    for (std::size_t i = 0; i < fi.size(); ++i) {
      ASSERT_EQ(fi[i]->rows.size(), sv[i]->rows.size()) << kind << " " << fi[i]->caption;
      for (std::size_t r = 0; r < fi[i]->rows.size(); ++r)
        for (std::size_t k = 0; k < fi[i]->rows[r].cells.size(); ++k) {
          EXPECT_EQ(fi[i]->rows[r].cells[k].number, sv[i]->rows[r].cells[k].number);
          numbers += fi[i]->rows[r].cells[k].number.has_value();
        }
    }
    EXPECT_GT(numbers, 40) << kind;
  }
  doc::Document sv = c.build("annual-report", "city", Lang::sv);
  const doc::Grid& g = grid_titled(sv, "bindande poster 2025");
  EXPECT_EQ(g.rows.back().cells.back().text, "överskreds");
}

// Template keys of issue 14: a statutory part's layout defaults to the document's; wrong uses name the key.
TEST(Template, StatutoryPartTablesAndApplies) {
  auto parse = [](const std::string& kind, const std::string& section) {
    return parse_template("kind = \"" + kind + "\"\ntitle = { fi = \"x\", sv = \"y\" }\n[[section]]\n" + section,
                          "documents/" + kind + ".toml");
  };
  const std::string block = "heading = { fi = \"a\", sv = \"b\" }\n[[section.block]]\ntype = \"figure-table\"\n";
  EXPECT_EQ(parse("budget-book", block + "table = \"income-statement\"\n").sections[0].blocks[0].layout, "budget");
  EXPECT_EQ(parse("annual-report", block + "table = \"cash-flow\"\n").sections[0].blocks[0].layout, "annual-report");
  EXPECT_EQ(parse("annual-report", block + "table = \"cash-flow\"\nlayout = \"budget\"\n").sections[0].blocks[0].layout, "budget");
  EXPECT_EQ(parse("annual-report", "applies = \"municipality\"\n" + block + "table = \"budget\"\n").sections[0].applies, "municipality");
  struct Bad {
    std::string section, key;
  };
  for (const Bad& b : {Bad{block + "table = \"budget\"\nlayout = \"budget\"\n", "layout"},
                       Bad{block + "table = \"income-statement\"\nlayout = \"plan\"\n", "layout"},
                       Bad{"applies = \"everyone\"\n" + block + "table = \"budget\"\n", "applies"},
                       Bad{"include = \"other\"\nunits = \"unit\"\n", "include"},
                       Bad{"include = \"other\"\nunits = \"each-subunit\"\napplies = \"other\"\n", "include"}}) {
    try {
      parse("budget-book", b.section);
      ADD_FAILURE() << "accepted " << b.section;
    } catch (const InputError& e) {
      EXPECT_NE(std::string(e.what()).find(b.key), std::string::npos) << e.what();
    }
  }
}

}  // namespace
}  // namespace toteuma
