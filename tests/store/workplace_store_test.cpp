// The workplace store on the demo dataset: stale edits refused whole, the audit trail, values
// stored verbatim and read back by the dataset store, section states and frozen versions.
#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>

#include "demo_db.h"
#include "store/store.h"
#include "store/workplace_store.h"
#include "test_util.h"

namespace toteuma {
namespace {

using testing::TempDir;

// kanslia;sales;ta2023;27400 in data/demo/figures.csv: euros, stored as cents.
const std::string kFigure = "kanslia/sales/ta2023";
const std::string kHostile = "<script>alert(1)</script>'; DROP TABLE figure; --";
const std::string kBobby = "Robert'); --";

std::optional<std::string> opt(const char* s) { return std::string(s); }

const Figure* find_figure(const Dataset& d, const std::string& unit, const std::string& line, const std::string& scenario) {
  for (const auto& f : d.figures)
    if (f.unit == unit && f.line == line && f.scenario == scenario) return &f;
  return nullptr;
}
// The result points into the dataset: not into a temporary one.
const Figure* find_figure(Dataset&&, const std::string&, const std::string&, const std::string&) = delete;

// The trail's rows of web edits (the load that made the database left a command-line row).
std::vector<AuditEntry> web_rows(WorkplaceStore& ws) {
  auto rows = ws.audit("", 0);
  std::erase_if(rows, [](const AuditEntry& a) { return a.via != "web"; });
  return rows;
}

struct Workplace : ::testing::Test {
  TempDir tmp;
  std::string db = testing::load_demo_db(tmp);
  std::unique_ptr<WorkplaceStore> ws = open_workplace_store(db);
};

TEST_F(Workplace, StaleFigureEditIsRefusedAndWritesNothing) {
  ASSERT_EQ(ws->current("figure", kFigure), opt("2740000"));
  Change c{"figure", kFigure, opt("2700000"), opt("2800000")};  // the user saw an older value
  try {
    ws->apply("anna", {c});
    FAIL() << "a stale change was written";
  } catch (const StaleChange& e) {
    EXPECT_EQ(e.change, c);
    EXPECT_EQ(e.current, opt("2740000"));
  }
  EXPECT_EQ(ws->current("figure", kFigure), opt("2740000"));
  EXPECT_TRUE(web_rows(*ws).empty());

  c.before = "2740000";
  auto ids = ws->apply("anna", {c});
  ASSERT_EQ(ids.size(), 1u);
  EXPECT_EQ(ws->current("figure", kFigure), opt("2800000"));
  auto trail = ws->audit("kanslia", 10);
  ASSERT_EQ(trail.size(), 1u);
  EXPECT_EQ(trail[0].id, ids[0]);
  EXPECT_EQ(trail[0].user, "anna");
  EXPECT_EQ(trail[0].entity, "figure");
  EXPECT_EQ(trail[0].key, kFigure);
  EXPECT_EQ(trail[0].before, opt("2740000"));
  EXPECT_EQ(trail[0].after, opt("2800000"));
  EXPECT_EQ(trail[0].unit, "kanslia");
  ASSERT_EQ(trail[0].at.size(), 20u);  // 2026-11-22T18:40:00Z
  EXPECT_EQ(trail[0].at[10], 'T');
  EXPECT_EQ(trail[0].at.back(), 'Z');

  Dataset stored = open_store(db)->read();  // the figure points into it
  const Figure* f = find_figure(stored, "kanslia", "sales", "ta2023");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->amount, 2800000);
}

TEST_F(Workplace, BatchWithOneStaleChangeWritesNeither) {
  std::vector<Change> batch = {{"figure", kFigure, opt("2740000"), opt("1")},
                               {"figure", "kanslia/grants/ta2023", opt("999"), opt("2")}};  // grants is 14000000
  EXPECT_THROW(ws->apply("anna", batch), StaleChange);
  EXPECT_EQ(ws->current("figure", kFigure), opt("2740000"));
  EXPECT_EQ(ws->current("figure", "kanslia/grants/ta2023"), opt("14000000"));
  EXPECT_TRUE(web_rows(*ws).empty());
}

TEST_F(Workplace, UnchangedValueIsSkippedAndDeleteRemovesTheRow) {
  EXPECT_TRUE(ws->apply("anna", {{"figure", kFigure, opt("2740000"), opt("2740000")}}).empty());
  EXPECT_TRUE(web_rows(*ws).empty());

  ws->apply("anna", {{"figure", kFigure, opt("2740000"), std::nullopt}});
  EXPECT_EQ(ws->current("figure", kFigure), std::nullopt);
  Dataset stored = open_store(db)->read();
  EXPECT_EQ(find_figure(stored, "kanslia", "sales", "ta2023"), nullptr);
  auto trail = web_rows(*ws);
  ASSERT_EQ(trail.size(), 1u);
  EXPECT_EQ(trail[0].after, std::nullopt);

  // Back again: the row was absent, so `before` is nullopt.
  ws->apply("anna", {{"figure", kFigure, std::nullopt, opt("-15")}});
  EXPECT_EQ(ws->current("figure", kFigure), opt("-15"));
}

TEST_F(Workplace, MetricValueIsAuditedUnderItsGoalsUnit) {
  // lai-hallinto-m01 measures goal lai-hallinto-g01 of unit lai-hallinto (goals.csv) and has no values.
  const std::string key = "lai-hallinto-m01/2024-12-31";
  ASSERT_EQ(ws->current("metric_value", key), std::nullopt);
  ws->apply("ville", {{"metric_value", key, std::nullopt, opt("725;Kysely 2024; kevät")}});
  EXPECT_EQ(ws->current("metric_value", key), opt("725;Kysely 2024; kevät"));
  auto trail = ws->audit("lai-hallinto", 5);
  ASSERT_EQ(trail.size(), 1u);
  EXPECT_EQ(trail[0].key, key);
  EXPECT_TRUE(ws->audit("kanslia", 5).empty());

  bool found = false;
  for (const auto& v : open_store(db)->read().goals.values)
    if (v.metric == "lai-hallinto-m01" && v.date == Date{2024, 12, 31}) {
      found = true;
      EXPECT_EQ(v.value_tenths, 725);
      EXPECT_EQ(v.source, "Kysely 2024; kevät");
    }
  EXPECT_TRUE(found);
  // The demo's own value: 50 % in the file, 500 tenths.
  EXPECT_EQ(ws->current("metric_value", "lov-2023-m-aika/2022-12-31"), opt("500;henkilöstökysely 2022"));
}

TEST_F(Workplace, HostileTextsAreStoredVerbatim) {
  const std::string narrative = "kanslia/2024/events/sv";
  auto old_events = ws->current("narrative", narrative);
  ASSERT_TRUE(old_events.has_value());  // data/demo/narratives/kanslia/2024/events.sv.md
  auto old_goal = ws->current("goal", "lai-hallinto-g01/fi");
  ASSERT_EQ(old_goal, opt("Menojen kasvua hillitään."));
  EXPECT_EQ(ws->current("goal", "lai-hallinto-g01/sv"), std::nullopt);  // empty in goals.csv
  auto old_real = ws->current("realisation", "lov-2024-k-tunnettuus/2024/fi");
  ASSERT_TRUE(old_real.has_value());

  ws->apply("eve", {{"narrative", narrative, old_events, kHostile},
                    {"realisation", "lov-2024-k-tunnettuus/2024/fi", old_real, kBobby},
                    {"goal", "lai-hallinto-g01/fi", old_goal, kHostile + "\n" + kBobby}});
  EXPECT_EQ(ws->current("narrative", narrative), kHostile);
  EXPECT_EQ(ws->current("realisation", "lov-2024-k-tunnettuus/2024/fi"), kBobby);
  EXPECT_EQ(ws->current("goal", "lai-hallinto-g01/fi"), kHostile + "\n" + kBobby);

  Dataset d = open_store(db)->read();
  EXPECT_FALSE(d.figures.empty());
  const Narrative* n = find_narrative(d.narratives, "kanslia", 2024, "events", Lang::sv);
  ASSERT_NE(n, nullptr);
  EXPECT_EQ(n->markdown, kHostile);
  EXPECT_EQ(n->origin, NarrativeOrigin::person);
  auto r = std::find_if(d.goals.realisations.begin(), d.goals.realisations.end(),
                        [](const Realisation& x) { return x.goal == "lov-2024-k-tunnettuus" && x.year == 2024; });
  ASSERT_NE(r, d.goals.realisations.end());
  EXPECT_EQ(r->text.fi, kBobby);
  EXPECT_FALSE(r->text.sv.empty());  // the other language untouched
  auto g = std::find_if(d.goals.goals.begin(), d.goals.goals.end(), [](const Goal& x) { return x.id == "lai-hallinto-g01"; });
  ASSERT_NE(g, d.goals.goals.end());
  EXPECT_EQ(g->text.fi, kHostile + "\n" + kBobby);

  // Deleting a goal's text empties that language.
  ws->apply("eve", {{"goal", "lai-hallinto-g01/fi", kHostile + "\n" + kBobby, std::nullopt}});
  EXPECT_EQ(ws->current("goal", "lai-hallinto-g01/fi"), std::nullopt);
  EXPECT_EQ(ws->audit("lai-hallinto", 0).size(), 2u);
  EXPECT_EQ(ws->audit("kanslia", 0).size(), 2u);  // the narrative and lov-2024-k-tunnettuus (a kanslia goal)
}

TEST_F(Workplace, DraftNarrativeCountsAsCurrentAndBecomesAPersonsText) {
  open_store(db)->save_narratives({{"ict", 2025, "review", Lang::fi, NarrativeOrigin::draft, "Luonnos."}});
  EXPECT_EQ(ws->current("narrative", "ict/2025/review/fi"), opt("Luonnos."));
  ws->apply("anna", {{"narrative", "ict/2025/review/fi", opt("Luonnos."), opt("Oma teksti.")}});
  // A later drafting run no longer replaces it.
  open_store(db)->save_narratives({{"ict", 2025, "review", Lang::fi, NarrativeOrigin::draft, "Uusi luonnos."}});
  EXPECT_EQ(ws->current("narrative", "ict/2025/review/fi"), opt("Oma teksti."));
}

TEST_F(Workplace, ScenarioCreatedOnTheWeb) {
  const std::string value = "amendment;2024;KV 12.6.2024 § 45;2024-06-12;Muutos 1/2024;Ändring 1/2024";
  ws->apply("finance", {{"scenario", "mta2024-1", std::nullopt, value}});
  // Sent without a municipality, a new scenario is the primary municipality's (Loviisa).
  const std::string stored = value + ";loviisa";
  EXPECT_EQ(ws->current("scenario", "mta2024-1"), stored);
  EXPECT_EQ(ws->audit("", 1).at(0).unit, "");
  ws->apply("finance", {{"figure", "kanslia/sales/mta2024-1", std::nullopt, opt("-500000")}});

  Dataset d = open_store(db)->read();
  auto s = std::find_if(d.scenarios.begin(), d.scenarios.end(), [](const Scenario& x) { return x.id == "mta2024-1"; });
  ASSERT_NE(s, d.scenarios.end());
  EXPECT_EQ(s->kind, ScenarioKind::amendment);
  EXPECT_EQ(s->year, 2024);
  EXPECT_EQ(s->decision_ref, "KV 12.6.2024 § 45");
  EXPECT_EQ(s->decision_date, (Date{2024, 6, 12}));
  EXPECT_EQ(s->name.sv, "Ändring 1/2024");
  const Figure* f = find_figure(d, "kanslia", "sales", "mta2024-1");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->amount, -500000);

  // An amendment without its decision, or of an unknown kind, is refused.
  EXPECT_THROW(ws->apply("finance", {{"scenario", "mta2024-2", std::nullopt, opt("amendment;2024;;;M;Ä")}}), StoreError);
  EXPECT_THROW(ws->apply("finance", {{"scenario", "x", std::nullopt, opt("wish;2024;;;M;Ä")}}), StoreError);
  EXPECT_EQ(ws->current("scenario", "mta2024-2"), std::nullopt);
  // A scenario with figures is not deleted under them.
  EXPECT_THROW(ws->apply("finance", {{"scenario", "mta2024-1", stored, std::nullopt}}), StoreError);
  EXPECT_EQ(ws->current("scenario", "mta2024-1"), stored);
}

// The demo's amendment tam2024-1 holds investment figures only (issue 14): refused with the
// catalogue message, not a failed foreign key.
TEST_F(Workplace, ScenarioWithInvestmentFiguresIsNotDeleted) {
  auto before = ws->current("scenario", "tam2024-1");
  ASSERT_TRUE(before.has_value());
  try {
    ws->apply("finance", {{"scenario", "tam2024-1", before, std::nullopt}});
    ADD_FAILURE() << "deleted";
  } catch (const StoreError& e) {
    EXPECT_EQ(e.message.key, "err.store.scenario_has_figures");
  }
  EXPECT_EQ(ws->current("scenario", "tam2024-1"), before);
}

TEST_F(Workplace, MalformedKeysAndValuesAreRefused) {
  // Each refusal is a catalogue message (shown to the reader in Finnish or Swedish).
  auto refused = [&](const std::string& entity, const std::string& key, const char* after, const std::string& says) {
    try {
      ws->apply("anna", {{entity, key, std::nullopt, after ? opt(after) : std::nullopt}});
      ADD_FAILURE() << entity << " " << key << " was accepted";
    } catch (const StaleChange&) {
      ADD_FAILURE() << entity << " " << key << ": stale instead of invalid";
    } catch (const StoreError& e) {
      EXPECT_EQ(e.message.key, says) << e.what();
    }
  };
  refused("figure", "nosuchunit/sales/ta2023", "1", "err.unknown_unit");
  refused("figure", "kanslia/nosuchline/ta2023", "1", "err.store.unknown_line");
  refused("figure", "kanslia/sales/nosuchscenario", "1", "err.store.unknown_scenario");
  refused("figure", "kanslia/sales/ta2024", "12.5", "err.store.bad_amount");
  refused("figure", "kanslia/sales", "1", "err.store.bad_key");
  refused("metric_value", "nosuchmetric/2024-12-31", "1;x", "err.unknown_metric");
  refused("metric_value", "lai-hallinto-m01/2024-02-30", "1;x", "err.store.bad_date");
  refused("metric_value", "lai-hallinto-m01/2024-12-31", "7,5;x", "err.store.bad_metric_value");
  refused("realisation", "nosuchgoal/2024/fi", "x", "err.store.unknown_goal");
  refused("goal", "lai-hallinto-g01/en", "x", "err.store.lang");
  refused("narrative", "kanslia/24/review/fi", "x", "err.store.year");
  refused("unknown", "x", "x", "err.store.unknown_entity");
  EXPECT_TRUE(web_rows(*ws).empty());
  EXPECT_THROW(ws->current("figure", "nosuchunit/sales/ta2023"), StoreError);
}

TEST_F(Workplace, LoadingTheDatasetAgainKeepsTheWorkplace) {
  ws->apply("anna", {{"figure", kFigure, opt("2740000"), opt("1")}});
  ws->set_section_state("anna", {"annual_report", "kanslia", 2024, "economy", SectionState::ready, "", "", ""});
  auto v = ws->freeze("anna", "annual_report", "kanslia", 2024, {{"fi", "html", "<p>x</p>"}}, 0, "");
  auto rows = ws->audit("", 0).size();
  CommandOptions o;  // over web work only with --replace (tests/store/load_guard_test.cpp)
  o.db = db;
  o.dir = testing::demo_dir().string();
  o.replace = true;
  std::ostringstream sink;
  cmd_load(o, sink);
  EXPECT_EQ(ws->current("figure", kFigure), opt("2740000"));
  EXPECT_EQ(ws->audit("", 0).size(), rows + 2);  // the trail kept, plus the load and the section it reopened
  auto states = ws->section_statuses("annual_report", "kanslia", 2024);
  ASSERT_EQ(states.size(), 1u);
  EXPECT_EQ(states[0].state, SectionState::draft);
  EXPECT_TRUE(ws->version(v.id).has_value());
}

TEST_F(Workplace, SectionStates) {
  EXPECT_TRUE(ws->section_statuses("annual_report", "kanslia", 2024).empty());
  ws->set_section_state("anna", {"annual_report", "kanslia", 2024, "economy", SectionState::ready, "", "", ""});
  ws->set_section_state("pekka", {"annual_report", "kanslia", 2024, "economy", SectionState::approved, "", "", ""});
  ws->set_section_state("anna", {"budget", "kanslia", 2024, "goals", SectionState::ready, "", "", ""});
  ws->set_section_state("anna", {"annual_report", "kanslia", 2025, "economy", SectionState::approved, "", "", ""});
  auto s = ws->section_statuses("annual_report", "kanslia", 2024);
  ASSERT_EQ(s.size(), 1u);
  EXPECT_EQ(s[0].section, "economy");
  EXPECT_EQ(s[0].state, SectionState::approved);
  EXPECT_EQ(s[0].by, "pekka");

  auto trail = ws->audit("kanslia", 0);
  ASSERT_EQ(trail.size(), 4u);
  EXPECT_EQ(trail[3].entity, "section");  // oldest last
  EXPECT_EQ(trail[3].key, "annual_report/kanslia/2024/economy");
  EXPECT_EQ(trail[3].before, opt("draft"));
  EXPECT_EQ(trail[3].after, opt("ready"));
  EXPECT_EQ(trail[2].before, opt("ready"));
  EXPECT_EQ(trail[2].after, opt("approved"));

}

// An edit reopens, in its own transaction, exactly the reviewed sections the caller says it
// changed, with the edit as the reason; the rest keep their state.
TEST_F(Workplace, AnEditReopensTheSectionsItChangedInItsTransaction) {
  ws->set_section_state("pekka", {"annual-report", "kanslia", 2024, "unit-kanslia-risks", SectionState::approved, "", "", ""});
  ws->set_section_state("pekka", {"budget-book", "kanslia", 2025, "unit-kanslia-risks", SectionState::approved, "", "", ""});
  ws->set_section_state("anna", {"annual-report", "kanslia", 2024, "unit-kanslia", SectionState::ready, "", "", ""});
  std::size_t trail = ws->audit("", 0).size();
  std::vector<SectionStatus> seen;
  std::optional<std::int64_t> written;
  ws->apply("ville", {{"figure", kFigure, opt("2740000"), opt("2750000")}}, {}, [&](const Dataset& d, const std::vector<SectionStatus>& reviewed) {
    seen = reviewed;
    written = find_figure(d, "kanslia", "sales", "ta2023")->amount;
    return std::vector<SectionRef>{{"annual-report", "kanslia", 2024, "unit-kanslia-risks"}};
  });
  EXPECT_EQ(written, std::optional<std::int64_t>(2750000));  // the dataset as written, before the commit
  EXPECT_EQ(seen.size(), 3u);                                // every section under review
  auto ar = ws->section_statuses("annual-report", "kanslia", 2024);
  ASSERT_EQ(ar.size(), 2u);
  EXPECT_EQ(ar[0].section, "unit-kanslia");
  EXPECT_EQ(ar[0].state, SectionState::ready);
  EXPECT_EQ(ar[1].state, SectionState::draft);
  EXPECT_EQ(ar[1].by, "ville");
  EXPECT_EQ(ar[1].reopened_by, "figure " + kFigure);
  EXPECT_EQ(ws->section_statuses("budget-book", "kanslia", 2025).at(0).state, SectionState::approved);
  EXPECT_EQ(ws->audit("", 0).size(), trail + 2);  // the figure and the reopened section
  EXPECT_EQ(ws->audit("", 1).at(0).key, "annual-report/kanslia/2024/unit-kanslia-risks");

  // When finding the sections fails, the edit is not written either: one transaction.
  EXPECT_THROW(ws->apply("ville", {{"figure", kFigure, opt("2750000"), opt("1")}}, {},
                         [](const Dataset&, const std::vector<SectionStatus>&) -> std::vector<SectionRef> { throw StoreError("crash"); }),
               StoreError);
  EXPECT_EQ(ws->current("figure", kFigure), opt("2750000"));
  EXPECT_EQ(ws->section_statuses("budget-book", "kanslia", 2025).at(0).state, SectionState::approved);
  // A person setting a state clears the reason.
  ws->set_section_state("anna", {"annual-report", "kanslia", 2024, "unit-kanslia-risks", SectionState::ready, "", "", ""});
  EXPECT_EQ(ws->section_statuses("annual-report", "kanslia", 2024).at(1).reopened_by, "");
}

// A drafted text becomes a person's by accepting it as is; never the other way round.
TEST_F(Workplace, AcceptingADraftMakesItAPersonsText) {
  open_store(db)->save_narratives({{"ict", 2024, "commentary", Lang::fi, NarrativeOrigin::draft, "Luonnos."}});
  EXPECT_EQ(ws->current("narrative_origin", "ict/2024/commentary/fi"), opt("draft"));
  EXPECT_THROW(ws->apply("anna", {{"narrative_origin", "ict/2024/commentary/fi", opt("draft"), opt("draft")}}), StoreError);
  EXPECT_THROW(ws->apply("anna", {{"narrative_origin", "ict/2024/commentary/fi", opt("draft"), std::nullopt}}), StoreError);
  EXPECT_THROW(ws->apply("anna", {{"narrative_origin", "ict/2024/commentary/sv", std::nullopt, opt("person")}}), StoreError);
  ws->apply("anna", {{"narrative_origin", "ict/2024/commentary/fi", opt("draft"), opt("person")}});
  EXPECT_EQ(ws->current("narrative_origin", "ict/2024/commentary/fi"), opt("person"));
  EXPECT_EQ(ws->current("narrative", "ict/2024/commentary/fi"), opt("Luonnos."));
  EXPECT_EQ(ws->audit("ict", 1).at(0).entity, "narrative_origin");
  // A drafting run no longer replaces it.
  open_store(db)->save_narratives({{"ict", 2024, "commentary", Lang::fi, NarrativeOrigin::draft, "Uusi."}});
  EXPECT_EQ(ws->current("narrative", "ict/2024/commentary/fi"), opt("Luonnos."));
}

// A version frozen with check errors keeps their count and the approver's reason, which it needs.
TEST_F(Workplace, FreezingWithCheckErrorsNeedsAndKeepsTheReason) {
  EXPECT_THROW(ws->freeze("pekka", "annual-report", "kanslia", 2024, {}, 2, " \n"), StoreError);
  EXPECT_TRUE(ws->versions(false).empty());
  auto v = ws->freeze("pekka", "annual-report", "kanslia", 2024, {}, 2, "Erot selvitetty tilintarkastajan kanssa.");
  auto back = ws->version(v.id);
  EXPECT_EQ(back->check_errors, 2);
  EXPECT_EQ(back->check_reason, "Erot selvitetty tilintarkastajan kanssa.");
  EXPECT_EQ(ws->freeze("pekka", "annual-report", "kanslia", 2024, {}, 0, "ei käytetä").check_reason, "");
}

TEST_F(Workplace, FrozenVersionsNumberHashAndPublish) {
  // Given out of order: the hash sorts by (lang, format). Expected from the documented layout:
  //   printf 'fi\0html\0002\0abfi\0pdf\0003\0%%PDsv\0html\0001\0c' | sha256sum
  std::vector<VersionFile> files = {{"sv", "html", "c"}, {"fi", "pdf", "%PD"}, {"fi", "html", "ab"}};
  auto v1 = ws->freeze("pekka", "annual_report", "kanslia", 2024, files, 0, "");
  EXPECT_EQ(v1.content_hash, "cb5593537eae2fc767a3034d6f01a797340f017de24c6006c88548a5b9553cbc");
  EXPECT_EQ(v1.number, 1);
  EXPECT_EQ(v1.approved_by, "pekka");
  EXPECT_EQ(v1.published_at, "");
  EXPECT_TRUE(v1.files.empty());

  // Bytes that are not text (a NUL, invalid UTF-8) come back as they were.
  const std::string binary("PK\0\x03\xff\xfe", 6);
  auto v2 = ws->freeze("pekka", "annual_report", "kanslia", 2024, {{"fi", "docx", binary}}, 0, "");
  EXPECT_EQ(v2.number, 2);
  auto other = ws->freeze("pekka", "annual_report", "ict", 2024, {}, 0, "");
  EXPECT_EQ(other.number, 1);
  EXPECT_EQ(other.content_hash, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");  // SHA-256 of nothing

  auto back = ws->version(v2.id);
  ASSERT_TRUE(back.has_value());
  ASSERT_EQ(back->files.size(), 1u);
  EXPECT_EQ(back->files[0].bytes, binary);
  EXPECT_EQ(ws->version(v1.id)->files.size(), 3u);
  EXPECT_EQ(ws->version(v1.id)->files[0].format, "html");  // fi/html first
  EXPECT_FALSE(ws->version(999).has_value());

  EXPECT_TRUE(ws->versions(true).empty());
  ws->publish("paivi", v1.id);
  auto published = ws->versions(true);
  ASSERT_EQ(published.size(), 1u);
  EXPECT_EQ(published[0].id, v1.id);
  EXPECT_EQ(published[0].published_by, "paivi");
  EXPECT_FALSE(published[0].published_at.empty());
  EXPECT_TRUE(published[0].files.empty());
  auto all = ws->versions(false);
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(all[0].id, other.id);  // newest first
  EXPECT_EQ(all[2].id, v1.id);
  EXPECT_THROW(ws->publish("paivi", 999), StoreError);

  // A PDF printed later joins version 2; its hash stays the one frozen.
  ws->add_version_file(v2.id, {"fi", "pdf", "%PDF-1.7"});
  ws->add_version_file(v2.id, {"fi", "pdf", "%PDF-1.7 again"});  // replaces
  auto v2b = ws->version(v2.id);
  ASSERT_EQ(v2b->files.size(), 2u);
  EXPECT_EQ(v2b->files[1].bytes, "%PDF-1.7 again");
  EXPECT_EQ(v2b->content_hash, v2.content_hash);
  EXPECT_THROW(ws->add_version_file(999, {"fi", "pdf", "x"}), StoreError);
}

TEST(SectionStateNames, RoundTrip) {
  EXPECT_EQ(parse_section_state("ready"), SectionState::ready);
  EXPECT_EQ(to_string(SectionState::approved), "approved");
  EXPECT_EQ(to_string(*parse_section_state("draft")), "draft");
  EXPECT_EQ(parse_section_state("Approved"), std::nullopt);
}

}  // namespace
}  // namespace toteuma
