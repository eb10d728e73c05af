#include "ingest/employment_records.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "ingest/csv.h"

namespace toteuma {

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool all_digits(std::string_view s) {
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return !s.empty();
}

// Decimal number with at most `decimals` decimals (',' or '.') in units of 10^-decimals.
std::optional<long long> parse_scaled(std::string_view s, int decimals) {
  s = trim(s);
  bool neg = false;
  if (!s.empty() && s.front() == '-') {
    neg = true;
    s.remove_prefix(1);
  }
  std::string_view whole = s, frac;
  if (auto p = s.find_first_of(",."); p != std::string_view::npos) {
    whole = s.substr(0, p);
    frac = s.substr(p + 1);
    if (frac.empty() || static_cast<int>(frac.size()) > decimals || !all_digits(frac)) return std::nullopt;
  }
  if (!all_digits(whole) || whole.size() > 12) return std::nullopt;
  long long v = 0;
  for (char c : whole) v = v * 10 + (c - '0');
  for (int i = 0; i < decimals; ++i)
    v = v * 10 + (static_cast<std::size_t>(i) < frac.size() ? frac[static_cast<std::size_t>(i)] - '0' : 0);
  return neg ? -v : v;
}

std::optional<bool> parse_bool(std::string_view s) {
  s = trim(s);
  std::string t;
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '\xC3' && i + 1 < s.size() && s[i + 1] == '\x84') {  // Ä -> ä
      t += "\xC3\xA4";
      ++i;
    } else {
      t += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    }
  }
  if (t == "1" || t == "kyll\xC3\xA4") return true;
  if (t == "0" || t == "ei") return false;
  return std::nullopt;
}

const char* const kDateMsg =
    "expected a date like 2023-07-01 or 1.7.2023 / odotettiin päivämäärää, esim. 2023-07-01 tai 1.7.2023 / "
    "datum förväntades, t.ex. 2023-07-01 eller 1.7.2023";
const char* const kPersonMsg = "person id is empty / henkilötunniste puuttuu / personbeteckning saknas";

std::string unknown_unit_msg(const std::string& unit) {
  return fmt::format("unknown unit \"{}\" / tuntematon yksikkö / okänd enhet", unit);
}

// Reads a required, non-empty date field.
Date date_field(const CsvTable& t, const CsvRecord& row, const std::string& col) {
  auto d = parse_record_date(t.get(row, col));
  if (!d) t.fail(row, col, kDateMsg);
  return *d;
}

std::string person_field(const CsvTable& t, const CsvRecord& row) {
  std::string p(trim(t.get(row, "person")));
  if (p.empty()) t.fail(row, "person", kPersonMsg);
  return p;
}

std::string unit_field(const CsvTable& t, const CsvRecord& row, const std::set<std::string>& known_units) {
  std::string u(trim(t.get(row, "unit")));
  if (!known_units.count(u)) t.fail(row, "unit", unknown_unit_msg(u));
  return u;
}

// The unit must be valid on every day from e.start to `end`: its versions, in date order, cover
// the range without a gap.
void check_unit_valid(const CsvTable& t, const CsvRecord& row, const Employment& e, const Date& end,
                      const std::vector<UnitVersion>& units) {
  std::vector<const UnitVersion*> vs;
  for (const auto& u : units)
    if (u.id == e.unit) vs.push_back(&u);
  std::sort(vs.begin(), vs.end(), [](const UnitVersion* a, const UnitVersion* b) { return a->valid_from < b->valid_from; });
  std::int64_t cursor = day_number(e.start);  // the first day not yet covered
  const std::int64_t last = day_number(end);
  for (const UnitVersion* v : vs) {
    if (cursor > last) break;
    if (day_number(v->valid_from) > cursor) break;  // a gap before this version
    if (!v->valid_to) cursor = last + 1;
    else cursor = std::max(cursor, day_number(*v->valid_to) + 1);
  }
  if (cursor <= last) {
    std::string validity;
    for (const UnitVersion* v : vs)
      validity += (validity.empty() ? "" : ", ") + to_display(v->valid_from) + "–" + (v->valid_to ? to_display(*v->valid_to) : "");
    const std::string dates = to_display(e.start) + "–" + to_display(end);
    t.fail(row, "unit",
           fmt::format("unit \"{0}\" is not valid on every day of the employment {1} (valid {2}) / yksikkö \"{0}\" ei ole "
                       "voimassa palvelussuhteen kaikkina päivinä {1} (voimassa {2}) / enheten \"{0}\" är inte i kraft "
                       "alla dagar av anställningen {1} (i kraft {2})",
                       e.unit, dates, validity));
  }
}

std::vector<Employment> read_employments(const std::string& path, const std::set<std::string>& known_units,
                                         const std::vector<UnitVersion>* versions);

}  // namespace

std::optional<Date> parse_record_date(std::string_view s) {
  s = trim(s);
  if (auto iso = parse_iso_date(s)) return iso;
  // d.m.yyyy with one or two digits for day and month.
  auto p1 = s.find('.');
  if (p1 == std::string_view::npos) return std::nullopt;
  auto p2 = s.find('.', p1 + 1);
  if (p2 == std::string_view::npos) return std::nullopt;
  std::string_view d = s.substr(0, p1), m = s.substr(p1 + 1, p2 - p1 - 1), y = s.substr(p2 + 1);
  if (!all_digits(d) || !all_digits(m) || !all_digits(y) || d.size() > 2 || m.size() > 2 || y.size() != 4)
    return std::nullopt;
  auto two = [](std::string_view x) { return x.size() == 1 ? "0" + std::string(x) : std::string(x); };
  return parse_iso_date(std::string(y) + "-" + two(m) + "-" + two(d));
}

std::optional<long long> parse_hundredths(std::string_view s) { return parse_scaled(s, 2); }

std::vector<Employment> read_employment_records(const std::string& path, const std::set<std::string>& known_units) {
  return read_employments(path, known_units, nullptr);
}

std::vector<Employment> read_employment_records(const std::string& path, const std::vector<UnitVersion>& units) {
  std::set<std::string> ids;
  for (const auto& u : units) ids.insert(u.id);
  return read_employments(path, ids, &units);
}

int last_year_covered(const std::vector<Employment>& employments) {
  int last = 0;
  for (const auto& e : employments) last = std::max(last, e.end ? e.end->year : e.start.year);
  return last;
}

namespace {

std::vector<Employment> read_employments(const std::string& path, const std::set<std::string>& known_units,
                                         const std::vector<UnitVersion>* versions) {
  CsvTable t(read_file(path), path, {"person", "unit", "start", "end", "percent", "unpaid_leave"});
  std::vector<Employment> out;
  std::map<std::string, std::vector<std::size_t>> by_person;  // indexes into `out`
  for (const CsvRecord& row : t.rows()) {
    Employment e;
    e.line = row.line;
    e.person = person_field(t, row);
    e.unit = unit_field(t, row, known_units);
    e.start = date_field(t, row, "start");
    if (!trim(t.get(row, "end")).empty()) {
      e.end = date_field(t, row, "end");
      if (*e.end < e.start)
        t.fail(row, "end", "end is before start / päättymispäivä on ennen alkamispäivää / slutdatum före startdatum");
    }
    auto pct = parse_hundredths(t.get(row, "percent"));
    if (!pct)
      t.fail(row, "percent",
             "expected a working-time percent like 100, 80 or 62,5 / odotettiin työaikaprosenttia, esim. 100, 80 "
             "tai 62,5 / arbetstidsprocent förväntades, t.ex. 100, 80 eller 62,5");
    if (*pct < 0 || *pct > 10000)
      t.fail(row, "percent",
             "working-time percent must be 0–100 / työaikaprosentin on oltava 0–100 / arbetstidsprocenten ska vara "
             "0–100");
    e.percent_hundredths = static_cast<int>(*pct);

    std::string_view leaves = trim(t.get(row, "unpaid_leave"));
    while (!leaves.empty()) {
      auto bar = leaves.find('|');
      std::string_view item = trim(leaves.substr(0, bar));
      leaves = bar == std::string_view::npos ? std::string_view{} : leaves.substr(bar + 1);
      auto sep = item.find("..");
      std::optional<Date> from, to;
      if (sep != std::string_view::npos) {
        from = parse_record_date(item.substr(0, sep));
        to = parse_record_date(item.substr(sep + 2));
      }
      if (!from || !to || (bar != std::string_view::npos && trim(leaves).empty()))
        t.fail(row, "unpaid_leave",
               "expected unpaid leave as from..to date ranges separated by | / odotettiin palkattomia vapaita "
               "muodossa alku..loppu, erottimena | / obetald ledighet förväntades som från..till, åtskilda med |");
      if (*to < *from)
        t.fail(row, "unpaid_leave",
               "unpaid leave ends before it starts / palkaton vapaa päättyy ennen alkamistaan / obetald ledighet "
               "slutar innan den börjar");
      if (*from < e.start || (e.end && *e.end < *to))
        t.fail(row, "unpaid_leave",
               "unpaid leave is outside the employment / palkaton vapaa on palvelussuhteen ulkopuolella / obetald "
               "ledighet ligger utanför anställningen");
      e.unpaid.push_back({*from, *to});
    }

    // Overlap with an earlier employment of the same person (open ends continue forever).
    for (std::size_t k : by_person[e.person]) {
      const Employment& o = out[k];
      bool overlap = (!o.end || e.start <= *o.end) && (!e.end || o.start <= *e.end);
      if (overlap)
        t.fail(row, "start",
               fmt::format("employment of person {} overlaps the one on line {} / henkilön {} palvelussuhde on "
                           "päällekkäin rivin {} palvelussuhteen kanssa / anställningen för person {} överlappar den "
                           "på rad {}",
                           e.person, o.line, e.person, o.line, e.person, o.line));
    }
    by_person[e.person].push_back(out.size());
    out.push_back(std::move(e));
  }
  if (versions) {
    // Second pass: the open ends need the last year of the whole file.
    const Date last = Date::last_of_year(last_year_covered(out));
    for (std::size_t i = 0; i < out.size(); ++i) check_unit_valid(t, t.rows()[i], out[i], out[i].end.value_or(last), *versions);
  }
  return out;
}

}  // namespace

std::vector<TrainingRecord> read_training_records(const std::string& path, const std::set<std::string>& known_units) {
  CsvTable t(read_file(path), path,
             {"person", "unit", "date", "hours", "in_plan", "employer_arranged", "paid", "wage_subsidy"});
  std::vector<TrainingRecord> out;
  for (const CsvRecord& row : t.rows()) {
    TrainingRecord r;
    r.line = row.line;
    r.person = person_field(t, row);
    r.unit = unit_field(t, row, known_units);
    r.date = date_field(t, row, "date");
    auto h = parse_scaled(t.get(row, "hours"), 1);
    if (!h || *h <= 0 || *h > 240)
      t.fail(row, "hours",
             "expected hours like 6 or 7,5 (more than 0, at most 24) / odotettiin tunteja, esim. 6 tai 7,5 (yli 0, "
             "enintään 24) / timmar förväntades, t.ex. 6 eller 7,5 (över 0, högst 24)");
    r.hours_tenths = static_cast<int>(*h);
    auto flag = [&](const std::string& col) {
      auto b = parse_bool(t.get(row, col));
      if (!b)
        t.fail(row, col, "expected 1/0 or kyllä/ei / odotettiin 1/0 tai kyllä/ei / 1/0 eller kyllä/ei förväntades");
      return *b;
    };
    r.in_plan = flag("in_plan");
    r.employer_arranged = flag("employer_arranged");
    r.paid = flag("paid");
    r.wage_subsidy = flag("wage_subsidy");
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace toteuma
