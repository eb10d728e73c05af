#include "ingest/goal_files.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "core/fixed.h"
#include "ingest/fields.h"

namespace toteuma {

using namespace fields;
namespace fs = std::filesystem;

namespace {

std::string ref(const CsvTable& t, const CsvRecord& r, const std::string& col, const std::set<std::string>& known,
                const char* what, bool allow_empty = false) {
  std::string v = need_id(t, r, col, allow_empty);
  if (v.empty() && allow_empty) return v;
  if (!known.count(v)) t.fail(r, col, m3(fmt::format("expected {} id, found \"{}\"", what, v), "tuntematon tunnus", "okänt id"));
  return v;
}

Text text_of(const CsvTable& t, const CsvRecord& r, const std::string& base, bool required) {
  Text x{t.get(r, base + "_fi"), t.get(r, base + "_sv")};
  if (required && x.fi.empty() && x.sv.empty())
    t.fail(r, base + "_fi", m3("text missing in both languages", "teksti puuttuu", "texten saknas"));
  return x;
}

int need_int(const CsvTable& t, const CsvRecord& r, const std::string& col) {
  return static_cast<int>(need_fixed(t, r, col, 0));
}

void unique(const CsvTable& t, const CsvRecord& r, std::set<std::string>& seen, const std::string& key,
            const std::string& col) {
  if (!seen.insert(key).second) t.fail(r, col, m3("a second row for the same key", "sama rivi kahdesti", "samma rad två gånger"));
}

}  // namespace

void load_goals(const fs::path& dir, Dataset& d) {
  Goals& g = d.goals;
  fs::path gd = dir / "goals";
  std::set<std::string> units, themes, goals, metrics, reviews, municipalities;
  for (const auto& u : d.units) units.insert(u.id);
  for (const auto& m : d.municipalities) municipalities.insert(m.id);

  if (auto t = open_optional_csv(gd / "themes.csv", {"id", "valid_from", "valid_to", "name_fi", "name_sv"})) {
    for (const auto& r : t->rows()) {
      Theme x{need_id(*t, r, "id"), need_date(*t, r, "valid_from"), opt_date(*t, r, "valid_to"), text_of(*t, r, "name", true)};
      unique(*t, r, themes, x.id, "id");
      g.themes.push_back(std::move(x));
    }
  }
  if (auto t = open_optional_csv(gd / "theme_numbers.csv", {"theme", "year", "number"})) {
    std::set<std::string> seen;
    for (const auto& r : t->rows()) {
      ThemeNumber x{ref(*t, r, "theme", themes, "a theme of goals/themes.csv"), need_year(*t, r, "year"), need_int(*t, r, "number")};
      unique(*t, r, seen, x.theme + "/" + std::to_string(x.year), "number");
      g.theme_numbers.push_back(x);
    }
  }
  if (auto t = open_optional_csv(gd / "goals.csv", {"id", "year", "unit", "level", "theme", "parent", "position", "text_fi", "text_sv",
                                       "responsible_fi", "responsible_sv"}, {"retired"})) {
    for (const auto& r : t->rows()) goals.insert(t->get(r, "id"));
    std::set<std::string> seen;
    for (const auto& r : t->rows()) {
      Goal x;
      x.id = need_id(*t, r, "id");
      unique(*t, r, seen, x.id, "id");
      x.year = need_year(*t, r, "year");
      x.unit = ref(*t, r, "unit", units, "a unit");
      x.level = t->get(r, "level");
      if (x.level != "city" && x.level != "center" && x.level != "area" && x.level != "unit")
        t->fail(r, "level", m3("expected city, center, area or unit", "odotettiin city, center, area tai unit", "city, center, area eller unit förväntades"));
      x.theme = ref(*t, r, "theme", themes, "a theme of goals/themes.csv", true);
      x.parent = ref(*t, r, "parent", goals, "a goal", true);
      if (x.parent == x.id) t->fail(r, "parent", m3("a goal cannot serve itself", "tavoite ei voi olla oma yläkäsitteensä", "ett mål kan inte tjäna sig självt"));
      x.position = need_int(*t, r, "position");
      x.text = text_of(*t, r, "text", true);
      x.responsible = text_of(*t, r, "responsible", false);
      x.retired = opt_date(*t, r, "retired");
      g.goals.push_back(std::move(x));
    }
  }
  if (auto t = open_optional_csv(gd / "actions.csv", {"goal", "position", "text_fi", "text_sv", "responsible_fi", "responsible_sv"})) {
    for (const auto& r : t->rows())
      g.actions.push_back({ref(*t, r, "goal", goals, "a goal of goals/goals.csv"), need_int(*t, r, "position"),
                           text_of(*t, r, "text", true), text_of(*t, r, "responsible", false)});
  }
  if (auto t = open_optional_csv(gd / "metrics.csv", {"id", "goal", "name_fi", "name_sv", "unit", "direction", "target", "partly", "owner", "frequency"})) {
    for (const auto& r : t->rows()) {
      Metric x;
      x.id = need_id(*t, r, "id");
      unique(*t, r, metrics, x.id, "id");
      x.goal = ref(*t, r, "goal", goals, "a goal of goals/goals.csv");
      x.name = text_of(*t, r, "name", true);
      x.unit = t->get(r, "unit");
      if (x.unit != "%" && x.unit != "count" && x.unit != "eur" && x.unit != "scale")
        t->fail(r, "unit", m3("expected %, count, eur or scale", "odotettiin %, count, eur tai scale", "%, count, eur eller scale förväntades"));
      x.direction = t->get(r, "direction");
      if (x.direction != "up" && x.direction != "down")
        t->fail(r, "direction", m3("expected up or down", "odotettiin up tai down", "up eller down förväntades"));
      x.target_tenths = opt_fixed(*t, r, "target", 1);
      x.partly_tenths = opt_fixed(*t, r, "partly", 1);
      x.owner = t->get(r, "owner");
      x.frequency = t->get(r, "frequency");
      if (!x.frequency.empty() && x.frequency != "year" && x.frequency != "half-year" && x.frequency != "quarter" &&
          x.frequency != "month")
        t->fail(r, "frequency", m3("expected year, half-year, quarter or month", "odotettiin year, half-year, quarter tai month", "year, half-year, quarter eller month förväntades"));
      g.metrics.push_back(std::move(x));
    }
  }
  if (auto t = open_optional_csv(gd / "metric_values.csv", {"metric", "date", "value", "source"})) {
    std::set<std::string> seen;
    for (const auto& r : t->rows()) {
      MetricValue x{ref(*t, r, "metric", metrics, "a metric of goals/metrics.csv"), need_date(*t, r, "date"),
                    need_fixed(*t, r, "value", 1), t->get(r, "source")};
      unique(*t, r, seen, x.metric + "/" + to_iso(x.date), "value");
      g.values.push_back(std::move(x));
    }
  }
  if (auto t = open_optional_csv(gd / "realisations.csv", {"goal", "year", "status", "reason_fi", "reason_sv", "text_fi", "text_sv"})) {
    std::set<std::string> seen;
    for (const auto& r : t->rows()) {
      Realisation x;
      x.goal = ref(*t, r, "goal", goals, "a goal of goals/goals.csv");
      x.year = need_year(*t, r, "year");
      unique(*t, r, seen, x.goal + "/" + std::to_string(x.year), "year");
      if (!t->get(r, "status").empty()) {
        x.status = parse_goal_status(t->get(r, "status"));
        if (!x.status) t->fail(r, "status", m3("expected met, partly, not_met or no_data", "odotettiin met, partly, not_met tai no_data", "met, partly, not_met eller no_data förväntades"));
      }
      x.reason = text_of(*t, r, "reason", false);
      x.text = text_of(*t, r, "text", false);
      g.realisations.push_back(std::move(x));
    }
  }
  if (auto t = open_optional_csv(gd / "reviews.csv", {"id", "unit", "date", "title_fi", "title_sv"})) {
    for (const auto& r : t->rows()) {
      Review x{need_id(*t, r, "id"), ref(*t, r, "unit", units, "a unit"), need_date(*t, r, "date"), text_of(*t, r, "title", false)};
      unique(*t, r, reviews, x.id, "id");
      g.reviews.push_back(std::move(x));
    }
  }
  if (auto t = open_optional_csv(gd / "review_items.csv", {"review", "goal", "status", "text_fi", "text_sv"})) {
    std::set<std::string> seen;
    for (const auto& r : t->rows()) {
      ReviewItem x;
      x.review = ref(*t, r, "review", reviews, "a review of goals/reviews.csv");
      x.goal = ref(*t, r, "goal", goals, "a goal of goals/goals.csv");
      unique(*t, r, seen, x.review + "/" + x.goal, "goal");
      auto st = parse_goal_status(t->get(r, "status"));
      if (!st) t->fail(r, "status", m3("expected met, partly, not_met or no_data", "odotettiin met, partly, not_met tai no_data", "met, partly, not_met eller no_data förväntades"));
      x.status = *st;
      x.text = text_of(*t, r, "text", false);
      g.review_items.push_back(std::move(x));
    }
  }
  if (auto t = open_optional_csv(gd / "rules.csv", {"rule", "municipality", "value"})) {
    static const std::set<std::string> known = {"goals_per_theme_min", "goals_per_theme_max", "metric_required"};
    for (const auto& r : t->rows()) {
      GoalRule x{t->get(r, "rule"), ref(*t, r, "municipality", municipalities, "a municipality"), need_fixed(*t, r, "value", 0)};
      if (!known.count(x.rule))
        t->fail(r, "rule", m3("expected goals_per_theme_min, goals_per_theme_max or metric_required", "tuntematon sääntö", "okänd regel"));
      g.rules.push_back(std::move(x));
    }
  }
}

void dump_goals(const Dataset& d, const fs::path& dir) {
  const Goals& g = d.goals;
  fs::path gd = dir / "goals";
  auto put = [&](const char* name, const std::string& head, const std::string& body) { write_rows_if_any(gd, name, head, body); };
  auto opt1 = [](const std::optional<std::int64_t>& v) { return v ? fixed_to_plain(*v, 1) : std::string(); };
  std::string b;
  for (const auto& x : g.themes)
    b += row({x.id, to_iso(x.valid_from), x.valid_to ? to_iso(*x.valid_to) : "", x.name.fi, x.name.sv});
  put("themes.csv", row({"id", "valid_from", "valid_to", "name_fi", "name_sv"}), b);
  b.clear();
  for (const auto& x : g.theme_numbers) b += row({x.theme, std::to_string(x.year), std::to_string(x.number)});
  put("theme_numbers.csv", row({"theme", "year", "number"}), b);
  b.clear();
  // The `retired` column only when a goal is retired: older folders stay as they were written.
  bool retired = std::any_of(g.goals.begin(), g.goals.end(), [](const Goal& x) { return x.retired.has_value(); });
  for (const auto& x : g.goals) {
    b += row({x.id, std::to_string(x.year), x.unit, x.level, x.theme, x.parent, std::to_string(x.position), x.text.fi,
              x.text.sv, x.responsible.fi, x.responsible.sv});
    if (retired) b.insert(b.size() - 1, ";" + (x.retired ? to_iso(*x.retired) : std::string()));
  }
  put("goals.csv",
      retired ? row({"id", "year", "unit", "level", "theme", "parent", "position", "text_fi", "text_sv", "responsible_fi", "responsible_sv", "retired"})
              : row({"id", "year", "unit", "level", "theme", "parent", "position", "text_fi", "text_sv", "responsible_fi", "responsible_sv"}),
      b);
  b.clear();
  for (const auto& x : g.actions)
    b += row({x.goal, std::to_string(x.position), x.text.fi, x.text.sv, x.responsible.fi, x.responsible.sv});
  put("actions.csv", row({"goal", "position", "text_fi", "text_sv", "responsible_fi", "responsible_sv"}), b);
  b.clear();
  for (const auto& x : g.metrics)
    b += row({x.id, x.goal, x.name.fi, x.name.sv, x.unit, x.direction, opt1(x.target_tenths), opt1(x.partly_tenths), x.owner,
              x.frequency});
  put("metrics.csv", row({"id", "goal", "name_fi", "name_sv", "unit", "direction", "target", "partly", "owner", "frequency"}), b);
  b.clear();
  for (const auto& x : g.values) b += row({x.metric, to_iso(x.date), fixed_to_plain(x.value_tenths, 1), x.source});
  put("metric_values.csv", row({"metric", "date", "value", "source"}), b);
  b.clear();
  for (const auto& x : g.realisations)
    b += row({x.goal, std::to_string(x.year), x.status ? to_string(*x.status) : "", x.reason.fi, x.reason.sv, x.text.fi, x.text.sv});
  put("realisations.csv", row({"goal", "year", "status", "reason_fi", "reason_sv", "text_fi", "text_sv"}), b);
  b.clear();
  for (const auto& x : g.reviews) b += row({x.id, x.unit, to_iso(x.date), x.title.fi, x.title.sv});
  put("reviews.csv", row({"id", "unit", "date", "title_fi", "title_sv"}), b);
  b.clear();
  for (const auto& x : g.review_items) b += row({x.review, x.goal, to_string(x.status), x.text.fi, x.text.sv});
  put("review_items.csv", row({"review", "goal", "status", "text_fi", "text_sv"}), b);
  b.clear();
  for (const auto& x : g.rules) b += row({x.rule, x.municipality, std::to_string(x.value)});
  put("rules.csv", row({"rule", "municipality", "value"}), b);
}

}  // namespace toteuma
