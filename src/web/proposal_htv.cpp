#include "web/proposal_htv.h"

#include <fmt/format.h>

#include "core/budgeting/version_htv.h"
#include "core/dataset.h"
#include "core/fixed.h"
#include "core/personnel/htv.h"
#include "ingest/ledger_fields.h"
#include "web/form_parts.h"
#include "web/page_text.h"

namespace toteuma::web {

namespace {

using namespace page_text;

// "12,5" as a table shows it, every decimal entered kept ("12,25").
std::string htv_text(std::optional<PersonYears> v) {
  if (!v) return "–";
  return format_htv(*v, *v % 100 == 0 ? 1 : 3);
}

std::string before_name(int year) { return fmt::format("htv-{}", year); }

// The unit's latest year before Y with a figure of `kind` (regular staff), and that figure.
std::optional<std::pair<int, PersonYears>> latest_before(const Dataset& d, const std::string& unit, int y, const std::string& kind) {
  std::optional<std::pair<int, PersonYears>> out;
  for (const auto& h : d.personnel.htv)
    if (h.unit == unit && h.kind == kind && h.group.empty() && h.year < y && (!out || h.year > out->first)) out = std::pair<int, PersonYears>(h.year, h.htv);
  return out;
}

}  // namespace

std::string proposal_htv_html(const Ctx& c, const BudgetVersion& v, const std::string& unit, bool editing) {
  const Dataset& d = c.app().d;
  auto actual = latest_before(d, unit, v.year, "actual");
  auto plan = latest_before(d, unit, v.year, "plan");
  std::string head = "<th scope=\"col\">" + e(tr("col.label", c.lang)) + "</th>", row = "<th scope=\"row\">" + e(tr("proposal.htv.row", c.lang)) + "</th>";
  if (actual) {
    head += "<th scope=\"col\">" + e(tf("proposal.htv.actual", c.lang, actual->first)) + "</th>";
    row += "<td class=\"num\">" + htv_text(actual->second) + "</td>";
  }
  if (plan) {
    head += "<th scope=\"col\">" + e(tf("proposal.htv.plan", c.lang, plan->first)) + "</th>";
    row += "<td class=\"num\">" + htv_text(plan->second) + "</td>";
  }
  for (int y = v.year; y <= v.year + 2; ++y) {
    head += fmt::format("<th scope=\"col\">{}</th>", y);
    auto h = version_htv_of(d, v.id, unit, y);
    if (!editing) {
      row += "<td class=\"num\">" + htv_text(h) + "</td>";
      continue;
    }
    row += fmt::format("<td>{0}<input id=\"t-{1}\" name=\"t_{1}\" value=\"{2}\" inputmode=\"decimal\" size=\"8\" aria-label=\"{3}\"></td>",
                       before_fields(before_name(y), h ? std::optional<std::string>(std::to_string(*h)) : std::nullopt), y,
                       h ? decimal_comma(fixed_to_plain(*h, 3)) : "", e(tf("proposal.htv.label", c.lang, y)));
  }
  return fmt::format("<table class=\"proposal-htv\"><caption>{}</caption><thead><tr>{}</tr></thead><tbody>\n<tr>{}</tr>\n</tbody></table>\n",
                     e(tr("proposal.htv.caption", c.lang)), head, row);
}

bool add_htv_changes(const Ctx& c, const BudgetVersion& v, const std::string& unit, std::map<std::string, std::string>& form,
                     std::vector<Change>& out, ActionResult& bad) {
  for (int y = v.year; y <= v.year + 2; ++y) {
    std::string input = fmt::format("t_{}", y);
    if (!form.count(input)) continue;
    std::string in = std::string(ledger::trim(form[input]));
    std::optional<std::string> after;
    if (!in.empty()) {
      auto htv = parse_htv_input(in);
      if (!htv) {
        bad = result(Outcome::invalid, msg("web.bad_htv_in", tf("proposal.htv.label", c.lang, y), in));
        return false;
      }
      after = std::to_string(*htv);
    }
    auto before = before_from(form, before_name(y));
    if (before != after) out.push_back({"version_htv", fmt::format("{}/{}/{}", v.id, unit, y), before, after});
  }
  return true;
}

}  // namespace toteuma::web
