#include "check/check_totals.h"

#include <algorithm>

#include "ingest/csv.h"
#include "ingest/fields.h"

namespace toteuma {

namespace embedded {
extern const std::string_view check_totals_csv;
}

namespace {
std::string without_comment_lines(const std::string& text) {
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    std::size_t j = std::min(text.find('\n', i), text.size());
    if (text[i] != '#') out.append(text, i, j - i);
    out += '\n';
    i = j + 1;
  }
  return out;
}

// Replaces `group`'s terms in `within`'s formula by one term for the group, at the first one's place.
// False when a term is not a direct term of `within` with the same sign.
bool group_into(Line& within, const Line& group) {
  std::vector<FormulaTerm> out;
  std::size_t found = 0;
  for (const auto& term : within.formula) {
    auto g = std::find_if(group.formula.begin(), group.formula.end(),
                          [&](const FormulaTerm& x) { return x.line == term.line; });
    if (g == group.formula.end()) {
      out.push_back(term);
      continue;
    }
    if (g->sign != term.sign) return false;
    if (found++ == 0) out.push_back({1, group.id});
  }
  if (found != group.formula.size()) return false;
  within.formula = std::move(out);
  return true;
}
}  // namespace

CheckChart with_check_totals(const Chart& chart, const std::string& text, const std::string& file) {
  CsvTable t(without_comment_lines(text), file,
             {"id", "name_fi", "name_sv", "synonyms_fi", "synonyms_sv", "formula", "within"});
  std::vector<Line> lines = chart.lines();
  CheckChart out;
  for (const auto& r : t.rows()) {
    Line l;
    l.id = t.get(r, "id");
    l.kind = LineKind::total;
    l.show = LineShow::data;
    l.name = {t.get(r, "name_fi"), t.get(r, "name_sv")};
    l.synonyms_fi = fields::split_bar(t.get(r, "synonyms_fi"));
    l.synonyms_sv = fields::split_bar(t.get(r, "synonyms_sv"));
    bool ok = true;
    l.formula = parse_formula(t.get(r, "formula"), ok);
    if (!ok || l.formula.empty())
      t.fail(r, "formula", "expected terms such as +tax_revenue +state_transfers / odotettiin kaavaa / formel förväntades");
    auto same_id = [&](const std::string& id) { return [&id](const Line& x) { return x.id == id; }; };
    if (l.id.empty() || std::any_of(lines.begin(), lines.end(), same_id(l.id)))
      t.fail(r, "id", "expected a new line id / odotettiin uutta rivitunnusta / ett nytt rad-id förväntades");
    auto within = std::find_if(lines.begin(), lines.end(), same_id(t.get(r, "within")));
    if (within == lines.end()) continue;
    Line grouped = *within;
    if (!group_into(grouped, l)) continue;
    l.parts = within->parts;
    *within = grouped;
    out.check_only.insert(l.id);
    lines.insert(within, std::move(l));  // printed above the total it is part of
  }
  out.chart = Chart(std::move(lines));
  return out;
}

CheckChart with_check_totals(const Chart& chart) {
  return with_check_totals(chart, std::string(embedded::check_totals_csv), "data/checks/totals.csv (built in)");
}

}  // namespace toteuma
