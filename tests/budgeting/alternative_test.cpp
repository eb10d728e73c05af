// Councillors' alternative budgets (issue 16 item 7): a council group's changes to the demo's
// round 2026 (version ehdotus-2026) and their effect, worked out by hand. Signs as every figure:
// +100 000 € on a cost line (services) lowers the cost, so the unit's Toimintakate rises 100 000 €.
// The version's own Toimintakate of kanslia is −4 275 650 € (budget_round_test.cpp).
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "cli/alternative_commands.h"
#include "cli/commands.h"
#include "core/budgeting/alternative_effect.h"
#include "core/budgeting/version_table.h"
#include "core/workplace/access.h"
#include "ingest/csv.h"
#include "ingest/dataset_files.h"
#include "store/sql_db.h"
#include "store/store.h"
#include "store/workplace_store.h"
#include "store/user_store.h"
#include "demo_db.h"
#include "test_util.h"

namespace toteuma {
namespace {

constexpr Cents kEuro = 100;

struct Alt {
  testing::TempDir tmp;
  std::string db = testing::load_demo_db(tmp);
  std::ostringstream out;
  AlternativeOptions opts() const {
    AlternativeOptions o;
    o.db = db;
    return o;
  }
  Alt() {
    AlternativeOptions g = opts();
    g.id = "testiryhma", g.name_fi = "Testiryhmä", g.name_sv = "Testgruppen";
    EXPECT_EQ(cmd_alternative_group(g, out), 0);
    AlternativeOptions s = opts();
    s.id = "t-alt", s.version = "ehdotus-2026", s.group = "testiryhma", s.date = "2025-09-01";
    EXPECT_EQ(cmd_alternative_start(s, out), 0);
  }
  void change(const std::string& unit, const std::string& line, const std::string& euros, int year = 0) {
    AlternativeOptions o = opts();
    o.alternative = "t-alt", o.unit = unit, o.line = line, o.amount = euros, o.year = year;
    o.justification_fi = "Perustelu", o.justification_sv = "Motivering";
    ASSERT_EQ(cmd_alternative_change(o, out), 0);
  }
  Dataset read() const { return open_store(db)->read(); }
  AlternativeEffect effect(int year = 0) const {
    Dataset d = read();
    return alternative_effect(d, *find_alternative(d, "t-alt"), year);
  }
};

Cents unit_change(const AlternativeEffect& e, const std::string& unit) {
  for (const auto& u : e.units)
    if (u.unit == unit) return u.operating_margin.change;
  ADD_FAILURE() << "no binding unit " << unit;
  return 0;
}

// unit, line, euros per change → expected change of kanslia's and sivistys' Toimintakate, the
// municipality's Toimintakate, Vuosikate, result, and whether it balances.
struct Case {
  const char* name;
  std::vector<std::tuple<const char*, const char*, const char*>> changes;
  Cents kanslia, sivistys, operating_margin, annual_margin, result;
  bool balanced;
};

TEST(Alternative, EffectsAreTheChangesRolledUp) {
  const std::vector<Case> cases = {
      {"moving 100 000 € between two units balances",
       {{"kanslia", "services", "100000"}, {"sivistys", "services", "-100000"}},
       100000 * kEuro, -100000 * kEuro, 0, 0, 0, true},
      {"50 000 € more costs lower Vuosikate and the result by 50 000 €",
       {{"kanslia", "services", "-50000"}},
       -50000 * kEuro, 0, -50000 * kEuro, -50000 * kEuro, -50000 * kEuro, false},
      {"costs paid by a higher tax revenue: Toimintakate −50 000 €, Vuosikate and the result unchanged",
       {{"kanslia", "services", "-50000"}, {"loviisa", "tax_revenue", "50000"}},
       -50000 * kEuro, 0, -50000 * kEuro, 0, 0, true},
      {"a sub-unit's change rolls up into its binding unit (ict under kanslia)",
       {{"ict", "services", "-20000"}, {"kanslia", "sales", "5000.50"}},
       -1499950, 0, -1499950, -1499950, -1499950, false},
      {"a change of wages rolls through Henkilöstökulut; lower depreciation then balances it",
       {{"sivistys", "wages", "-30000"}, {"loviisa", "planned_depreciation", "30000"}},
       0, -30000 * kEuro, -30000 * kEuro, -30000 * kEuro, 0, true},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    Alt a;
    for (const auto& [unit, line, euros] : c.changes) a.change(unit, line, euros);
    AlternativeEffect e = a.effect();
    EXPECT_EQ(e.year, 2026);
    EXPECT_EQ(unit_change(e, "kanslia"), c.kanslia);
    EXPECT_EQ(unit_change(e, "sivistys"), c.sivistys);
    EXPECT_EQ(unit_change(e, "demokratia"), 0);
    EXPECT_EQ(e.operating_margin.change, c.operating_margin);
    EXPECT_EQ(e.annual_margin.change, c.annual_margin);
    EXPECT_EQ(e.result.change, c.result);
    EXPECT_EQ(e.balanced(), c.balanced);
    // The alternative's figure is the version's plus the change.
    ASSERT_TRUE(e.result.version && e.result.alternative);
    EXPECT_EQ(*e.result.alternative - *e.result.version, c.result);
  }
}

TEST(Alternative, TheAlternativesFigureIsTheVersionsPlusTheChange) {
  Alt a;
  a.change("kanslia", "services", "100000");
  AlternativeEffect e = a.effect();
  for (const auto& u : e.units)
    if (u.unit == "kanslia") {
      EXPECT_EQ(u.operating_margin.version, -427565000);      // −4 275 650 €
      EXPECT_EQ(u.operating_margin.alternative, -417565000);  // −4 175 650 €
    }
  Dataset d = a.read();
  EXPECT_EQ(balance_sentence(*find_alternative(d, "t-alt"), e, Lang::fi),
            "Testiryhmä: vaihtoehtoinen talousarvio 2026 vahvistaa tilikauden tulosta 2026 100\u00a0000 euroa.");
}

TEST(Alternative, APlanYearsChangeShowsInThatYearOnly) {
  Alt a;
  a.change("kanslia", "services", "-40000", 2027);
  EXPECT_EQ(a.effect(2026).result.change, 0);
  EXPECT_EQ(a.effect(2027).result.change, -40000 * kEuro);
  EXPECT_EQ(unit_change(a.effect(2027), "kanslia"), -40000 * kEuro);
  EXPECT_EQ(a.effect(2028).result.change, 0);
  Dataset d = a.read();
  EXPECT_THROW(alternative_effect(d, *find_alternative(d, "t-alt"), 2029), std::invalid_argument);
}

TEST(Alternative, BadChangesAreRefusedAndChangeNothing) {
  Alt a;
  a.change("kanslia", "services", "-50000");
  Dataset before = a.read();
  auto refused = [&](auto edit) {
    AlternativeOptions o = a.opts();
    o.alternative = "t-alt", o.unit = "kanslia", o.line = "services", o.amount = "1000";
    edit(o);
    EXPECT_THROW(cmd_alternative_change(o, a.out), std::invalid_argument);
  };
  refused([](AlternativeOptions& o) { o.unit = "nosuchunit"; });
  {  // the command line does not know its reader: English, Finnish and Swedish at once
    AlternativeOptions o = a.opts();
    o.alternative = "t-alt", o.unit = "nosuchunit", o.line = "services", o.amount = "1000";
    try {
      cmd_alternative_change(o, a.out);
      ADD_FAILURE() << "accepted";
    } catch (const std::invalid_argument& e) {
      EXPECT_STREQ(e.what(), "--unit: unknown \"nosuchunit\" / tuntematon yksikkö / okänd enhet");
    }
  }
  refused([](AlternativeOptions& o) { o.line = "nosuchline"; });
  refused([](AlternativeOptions& o) { o.year = 2029; });
  refused([](AlternativeOptions& o) { o.amount = "12,3.4"; });
  refused([](AlternativeOptions& o) { o.amount = "0"; });
  refused([](AlternativeOptions& o) { o.alternative = "nosuch"; });
  AlternativeOptions s = a.opts();
  s.id = "t-alt2", s.version = "ehdotus-2026", s.group = "nosuchgroup";
  EXPECT_THROW(cmd_alternative_start(s, a.out), std::invalid_argument);
  s.group = "testiryhma", s.version = "nosuchversion";
  EXPECT_THROW(cmd_alternative_start(s, a.out), std::invalid_argument);
  EXPECT_EQ(a.read().budgeting, before.budgeting);
}

TEST(Alternative, WritesAreAuditedAndAChangeIsReplacedOrCleared) {
  Alt a;
  a.change("kanslia", "services", "-50000");
  a.change("kanslia", "services", "-60000");
  Dataset d = a.read();
  ASSERT_EQ(changes_of(d, "t-alt").size(), 1u);
  EXPECT_EQ(changes_of(d, "t-alt")[0]->amount, -60000 * kEuro);
  EXPECT_EQ(changes_of(d, "t-alt")[0]->justification, (Text{"Perustelu", "Motivering"}));
  AlternativeOptions o = a.opts();
  o.alternative = "t-alt", o.unit = "kanslia", o.line = "services", o.clear = true;
  ASSERT_EQ(cmd_alternative_change(o, a.out), 0);
  EXPECT_TRUE(changes_of(a.read(), "t-alt").empty());
  auto trail = open_workplace_store(a.db)->audit("", 100);
  std::vector<std::pair<std::optional<std::string>, std::optional<std::string>>> rows;
  for (const auto& e : trail)
    if (e.entity == "alternative_change" && e.key == "t-alt/kanslia/services/2026") {
      rows.push_back({e.before, e.after});
      EXPECT_EQ(e.via, "cli");
      EXPECT_EQ(e.unit, "kanslia");
    }
  // In cents, as the web writes the entity: −50 000 €, then −60 000 €, then removed.
  using V = std::optional<std::string>;
  std::vector<std::pair<V, V>> want = {{std::nullopt, "-5000000"}, {"-5000000", "-6000000"}, {"-6000000", std::nullopt}};
  std::sort(rows.begin(), rows.end());
  std::sort(want.begin(), want.end());
  EXPECT_EQ(rows, want);
}

TEST(Alternative, APublishedAlternativeIsAColumnBesideItsVersion) {
  Alt a;
  a.change("kanslia", "services", "100000");
  Dataset d = a.read();
  auto columns = budget_versions_table(d, "kanslia", 2026, Lang::fi).headings.size();
  AlternativeOptions p = a.opts();
  p.alternative = "t-alt";
  ASSERT_EQ(cmd_alternative_publish(p, a.out), 0);
  d = a.read();
  SimpleTable t = budget_versions_table(d, "kanslia", 2026, Lang::fi);
  ASSERT_EQ(t.headings.size(), columns + 1);
  std::size_t col = 0, version = 0;
  for (std::size_t i = 0; i < t.headings.size(); ++i) {
    if (t.headings[i] == "Testiryhmä: vaihtoehtoinen talousarvio 2026 (vaihtoehto)") col = i;
    if (t.headings[i] == "Yksiköiden ehdotukset 2026") version = i;
  }
  ASSERT_GT(version, 0u);
  ASSERT_GT(col, version) << "beside the version it changes (after the demo's own alternative)";
  EXPECT_EQ(t.headings[version + 1], "Kuntalaisten vaihtoehtoinen talousarvio 2026 (vaihtoehto)");
  for (const auto& row : t.rows)
    if (row.label == "Toimintakate ulkoinen") {
      EXPECT_EQ(row.cells[version], -427565000);
      EXPECT_EQ(row.cells[col], -417565000);
    }
}

TEST(Alternative, OnlyTheGroupsMembersEditAndDraftsAreTheirsAlone) {
  User member{"m", "M", "", false, {Grant{Role::council_group, "testiryhma", std::nullopt}}};
  User other_group{"o", "O", "", false, {Grant{Role::council_group, "muut", std::nullopt}}};
  User admin{"a", "A", "", false, {Grant{Role::admin, "", std::nullopt}}};
  User viewer{"v", "V", "", false, {Grant{Role::viewer, "", std::nullopt}}};
  EXPECT_TRUE(may_edit_alternative(member, "testiryhma"));
  EXPECT_FALSE(may_edit_alternative(other_group, "testiryhma"));
  EXPECT_FALSE(may_edit_alternative(admin, "testiryhma"));
  EXPECT_FALSE(may_edit_alternative(viewer, "testiryhma"));
  EXPECT_TRUE(may_read_alternative(member, "testiryhma", false));
  EXPECT_FALSE(may_read_alternative(viewer, "testiryhma", false));
  EXPECT_TRUE(may_read_alternative(viewer, "testiryhma", true));
  EXPECT_TRUE(may_read_alternative(other_group, "testiryhma", true));
  member.disabled = true;
  EXPECT_FALSE(may_edit_alternative(member, "testiryhma"));
  EXPECT_EQ(parse_grant("council-group:testiryhma"), (Grant{Role::council_group, "testiryhma", std::nullopt}));
  EXPECT_FALSE(parse_grant("council-group"));
}

TEST(Alternative, ACouncilGroupGrantIsStored) {
  Alt a;
  auto users = open_user_store(a.db);
  User u{"ryhmalainen", "Ryhmäläinen", "x", false, {Grant{Role::council_group, "testiryhma", std::nullopt}}};
  users->add_user(u);
  auto back = users->user("ryhmalainen");
  ASSERT_TRUE(back);
  EXPECT_EQ(back->grants, u.grants);
}

// A database from before migration 22 (user_grant without the role council-group) keeps its
// grants when migrated, and then takes a council group's grant.
TEST(Alternative, Migration22KeepsTheGrants) {
  testing::TempDir tmp;
  std::string db = testing::load_demo_db(tmp);
  auto users = open_user_store(db);
  users->add_user(User{"maija", "Maija", "x", false, {Grant{Role::editor, "kanslia", std::nullopt}, Grant{Role::translator, "", Lang::sv}}});
  users.reset();
  {  // back to the schema before 22
    sql::Db raw(db);
    raw.exec(R"sql(
DROP TABLE budget_alternative_change; DROP TABLE budget_alternative; DROP TABLE budget_council_group;
CREATE TABLE user_grant_old (
  user_id TEXT NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
  role TEXT NOT NULL CHECK (role IN ('admin', 'finance', 'editor', 'translator', 'approver', 'viewer')),
  unit_id TEXT NOT NULL, lang TEXT NOT NULL CHECK (lang IN ('', 'fi', 'sv')), PRIMARY KEY (user_id, role, unit_id, lang));
INSERT INTO user_grant_old SELECT * FROM user_grant; DROP TABLE user_grant; ALTER TABLE user_grant_old RENAME TO user_grant;
DELETE FROM schema_migration WHERE version = 22;)sql");
  }
  users = open_user_store(db);  // migrates
  ASSERT_TRUE(users->user("maija"));
  EXPECT_EQ(users->user("maija")->grants.size(), 2u);
  users->grant("maija", Grant{Role::council_group, "kuntalaiset", std::nullopt});
  EXPECT_EQ(users->user("maija")->grants.size(), 3u);
  EXPECT_EQ(open_store(db)->read().budgeting.groups.size(), 0u) << "the demo's groups went with the dropped tables";
}

// The demo's files with one bad row appended to budgeting/alternative_changes.csv: refused at
// that row and column, in three languages.
TEST(Alternative, ABadRowOfTheDatasetFilesIsLocated) {
  const std::vector<std::tuple<std::string, std::string, std::string>> cases = {
      {"kuntalaiset-2026;kanslia;services;2029;-100;;", "year", "2026"},
      {"nosuch;kanslia;services;2026;-100;;", "alternative", "alternatives.csv"},
      {"kuntalaiset-2026;kanslia;nosuchline;2026;-100;;", "line", "tuntematon rivi"},
      {"kuntalaiset-2026;kanslia;services;2026;-100;;", "amount", "samma rad två gånger"},  // the demo has this row
      {"kuntalaiset-2026;kanslia;services;2027;12,5.0;;", "amount", "odotettiin euromäärää"},
  };
  for (const auto& [line, column, says] : cases) {
    SCOPED_TRACE(line);
    testing::TempDir tmp;
    std::filesystem::copy(testing::demo_dir(), tmp.path() / "demo", std::filesystem::copy_options::recursive);
    auto file = tmp.path() / "demo" / "budgeting" / "alternative_changes.csv";
    std::string text = testing::slurp(file);
    int rows = static_cast<int>(std::count(text.begin(), text.end(), '\n'));
    { std::ofstream(file, std::ios::app) << line << "\n"; }
    try {
      load_dataset_dir(tmp.path() / "demo");
      ADD_FAILURE() << "loaded";
    } catch (const InputError& e) {
      EXPECT_NE(e.file.find("alternative_changes.csv"), std::string::npos);
      EXPECT_EQ(e.line, rows + 1);
      EXPECT_EQ(e.column, column);
      EXPECT_NE(e.message.find(says), std::string::npos) << e.message;
    }
  }
}

}  // namespace
}  // namespace toteuma
