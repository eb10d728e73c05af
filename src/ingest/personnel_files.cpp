#include "ingest/personnel_files.h"

#include <fmt/format.h>

#include <set>
#include <tuple>

#include "core/fixed.h"
#include "ingest/fields.h"

namespace toteuma {

using namespace fields;
namespace fs = std::filesystem;

namespace {

struct Refs {
  std::set<std::string> units, groups, types, items;
};

std::string need_ref(const CsvTable& t, const CsvRecord& r, const std::string& col, const std::set<std::string>& known,
                     const char* what, bool allow_empty = false) {
  std::string v = need_id(t, r, col, allow_empty);
  if (v.empty() && allow_empty) return v;
  if (!known.count(v))
    t.fail(r, col, m3(fmt::format("expected {} id, found \"{}\"", what, v), "tuntematon tunnus", "okänt id"));
  return v;
}

template <typename Key>
void unique(const CsvTable& t, const CsvRecord& r, std::set<Key>& seen, const Key& k, const std::string& col) {
  if (!seen.insert(k).second)
    t.fail(r, col, m3("a second row for the same key", "sama rivi kahdesti", "samma rad två gånger"));
}

std::vector<NamedItem> read_named(const fs::path& p) {
  std::vector<NamedItem> out;
  if (!fs::exists(p)) return out;
  CsvTable t(read_file(p.string()), p.string(), {"id", "name_fi", "name_sv"});
  std::set<std::string> seen;
  for (const auto& r : t.rows()) {
    NamedItem n{need_id(t, r, "id"), {t.get(r, "name_fi"), t.get(r, "name_sv")}};
    unique(t, r, seen, n.id, "id");
    if (n.name.fi.empty() && n.name.sv.empty()) t.fail(r, "name_fi", m3("name missing", "nimi puuttuu", "namn saknas"));
    out.push_back(std::move(n));
  }
  return out;
}

std::int64_t need_count(const CsvTable& t, const CsvRecord& r, const std::string& col) {
  std::int64_t v = need_fixed(t, r, col, 0);
  if (v < 0) t.fail(r, col, m3("expected a count of zero or more", "odotettiin lukumäärää", "ett antal förväntades"));
  return v;
}

}  // namespace

void load_personnel(const fs::path& dir, Dataset& d) {
  Personnel& p = d.personnel;
  Refs refs;
  for (const auto& u : d.units) refs.units.insert(u.id);
  fs::path pd = dir / "personnel";
  p.groups = read_named(pd / "groups.csv");
  p.employment_types = read_named(pd / "employment_types.csv");
  for (const auto& g : p.groups) refs.groups.insert(g.id);
  for (const auto& e : p.employment_types) refs.types.insert(e.id);

  if (fs::path f = pd / "survey_items.csv"; fs::exists(f)) {
    CsvTable t(read_file(f.string()), f.string(), {"id", "name_fi", "name_sv", "unit"});
    std::set<std::string> seen;
    for (const auto& r : t.rows()) {
      SurveyItem s{need_id(t, r, "id"), {t.get(r, "name_fi"), t.get(r, "name_sv")}, t.get(r, "unit")};
      unique(t, r, seen, s.id, "id");
      if (s.unit != "%" && s.unit != "scale") t.fail(r, "unit", m3("expected % or scale", "odotettiin % tai scale", "% eller scale förväntades"));
      refs.items.insert(s.id);
      p.survey_items.push_back(std::move(s));
    }
  }
  if (fs::path f = pd / "htv.csv"; fs::exists(f)) {
    CsvTable t(read_file(f.string()), f.string(), {"unit", "year", "kind", "group", "htv"});
    std::set<std::tuple<std::string, int, std::string, std::string>> seen;
    for (const auto& r : t.rows()) {
      HtvFigure h;
      h.unit = need_ref(t, r, "unit", refs.units, "a unit");
      h.year = need_year(t, r, "year");
      h.kind = t.get(r, "kind");
      if (h.kind != "actual" && h.kind != "forecast" && h.kind != "plan")
        t.fail(r, "kind", m3("expected actual, forecast or plan", "odotettiin actual, forecast tai plan", "actual, forecast eller plan förväntades"));
      h.group = need_ref(t, r, "group", refs.groups, "a group of personnel/groups.csv", true);
      h.htv = need_fixed(t, r, "htv", 3);
      unique(t, r, seen, std::tuple{h.unit, h.year, h.kind, h.group}, "htv");
      p.htv.push_back(std::move(h));
    }
  }
  if (fs::path f = pd / "headcount.csv"; fs::exists(f)) {
    CsvTable t(read_file(f.string()), f.string(), {"unit", "date", "type", "count"});
    std::set<std::tuple<std::string, Date, std::string>> seen;
    for (const auto& r : t.rows()) {
      HeadcountFigure h{need_ref(t, r, "unit", refs.units, "a unit"), need_date(t, r, "date"),
                        need_ref(t, r, "type", refs.types, "an employment type of personnel/employment_types.csv"),
                        need_count(t, r, "count")};
      unique(t, r, seen, std::tuple{h.unit, h.date, h.type}, "count");
      p.headcount.push_back(std::move(h));
    }
  }
  if (fs::path f = pd / "retirements.csv"; fs::exists(f)) {
    CsvTable t(read_file(f.string()), f.string(), {"unit", "year", "count"});
    std::set<std::pair<std::string, int>> seen;
    for (const auto& r : t.rows()) {
      RetirementFigure x{need_ref(t, r, "unit", refs.units, "a unit"), need_year(t, r, "year"), need_count(t, r, "count")};
      unique(t, r, seen, std::pair{x.unit, x.year}, "count");
      p.retirements.push_back(std::move(x));
    }
  }
  if (fs::path f = pd / "ages.csv"; fs::exists(f)) {
    CsvTable t(read_file(f.string()), f.string(), {"unit", "year", "average_age"});
    std::set<std::pair<std::string, int>> seen;
    for (const auto& r : t.rows()) {
      AgeFigure x{need_ref(t, r, "unit", refs.units, "a unit"), need_year(t, r, "year"), need_fixed(t, r, "average_age", 1)};
      unique(t, r, seen, std::pair{x.unit, x.year}, "average_age");
      p.ages.push_back(std::move(x));
    }
  }
  if (fs::path f = pd / "training.csv"; fs::exists(f)) {
    CsvTable t(read_file(f.string()), f.string(), {"unit", "year", "days", "eligible_days", "compensation"});
    std::set<std::pair<std::string, int>> seen;
    for (const auto& r : t.rows()) {
      TrainingFigure x;
      x.unit = need_ref(t, r, "unit", refs.units, "a unit");
      x.year = need_year(t, r, "year");
      x.days_hundredths = opt_fixed(t, r, "days", 2);
      x.eligible_hundredths = opt_fixed(t, r, "eligible_days", 2);
      x.compensation = opt_fixed(t, r, "compensation", 2);
      unique(t, r, seen, std::pair{x.unit, x.year}, "days");
      p.training.push_back(std::move(x));
    }
  }
  if (fs::path f = pd / "survey.csv"; fs::exists(f)) {
    CsvTable t(read_file(f.string()), f.string(), {"unit", "year", "item", "value"});
    std::set<std::tuple<std::string, int, std::string>> seen;
    for (const auto& r : t.rows()) {
      SurveyFigure x{need_ref(t, r, "unit", refs.units, "a unit"), need_year(t, r, "year"),
                     need_ref(t, r, "item", refs.items, "a survey item of personnel/survey_items.csv"),
                     need_fixed(t, r, "value", 1)};
      unique(t, r, seen, std::tuple{x.unit, x.year, x.item}, "value");
      p.survey.push_back(std::move(x));
    }
  }
  if (fs::path f = dir / "restructurings.csv"; fs::exists(f)) {
    CsvTable t(read_file(f.string()), f.string(), {"date", "old_unit", "new_unit", "share", "external", "htv", "persons", "note"});
    for (const auto& r : t.rows()) {
      Restructuring x;
      x.date = need_date(t, r, "date");
      x.old_unit = need_ref(t, r, "old_unit", refs.units, "a unit");
      x.new_unit = need_ref(t, r, "new_unit", refs.units, "a unit", true);
      x.external = t.get(r, "external");
      if (x.new_unit.empty() == x.external.empty())
        t.fail(r, "new_unit", m3("give either new_unit (a change inside the municipality) or external (a transfer out)",
                                 "anna joko new_unit tai external", "ange antingen new_unit eller external"));
      if (!x.new_unit.empty()) {
        x.share_thousandths = need_fixed(t, r, "share", 3);
        if (x.share_thousandths <= 0 || x.share_thousandths > 1000)
          t.fail(r, "share", m3("expected a share above 0 and at most 1", "odotettiin osuutta 0–1", "en andel 0–1 förväntades"));
        std::int64_t total = x.share_thousandths;
        for (const auto& o : d.restructurings)
          if (o.date == x.date && o.old_unit == x.old_unit && !o.new_unit.empty()) total += o.share_thousandths;
        if (total > 1000)
          t.fail(r, "share", m3("the shares of one old unit add up to more than 1", "osuudet ylittävät 1", "andelarna överstiger 1"));
      }
      x.htv = opt_fixed(t, r, "htv", 3);
      if (auto n = opt_fixed(t, r, "persons", 0)) x.persons = *n;
      if (!x.external.empty() && !x.htv && !x.persons)
        t.fail(r, "persons", m3("a transfer out needs htv or persons", "siirrolle tarvitaan htv tai henkilömäärä", "en överföring behöver årsverken eller personer"));
      x.note = t.get(r, "note");
      d.restructurings.push_back(std::move(x));
    }
  }
}

void dump_personnel(const Dataset& d, const fs::path& dir) {
  const Personnel& p = d.personnel;
  fs::path pd = dir / "personnel";
  auto put = [&](const fs::path& f, const std::string& head, const std::string& body) {
    write_rows_if_any(f.parent_path(), f.filename().string(), head, body);
  };
  auto opt = [](const std::optional<std::int64_t>& v, int dec) { return v ? fixed_to_plain(*v, dec) : std::string(); };
  std::string b;
  for (const auto& g : p.groups) b += row({g.id, g.name.fi, g.name.sv});
  put(pd / "groups.csv", row({"id", "name_fi", "name_sv"}), b);
  b.clear();
  for (const auto& g : p.employment_types) b += row({g.id, g.name.fi, g.name.sv});
  put(pd / "employment_types.csv", row({"id", "name_fi", "name_sv"}), b);
  b.clear();
  for (const auto& h : p.htv) b += row({h.unit, std::to_string(h.year), h.kind, h.group, fixed_to_plain(h.htv, 3)});
  put(pd / "htv.csv", row({"unit", "year", "kind", "group", "htv"}), b);
  b.clear();
  for (const auto& h : p.headcount) b += row({h.unit, to_iso(h.date), h.type, std::to_string(h.count)});
  put(pd / "headcount.csv", row({"unit", "date", "type", "count"}), b);
  b.clear();
  for (const auto& x : p.retirements) b += row({x.unit, std::to_string(x.year), std::to_string(x.count)});
  put(pd / "retirements.csv", row({"unit", "year", "count"}), b);
  b.clear();
  for (const auto& x : p.ages) b += row({x.unit, std::to_string(x.year), fixed_to_plain(x.average_tenths, 1)});
  put(pd / "ages.csv", row({"unit", "year", "average_age"}), b);
  b.clear();
  for (const auto& x : p.training)
    b += row({x.unit, std::to_string(x.year), opt(x.days_hundredths, 2), opt(x.eligible_hundredths, 2), opt(x.compensation, 2)});
  put(pd / "training.csv", row({"unit", "year", "days", "eligible_days", "compensation"}), b);
  b.clear();
  for (const auto& s : p.survey_items) b += row({s.id, s.name.fi, s.name.sv, s.unit});
  put(pd / "survey_items.csv", row({"id", "name_fi", "name_sv", "unit"}), b);
  b.clear();
  for (const auto& s : p.survey) b += row({s.unit, std::to_string(s.year), s.item, fixed_to_plain(s.value_tenths, 1)});
  put(pd / "survey.csv", row({"unit", "year", "item", "value"}), b);
  b.clear();
  for (const auto& x : d.restructurings)
    b += row({to_iso(x.date), x.old_unit, x.new_unit, x.new_unit.empty() ? "" : fixed_to_plain(x.share_thousandths, 3),
              x.external, opt(x.htv, 3), x.persons ? std::to_string(*x.persons) : "", x.note});
  put(dir / "restructurings.csv", row({"date", "old_unit", "new_unit", "share", "external", "htv", "persons", "note"}), b);
}

}  // namespace toteuma
