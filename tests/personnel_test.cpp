// The personnel plan's tables against figures written by hand from seed 003 (Heinola).
#include <gtest/gtest.h>

#include <cstdlib>
#include <set>
#include <sstream>

#include "cli/commands.h"
#include "core/personnel/personnel_tables.h"
#include "ingest/dataset_files.h"
#include "demo_db.h"
#include "test_util.h"

namespace toteuma {
namespace {

const SimpleRow* find_row(const SimpleTable& t, const std::string& label) {
  for (const auto& r : t.rows)
    if (r.label == label) return &r;
  return nullptr;
}

class Heinola : public ::testing::Test {
 protected:
  Dataset d = load_dataset_dir(testing::demo_dir());
  Ledger ledger{d};
};

TEST_F(Heinola, CityPersonYearsAsPrinted) {
  // Seed 003 table 1: Koko kaupunki 659,7 (2023) and 666,2 (2024 forecast); table 2: 618,2 (2025).
  Date s2025 = Date::first_of_year(2025);
  EXPECT_EQ(restated_htv(d, "heinola", 2023, s2025), 659700);
  EXPECT_EQ(restated_htv(d, "heinola", 2024, s2025), 666200);
  EXPECT_EQ(restated_htv(d, "heinola", 2025, s2025), 618200);
  // The text: staff falls by 41,5 htv from 2023 to 2025.
  EXPECT_EQ(restated_htv(d, "heinola", 2023, s2025) - restated_htv(d, "heinola", 2025, s2025), 41500);
  // Table 2, 2027: Hyvinvointipalvelut 379 + Työllistetyt 40 = 419 (the seed prints 418).
  EXPECT_EQ(restated_htv(d, "hei-hyvinvointipalvelut", 2027, s2025), 419000);
}

TEST_F(Heinola, EarlierYearsRestatedInTheNewStructure) {
  Date s2025 = Date::first_of_year(2025);
  // Kaupunkiympäristö did not exist in 2024: Tekninen 144,4 + Lupa- ja valvonta 13,8 = 158,2.
  EXPECT_EQ(restated_htv(d, "hei-kaupunkiymparisto", 2024, s2025), 158200);
  // The restated parts still add up to the city: every old unit is mapped in full.
  std::int64_t parts = 0;
  for (const char* u : {"hei-yhteiset", "hei-hyvinvointipalvelut", "hei-kaupunkiymparisto"})
    parts += restated_htv(d, u, 2024, s2025);
  EXPECT_EQ(parts, 666200);  // the shares of an old unit are split so that they add up exactly
  // Transfers out are rows of their own, not a silent drop.
  auto tables = personnel_tables(ledger, "heinola", 2025, Lang::fi);
  int transfers = 0;
  for (const auto& r : tables[0].rows) transfers += r.note && r.label.find("Lahti Aqua") != std::string::npos;
  EXPECT_EQ(transfers, 1);
}

TEST_F(Heinola, HeadcountRetirementsAndTraining) {
  auto tables = personnel_tables(ledger, "heinola", 2025, Lang::fi);
  const SimpleTable* head2023 = nullptr;
  const SimpleTable* retire = nullptr;
  const SimpleTable* training = nullptr;
  for (const auto& t : tables) {
    if (t.title == "Palvelussuhteet tyypeittäin 31.12.2023") head2023 = &t;
    if (t.title == "Eläkepoistuma") retire = &t;
    if (t.title == "Koulutuspäivät ja koulutuskorvaus") training = &t;
  }
  ASSERT_TRUE(head2023 && retire && training);
  // Table 4: permanent 528 + fixed-term 126 = 654 (columns: määräaikaiset, vakituiset, Yhteensä).
  const SimpleRow* city = find_row(*head2023, "Heinolan kaupunki");
  ASSERT_TRUE(city);
  EXPECT_EQ(city->cells[0], 126);
  EXPECT_EQ(city->cells[1], 528);
  EXPECT_EQ(city->cells[2], 654);
  // Table 6: retirements 2024 = 24 (first column).
  const SimpleRow* ret = find_row(*retire, "Heinolan kaupunki");
  ASSERT_TRUE(ret);
  EXPECT_EQ(ret->cells[0], 24);
  // Table 8: eligible training days 2023 = 550, the sum of the sectors (hundredths of a day).
  const SimpleRow* eligible = find_row(*training, "Koulutuskorvaukseen oikeuttavat päivät");
  ASSERT_TRUE(eligible);
  EXPECT_EQ(eligible->cells[1], 55000);
  std::int64_t sectors = 0;
  for (const auto& r : training->rows)
    if (r.level == 1 && r.cells[1]) sectors += *r.cells[1];
  EXPECT_EQ(sectors, 55000);
}

TEST_F(Heinola, CommandPrintsBothLanguages) {
  testing::TempDir tmp;
  CommandOptions o;
  o.db = testing::load_demo_db(tmp);
  o.unit = "heinola";
  o.year = 2025;
  for (auto [lang, title] : {std::pair{"fi", "Henkilötyövuodet (htv)"}, std::pair{"sv", "Årsverken"}}) {
    o.lang = lang;
    std::ostringstream out;
    ASSERT_EQ(cmd_personnel(o, out), 0);
    EXPECT_NE(out.str().find(title), std::string::npos);
    EXPECT_NE(out.str().find("659,7"), std::string::npos);
  }
}

// Rows and totals agree in every table (issue 13, item 3): every row marked as a part of another
// adds up to it in every column (an absent part counts as 0; a column in which every part is
// absent is a figure not broken down, e.g. a budget entered on Henkilöstökulut only), exactly in
// fixed point; the last column of a table so marked is the sum of the others. Returns how many
// sums were checked.
int expect_adds_up(const SimpleTable& t, const std::string& where) {
  int checked = 0;
  for (const auto& r : t.rows) EXPECT_EQ(r.cells.size(), t.headings.size()) << where << " / " << t.title << " / " << r.label;
  bool has_total = false;
  for (const auto& r : t.rows) has_total = has_total || r.total;
  for (std::size_t i = 0; i < t.rows.size(); ++i) {
    const SimpleRow& whole = t.rows[i];
    // A table with a total: every unit row at the top level is one of its parts.
    if (has_total && !whole.total && !whole.note && whole.level == 0) {
      EXPECT_GE(whole.part_of, 0) << where << " / " << t.title << " / " << whole.label << " is part of no total";
    }
    std::vector<const SimpleRow*> parts;
    for (const auto& r : t.rows)
      if (r.part_of == static_cast<int>(i)) parts.push_back(&r);
    if (parts.empty()) continue;
    for (std::size_t c = 0; c < whole.cells.size(); ++c) {
      std::int64_t sum = 0;
      bool any = false;
      for (const SimpleRow* p : parts) {
        sum += p->cells[c].value_or(0);
        any = any || p->cells[c].has_value();
      }
      if (!any) continue;
      EXPECT_EQ(sum, whole.cells[c].value_or(0))
          << where << " / " << t.title << " / " << whole.label << " / " << t.headings[c];
      ++checked;
    }
  }
  if (t.last_column_total)
    for (const auto& r : t.rows) {
      std::int64_t sum = 0;
      for (std::size_t c = 0; c + 1 < r.cells.size(); ++c) sum += r.cells[c].value_or(0);
      EXPECT_EQ(sum, r.cells.back().value_or(0)) << where << " / " << t.title << " / " << r.label;
      ++checked;
    }
  return checked;
}

TEST_F(Heinola, EveryTableOfEveryUnitAndYearAddsUp) {
  std::set<std::string> units;
  for (const auto& u : d.units) units.insert(u.id);
  int checked = 0;
  for (const auto& unit : units)
    for (int year = 2021; year <= 2029; ++year)
      for (Lang lang : {Lang::fi, Lang::sv})
        for (const auto& t : personnel_tables(ledger, unit, year, lang))
          checked += expect_adds_up(t, unit + " " + std::to_string(year));
  EXPECT_GT(checked, 500);
}

// The reproduction: the plan viewed for 2024. The years in the old structure (2023 actual, 2024
// forecast) are one table; the plan years, made for the new service areas, are a second table in
// that structure (seed 003 table 2), and no old sector shows 0,0 beside a total of 618,2.
TEST_F(Heinola, PlanViewedFor2024ShowsLaterYearsInTheirOwnStructure) {
  auto tables = personnel_tables(ledger, "heinola", 2024, Lang::fi);
  ASSERT_GE(tables.size(), 2u);
  const SimpleTable& old = tables[0];
  const SimpleTable& later = tables[1];
  EXPECT_EQ(old.headings, (std::vector<std::string>{"2023", "2024 (ennuste)"}));
  EXPECT_EQ(later.title, "Henkilötyövuodet (htv), organisaatio 1.1.2025 alkaen");
  EXPECT_EQ(later.headings, (std::vector<std::string>{"2025 (suunnitelma)", "2026 (suunnitelma)"}));
  // Seed 003 table 1 (2024: 35 + 371 + 102 + 144,4 + 13,8 = 666,2) and table 2.
  auto cells = [](const SimpleTable& t, const std::string& label) {
    const SimpleRow* r = find_row(t, label);
    return r ? r->cells : std::vector<std::optional<std::int64_t>>{};
  };
  using C = std::vector<std::optional<std::int64_t>>;
  EXPECT_EQ(cells(old, "Elinvoima"), (C{85200, 102000}));
  EXPECT_EQ(cells(old, "Heinolan kaupunki"), (C{659700, 666200}));
  EXPECT_EQ(cells(later, "Hyvinvointipalvelut"), (C{422000, 421000}));  // 382 + 40 employed; 381 + 40
  EXPECT_EQ(cells(later, "Kaupunkiympäristö"), (C{137500, 137500}));
  EXPECT_EQ(cells(later, "Yhteiset palvelut"), (C{58700, 57700}));
  EXPECT_EQ(cells(later, "Heinolan kaupunki"), (C{618200, 616200}));
  EXPECT_EQ(find_row(later, "Elinvoima"), nullptr);
  // The transfers of 1.1.2025 are noted where they have taken effect.
  int transfers = 0;
  for (const auto& r : later.rows) transfers += r.note;
  EXPECT_EQ(transfers, 2);
}

// Shares that cannot all be rounded to the nearest thousandth and still add up: an old unit of
// 0,001 htv split three ways (33,3 % / 33,3 % / 33,4 %) gives its one thousandth to exactly one
// new unit (the largest remainder), never to none.
TEST_F(Heinola, SharesOfAnOldUnitAddUpExactly) {
  std::erase_if(d.restructurings, [](const Restructuring& r) { return r.old_unit == "hei-elinvoima"; });
  Date on{2025, 1, 1};
  for (auto [to, share] : {std::pair{"hei-yhteiset", 333}, {"hei-hyvinvointipalvelut", 333}, {"hei-kaupunkiymparisto", 334}})
    d.restructurings.push_back({on, "hei-elinvoima", to, share, "", std::nullopt, std::nullopt, ""});
  for (auto& h : d.personnel.htv)
    if (h.unit == "hei-elinvoima" && h.year == 2024) h.htv = h.group.empty() ? 1 : 0;
  std::int64_t moved = 0;
  for (const char* u : {"hei-yhteiset", "hei-hyvinvointipalvelut", "hei-kaupunkiymparisto"})
    moved += restated_htv(d, u, 2024, on);
  // 35 + 371 + 0,001 + 144,4 + 13,8 = 564,201: the restated parts, exactly.
  EXPECT_EQ(moved, 564201);
  EXPECT_EQ(restated_htv(d, "heinola", 2024, on), 564201);
  Ledger changed{d};
  for (const auto& t : personnel_tables(changed, "heinola", 2025, Lang::fi)) expect_adds_up(t, "three-way split");
}

}  // namespace
}  // namespace toteuma
