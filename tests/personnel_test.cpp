// The personnel plan's tables against figures written by hand from seed 003 (Heinola).
#include <gtest/gtest.h>

#include <cstdlib>
#include <sstream>

#include "cli/commands.h"
#include "core/personnel_tables.h"
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
  EXPECT_LE(std::llabs(parts - 666200), 1);  // share rounding: at most 1 thousandth
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

}  // namespace
}  // namespace toteuma
