#include "ingest/calendar_file.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <set>

#include "core/text.h"
#include "ingest/csv.h"
#include "ingest/fields.h"

namespace toteuma {

using namespace fields;

namespace {

const std::vector<std::string> kCalendarColumns = {"id", "municipality", "year", "phase", "phase_fi", "phase_sv", "title_fi", "title_sv",
                                                   "participation_fi", "participation_sv", "start", "deadline", "responsible_fi",
                                                   "responsible_sv", "sections"};

std::string csv_line(const std::vector<std::string>& cells) {
  std::string s;
  for (std::size_t i = 0; i < cells.size(); ++i) s += (i ? ";" : "") + csv_field(cells[i]);
  return s + "\n";
}

std::string calendar_csv_header() { return csv_line(kCalendarColumns); }

}  // namespace

std::vector<CalendarItem> parse_calendar(const std::string& text, const std::string& file, const Dataset& d) {
  CsvTable t(text, file, kCalendarColumns);
  // budget-round/<stage>: the deadline of the units' proposals in that stage's versions (core/budgeting/proposal.h).
  std::set<std::string> kinds = {"annual-report", "budget-book", "service-plan", "personnel-plan", "budget-round"};
  for (const auto& tpl : d.templates) kinds.insert(tpl.kind);
  std::vector<CalendarItem> out;
  std::set<std::string> ids;
  for (const auto& r : t.rows()) {
    CalendarItem c;
    c.id = need_id(t, r, "id");
    if (!ids.insert(c.id).second) t.fail(r, "id", m3("duplicate id", "tunniste kahdesti", "identifieraren två gånger"));
    c.municipality = need_id(t, r, "municipality");
    auto m = std::find_if(d.municipalities.begin(), d.municipalities.end(),
                          [&](const Municipality& x) { return x.id == c.municipality; });
    if (m == d.municipalities.end())
      t.fail(r, "municipality", m3(fmt::format("expected a municipality id of municipality.toml, found \"{}\"", c.municipality), "tuntematon kunta", "okänd kommun"));
    c.year = need_year(t, r, "year");
    c.phase = need_id(t, r, "phase");
    c.phase_name = {t.get(r, "phase_fi"), t.get(r, "phase_sv")};
    c.title = {t.get(r, "title_fi"), t.get(r, "title_sv")};
    c.participation = {t.get(r, "participation_fi"), t.get(r, "participation_sv")};
    c.responsible = {t.get(r, "responsible_fi"), t.get(r, "responsible_sv")};
    for (Lang l : m->languages)
      for (auto [col, text] : {std::pair{"phase_", &c.phase_name}, std::pair{"title_", &c.title}, std::pair{"responsible_", &c.responsible}})
        if (text->in(l).empty())
          t.fail(r, col + std::string(lang_code(l)), m3("text missing in a language of the municipality", "teksti puuttuu kunnan kielellä", "text saknas på kommunens språk"));
    c.start = need_date(t, r, "start");
    c.deadline = need_date(t, r, "deadline");
    if (c.deadline < c.start) t.fail(r, "deadline", m3("the deadline is before the start", "määräaika on ennen alkua", "tidsfristen är före början"));
    if (c.deadline.year != c.year)
      t.fail(r, "deadline", m3(fmt::format("expected a deadline in the clock's year {}", c.year), "määräaika ei ole vuosikellon vuonna", "tidsfristen är inte i årsklockans år"));
    // "doc/section" pairs, kept single-space separated so a dump is stable.
    std::vector<std::string> parts;
    for (const auto& p : split_nonempty(t.get(r, "sections"), ' ')) {
      auto slash = p.find('/');
      std::string doc = p.substr(0, slash), sec = slash == std::string::npos ? "" : p.substr(slash + 1);
      if (!valid_id(doc) || !valid_id(sec))
        t.fail(r, "sections", m3(fmt::format("expected document/section pairs such as annual-report/events, found \"{}\"", p), "odotettiin asiakirja/osio-pareja", "dokument/avsnitt-par förväntades"));
      if (!kinds.count(doc))
        t.fail(r, "sections", m3(fmt::format("unknown document kind \"{}\"", doc), "tuntematon asiakirjalaji", "okänd dokumenttyp"));
      parts.push_back(p);
    }
    c.sections = fmt::format("{}", fmt::join(parts, " "));
    out.push_back(std::move(c));
  }
  return out;
}

std::vector<std::string> calendar_fields(const CalendarItem& c) {
  return {c.id, c.municipality, std::to_string(c.year), c.phase, c.phase_name.fi, c.phase_name.sv, c.title.fi, c.title.sv,
          c.participation.fi, c.participation.sv, to_iso(c.start), to_iso(c.deadline), c.responsible.fi, c.responsible.sv, c.sections};
}

std::string calendar_csv(const std::vector<CalendarItem>& items) {
  std::string s = csv_line(kCalendarColumns);
  for (const auto& c : items) s += csv_line(calendar_fields(c));
  return s;
}

CalendarItem parse_calendar_row(const std::vector<std::string>& cells, const std::string& where, const Dataset& d) {
  return parse_calendar(calendar_csv_header() + csv_line(cells), where, d).at(0);
}

}  // namespace toteuma
