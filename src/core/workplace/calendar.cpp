#include "core/workplace/calendar.h"
#include "core/workplace/calendar_value.h"

#include <algorithm>
#include <tuple>

#include "core/text.h"

namespace toteuma {

std::vector<const CalendarItem*> calendar_of(const std::vector<CalendarItem>& all, const std::string& municipality,
                                             int year) {
  std::vector<const CalendarItem*> out;
  for (const auto& c : all)
    if (c.municipality == municipality && c.year == year) out.push_back(&c);
  std::sort(out.begin(), out.end(), [](const CalendarItem* a, const CalendarItem* b) {
    return std::tie(a->deadline, a->id) < std::tie(b->deadline, b->id);
  });
  return out;
}

const CalendarItem* deadline_for(const std::vector<CalendarItem>& all, const std::string& municipality,
                                 const std::string& doc, const std::string& section, int doc_year) {
  // The annual report looks back (written after its year); the plans look ahead.
  const int clock_year = doc == "annual-report" ? doc_year + 1 : doc_year - 1;
  const std::string key = doc + "/" + section;
  const CalendarItem* best = nullptr;
  for (const auto& c : all) {
    if (c.municipality != municipality || c.year != clock_year) continue;
    auto parts = split_nonempty(c.sections, ' ');
    if (std::find(parts.begin(), parts.end(), key) == parts.end()) continue;
    // Latest deadline wins; on a tie the larger id, so the answer does not depend on list order.
    if (!best || std::tie(c.deadline, c.id) > std::tie(best->deadline, best->id)) best = &c;
  }
  return best;
}

void canonicalize(std::vector<CalendarItem>& all) {
  std::sort(all.begin(), all.end(), [](const CalendarItem& a, const CalendarItem& b) {
    return std::tie(a.municipality, a.year, a.deadline, a.id) < std::tie(b.municipality, b.year, b.deadline, b.id);
  });
}

namespace {

std::string escaped(const std::string& s) {
  std::string out;
  for (char ch : s) {
    if (ch == '\\' || ch == ';') out += '\\';
    out += ch == '\n' ? std::string("\\n") : std::string(1, ch);
  }
  return out;
}

// The fields of an encoded value, unescaped; nullopt for a dangling backslash.
std::optional<std::vector<std::string>> unescaped_fields(const std::string& v) {
  std::vector<std::string> out(1);
  for (std::size_t i = 0; i < v.size(); ++i) {
    if (v[i] == ';') {
      out.emplace_back();
    } else if (v[i] == '\\') {
      if (++i == v.size()) return std::nullopt;
      out.back() += v[i] == 'n' ? '\n' : v[i];
    } else {
      out.back() += v[i];
    }
  }
  return out;
}

}  // namespace

std::string encode_calendar_item(const CalendarItem& c) {
  std::vector<std::string> f = {c.municipality, std::to_string(c.year), c.phase, c.phase_name.fi, c.phase_name.sv, c.title.fi,
                                c.title.sv, c.participation.fi, c.participation.sv, to_iso(c.start), to_iso(c.deadline),
                                c.responsible.fi, c.responsible.sv, c.sections};
  std::string out;
  for (std::size_t i = 0; i < f.size(); ++i) out += (i ? ";" : "") + escaped(f[i]);
  return out;
}

std::optional<CalendarItem> decode_calendar_item(const std::string& id, const std::string& value) {
  auto f = unescaped_fields(value);
  if (!f || f->size() != 14) return std::nullopt;
  const auto& v = *f;
  auto start = parse_iso_date(v[9]), deadline = parse_iso_date(v[10]);
  if (!start || !deadline || v[1].size() != 4 || v[1].find_first_not_of("0123456789") != std::string::npos) return std::nullopt;
  return CalendarItem{id, v[0], std::stoi(v[1]), v[2], {v[3], v[4]}, {v[5], v[6]}, {v[7], v[8]}, *start, *deadline, {v[11], v[12]}, v[13]};
}

}  // namespace toteuma
