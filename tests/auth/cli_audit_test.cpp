// Every write is audited and readable (issue 13, item 11): each command-line write leaves its
// audit row (the OS user, marked as the command line; never a password or its hash), and the
// audit page shows names in the reader's language, euros and translated states.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "cli/commands.h"
#include "cli/document_commands.h"
#include "cli/ledger_commands.h"
#include "cli/user_commands.h"
#include "core/format.h"
#include "store/workplace_store.h"
#include "web_client.h"

namespace toteuma {
namespace {

using testing::Client;
using testing::TempDir;

struct Expected {
  const char* command;
  std::function<void(const std::string& db, const TempDir& tmp)> run;
  const char* entity;
  std::string key_starts;
  std::optional<std::string> after_contains;
};

UserOptions user_opts(const std::string& db, const std::string& id, std::vector<std::string> roles = {}) {
  UserOptions o;
  o.db = db;
  o.id = id;
  o.name = "Testi Käyttäjä";
  o.roles = std::move(roles);
  o.password_stdin = true;
  return o;
}

const std::string kPassword = "erittain-salainen-1";

TEST(CliAudit, EveryCommandLineWriteLeavesItsRow) {
  TempDir tmp;
  std::string db = testing::load_demo_db(tmp);
  std::ostringstream sink;
  std::istringstream no_input;
  testing::spit(tmp.path() / "text.md", "Komentoriviltä kirjoitettu teksti.\n");
  testing::spit(tmp.path() / "emp.csv", "person;unit;start;end;percent;unpaid_leave\np-1;ict;2023-01-01;2023-12-31;100;\n");
  testing::spit(tmp.path() / "tr.csv",
                "person;unit;date;hours;in_plan;employer_arranged;paid;wage_subsidy\nt-1;ict;2023-03-01;6;1;1;1;0\n");
  auto ledger = [&](const std::string& d) {
    LedgerOptions o;
    o.db = d;
    o.files = {(testing::source_dir() / "tests" / "ledger" / "hand.csv").string()};
    o.mapping = (testing::source_dir() / "tests" / "ledger" / "mapping.toml").string();
    o.threads = 2;
    cmd_import_ledger(o, sink);
  };
  const std::string backup = (tmp.path() / "b.zip").string();
  std::vector<Expected> cases = {
      {"narrative set",
       [&](const std::string& d, const TempDir& t) {
         DocumentOptions o;
         o.db = d, o.unit = "ict", o.year = 2025, o.section = "risks", o.lang = "fi", o.file = (t.path() / "text.md").string();
         cmd_narrative_set(o, sink);
       },
       "narrative", "ict/2025/risks/fi", "Komentoriviltä"},
      {"commentary",
       [&](const std::string& d, const TempDir&) {
         DocumentOptions o;
         o.db = d, o.unit = "kanslia", o.year = 2024;
         cmd_commentary(o, sink);
       },
       "narrative", "", std::nullopt},
      {"load --replace",
       [&](const std::string& d, const TempDir&) {
         CommandOptions o;
         o.db = d, o.dir = testing::demo_dir().string(), o.replace = true;
         cmd_load(o, sink);
       },
       "load", "/", "units="},
      {"import employments",
       [&](const std::string& d, const TempDir& t) {
         CommandOptions o;
         o.db = d, o.dir = (t.path() / "emp.csv").string();
         cmd_import_employments(o, sink);
       },
       "import", "employments/", "employments=1"},
      {"import trainings",
       [&](const std::string& d, const TempDir& t) {
         CommandOptions o;
         o.db = d, o.dir = (t.path() / "tr.csv").string();
         cmd_import_trainings(o, sink);
       },
       "import", "trainings/", "records=1"},
      {"import ledger", [&](const std::string& d, const TempDir&) { ledger(d); }, "import", "ledger/", "months=2025-01,2025-02,2025-03"},
      {"ledger close",
       [&](const std::string& d, const TempDir&) {
         LedgerOptions o;
         o.db = d, o.year = 2025, o.month = "3";
         cmd_ledger_close(o, sink);
       },
       "ledger_close", "2025", "3"},
      {"user add",
       [&](const std::string& d, const TempDir&) {
         std::istringstream pw(kPassword + "\n");
         cmd_user_add(user_opts(d, "ville", {"finance"}), pw, sink);
       },
       "grant", "ville", "finance"},
      {"user grant", [&](const std::string& d, const TempDir&) { cmd_user_grant(user_opts(d, "ville", {"viewer"}), sink); }, "grant",
       "ville", "finance, viewer"},
      {"user revoke", [&](const std::string& d, const TempDir&) { cmd_user_revoke(user_opts(d, "ville", {"finance"}), sink); },
       "grant", "ville", "viewer"},
      {"user passwd",
       [&](const std::string& d, const TempDir&) {
         std::istringstream pw(kPassword + "-uusi\n");
         cmd_user_passwd(user_opts(d, "ville"), pw, sink);
       },
       "password", "ville", "changed"},
      {"user disable", [&](const std::string& d, const TempDir&) { cmd_user_disable(user_opts(d, "ville"), sink); }, "user_state",
       "ville", "disabled"},
      {"user enable", [&](const std::string& d, const TempDir&) { cmd_user_enable(user_opts(d, "ville"), sink); }, "user_state",
       "ville", "enabled"},
      {"restore",
       [&](const std::string& d, const TempDir&) {
         CommandOptions o;
         o.db = d, o.file = backup;
         cmd_backup(o, sink);
         cmd_restore(o, sink);
       },
       "restore", "/", "ledger_files=1"},
  };
  auto ws = open_workplace_store(db);
  const std::string me = cli_actor().user;
  ASSERT_FALSE(me.empty());
  for (const Expected& c : cases) {
    std::int64_t last = ws->audit("", 1).empty() ? 0 : ws->audit("", 1)[0].id;
    c.run(db, tmp);
    auto rows = ws->audit("", 0);
    ASSERT_FALSE(rows.empty()) << c.command;
    const AuditEntry& a = rows[0];
    EXPECT_GT(a.id, last) << c.command << " left no audit row";
    EXPECT_EQ(a.entity, c.entity) << c.command;
    EXPECT_EQ(a.key.rfind(c.key_starts, 0), 0u) << c.command << ": " << a.key;
    EXPECT_EQ(a.via, "cli") << c.command;
    EXPECT_EQ(a.user, me) << c.command;
    if (c.after_contains) {
      EXPECT_NE(a.after.value_or("").find(*c.after_contains), std::string::npos) << c.command << ": " << a.after.value_or("—");
    }
  }
  // Never the password or its hash.
  for (const AuditEntry& a : ws->audit("", 0))
    for (const auto& v : {a.before.value_or(""), a.after.value_or(""), a.key})
      EXPECT_TRUE(v.find(kPassword) == std::string::npos && v.find("$argon2") == std::string::npos) << a.entity << " " << v;
}

struct AuditPage : testing::DemoWorkplace {
  AuditPage() {
    testing::add_user(db, "talous", "finance", "salasana-talous-1");
    app = make_app(db);
  }
};

TEST(AuditPage, ShowsNamesEurosAndStatesInTheReadersLanguage) {
  AuditPage wp;
  const std::string& db = wp.db;
  Client c(wp.app);
  ASSERT_EQ(c.login("talous", "salasana-talous-1").status, 303);
  // kanslia;services;ta2025;-2010045 in data/demo/figures.csv; entered as -1 100 000 €.
  nlohmann::json change = {{"changes", nlohmann::json::array({{{"entity", "figure"}, {"key", "kanslia/services/ta2025"},
                                                               {"before", "-201004500"}, {"after", "-110000000"}}})}};
  ASSERT_EQ(c.json("POST", "/api/v1/changes", change.dump()).status, 200);
  auto ws = open_workplace_store(db);
  ws->apply("talous", {{"metric_value", "lov-2024-m-aika/2024-12-31", ws->current("metric_value", "lov-2024-m-aika/2024-12-31"),
                        std::string("660;henkilöstökysely 2024")},
                       {"narrative", "kanslia/2024/events/fi", ws->current("narrative", "kanslia/2024/events/fi"), std::string("Uusi.")}});
  open_workplace_store(db)->set_section_state("talous", {"annual-report", "ict", 2024, "events", SectionState::approved, "", ""});
  std::ostringstream sink;
  UserOptions u = user_opts(db, "talous", {"viewer"});
  cmd_user_grant(u, sink);

  const std::string nb = kNbsp;
  struct Want {
    const char* path;
    std::vector<std::string> shown;
  };
  for (const Want& w : std::vector<Want>{
           {"/fi/audit",
            {"Kaupunginkansliakeskus", "Palvelujen ostot", "Talousarvio 2025", "-1" + nb + "100" + nb + "000,00" + nb + "€",
             "-2" + nb + "010" + nb + "045,00" + nb + "€", "Toimintakertomus", "Tieto- ja viestintäteknologiapalvelut", "hyväksytty",
             "luonnos", "lukija", "komentorivi",
             "Mittarin arvo: Kokee, että aikaa työtehtäviin on riittävästi · 31.12.2024</td>",
             ">59 (henkilöstökysely 2024)</td>", ">66 (henkilöstökysely 2024)</td>",
             ">Teksti: Kaupunginkansliakeskus · 2024 · Toimintaympäristö ja toiminta · suomi</td>"}},
           {"/sv/audit",
            {"Stadskanslicentralen", "Köp av tjänster", "Budget 2025", "-1" + nb + "100" + nb + "000,00" + nb + "€",
             "Verksamhetsberättelse", "Informations- och kommunikationsteknologitjänster", "godkänd", "utkast", "läsare",
             "kommandoraden", ">Text: Stadskanslicentralen · 2024 · Verksamhetsmiljö och verksamhet · finska</td>"}}}) {
    auto r = c.get(w.path);
    ASSERT_EQ(r.status, 200) << w.path;
    for (const auto& s : w.shown) EXPECT_NE(r.body.find(s), std::string::npos) << w.path << " lacks " << s;
    for (const char* key : {"kanslia/services/ta2025", "-110000000", "approved", "annual-report/ict"})
      EXPECT_EQ(r.body.find(key), std::string::npos) << w.path << " shows the key " << key;
  }
}

}  // namespace
}  // namespace toteuma
