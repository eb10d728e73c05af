// The printed-table vocabulary (issue 15, item 2): labels and headings as printed by Finnish and
// Swedish municipalities, matched by the data files and the general rules; a user's --synonyms file.
#include <gtest/gtest.h>

#include "check/table_checks.h"
#include "check/table_vocabulary.h"
#include "cli/commands.h"
#include "ingest/csv.h"
#include "ingest/dataset_files.h"
#include "ingest/printed_table.h"
#include "test_util.h"

namespace toteuma {
namespace {

struct LabelCase {
  const char* label;
  const char* line;  // "" = not a chart line
};

TEST(TableVocabulary, MatchesLabelsAsPrinted) {
  Chart chart = default_chart();
  TableVocabulary v(chart);
  const LabelCase cases[] = {
      {"Myyntitulot", "sales"},
      {"Toimintatulot yhteensä", "operating_income"},
      {"Palkat", "wages"},
      {"Löner", "wages"},
      {"Henkilösivumenot", "side_costs"},
      {"Henkilö- sivumenot", "side_costs"},  // a line break after a hyphen
      {"Omkostnader", "operating_costs"},
      {"Verotulot", "tax_revenue"},
      {"VUOSIKATE", "annual_margin"},
      {"Toimintakate (sitova)", "operating_margin"},        // a remark in parentheses
      {"2.3 Verotulot", "tax_revenue"},                     // numbering
      {"Verotulot 1)", "tax_revenue"},                      // a footnote mark
      {"Verotulot\u00b9", "tax_revenue"},
      {"Vuosikate - Årsbidrag (1000 €)", "annual_margin"},  // bilingual cell with a unit
      {"Lyhytaikaisten lainojen muutos -Förändring i kortfristiga lån", "short_term_loans_change"},
      {"Rahoitustulot ja \u2013menot", "financial_items"},   // en dash
      {"Rahoitustuotot ja -kulut", "financial_items"},      // "ja -kulut" is not a bilingual cell
      {"TILIKAUDEN YLIJÄÄMÄ/ ALIJÄÄMÄ (-)", "surplus"},
      {"Investeringarnas kassaflöde, 1 000 euro", "investment_cash_flow"},
      {"Lainakanta 31.12.", "loan_stock"},
      {"Vuokratulot", ""},   // rent income: part of other income, no line of its own
      {"Tulot", ""},         // an investment block's income: no line of the income statement
      {"= Toimintakate (+ tai -)", "operating_margin"},  // a result's equals sign and sign remark
      {"Verksamhetsbidrag +/-", "operating_margin"},
      {"Vuosikate (+/-)", "annual_margin"},
      {"Yli/alijäämä", "surplus"},  // or the result: the table decides (cases/printed_margin, ambiguous_label)
  };
  for (const auto& c : cases) {
    const Line* l = v.line_of(c.label);
    EXPECT_EQ(l ? l->id : "", c.line) << c.label;
  }
  ASSERT_EQ(v.lines_of("Yli-/alijäämä").size(), 2u);
  EXPECT_EQ(v.lines_of("Yli-/alijäämä")[1]->id, "result");
  EXPECT_TRUE(TableVocabulary::of_which("Josta vuokratulot"));
  EXPECT_TRUE(TableVocabulary::of_which("Varav hyresinkomster"));
  EXPECT_FALSE(TableVocabulary::of_which("Toimintatulot"));
}

struct HeadingCase {
  const char* heading;
  Col kind;
  int year;
};

TEST(TableVocabulary, ReadsHeadingsAsPrinted) {
  Chart chart = default_chart();
  TableVocabulary v(chart);
  const HeadingCase cases[] = {
      {"Alkuperäinen talousarvio", Col::budget, 2018},
      {"Alkup. TA 2024", Col::budget, 2024},
      {"TA 2024 muutettu", Col::budget_after, 2024},
      {"TP2023", Col::actual, 2023},                 // a year glued to its word
      {"Tot. 2024", Col::actual, 2024},
      {"Kertymä 1-6/2024", Col::actual, 2024},
      {"Ero €", Col::deviation, 2018},
      {"Erotus", Col::deviation, 2018},
      {"Ero %", Col::other, 2018},                  // a deviation in per cent, not actual / budget
      {"Poikkeama-%", Col::other, 2018},
      {"Osuus %", Col::other, 2018},                // a share of the total
      {"Kasvu-% 2024", Col::other, 2024},
      {"Andel %", Col::other, 2018},
      {"Jäljellä", Col::other, 2018},               // what is left: no direction to check
      {"KS 2024", Col::figure, 2024},               // the spending plan
      {"Käyttösuunnitelma 2024", Col::figure, 2024},
      {"TAE 2025", Col::figure, 2025},              // a budget proposal
      {"Talous- arvio 2021", Col::budget, 2021},
      {"Ehdotus 2023", Col::figure, 2023},  // a proposal: not the budget decided
      {"Talousarvio- muutokset", Col::amendments, 2018},
      {"TA-muutokset", Col::amendments, 2018},
      {"Anslagsändring", Col::amendments, 2018},
      {"TA-muutos 2/2019", Col::amendments, 2019},
      {"2. lisätalousarvio 2019", Col::amendments, 2019},
      {"Talousarvio muutosten jälkeen", Col::budget_after, 2018},
      {"TA 2019 mj", Col::budget_after, 2019},
      {"Muutettu TA", Col::budget_after, 2018},
      {"Totalt", Col::budget_after, 2018},
      {"Toteutunut 2019", Col::actual, 2019},
      {"Toteuma", Col::actual, 2018},
      {"Förbrukning 2021", Col::actual, 2021},
      {"Utfall 2019", Col::actual, 2019},
      {"Käyttö 2020", Col::actual, 2020},
      {"Tp 2012", Col::actual, 2012},
      {"1.1.\u201331.12.2019", Col::actual, 2019},
      {"01.01.-31.12.2019", Col::actual, 2019},
      {"1.1. - 31.12.2017", Col::actual, 2017},
      {"2016", Col::figure, 2016},
      {"Konserni 2019", Col::figure, 2019},
      {"Kaupunki (Tietoihin sisältyy valmistus omaan käyttöön) 2018", Col::figure, 2018},
      {"TS 2024", Col::plan, 2024},
      {"TTS 2019", Col::plan, 2019},
      {"EP 2022", Col::plan, 2022},
      {"Ekonomi- plan 2024", Col::plan, 2024},
      {"Talous- suunnitelma 2023", Col::plan, 2023},
      {"Ennuste 2022", Col::forecast, 2022},
      {"Toteuma % 2019", Col::realisation, 2019},
      {"Utfall-% 2019", Col::realisation, 2019},
      {"Ylitysoikeus 2019", Col::overrun, 2019},
      {"Överskr.rätt", Col::overrun, 2018},
      {"Poikkeama", Col::deviation, 2018},
      {"Avvikelse 2019", Col::deviation, 2019},
      {"Muutos 2017-2018 %", Col::other, 2017},
      {"Kahvikassa", Col::unknown, 2018},
  };
  for (const auto& c : cases) {
    ColumnMeaning m = v.heading(c.heading, 2018);
    EXPECT_EQ(static_cast<int>(m.kind), static_cast<int>(c.kind)) << c.heading;
    EXPECT_EQ(m.year, c.year) << c.heading;
  }
  EXPECT_EQ(v.heading("TS 2024", 2023).base_year, 2023);
}

TEST(TableVocabulary, ScaleOfACaption) {
  EXPECT_EQ(scale_of_caption("1 000 €"), 1000);
  EXPECT_EQ(scale_of_caption("1 000 euroa"), 1000);
  EXPECT_EQ(scale_of_caption("Tuloslaskelma, 1000 e"), 1000);
  EXPECT_EQ(scale_of_caption("T€"), 1000);
  EXPECT_EQ(scale_of_caption("Milj. euroa"), 1000000);
  EXPECT_EQ(scale_of_caption("M€"), 1000000);
  EXPECT_EQ(scale_of_caption("€"), 0);
  EXPECT_EQ(scale_of_caption("Tuloslaskelma"), 0);
  EXPECT_EQ(scale_of_caption(""), 0);
}

TEST(TableVocabulary, CellsThatSayNoValue) {
  for (const char* none : {"", " ", "-", "\u2013", "\u2014", "..", "\u2026"}) EXPECT_TRUE(no_value_cell(none)) << none;
  EXPECT_FALSE(no_value_cell("0"));
  EXPECT_FALSE(no_value_cell("-5"));
  EXPECT_EQ(without_footnote("1 234*"), "1 234");
  EXPECT_EQ(without_footnote("1 234 1)"), "1 234");
  EXPECT_EQ(without_footnote("1 234 (a)"), "1 234");
  EXPECT_EQ(without_footnote("1 234\u00b2"), "1 234");
  EXPECT_EQ(without_footnote("-1 935 039"), "-1 935 039");
}

// --synonyms: the user's own labels and headings, in the format of the built-in files.
TEST(TableVocabulary, UserSynonymsFile) {
  testing::TempDir dir;
  testing::spit(dir.path() / "t.csv",
                "# unit: keskus\n# year: 2024\n;Raami 2024;TP 2024\nKahvikassa;100;120\nMuut toimintatulot;50;60\n"
                "Toimintatuotot;150;200\n");
  testing::spit(dir.path() / "own.csv", "line;language;label\n# our own words\nother_income;fi;Kahvikassa\n");
  testing::spit(dir.path() / "headings.csv", "meaning;pattern\nbudget;raami*\n");
  CommandOptions o;
  o.tables = {(dir.path() / "t.csv").string()};
  o.format = "csv";
  std::ostringstream without;
  EXPECT_EQ(cmd_check(o, without), 0);  // unknown: information only; the total not checked
  EXPECT_NE(without.str().find("info;table.unknown_label;t.csv;4;keskus;Kahvikassa"), std::string::npos);
  EXPECT_NE(without.str().find("warning;table.unknown_heading;t.csv;3;keskus;;Raami 2024"), std::string::npos);
  o.synonyms = {(dir.path() / "own.csv").string(), (dir.path() / "headings.csv").string()};
  std::ostringstream with;
  EXPECT_EQ(cmd_check(o, with), 1);
  // Now both are understood and the total is checked: TP 180 printed 200.
  EXPECT_EQ(with.str(),
            "severity;rule;file;line;unit;row;column;year;expected;found\n"
            "error;arith.total;t.csv;6;keskus;Toimintatuotot;TP 2024;2024;180;200\n");
}

TEST(TableVocabulary, BadSynonymsFileIsAnInputError) {
  testing::TempDir dir;
  testing::spit(dir.path() / "own.csv", "line;language;label\nno_such_line;fi;Kahvikassa\n");
  testing::spit(dir.path() / "headings.csv", "meaning;pattern\nbudjetti;raami*\n");
  Chart chart = default_chart();
  for (const char* f : {"own.csv", "headings.csv"}) {
    TableVocabulary v(chart);
    try {
      v.add_file((dir.path() / f).string());
      ADD_FAILURE() << f;
    } catch (const InputError& e) {
      EXPECT_EQ(e.line, 2) << f;
    }
  }
}

// A statutory statement prints a year over two columns (sub-items, lines): no ragged rows, and a
// total printed in the lines' column is not missing in the sub-items' one.
TEST(TableVocabulary, HeadingSpanningTwoColumns) {
  testing::TempDir dir;
  testing::spit(dir.path() / "t.csv",
                "# unit: konserni\n# year: 2018\nTuloslaskelma;1.1.-31.12.2018;;1.1.-31.12.2017;\n"
                "Toimintatuotot;;1 000,00;;900,00\nToimintakulut;;-3 000,00;;-2 800,00\n"
                "Toimintakate;;-2 000,00;;-1 900,00\nVerotulot;;1 500,00;;1 400,00\nValtionosuudet;;600,00;;550,00\n"
                "Rahoitustuotot ja -kulut;;;;\nKorkotuotot;10,00;;12,00;\nKorkokulut;-30,00;-20,00;-25,00;-13,00\n"
                "Vuosikate;;80,00;;37,00\n");
  auto r = check_tables({read_printed_table((dir.path() / "t.csv").string())}, default_chart());
  EXPECT_TRUE(r.findings.empty()) << r.findings.front().rule << " " << r.findings.front().where.line;
  // The same with Vuosikate misprinted in 2018: one error, in the lines' column.
  std::string bad = testing::slurp(dir.path() / "t.csv");
  bad.replace(bad.find("80,00"), 5, "90,00");
  testing::spit(dir.path() / "t.csv", bad);
  r = check_tables({read_printed_table((dir.path() / "t.csv").string())}, default_chart());
  ASSERT_EQ(r.findings.size(), 1u);
  EXPECT_EQ(r.findings[0].rule, "arith.total");
  EXPECT_EQ(r.findings[0].where.line, 12);
  EXPECT_EQ(r.findings[0].where.column, "");
}

}  // namespace
}  // namespace toteuma
