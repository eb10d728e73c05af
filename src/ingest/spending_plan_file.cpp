#include "ingest/spending_plan_file.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>
#include <tuple>

#include "core/format.h"
#include "core/text.h"
#include "ingest/fields.h"

namespace toteuma {

using namespace fields;
namespace fs = std::filesystem;

namespace {

std::string month_col(int m) { return fmt::format("m{:02}", m); }

std::vector<std::string> month_cols() {
  std::vector<std::string> c;
  for (int m = 1; m <= 12; ++m) c.push_back(month_col(m));
  return c;
}

// Whether the council's decision of `year` is there for `unit`: a budget scenario of the year it uses.
bool has_budget(const Dataset& d, const std::string& unit, int year) {
  return std::any_of(d.scenarios.begin(), d.scenarios.end(), [&](const Scenario& s) {
    return s.kind == ScenarioKind::budget && s.year == year && scenario_serves(d, s, unit);
  });
}

}  // namespace

std::vector<SpendingPlanRow> parse_spending_plan(const std::string& text, const std::string& file, const Dataset& d) {
  CsvTable t(text, file, {"year", "unit", "line", "amount"}, month_cols());
  std::vector<SpendingPlanRow> out;
  std::set<std::tuple<int, std::string, std::string>> keys;
  for (const auto& r : t.rows()) {
    SpendingPlanRow p;
    p.year = need_year(t, r, "year");
    p.unit = need_id(t, r, "unit");
    if (!d.has_unit(p.unit))
      t.fail(r, "unit", m3(fmt::format("expected a unit id of units.csv, found \"{}\"", p.unit), "tuntematon yksikkö", "okänd enhet"));
    OrgView org(d.units, Date::first_of_year(p.year));
    if (!binding_unit_of(org, p.unit))
      t.fail(r, "unit", m3(fmt::format("expected a unit with a binding line or under one on 1.1.{}, found \"{}\"", p.year, p.unit),
                           "odotettiin sitovan tason yksikköä tai sen alaista yksikköä",
                           "en enhet på bindningsnivån eller under den förväntades"));
    if (!has_budget(d, p.unit, p.year))
      t.fail(r, "year", m3(fmt::format("expected a year whose budget the council has decided (a budget scenario of {}; budget adopt)", p.year),
                           fmt::format("vuoden {} talousarviota ei ole vielä hyväksytty", p.year),
                           fmt::format("budgeten för {} är inte antagen ännu", p.year)));
    p.line = need_id(t, r, "line");
    const Line* l = d.chart.find(p.line);
    if (!l || !l->in(Part::operating))
      t.fail(r, "line", m3(fmt::format("expected a line of the operating part of the chart, found \"{}\"", p.line),
                           "odotettiin käyttötalousosan riviä", "en rad i driftsekonomidelen förväntades"));
    p.amount = need_euros(t, r, "amount");
    auto cols = month_cols();
    bool any = std::any_of(cols.begin(), cols.end(), [&](const std::string& c) { return !t.get(r, c).empty(); });
    if (any) {
      std::array<Cents, 12> months{};
      for (std::size_t m = 0; m < 12; ++m) {
        if (t.get(r, cols[m]).empty())
          t.fail(r, cols[m], m3("expected all twelve months or none", "odotettiin kaikkia kahtatoista kuukautta tai ei yhtään",
                                "alla tolv månader eller ingen förväntades"));
        months[m] = need_euros(t, r, cols[m]);
        if (months[m] != 0 && (months[m] < 0) != (p.amount < 0))
          t.fail(r, cols[m], m3("expected an amount of the year's sign (costs negative, income positive) or 0",
                                "kuukauden etumerkin on oltava vuoden etumerkki", "månadens tecken ska vara årets"));
      }
      p.months = months;
      if (Cents diff = months_difference(p); diff != 0) {
        Cents sum = checked_add(p.amount, diff);
        t.fail(r, "m12", m3(fmt::format("expected months adding up to the year {}, found {} (difference {})", cents_to_plain(p.amount),
                                        cents_to_plain(sum), cents_to_plain(diff)),
                            fmt::format("kuukaudet ovat yhteensä {}, vuosi {} (ero {})", format_euro_cents(sum, " "),
                                        format_euro_cents(p.amount, " "), format_euro_cents(diff, " ")),
                            fmt::format("månaderna är sammanlagt {}, året {} (skillnad {})", format_euro_cents(sum, " "),
                                        format_euro_cents(p.amount, " "), format_euro_cents(diff, " "))));
      }
    }
    if (!keys.insert({p.year, p.unit, p.line}).second)
      t.fail(r, "line", m3("a second row for the same year, unit and line", "sama rivi kahdesti", "samma rad två gånger"));
    out.push_back(std::move(p));
  }
  return out;
}

SpendingPlanRow parse_spending_plan_row(int year, const std::string& unit, const std::string& line, const std::string& amount,
                                        const std::vector<std::string>& months, const std::string& where, const Dataset& d) {
  std::string text = "year;unit;line;amount;m01;m02;m03;m04;m05;m06;m07;m08;m09;m10;m11;m12\n";
  std::vector<std::string> f = {std::to_string(year), unit, line, amount};
  for (std::size_t m = 0; m < 12; ++m) f.push_back(months.size() == 12 ? months[m] : "");
  for (std::size_t i = 0; i < f.size(); ++i) text += (i ? ";" : "") + csv_field(f[i]);
  return parse_spending_plan(text + "\n", where, d).at(0);
}

std::string spending_plan_csv(const std::vector<SpendingPlanRow>& rows) {
  std::string s = "year;unit;line;amount";
  for (const auto& c : month_cols()) s += ";" + c;
  s += "\n";
  for (const auto& r : rows) {
    s += fmt::format("{};{};{};{}", r.year, r.unit, r.line, cents_to_plain(r.amount));
    for (std::size_t m = 0; m < 12; ++m) s += ";" + (r.months ? cents_to_plain((*r.months)[m]) : std::string());
    s += "\n";
  }
  return s;
}

void load_spending_plan(const fs::path& dir, Dataset& d) {
  fs::path f = dir / "budgeting" / "spending_plan.csv";
  if (fs::exists(f)) d.spending_plan = parse_spending_plan(read_file(f.string()), f.string(), d);
}

void dump_spending_plan(const Dataset& d, const fs::path& dir) {
  if (d.spending_plan.empty()) return;
  fs::create_directories(dir / "budgeting");
  write_text(dir / "budgeting" / "spending_plan.csv", spending_plan_csv(d.spending_plan));
}

}  // namespace toteuma
