// Ledger field parsers against values worked out by hand: amounts exactly into cents in the
// forms ledger systems print, dates, periods, flags and the two encodings.
#include <gtest/gtest.h>

#include "core/money.h"
#include "ingest/csv.h"
#include "ingest/ledger_fields.h"
#include "ingest/ledger_mapping.h"

namespace toteuma::ledger {
namespace {

TEST(LedgerAmount, FinnishAndOtherPrintedFormsGiveExactCents) {
  EXPECT_EQ(parse_amount("-1 234,56"), -123456);
  EXPECT_EQ(parse_amount("-1\xC2\xA0" "935\xC2\xA0" "039"), -193503900);  // NBSP groups, whole euros
  EXPECT_EQ(parse_amount("1\xE2\x80\xAF" "000,5"), 100050);                // narrow NBSP, one decimal
  EXPECT_EQ(parse_amount("\xE2\x88\x92" "45,90"), -4590);                  // U+2212 minus
  EXPECT_EQ(parse_amount("99,50-"), -9950);                                // trailing minus (SAP)
  EXPECT_EQ(parse_amount("+12"), 1200);
  EXPECT_EQ(parse_amount("1.234.567,89"), 123456789);                      // dots group when the comma is decimal
  EXPECT_EQ(parse_amount("1234.5"), 123450);                               // one point: decimal
  EXPECT_EQ(parse_amount("1.234.567"), 123456700);                         // several points: groups
  EXPECT_EQ(parse_amount("0,10"), 10);
  EXPECT_EQ(parse_amount(",5"), 50);
  EXPECT_EQ(parse_amount("12,3400"), 1234);                                // extra zero decimals are exact
  EXPECT_EQ(parse_amount("  -7  "), -700);
  EXPECT_EQ(parse_amount("- 1 000,00"), -100000);
  EXPECT_EQ(parse_amount("\xA0" "1\xA0" "000", Decimal::automatic, Encoding::cp1252), std::nullopt);  // leading NBSP is no digit
  EXPECT_EQ(parse_amount("1\xA0" "000,25", Decimal::automatic, Encoding::cp1252), 100025);            // NBSP in Windows-1252
  EXPECT_EQ(parse_amount("999 999 999 999,99"), kMaxEnteredCents);  // the largest accepted (core/money.h)
  EXPECT_EQ(parse_amount("1 000 000 000 000,00"), std::nullopt);     // beyond the entry limit
  EXPECT_EQ(parse_amount("92233720368547757,99"), std::nullopt);
}

TEST(LedgerAmount, AnythingNotExactlyCentsIsRejected) {
  for (const char* bad : {"", "-", "abc", "1,005", "1.234", "12 34,00", "1 2345", "1,2,3", "--5", "5--", "1e5", "12,",
                          "1 000 00", "0x10", "12.34,5", "92233720368547758,08", "1 000,00 €"})
    EXPECT_EQ(parse_amount(bad), std::nullopt) << bad;
  // With the decimal mark fixed, the other mark is only a thousands separator.
  EXPECT_EQ(parse_amount("1.234", Decimal::comma), 123400);
  EXPECT_EQ(parse_amount("1,234", Decimal::point), 123400);
  EXPECT_EQ(parse_amount("1,5", Decimal::point), std::nullopt);
}

TEST(LedgerDate, IsoFinnishCompactAndExcelSerial) {
  EXPECT_EQ(parse_ledger_date("2025-03-14"), (Date{2025, 3, 14}));
  EXPECT_EQ(parse_ledger_date("2025-03-14 00:00:00"), (Date{2025, 3, 14}));
  EXPECT_EQ(parse_ledger_date("14.3.2025"), (Date{2025, 3, 14}));
  EXPECT_EQ(parse_ledger_date("01.02.2024"), (Date{2024, 2, 1}));
  EXPECT_EQ(parse_ledger_date("29.2.2024"), (Date{2024, 2, 29}));
  EXPECT_EQ(parse_ledger_date("20250314"), (Date{2025, 3, 14}));
  // Excel: 45292 is 1.1.2024; 61 is 1.3.1900 (Excel's phantom 29.2.1900 is serial 60).
  EXPECT_EQ(parse_ledger_date("45292", true), (Date{2024, 1, 1}));
  EXPECT_EQ(parse_ledger_date("45292,5", true), (Date{2024, 1, 1}));
  EXPECT_EQ(parse_ledger_date("61", true), (Date{1900, 3, 1}));
  for (const char* bad : {"29.2.2025", "31.4.2025", "2025-13-01", "14/3/2025", "14.3.25", "", "2025-3-14", "x"})
    EXPECT_EQ(parse_ledger_date(bad), std::nullopt) << bad;
  EXPECT_EQ(parse_ledger_date("60", true), std::nullopt);
}

TEST(LedgerPeriod, MonthsAndYears) {
  auto p = [](std::string_view s) {
    auto v = parse_period(s);
    return v ? v->year * 100 + v->month : -1;
  };
  EXPECT_EQ(p("2025-03"), 202503);
  EXPECT_EQ(p("2025/3"), 202503);
  EXPECT_EQ(p("202503"), 202503);
  EXPECT_EQ(p("3/2025"), 202503);
  EXPECT_EQ(p("03.2025"), 202503);
  EXPECT_EQ(p("14.3.2025"), 202503);
  EXPECT_EQ(p("2025"), 202500);  // a year only
  EXPECT_EQ(p("2025-13"), -1);
  EXPECT_EQ(p("13/2025"), -1);
  EXPECT_EQ(parse_month("09"), 9);
  EXPECT_EQ(parse_month("0"), std::nullopt);
}

TEST(LedgerFlag, YesAndNoInBothLanguages) {
  for (const char* yes : {"1", "x", "K", "kyllä", "Ja", "true", "sisäinen", "intern"}) EXPECT_EQ(parse_flag(yes), true) << yes;
  for (const char* no : {"", "0", "e", "Ei", "nej", "false", "ulkoinen", "extern"}) EXPECT_EQ(parse_flag(no), false) << no;
  EXPECT_EQ(parse_flag("maybe"), std::nullopt);
}

TEST(LedgerEncoding, Windows1252ToUtf8AndValidation) {
  EXPECT_EQ(cp1252_to_utf8("P\xE4\xE4kirjatili \x80 \x96 \xC5"), "Pääkirjatili € – Å");
  EXPECT_EQ(invalid_utf8_at("ok ä"), std::string_view::npos);
  EXPECT_EQ(invalid_utf8_at("ok \xE4 x"), 3u);        // Latin-1 ä is not UTF-8
  EXPECT_EQ(invalid_utf8_at("\xC0\x80"), 0u);         // overlong
  EXPECT_EQ(invalid_cp1252_at("a\x81" "b"), 1u);      // undefined in Windows-1252
  EXPECT_EQ(invalid_cp1252_at("\xE4\x80"), std::string_view::npos);
}

TEST(LedgerMapping, PresetsFindPublishedColumnNames) {
  Mapping m;
  // Helsinki's open data: Pääluokka, Luku, Kohta, Tulosyksikkö, Pääkirjatili, Toteuma, Vuosi.
  Columns c = resolve_columns({"Pääluokka", "Luku", "Kohta", "TULOSYKSIKKÖ", "Pääkirjatili", "Toteuma", "Vuosi"}, m, "h.csv", 1);
  EXPECT_EQ(c.at[f_cost_center], 3);
  EXPECT_EQ(c.at[f_account], 4);
  EXPECT_EQ(c.at[f_amount], 5);
  EXPECT_EQ(c.at[f_year], 6);
  EXPECT_EQ(c.at[f_date], -1);
  // Espoo's: Toimiala, Yksikkö, Kustannuspaikka, Tili, TA, Vuosi.
  c = resolve_columns({"Toimiala", "Yksikkö", "Kustannuspaikka", "Tili", "TA", "Vuosi"}, m, "e.csv", 1);
  EXPECT_EQ(c.at[f_cost_center], 2);
  EXPECT_EQ(c.at[f_account], 3);
  EXPECT_EQ(c.at[f_amount], 4);
  // mandatory_fields.csv names, with net of VAT preferred over the total.
  c = resolve_columns({"Tositepvm", "Tositenumero", "Tilinumero", "Kustannuspaikka", "Summa", "Rivin nettosumma"}, m, "k.csv", 1);
  EXPECT_EQ(c.at[f_date], 0);
  EXPECT_EQ(c.at[f_voucher], 1);
  EXPECT_EQ(c.at[f_amount], 5);
}

TEST(LedgerMapping, MissingColumnIsLocatedAtTheHeader) {
  try {
    resolve_columns({"Tositepvm", "Tili", "Summa"}, Mapping{}, "x.csv", 1);
    FAIL() << "expected an error";
  } catch (const InputError& e) {
    EXPECT_EQ(e.file, "x.csv");
    EXPECT_EQ(e.line, 1);
    EXPECT_EQ(e.column, "cost_center");
  }
}

TEST(LedgerMapping, TomlRoundTripAndLocatedErrors) {
  Mapping m = parse_mapping(
      "preset = \"kuntadata\"\nencoding = \"windows-1252\"\ndelimiter = \"tab\"\ndecimal = \",\"\nsign = \"debit-positive\"\n"
      "account_digits = 4\n[columns]\namount = \"Euroa\"\n[accounts]\ninternal = [\"9700-9899\"]\nskip = [\"1000-2999\"]\n"
      "[cost_centers]\n\"100\" = \"ict\"\n"
      "[investments]\nexpenditure = [\"1000-1199\"]\ngrants = [\"1196\"]\n[projects]\n\"4711\" = \"p101\"\n",
      "m.toml");
  EXPECT_EQ(m.encoding, Encoding::cp1252);
  EXPECT_EQ(m.delimiter, '\t');
  EXPECT_TRUE(m.debit_positive);
  EXPECT_EQ(m.columns[f_amount], "Euroa");
  EXPECT_EQ(m.internal_accounts, (std::vector<AccountSpan>{{9700, 9899}}));
  EXPECT_EQ(m.cost_centers.at("100"), "ict");
  EXPECT_EQ(m.investment_accounts[0], (std::vector<AccountSpan>{{1000, 1199}}));
  EXPECT_EQ(m.investment_accounts[1], (std::vector<AccountSpan>{{1196, 1196}}));
  EXPECT_TRUE(m.investment_accounts[2].empty());
  EXPECT_EQ(m.projects.at("4711"), "p101");
  Mapping again = parse_mapping(mapping_to_toml(m), "m.toml");
  EXPECT_EQ(again, m);
  try {
    parse_mapping("preset = \"auto\"\n\n[accounts]\nskip = [\"x-2999\"]\n", "bad.toml");
    FAIL() << "expected an error";
  } catch (const InputError& e) {
    EXPECT_EQ(e.line, 4);
    EXPECT_EQ(e.column, "skip");
  }
  try {
    parse_mapping("[investments]\nexpenditure = [\"1000-1199\"]\nsales = [\"1101\"]\n", "bad.toml");
    FAIL() << "expected an error";
  } catch (const InputError& e) {
    EXPECT_EQ(e.line, 3);
    EXPECT_EQ(e.column, "sales");
  }
}

}  // namespace
}  // namespace toteuma::ledger
