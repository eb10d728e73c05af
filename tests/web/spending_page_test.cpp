// The spending plan page (issue 16 item 6): /{lang}/budget/2025/spending-plan?unit=kanslia on the
// demo with data/demo/examples/spending-plan-2025.csv imported. Hand-computed from data/demo:
// kanslia's operating margin in ta2025 (no amendment of 2025) is 500 + 150 000 − 2 094 694
// − 2 010 045 − 69 150 − 35 000 − 107 250 = −4 165 639 €; the plan splits it to kansliapalvelut
// −1 189 949 (months 11 × −99 162 and −99 167), ict −1 118 985 (11 × −93 248 and −93 257) and
// talous −1 856 705 (no months): −1 189 949 − 1 118 985 − 1 856 705 = −4 165 639, adding up.
// January's column is −99 162 − 93 248 = −192 410, December's −99 167 − 93 257 = −192 424, and the
// months together −1 189 949 − 1 118 985 = −2 308 934 (talous has none).
#include <gtest/gtest.h>

#include <sstream>

#include "cli/budget_commands.h"
#include "store/workplace_store.h"
#include "web_client.h"

namespace toteuma {
namespace {

using testing::Client;

constexpr const char* kPassword = "oikea-salasana-42";
const std::string kPage = "/fi/budget/2025/spending-plan";
const std::string kNbsp = "\u00a0";
std::string eur(const std::string& grouped) {  // "-4 165 639" with the pages' non-breaking spaces
  std::string out;
  for (char ch : grouped) out += ch == ' ' ? kNbsp : std::string(1, ch);
  return out;
}

struct PlanWeb : testing::UsersWorkplace {
  PlanWeb() : UsersWorkplace({{"talous", "finance"}, {"kanslia", "editor:kanslia"}, {"lukija", "viewer"}}, kPassword) {
    BudgetOptions o;
    o.db = db;
    o.file = (testing::source_dir() / "data" / "demo" / "examples" / "spending-plan-2025.csv").string();
    std::ostringstream out;
    EXPECT_EQ(cmd_spending_plan_import(o, out), 0);
    app = make_app(db);  // the imported plan in the server's snapshot
  }
  const SpendingPlanRow* row(const Dataset& d, const std::string& unit) const {
    for (const auto& r : d.spending_plan)
      if (r.year == 2025 && r.unit == unit && r.line == "operating_margin") return &r;
    return nullptr;
  }
};

// ict's row as the form sends it: the year, twelve months (blank: none) and the before fields seen.
std::map<std::string, std::string> ict_form(const std::string& page, const std::string& year, const std::vector<std::string>& months) {
  std::map<std::string, std::string> f{{"y_ict", year}, {"b_ict", Client::field(page, "b_ict")}, {"h_ict", Client::field(page, "h_ict")}};
  for (int m = 1; m <= 12; ++m) f["m" + std::to_string(m) + "_ict"] = months.empty() ? "" : months[static_cast<std::size_t>(m - 1)];
  return f;
}
const std::map<std::string, std::string> kUnit{{"unit", "kanslia"}};

TEST(WebSpendingPlan, ShowsTheSplitItsSumsAndThatItAddsUp) {
  PlanWeb w;
  Client viewer = w.as("lukija");
  auto page = viewer.get(kPage, kUnit);
  ASSERT_EQ(page.status, 200);
  const struct {
    const char* what;
    std::string text;
  } want[] = {
      {"the appropriation", "<strong>" + eur("-4 165 639") + " €</strong>"},
      {"the year's column sum", "<tr class=\"sum\"><th scope=\"row\">Yhteensä</th><td class=\"num\">" + eur("-4 165 639") + "</td>"
                                "<td class=\"num\">" + eur("-192 410") + "</td>"},
      {"December's column and the months' total", "<td class=\"num\">" + eur("-192 424") + "</td><td class=\"num\">" + eur("-2 308 934") + "</td></tr>"},
      {"ict's months add up to its year", "<td class=\"num\">" + eur("-93 257") + "</td><td class=\"num\">" + eur("-1 118 985") + "</td></tr>"},
      {"no difference", "<tr class=\"difference\"><th scope=\"row\">Ero</th><td class=\"num\">0</td>"},
      {"the check's verdict", "Käyttösuunnitelma täsmää päätökseen."},
  };
  for (const auto& k : want) EXPECT_NE(page.body.find(k.text), std::string::npos) << k.what << ": " << k.text;
  EXPECT_EQ(page.body.find("name=\"y_ict\""), std::string::npos) << "a viewer gets no inputs";
  auto sv = viewer.get("/sv/budget/2025/spending-plan", kUnit);
  ASSERT_EQ(sv.status, 200);
  EXPECT_NE(sv.body.find("Dispositionsplanen stämmer med beslutet."), std::string::npos);
  EXPECT_NE(sv.body.find("Sammanlagt"), std::string::npos);
  // The round page links it.
  EXPECT_NE(viewer.get("/fi/budget/2025").body.find("href=\"/fi/budget/2025/spending-plan\""), std::string::npos);
}

TEST(WebSpendingPlan, APlanThatDoesNotAddUpShowsTheDifferenceInBothLanguages) {
  PlanWeb w;
  Client fin = w.as("talous");
  auto page = fin.get(kPage, kUnit);
  ASSERT_EQ(page.status, 200);
  EXPECT_EQ(Client::field(page.body, "h_ict"), "1");
  // ict 10 000 € more costs, typed as people type them, without months: the plan is −4 175 639.
  ASSERT_EQ(fin.post(kPage, ict_form(page.body, "-1 128 985", {}), kUnit).status, 303);
  Dataset d = w.read();
  ASSERT_NE(w.row(d, "ict"), nullptr);
  EXPECT_EQ(w.row(d, "ict")->amount, -112898500);
  EXPECT_FALSE(w.row(d, "ict")->months.has_value());
  page = fin.get(kPage, kUnit);
  EXPECT_NE(page.body.find("<tr class=\"difference off\"><th scope=\"row\">Ero</th><td class=\"num\">" + eur("-10 000") + "</td>"),
            std::string::npos);
  EXPECT_NE(page.body.find("Käyttösuunnitelma ei täsmää päätökseen:"), std::string::npos);
  EXPECT_NE(page.body.find("(ero -10 000,00 €)"), std::string::npos) << "the check's finding";
  auto sv = fin.get("/sv/budget/2025/spending-plan", kUnit);
  EXPECT_NE(sv.body.find("Dispositionsplanen stämmer inte med beslutet:"), std::string::npos);
  EXPECT_NE(sv.body.find("(skillnad -10 000,00 €)"), std::string::npos);
  EXPECT_NE(fin.get("/fi/budget/2025").body.find("(ero -10 000,00 €)"), std::string::npos) << "the round page shows the finding";
  // One audit row by the web user, on ict.
  auto audit = open_workplace_store(w.db)->audit("", 1);
  ASSERT_EQ(audit.size(), 1u);
  EXPECT_EQ(audit[0].entity, "spending_plan");
  EXPECT_EQ(audit[0].key, "2025/ict/operating_margin");
  EXPECT_EQ(audit[0].user, "talous");
  EXPECT_EQ(audit[0].after, "-112898500");
}

TEST(WebSpendingPlan, MonthsWithoutAYearMakeTheYearAndMonthsThatDoNotAddUpAreRefused) {
  PlanWeb w;
  Client fin = w.as("talous");
  auto page = fin.get(kPage, kUnit);
  std::vector<std::string> months(12, "-90 000");
  months[11] = "-128 985";  // 11 × −90 000 − 128 985 = −1 118 985
  ASSERT_EQ(fin.post(kPage, ict_form(page.body, "", months), kUnit).status, 303);
  Dataset d = w.read();
  ASSERT_NE(w.row(d, "ict"), nullptr);
  EXPECT_EQ(w.row(d, "ict")->amount, -111898500);
  EXPECT_EQ((*w.row(d, "ict")->months)[0], -9000000);
  // A year that the months do not make: refused, naming the row and the difference; nothing written.
  page = fin.get(kPage, kUnit);
  auto bad = fin.post(kPage, ict_form(page.body, "-1 118 985", std::vector<std::string>(12, "-90 000")), kUnit);
  EXPECT_EQ(bad.status, 400);
  EXPECT_NE(bad.body.find("Tieto- ja viestintäteknologiapalvelut, Toimintakate"), std::string::npos);
  EXPECT_NE(bad.body.find("ero 38 985,00"), std::string::npos) << "12 × −90 000 = −1 080 000 against −1 118 985";
  EXPECT_EQ(w.read().spending_plan, d.spending_plan);
}

TEST(WebSpendingPlan, OnlyWhoeverEditsFiguresSavesAndAStaleSaveIsRefused) {
  PlanWeb w;
  Client fin = w.as("talous");
  const std::string seen = fin.get(kPage, kUnit).body;
  Dataset before = w.read();
  for (const char* user : {"kanslia", "lukija"}) {
    SCOPED_TRACE(user);
    Client c = w.as(user);
    EXPECT_EQ(c.post(kPage, ict_form(seen, "-1", {}), kUnit).status, 403);
  }
  EXPECT_EQ(w.read().spending_plan, before.spending_plan);
  // Someone changes ict's row after finance opened the page: finance's save is refused whole.
  BudgetOptions o;
  o.db = w.db;
  o.year = 2025;
  o.unit = "ict";
  o.line = "operating_margin";
  o.amount = "-1118000";
  std::ostringstream out;
  ASSERT_EQ(cmd_spending_plan_set(o, out), 0);
  auto stale = fin.post(kPage, ict_form(seen, "-1 120 000", {}), kUnit);
  EXPECT_EQ(stale.status, 409);
  EXPECT_EQ(w.row(w.read(), "ict")->amount, -111800000);
}

TEST(WebSpendingPlan, APastedPlanFileIsAllOrNothingAndReplacesTheUnitsItNames) {
  PlanWeb w;
  Client fin = w.as("talous");
  const std::string head = "year;unit;line;amount;m01;m02;m03;m04;m05;m06;m07;m08;m09;m10;m11;m12\n";
  // Line 3 names a line the chart does not have: refused whole, located.
  auto bad = fin.post(kPage, {{"do", "import"}, {"csv", head + "2025;ict;operating_margin;-1118985;;;;;;;;;;;;\n2025;talous;no_such_line;-1;;;;;;;;;;;;\n"}},
                      kUnit);
  EXPECT_EQ(bad.status, 400);
  EXPECT_NE(bad.body.find("rivi 3, sarake line"), std::string::npos);
  Dataset before = w.read();
  EXPECT_EQ(before.spending_plan.size(), 3u) << "nothing written";
  // kanslia's whole plan: two areas; talous's stored row goes.
  auto ok = fin.post(kPage, {{"do", "import"}, {"csv", head + "2025;ict;operating_margin;-2000000;;;;;;;;;;;;\n"
                                                             "2025;kansliapalvelut;operating_margin;-2165639;;;;;;;;;;;;\n"}}, kUnit);
  EXPECT_EQ(ok.status, 303);
  Dataset d = w.read();
  EXPECT_EQ(d.spending_plan.size(), 2u);
  EXPECT_EQ(w.row(d, "talous"), nullptr);
  EXPECT_EQ(w.row(d, "ict")->amount, -200000000);
  EXPECT_NE(fin.get(kPage, kUnit).body.find("Käyttösuunnitelma täsmää päätökseen."), std::string::npos) << "−2 000 000 − 2 165 639 = −4 165 639";
}

TEST(WebSpendingPlan, UnknownUnitsAndLinesAreNotFound) {
  PlanWeb w;
  Client c = w.as("lukija");
  EXPECT_EQ(c.get(kPage, {{"unit", "ict"}}).status, 404) << "not a binding unit";
  EXPECT_EQ(c.get(kPage, {{"unit", "kanslia"}, {"line", "nosuch"}}).status, 404);
  EXPECT_EQ(c.get(kPage, {{"unit", "lai-hallinto"}}).status, 404) << "another municipality's";
}

}  // namespace
}  // namespace toteuma
