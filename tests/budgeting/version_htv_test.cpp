// Personnel (htv) in budget versions (issue 16 item 3): budgeting/htv.csv read with located errors
// and dumped as read, a version started from another or from the personnel plan, the council's
// decision adopted into the personnel plan, the proposal page's htv table and `budget htv set`.
// Figures by hand from data/demo/budgeting/htv.csv (ehdotus-2026: kanslia 39,5 / 39,5 / 39 htv).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "cli/budget_commands.h"
#include "core/budgeting/version_htv.h"
#include "core/budgeting/version_start.h"
#include "ingest/csv.h"
#include "ingest/dataset_files.h"
#include "store/store.h"
#include "store/workplace_store.h"
#include "demo_db.h"
#include "test_util.h"
#include "web_client.h"

namespace toteuma {
namespace {

namespace fs = std::filesystem;
using testing::Client;

std::string read_text(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::optional<PersonYears> plan_of(const Dataset& d, const std::string& unit, int year, const std::string& group = "") {
  std::optional<PersonYears> out;
  int n = 0;
  for (const auto& h : d.personnel.htv)
    if (h.unit == unit && h.year == year && h.kind == "plan" && h.group == group) out = h.htv, ++n;
  EXPECT_LE(n, 1) << "one plan figure per unit, year and group";
  return out;
}

TEST(VersionHtvFiles, BadRowsAreRefusedWithTheirPlace) {
  struct Case {
    const char* row;
    const char* column;
    const char* says;
  } cases[] = {
      {"nosuch;kanslia;2026;12.5", "version", "tuntematon versio"},
      {"ehdotus-2026;nosuch;2026;12.5", "unit", "tuntematon yksikkö"},
      {"ehdotus-2026;kanslia;2029;12.5", "year", "expected the version's budget year 2026 or its plan years 2027–2028"},
      {"ehdotus-2026;kanslia;2026;12,5x", "htv", "expected person-years"},
      {"ehdotus-2026;kanslia;2026;-1", "htv", "expected person-years"},
      {"ehdotus-2026;kanslia;2026;1.2345", "htv", "expected person-years"},
      {"ehdotus-2026;kanslia;2027;12", "htv", "a second row for the same version, unit and year"},
  };
  for (const Case& c : cases) {
    testing::TempDir tmp;
    fs::copy(testing::demo_dir(), tmp.path() / "d", fs::copy_options::recursive);
    {
      std::ofstream f(tmp.path() / "d" / "budgeting" / "htv.csv", std::ios::trunc);
      f << "version;unit;year;htv\nehdotus-2026;kanslia;2027;12\n" << c.row << "\n";
    }
    try {
      load_dataset_dir(tmp.path() / "d");
      ADD_FAILURE() << "accepted: " << c.row;
    } catch (const InputError& e) {
      EXPECT_TRUE(e.file.ends_with("budgeting/htv.csv")) << e.file;
      EXPECT_EQ(e.line, 3) << c.row;
      EXPECT_EQ(e.column, c.column) << c.row;
      EXPECT_NE(e.message.find(c.says), std::string::npos) << c.row << ": " << e.message;
    }
  }
}

TEST(VersionHtvFiles, TheDemoFileLoadsDumpsAndStoresUnchanged) {
  Dataset d = load_dataset_dir(testing::demo_dir());
  ASSERT_EQ(d.budgeting.htv.size(), 12u);
  EXPECT_EQ(version_htv_of(d, "ehdotus-2026", "kanslia", 2026), 39500);
  EXPECT_EQ(version_htv_of(d, "ehdotus-2026", "kanslia", 2028), 39000);
  EXPECT_EQ(version_htv_of(d, "ehdotus-2026", "sivistys", 2027), 436500);
  testing::TempDir tmp;
  dump_dataset_dir(d, tmp.path());
  EXPECT_EQ(read_text(tmp.path() / "budgeting" / "htv.csv"), read_text(testing::demo_dir() / "budgeting" / "htv.csv"));
  EXPECT_EQ(load_dataset_dir(tmp.path()).budgeting, d.budgeting);
  // Through the database (migration 23) and back.
  std::string db = testing::load_demo_db(tmp);
  EXPECT_EQ(open_store(db)->read().budgeting.htv, d.budgeting.htv);
}

TEST(VersionHtv, AVersionStartsFromAnotherOrFromThePersonnelPlan) {
  Dataset d = load_dataset_dir(testing::demo_dir());
  d.personnel.htv.push_back({"kanslia", 2025, "plan", "", 38000});
  d.personnel.htv.push_back({"kanslia", 2026, "plan", "", 41000});
  d.personnel.htv.push_back({"kanslia", 2027, "plan", "", 42000});
  d.personnel.htv.push_back({"kanslia", 2026, "plan", "employed", 3000});  // not regular staff: not taken
  d.personnel.htv.push_back({"kanslia", 2026, "actual", "", 40000});        // not a plan: not taken
  struct Case {
    const char* from;
    std::optional<PersonYears> y0, y1, y2;
  } cases[] = {
      {"version:ehdotus-2026", 39500, 39500, 39000},
      {"plan", 41000, 42000, 42000},  // Y+2: no plan of 2028, that of 2027
      {"last-budget", 38000, 38000, 38000},
      {"", std::nullopt, std::nullopt, std::nullopt},
  };
  int n = 0;
  for (const Case& c : cases) {
    Dataset x = d;
    std::string id = "v" + std::to_string(++n);
    ASSERT_FALSE(start_version(x, {id, "", 2026, "council", {}, Date{2025, 11, 1}, c.from, {}})) << c.from;
    EXPECT_EQ(version_htv_of(x, id, "kanslia", 2026), c.y0) << c.from;
    EXPECT_EQ(version_htv_of(x, id, "kanslia", 2027), c.y1) << c.from;
    EXPECT_EQ(version_htv_of(x, id, "kanslia", 2028), c.y2) << c.from;
  }
}

TEST(VersionHtv, TheAdoptedDecisionBecomesThePersonnelPlan) {
  Dataset d = load_dataset_dir(testing::demo_dir());
  d.personnel.htv.push_back({"kanslia", 2026, "plan", "", 41000});          // replaced
  d.personnel.htv.push_back({"kanslia", 2026, "plan", "employed", 3000});   // another group: stays
  d.personnel.htv.push_back({"ict", 2026, "plan", "", 5000});               // a unit the version has none of: stays
  ASSERT_FALSE(start_version(d, {"paatos", "", 2026, "council", {}, Date{2025, 12, 10}, "version:ehdotus-2026", {}}));
  EXPECT_EQ(plan_of(d, "kanslia", 2026), 41000) << "not before the adoption";
  adopt_version(d, "paatos", "ta2026x");
  EXPECT_EQ(plan_of(d, "kanslia", 2026), 39500);
  EXPECT_EQ(plan_of(d, "kanslia", 2027), 39500);
  EXPECT_EQ(plan_of(d, "kanslia", 2028), 39000);
  EXPECT_EQ(plan_of(d, "sivistys", 2027), 436500);
  EXPECT_EQ(plan_of(d, "kanslia", 2026, "employed"), 3000);
  EXPECT_EQ(plan_of(d, "ict", 2026), 5000);
}

TEST(VersionHtvCli, SetClearAndAdoptAudited) {
  testing::TempDir tmp;
  std::string db = testing::load_demo_db(tmp);
  std::ostringstream out;
  BudgetOptions o;
  o.db = db, o.id = "paatos-2026", o.year = 2026, o.stage = "council", o.from = "version:ehdotus-2026", o.date = "2025-12-10";
  ASSERT_EQ(cmd_budget_start(o, out), 0);
  BudgetOptions s;
  s.db = db, s.version = "paatos-2026", s.unit = "kanslia", s.htv = "40,25";
  ASSERT_EQ(cmd_budget_htv_set(s, out), 0);
  EXPECT_NE(out.str().find("version-htv/paatos-2026/kanslia/2026: 39.5 → 40.25"), std::string::npos) << out.str();
  for (auto bad : {"abc", "-2", "1,2345"}) {
    BudgetOptions b = s;
    b.htv = bad;
    EXPECT_THROW(cmd_budget_htv_set(b, out), std::invalid_argument) << bad;
  }
  BudgetOptions none = s;
  none.htv = "";
  EXPECT_THROW(cmd_budget_htv_set(none, out), std::invalid_argument) << "no --htv: not person-years";
  BudgetOptions year = s;
  year.year = 2029;
  EXPECT_THROW(cmd_budget_htv_set(year, out), std::invalid_argument);
  BudgetOptions clear = s;
  clear.htv = "", clear.clear = true, clear.year = 2028;
  ASSERT_EQ(cmd_budget_htv_set(clear, out), 0);
  Dataset d = open_store(db)->read();
  EXPECT_EQ(version_htv_of(d, "paatos-2026", "kanslia", 2026), 40250);
  EXPECT_EQ(version_htv_of(d, "paatos-2026", "kanslia", 2028), std::nullopt);
  int audited = 0;
  for (const AuditEntry& a : open_workplace_store(db)->audit("kanslia", 0))
    audited += a.key.starts_with("version-htv/paatos-2026/kanslia/");
  EXPECT_EQ(audited, 2);

  BudgetOptions a;
  a.db = db, a.version = "paatos-2026";
  ASSERT_EQ(cmd_budget_adopt(a, out), 0);
  d = open_store(db)->read();
  EXPECT_EQ(plan_of(d, "kanslia", 2026), 40250);
  EXPECT_EQ(plan_of(d, "kanslia", 2027), 39500);
  EXPECT_EQ(plan_of(d, "kanslia", 2028), std::nullopt) << "cleared in the decision";
  EXPECT_THROW(cmd_budget_htv_set(s, out), std::invalid_argument) << "an adopted version no longer changes";
}

// The proposal page: the editor of kanslia in the demo's ehdotus-2026 (a draft).
constexpr const char* kPassword = "oikea-salasana-42";
const std::string kPage = "/fi/unit/kanslia/proposal";
const std::map<std::string, std::string> kQuery{{"version", "ehdotus-2026"}};

struct Round : testing::UsersWorkplace {
  Round() : UsersWorkplace({{"kanslia", "editor:kanslia"}, {"ict", "editor:ict"}, {"talous", "finance"}}, kPassword) {}
};

http::Response save_htv(Client& c, const std::string& page, const std::string& htv2026) {
  return c.post(kPage,
                {{"do", "save"},
                 {"b_state", Client::field(page, "b_state")},
                 {"h_state", Client::field(page, "h_state")},
                 {"t_2026", htv2026},
                 {"b_htv-2026", Client::field(page, "b_htv-2026")},
                 {"h_htv-2026", Client::field(page, "h_htv-2026")}},
                kQuery);
}

TEST(VersionHtvWeb, TheEditorSavesHtvStaleAndBadInputRefused) {
  Round w;
  Client ed = w.as("kanslia");
  auto page = ed.get(kPage, kQuery);
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("Henkilöstö (htv)"), std::string::npos);
  EXPECT_EQ(Client::field(page.body, "b_htv-2026"), "39500");
  EXPECT_NE(page.body.find("name=\"t_2026\" value=\"39,5\""), std::string::npos);

  auto bad = save_htv(ed, page.body, "39,5 htv");
  EXPECT_EQ(bad.status, 400);
  EXPECT_NE(bad.body.find("Henkilötyövuodet 2026: &quot;39,5 htv&quot; ei ole henkilötyövuosien määrä"), std::string::npos) << bad.body;
  EXPECT_EQ(save_htv(ed, page.body, "40,5").status, 303);
  EXPECT_EQ(version_htv_of(w.read(), "ehdotus-2026", "kanslia", 2026), 40500);
  auto saved = ed.get(kPage, kQuery);
  EXPECT_NE(saved.body.find("name=\"t_2026\" value=\"40,5\""), std::string::npos);
  // The form opened before that save is stale: refused, nothing written.
  EXPECT_EQ(save_htv(ed, page.body, "41").status, 409);
  EXPECT_EQ(version_htv_of(w.read(), "ehdotus-2026", "kanslia", 2026), 40500);
  // Another unit's editor may not write kanslia's htv.
  Client other = w.as("ict");
  EXPECT_EQ(save_htv(other, saved.body, "41").status, 403);
  // Swedish page: the same table in Swedish.
  EXPECT_NE(ed.get("/sv/unit/kanslia/proposal", kQuery).body.find("Personal (årsv.)"), std::string::npos);

  int audited = 0;
  for (const AuditEntry& a : open_workplace_store(w.db)->audit("kanslia", 0))
    if (a.entity == "version_htv") {
      ++audited;
      EXPECT_EQ(a.key, "ehdotus-2026/kanslia/2026");
      EXPECT_EQ(a.before, "39500");
      EXPECT_EQ(a.after, "40500");
    }
  EXPECT_EQ(audited, 1);
  // The audit trail in names and the reader's language: 39,5 → 40,5 htv.
  auto trail = w.as("talous").get("/fi/audit", {{"unit", "kanslia"}});
  EXPECT_NE(trail.body.find("Talousarvioversion henkilötyövuodet: ehdotus-2026 · Kaupunginkansliakeskus · 2026</td>"
                            "<td class=\"value\">39,5</td><td class=\"value\">40,5</td>"),
            std::string::npos);

  // Submitted: the htv are shown, no longer editable.
  ASSERT_EQ(ed.post(kPage, {{"do", "submit"}, {"b_state", Client::field(saved.body, "b_state")}, {"h_state", Client::field(saved.body, "h_state")}},
                    kQuery).status, 303);
  auto submitted = ed.get(kPage, kQuery);
  EXPECT_EQ(submitted.body.find("name=\"t_2026\""), std::string::npos);
  EXPECT_NE(submitted.body.find("<td class=\"num\">40,5</td>"), std::string::npos);
  EXPECT_EQ(save_htv(ed, saved.body, "41").status, 403);
}

}  // namespace
}  // namespace toteuma
