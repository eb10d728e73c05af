// One validation for every door (issue 13, item 6): what the web or API accepts must load as a
// dataset folder, and what loads must be editable. The reproductions of the first-week trial are
// refused with nothing stored; random sequences of accepted changes always leave a database whose
// dump loads and dumps again byte for byte.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <random>

#include "ingest/dataset_files.h"
#include "store/store.h"
#include "test_util.h"
#include "web_client.h"

namespace toteuma {
namespace {

using nlohmann::json;
using testing::Client;

constexpr const char* kPassword = "ovet-salasana-42";

struct Doors : testing::DemoWorkplace {
  Doors() {
    testing::add_user(db, "talous", "finance", kPassword);
    testing::add_user(db, "admin", "admin", kPassword);
    app = make_app(db);
  }
  Client logged_in(const std::string& user) {
    Client c(app);
    auto r = c.api_login(user, kPassword);
    EXPECT_EQ(r.status, 200) << r.body;
    EXPECT_FALSE(c.csrf.empty());
    return c;
  }
  Dataset stored() const { return open_store(db)->read(); }
};

json change(const std::string& entity, const std::string& key, json before, json after) {
  return {{"changes", json::array({{{"entity", entity}, {"key", key}, {"before", before}, {"after", after}}})}};
}

// Every file of a folder, by relative path.
std::map<std::string, std::string> files_of(const std::filesystem::path& dir) {
  std::map<std::string, std::string> out;
  for (const auto& e : std::filesystem::recursive_directory_iterator(dir))
    if (e.is_regular_file()) out[e.path().lexically_relative(dir).string()] = testing::slurp(e.path());
  return out;
}

// dump → load → dump is identical, and what loads is what is stored.
void expect_round_trip(const Dataset& stored) {
  testing::TempDir a, b;
  dump_dataset_dir(stored, a.path());
  Dataset loaded;
  ASSERT_NO_THROW(loaded = load_dataset_dir(a.path()));
  EXPECT_TRUE(loaded == stored);
  dump_dataset_dir(loaded, b.path());
  EXPECT_EQ(files_of(a.path()), files_of(b.path()));
}

struct Refused {
  const char* what;
  const char* entity;
  const char* key;
  json after;
};

// The trial's reproductions: each was accepted through POST /api/v1/changes, after which `dump`
// succeeded and `load` of the dump failed.
TEST(Doors, TheTrialsReproductionsAreRefusedAndNothingIsStored) {
  Doors w;
  Client c = w.logged_in("talous");
  Dataset before = w.stored();
  const Refused cases[] = {
      {"a total typed beside its parts (kanslia has services in ta2025)", "figure", "kanslia/operating_costs/ta2025", "-12300"},
      {"a part typed beside a total (ict has operating_costs in ta2025)", "figure", "ict/wages/ta2025", "-12300"},
      {"a second actual for 2024", "scenario", "tp2024b", "actual;2024;;;Toinen tilinpäätös;Andra bokslut"},
      {"a second budget for 2025", "scenario", "ta2025b", "budget;2025;;;Toinen talousarvio;Andra budget"},
      {"a plan year without a base year", "scenario", "ts2028", "plan;2028;;;Suunnitelma 2028;Plan 2028"},
      {"an amendment for year 9999", "scenario", "m9999", "amendment;9999;KV 1/9999;;Muutos;Ändring"},
      {"an amount of 9·10¹⁸ cents", "figure", "kanslia/sales/ta2024", "9000000000000000000"},
      {"an amount beyond the entry limit", "figure", "kanslia/sales/ta2024", "10000000000000000"},
  };
  for (const auto& r : cases) {
    auto res = c.json("POST", "/api/v1/changes", change(r.entity, r.key, nullptr, r.after).dump());
    EXPECT_EQ(res.status, 400) << r.what << ": " << res.body;
    EXPECT_TRUE(w.stored() == before) << r.what << ": something was stored";
  }
  // The refusal says why, in Finnish and Swedish, and where the loader stopped.
  auto res = c.json("POST", "/api/v1/changes", change("figure", "kanslia/operating_costs/ta2025", nullptr, "-12300").dump());
  EXPECT_NE(res.body.find("figures.csv:"), std::string::npos) << res.body;
  EXPECT_NE(res.body.find("läpäisisi latauksen tarkistusta"), std::string::npos) << res.body;
  expect_round_trip(w.stored());
}

// The reverse: a state that loads can be edited further (the dataset as loaded passes the same
// check that every edit passes).
TEST(Doors, WhatLoadsPassesTheEditCheck) {
  Doors w;
  EXPECT_NO_THROW(validate_as_loaded(w.stored()));
  Client c = w.logged_in("talous");
  auto r = c.json("POST", "/api/v1/changes", change("figure", "kanslia/sales/ta2025", "50000", "60000").dump());
  EXPECT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(w.stored().figures.size(), Dataset(w.stored()).figures.size());
}

// Random sequences of changes as an administrator: whatever is accepted, the stored dataset dumps,
// loads back equal, and dumps again byte for byte.
TEST(Doors, RandomAcceptedChangesAlwaysRoundTrip) {
  Doors w;
  Client c = w.logged_in("admin");
  Dataset d0 = w.stored();
  std::vector<std::string> units, lines, scenarios, metrics;
  for (const auto& u : d0.units) units.push_back(u.id);
  for (const auto& l : d0.chart.lines()) lines.push_back(l.id);
  for (const auto& s : d0.scenarios) scenarios.push_back(s.id);
  for (const auto& m : d0.goals.metrics) metrics.push_back(m.id);
  std::vector<std::string> goals;
  for (const auto& g : d0.goals.goals) goals.push_back(g.id);
  std::mt19937 rng(20261206);
  auto pick = [&](const std::vector<std::string>& v) { return v[std::uniform_int_distribution<std::size_t>(0, v.size() - 1)(rng)]; };
  auto one_of = [&](std::initializer_list<const char*> v) { return std::string(*(v.begin() + std::uniform_int_distribution<std::size_t>(0, v.size() - 1)(rng))); };
  auto amount = [&] {
    return one_of({"0", "-1", "100", "-193503900", "99999999999999", "-99999999999999", "100000000000000", "9223372036854775807",
                   "12.5", "abc", ""});
  };
  auto text = [&] {
    return one_of({"Teksti", "Text med å ä ö", "  välilyönnit  ", "rivi\nrivi", "rivi\r\nrivi", "\"lainaus\"; puolipiste", "x\ty",
                   "<script>alert(1)</script>", "", "\xe2\x80\x8b", "# Otsikko\n\n- kohta"});
  };
  auto year = [&] { return one_of({"2023", "2024", "2025", "2026", "1899", "2201", "9999", "0000"}); };
  int accepted = 0, refused = 0;
  for (int step = 0; step < 300; ++step) {
    Dataset now = w.stored();
    std::string entity, key;
    json after;
    switch (std::uniform_int_distribution<int>(0, 5)(rng)) {
      case 0:
      case 1:
        entity = "figure";
        key = pick(units) + "/" + pick(lines) + "/" + pick(scenarios);
        after = amount();
        if (after == "") after = nullptr;
        break;
      case 2:
        entity = "scenario";
        key = "s" + std::to_string(step);
        after = one_of({"budget", "amendment", "actual", "forecast", "plan", "other"}) + ";" + year() + ";" +
                one_of({"", "KV 1/2025 § 3"}) + ";" + one_of({"", "2025-03-01", "2025-02-30"}) + ";" + text() + ";" + text();
        scenarios.push_back(key);
        break;
      case 3:
        entity = "narrative";
        key = pick(units) + "/" + year() + "/" + one_of({"events", "risks", "commentary", "focus"}) + "/" + one_of({"fi", "sv"});
        after = text();
        if (after == "") after = nullptr;
        break;
      case 4:
        entity = "metric_value";
        key = pick(metrics) + "/" + one_of({"2024-12-31", "2025-06-30", "2025-13-01"});
        after = one_of({"725", "-1", "x"}) + ";" + text();
        break;
      default:
        entity = "goal";
        key = pick(goals) + "/" + one_of({"fi", "sv"});
        after = text();
        break;
    }
    // The current value as `before`, so only validation (never staleness) refuses.
    std::optional<std::string> cur;
    {
      auto r = c.get("/api/v1/values", {{"entity", entity}, {"key", key}});
      if (r.status == 200) {
        json j = json::parse(r.body);
        if (j.contains("value") && j["value"].is_string()) cur = j["value"].get<std::string>();
      }
    }
    json before = cur ? json(*cur) : json(nullptr);
    auto res = c.json("POST", "/api/v1/changes", change(entity, key, before, after).dump());
    ASSERT_TRUE(res.status == 200 || res.status == 400 || res.status == 409) << entity << " " << key << ": " << res.body;
    if (res.status == 200) ++accepted;
    else {
      ++refused;
      EXPECT_TRUE(w.stored() == now) << "a refused change stored something: " << entity << " " << key;
    }
    if (step % 50 == 49) expect_round_trip(w.stored());
  }
  expect_round_trip(w.stored());
  EXPECT_GT(accepted, 30);
  EXPECT_GT(refused, 30);
}

}  // namespace
}  // namespace toteuma
