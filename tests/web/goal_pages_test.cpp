// The goals page (issue 17 item 1): /{lang}/unit/{unit}/goals/edit on the demo. A unit head creates
// a goal, its metric with a target and a value, sets a status by hand with a reason, takes a dated
// status review (a snapshot of the goals' status and comments, printed in the service plan), and
// sees the municipality's goal-writing rules. Expected figures by hand from data/demo/goals:
// Laitila's sector lai-hallinto has in 2024 under the theme lai-peruspalvelut 12 (asianhallinta)
// + 2 (hallinto) + 2 (hallintopalvelut) + 2 (ruokapalvelut) + 5 (tietohallinto) + 1 (viestintä) = 24
// unit goals (rule 3–5: too many), under lai-talous 1 + 1 + 1 + 1 = 4 (within); lai-asianhallinta's
// 12 goals of 2024 have metrics on 3, so 9 lack the metric rules.csv requires.
#include <gtest/gtest.h>

#include "core/goals/goal_edit.h"
#include "ingest/dataset_files.h"
#include "core/text.h"
#include "store/workplace_store.h"
#include "web/goal_pages.h"
#include "web_client.h"

namespace toteuma {
namespace {

using testing::Client;

constexpr const char* kPassword = "oikea-salasana-42";
const std::string kPage = "/fi/unit/kanslia/goals/edit";
const std::map<std::string, std::string> k2025{{"year", "2025"}};

struct GoalsWeb : testing::UsersWorkplace {
  GoalsWeb()
      : UsersWorkplace({{"kanslia", "editor:kanslia"}, {"lukija", "viewer"}, {"paakayttaja", "admin"}, {"laitila", "editor:lai-asianhallinta"}},
                       kPassword) {}
  static const Goal* goal(const Dataset& d, const std::string& id) {
    for (const auto& g : d.goals.goals)
      if (g.id == id) return &g;
    return nullptr;
  }
};

std::map<std::string, std::string> new_goal_form(const std::string& text_fi) {
  return {{"what", "goal_new"}, {"id", ""}, {"level", "center"}, {"theme", "lov-elinvoima"}, {"parent", "lov-2025-c-asukkaat"},
          {"text_fi", text_fi}, {"text_sv", "Nytt mål; med semikolon"}, {"responsible_fi", "kaupunginjohtaja"}, {"responsible_sv", "stadsdirektören"}};
}

TEST(WebGoals, CreatesAGoalWithAMetricTargetAndValue) {
  GoalsWeb w;
  int last = 0;
  for (const auto& g : w.read().goals.goals)
    if (g.unit == "kanslia" && g.year == 2025) last = std::max(last, g.position);
  Client kanslia = w.as("kanslia");
  ASSERT_EQ(kanslia.post(kPage, new_goal_form("Uusi tavoite"), k2025).status, 303);
  Dataset d = w.read();
  const Goal* g = GoalsWeb::goal(d, "kanslia-2025-1");
  ASSERT_NE(g, nullptr);
  EXPECT_EQ(g->level, "center");
  EXPECT_EQ(g->theme, "lov-elinvoima");
  EXPECT_EQ(g->parent, "lov-2025-c-asukkaat");
  EXPECT_EQ(g->position, last + 1) << "appended after the unit's goals of the year";
  EXPECT_EQ(g->text.sv, "Nytt mål; med semikolon") << "a ';' in a text survives the encoding";
  EXPECT_EQ(g->responsible.fi, "kaupunginjohtaja");

  auto metric = kanslia.post(kPage, {{"what", "metric_new"}, {"id", "kanslia-2025-1"}, {"name_fi", "Tyytyväisyys"}, {"name_sv", "Nöjdhet"},
                                     {"unit", "%"}, {"direction", "up"}, {"target", "80"}, {"partly", "60,5"}, {"owner", "viestintä"},
                                     {"frequency", "half-year"}}, k2025);
  ASSERT_EQ(metric.status, 303);
  auto value = kanslia.post(kPage, {{"what", "metric_value"}, {"id", "kanslia-2025-1-m1"}, {"date", "2025-06-30"}, {"value", "85,5"},
                                    {"source", "kysely"}}, k2025);
  ASSERT_EQ(value.status, 303);
  d = w.read();
  auto m = std::find_if(d.goals.metrics.begin(), d.goals.metrics.end(), [](const Metric& x) { return x.id == "kanslia-2025-1-m1"; });
  ASSERT_NE(m, d.goals.metrics.end());
  EXPECT_EQ(m->goal, "kanslia-2025-1");
  EXPECT_EQ(m->target_tenths, 800);
  EXPECT_EQ(m->partly_tenths, 605);
  EXPECT_EQ(m->frequency, "half-year");
  EXPECT_EQ(m->owner, "viestintä");
  EXPECT_TRUE(std::any_of(d.goals.values.begin(), d.goals.values.end(),
                          [](const MetricValue& v) { return v.metric == "kanslia-2025-1-m1" && v.value_tenths == 855 && v.source == "kysely"; }));
  // 85,5 ≥ 80: met, derived from the metric.
  EXPECT_EQ(goal_status(d.goals, *GoalsWeb::goal(d, "kanslia-2025-1")), GoalStatus::met);
  auto page = kanslia.get(kPage, k2025);
  EXPECT_NE(page.body.find("Uusi tavoite"), std::string::npos);
  EXPECT_NE(page.body.find("<strong>toteutui</strong> (mittareista)"), std::string::npos);
  // One audit row each, in the unit's trail.
  auto audit = open_workplace_store(w.db)->audit("kanslia", 10);
  std::vector<std::string> entities;
  for (const auto& a : audit) entities.push_back(a.entity + " " + a.key);
  for (const char* want : {"goal_def kanslia-2025-1", "metric kanslia-2025-1-m1", "metric_value kanslia-2025-1-m1/2025-06-30"})
    EXPECT_NE(std::find(entities.begin(), entities.end(), want), entities.end()) << want;
}

TEST(WebGoals, SetsAStatusByHandWithAReasonAndRetiresWithoutLosingHistory) {
  GoalsWeb w;
  Client kanslia = w.as("kanslia");
  ASSERT_EQ(kanslia.post(kPage, new_goal_form("Käsin arvioitu"), k2025).status, 303);
  auto status = kanslia.post(kPage, {{"what", "status"}, {"id", "kanslia-2025-1"}, {"status", "partly"}, {"reason_fi", "Puolet tehty"},
                                     {"reason_sv", "Hälften gjort"}}, k2025);
  ASSERT_EQ(status.status, 303);
  Dataset d = w.read();
  auto r = std::find_if(d.goals.realisations.begin(), d.goals.realisations.end(),
                        [](const Realisation& x) { return x.goal == "kanslia-2025-1" && x.year == 2025; });
  ASSERT_NE(r, d.goals.realisations.end());
  EXPECT_EQ(r->status, GoalStatus::partly);
  EXPECT_EQ(r->reason.fi, "Puolet tehty");
  EXPECT_EQ(r->reason.sv, "Hälften gjort");
  EXPECT_EQ(goal_status(d.goals, *GoalsWeb::goal(d, "kanslia-2025-1")), GoalStatus::partly);
  EXPECT_NE(kanslia.get("/sv/unit/kanslia/goals/edit", k2025).body.find("<strong>uppnåddes delvis</strong> (angiven manuellt)"), std::string::npos);

  // Retired: kept with its status, marked, not printed; the dump has the column and reads back the same.
  std::string def = encode_goal_def(*GoalsWeb::goal(d, "kanslia-2025-1"));
  EXPECT_NE(kanslia.get(kPage, k2025).body.find(html_escape(def)), std::string::npos) << "the form carries what it was opened with";
  ASSERT_EQ(kanslia.post(kPage, {{"what", "goal_retire"}, {"id", "kanslia-2025-1"}, {"b_def", def}, {"h_def", "1"}}, k2025).status, 303);
  d = w.read();
  const Goal* g = GoalsWeb::goal(d, "kanslia-2025-1");
  ASSERT_NE(g, nullptr);
  EXPECT_TRUE(g->retired.has_value());
  EXPECT_EQ(g->text.fi, "Käsin arvioitu");
  testing::TempDir out;
  dump_dataset_dir(d, out.path());
  Dataset back = load_dataset_dir(out.path());
  EXPECT_EQ(GoalsWeb::goal(back, "kanslia-2025-1")->retired, g->retired);
  canonicalize(d);
  canonicalize(back);
  EXPECT_TRUE(back.goals == d.goals) << "goals/*.csv round-trip the web's records";
  auto report = w.as("lukija").get("/fi/unit/kanslia/document", {{"doc", "service-plan"}, {"year", "2025"}, {"format", "html"}});
  EXPECT_EQ(report.body.find("Käsin arvioitu"), std::string::npos) << "a retired goal is not printed";
}

TEST(WebGoals, AReviewIsASnapshotOfTheGoalsStatusAndComments) {
  GoalsWeb w;
  Client kanslia = w.as("kanslia");
  Dataset before = w.read();
  std::vector<std::pair<std::string, GoalStatus>> want;
  for (const auto& g : before.goals.goals)
    if (g.unit == "kanslia" && g.year == 2025) want.push_back({g.id, goal_status(before.goals, g)});
  ASSERT_FALSE(want.empty());
  const std::string first = want.front().first;
  auto r = kanslia.post(kPage, {{"what", "review_new"}, {"id", ""}, {"date", "2025-09-30"}, {"title_fi", "Syyskuun katsaus"},
                                {"title_sv", "Översikt september"}, {"comment_" + first + "_fi", "Etenee"}, {"comment_" + first + "_sv", "Framskrider"}},
                        k2025);
  ASSERT_EQ(r.status, 303);
  Dataset d = w.read();
  const std::string id = "kanslia-tk-2025-09-30-1";
  auto review = std::find_if(d.goals.reviews.begin(), d.goals.reviews.end(), [&](const Review& x) { return x.id == id; });
  ASSERT_NE(review, d.goals.reviews.end());
  EXPECT_EQ(review->unit, "kanslia");
  EXPECT_EQ(review->date, (Date{2025, 9, 30}));
  EXPECT_EQ(review->title.sv, "Översikt september");
  std::size_t items = 0;
  for (const auto& it : d.goals.review_items) {
    if (it.review != id) continue;
    ++items;
    auto w_it = std::find_if(want.begin(), want.end(), [&](const auto& x) { return x.first == it.goal; });
    ASSERT_NE(w_it, want.end()) << it.goal;
    EXPECT_EQ(it.status, w_it->second) << it.goal;
    EXPECT_EQ(it.text.fi, it.goal == first ? "Etenee" : "") << it.goal;
  }
  EXPECT_EQ(items, want.size()) << "one item per goal of the unit's year";
  // Listed on the goals page and printed in the service plan.
  EXPECT_NE(kanslia.get(kPage, k2025).body.find("Syyskuun katsaus 30.9.2025"), std::string::npos);
  auto doc = kanslia.get("/sv/unit/kanslia/document", {{"doc", "service-plan"}, {"year", "2025"}, {"format", "html"}});
  ASSERT_EQ(doc.status, 200);
  EXPECT_NE(doc.body.find("Översikt september 30.9.2025"), std::string::npos);
  EXPECT_NE(doc.body.find("Framskrider"), std::string::npos);
}

TEST(WebGoals, RefusesWithoutTheRightAndWhenStale) {
  GoalsWeb w;
  Client viewer = w.as("lukija"), kanslia = w.as("kanslia");
  EXPECT_EQ(viewer.post(kPage, new_goal_form("Ei saa"), k2025).status, 403) << "a viewer";
  EXPECT_EQ(kanslia.post("/fi/unit/lai-asianhallinta/goals/edit", new_goal_form("Ei saa"), {{"year", "2024"}}).status, 403)
      << "another municipality's unit";
  EXPECT_EQ(kanslia.post(kPage, {{"what", "theme_new"}, {"id", ""}, {"name_fi", "Uusi"}, {"name_sv", "Ny"}}, k2025).status, 403)
      << "themes are the admin's";
  EXPECT_EQ(kanslia.get(kPage, k2025).body.find("name=\"what\" value=\"theme_new\""), std::string::npos);
  EXPECT_EQ(viewer.get(kPage, k2025).body.find("name=\"what\" value=\"goal_new\""), std::string::npos);
  Dataset d = w.read();
  EXPECT_EQ(GoalsWeb::goal(d, "kanslia-2025-1"), nullptr) << "nothing written";

  // Two people open the same goal; the second save is stale (409) and writes nothing.
  ASSERT_EQ(kanslia.post(kPage, new_goal_form("Ensimmäinen"), k2025).status, 303);
  std::string seen = encode_goal_def(*GoalsWeb::goal(w.read(), "kanslia-2025-1"));
  auto edit = [&](const std::string& text) {
    auto f = new_goal_form(text);
    f["what"] = "goal_edit";
    f["id"] = "kanslia-2025-1";
    f["b_def"] = seen;
    f["h_def"] = "1";
    return kanslia.post(kPage, f, k2025);
  };
  EXPECT_EQ(edit("Toinen").status, 303);
  EXPECT_EQ(edit("Kolmas").status, 409);
  EXPECT_EQ(GoalsWeb::goal(w.read(), "kanslia-2025-1")->text.fi, "Toinen");

  // The admin keeps the themes: a new one, then retired by its end date (kept).
  Client admin = w.as("paakayttaja");
  ASSERT_EQ(admin.post(kPage, {{"what", "theme_new"}, {"id", ""}, {"name_fi", "Uusi päämäärä"}, {"name_sv", "Nytt mål"}}, k2025).status, 303);
  std::string th = encode_theme({"loviisa-theme-1", Date{2025, 1, 1}, std::nullopt, {"Uusi päämäärä", "Nytt mål"}});
  ASSERT_EQ(admin.post(kPage, {{"what", "theme_retire"}, {"id", "loviisa-theme-1"}, {"valid_to", "2025-12-31"}, {"b_theme", th}, {"h_theme", "1"}},
                       k2025).status, 303);
  d = w.read();
  auto t = std::find_if(d.goals.themes.begin(), d.goals.themes.end(), [](const Theme& x) { return x.id == "loviisa-theme-1"; });
  ASSERT_NE(t, d.goals.themes.end());
  EXPECT_EQ(t->valid_to, (Date{2025, 12, 31}));
  // A goal is retired, never deleted, also through the API's door.
  EXPECT_EQ(admin.post(kPage, {{"what", "nonsense"}, {"id", ""}}, k2025).status, 400);
}

TEST(WebGoals, ShowsTheMunicipalitysRulesWithTheCounts) {
  GoalsWeb w;
  Client laitila = w.as("laitila");
  auto fi = laitila.get("/fi/unit/lai-asianhallinta/goals/edit", {{"year", "2024"}});
  ASSERT_EQ(fi.status, 200);
  const struct {
    const char* what;
    std::string text;
  } want[] = {
      {"too many under peruspalvelut", "3–5 tavoitetta strategista päämäärää kohden (Tavallista paremmat peruspalvelut): teillä on 24 – korjaa määrä"},
      {"within under talous", "3–5 tavoitetta strategista päämäärää kohden (Kestävä ja tasapainoinen talous): teillä on 4</li>"},
      {"too few under muutos", "(Ketterä mukautuminen muutoksiin): teillä on 2 – korjaa määrä"},
      {"metrics lacking", "Jokaisella tavoitteella on oltava vähintään yksi mittari: 9 tavoitteelta puuttuu mittari"},
  };
  for (const auto& k : want) EXPECT_NE(fi.body.find(k.text), std::string::npos) << k.what << ": " << k.text;
  auto sv = laitila.get("/sv/unit/lai-asianhallinta/goals/edit", {{"year", "2024"}});
  EXPECT_NE(sv.body.find("3–5 mål per strategiskt mål (Tavallista paremmat peruspalvelut): ni har 24 – justera antalet"), std::string::npos);
  EXPECT_NE(sv.body.find("Varje mål ska ha minst en mätare: 9 mål saknar mätare"), std::string::npos);
  // Loviisa has no rules: no rules section.
  EXPECT_EQ(w.as("kanslia").get(kPage, k2025).body.find("Tavoitteiden kirjoitusohjeet"), std::string::npos);
}

TEST(WebGoals, RecordEncodingsRoundTripAndRefuseMalformedValues) {
  Goal g{"g", 2025, "kanslia", "center", "t", "", 3, {"a;b\\c", ""}, {"", "x"}, Date{2025, 5, 1}};
  auto back = decode_goal_def("g", encode_goal_def(g));
  ASSERT_TRUE(back);
  EXPECT_EQ(*back, g);
  Metric m{"m", "g", {"n", "s"}, "count", "down", 15, std::nullopt, "o", "month"};
  EXPECT_EQ(decode_metric("m", encode_metric(m)), m);
  EXPECT_EQ(encode_metric(m), "g;n;s;count;down;1.5;;o;month");
  for (const char* bad : {"", "2025;kanslia", "x025;kanslia;center;t;;3;;a;b;c;d", "2025;kanslia;center;t;;3;1.1.2025;a;b;c;d", "a\\"})
    EXPECT_FALSE(decode_goal_def("g", bad)) << bad;
  EXPECT_FALSE(decode_review_item("r", "g", "maybe;a;b"));
  EXPECT_FALSE(decode_goal_status("g", 2025, "partly;a"));
}

TEST(WebGoals, TheApiTakesTheGoalRecords) {
  GoalsWeb w;
  Client api(w.app);
  ASSERT_EQ(api.api_login("kanslia", kPassword).status, 200);
  Goal g{"kanslia-api-1", 2025, "kanslia", "area", "lov-elinvoima", "", 40, {"API:n tavoite", "API-mål"}, {}};
  Metric m{"kanslia-api-1-m", "kanslia-api-1", {"Määrä", "Antal"}, "count", "down", 30, 50, "hallinto", "quarter"};
  // The rights are judged on the goals as stored: a goal first, then what belongs to it (for a
  // metric of a goal not stored yet no unit is known, so only an admin may send both in one batch).
  nlohmann::json goal = {{"changes", {{{"entity", "goal_def"}, {"key", g.id}, {"before", nullptr}, {"after", encode_goal_def(g)}}}}};
  ASSERT_EQ(api.json("POST", "/api/v1/changes", goal.dump()).status, 200);
  nlohmann::json body = {{"changes",
                          {{{"entity", "metric"}, {"key", m.id}, {"before", nullptr}, {"after", encode_metric(m)}},
                           {{"entity", "goal_status"}, {"key", g.id + "/2025"}, {"before", nullptr}, {"after", "no_data;Ei vielä;Inte än"}}}}};
  auto r = api.json("POST", "/api/v1/changes", body.dump());
  ASSERT_EQ(r.status, 200) << r.body;
  Dataset d = w.read();
  ASSERT_NE(GoalsWeb::goal(d, g.id), nullptr);
  EXPECT_EQ(*GoalsWeb::goal(d, g.id), g);
  EXPECT_TRUE(std::find(d.goals.metrics.begin(), d.goals.metrics.end(), m) != d.goals.metrics.end());
  // A goal is retired, never deleted; an unknown level is the loader's refusal (nothing written).
  nlohmann::json del = {{"changes", {{{"entity", "goal_def"}, {"key", g.id}, {"before", encode_goal_def(g)}, {"after", nullptr}}}}};
  EXPECT_EQ(api.json("POST", "/api/v1/changes", del.dump()).status, 400);
  Goal bad = g;
  bad.level = "galaxy";
  nlohmann::json lvl = {{"changes", {{{"entity", "goal_def"}, {"key", g.id}, {"before", encode_goal_def(g)}, {"after", encode_goal_def(bad)}}}}};
  EXPECT_EQ(api.json("POST", "/api/v1/changes", lvl.dump()).status, 400);
  EXPECT_EQ(GoalsWeb::goal(w.read(), g.id)->level, "area");
}

}  // namespace
}  // namespace toteuma
