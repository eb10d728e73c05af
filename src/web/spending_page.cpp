#include "web/spending_page.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "core/budgeting/round_status.h"
#include "core/finance/spending_plan.h"
#include "core/format.h"
#include "core/i18n.h"
#include "core/workplace/access.h"
#include "ingest/csv.h"
#include "ingest/ledger_fields.h"
#include "ingest/spending_plan_file.h"
#include "web/actions.h"
#include "web/form_parts.h"
#include "web/page_text.h"
#include "web/round_page.h"

namespace toteuma::web {

namespace {

using namespace page_text;

std::string th(const std::string& text, const char* scope = "col") { return fmt::format("<th scope=\"{}\">{}</th>", scope, e(text)); }
std::string num(const std::optional<Cents>& c) { return "<td class=\"num\">" + (c ? e(format_euros(*c)) : std::string("–")) + "</td>"; }
std::string month_field(int m, const std::string& unit) { return fmt::format("m{}_{}", m, unit); }

// What the page is about: a binding unit of the municipality, a line of the operating part, the year.
struct Plan {
  int year;
  const UnitVersion* binding;
  const Line* line;
  std::vector<std::pair<const UnitVersion*, int>> units;  // the binding unit and the units under it, with depth
};

const SpendingPlanRow* stored_row(const Dataset& d, int year, const std::string& unit, const std::string& line) {
  for (const auto& r : d.spending_plan)
    if (r.year == year && r.unit == unit && r.line == line) return &r;
  return nullptr;
}

std::string row_label(const UnitVersion& u, const Line& l, Lang lang) { return u.name.shown(lang) + ", " + l.name.shown(lang); }

// The changes a save makes: per unit row whose inputs differ from the row the form showed. A row's
// year left blank with all twelve months given is their sum; nothing given removes the row.
std::optional<std::vector<Change>> plan_changes(const Ctx& c, const Plan& p, std::map<std::string, std::string>& form, ActionResult& bad) {
  std::vector<Change> out;
  for (const auto& [u, depth] : p.units) {
    if (!form.count("y_" + u->id)) continue;
    const std::string label = row_label(*u, *p.line, c.lang);
    // Amounts as people type them ("-99 162", "−99162,50") to the file's plain form.
    auto plain = [&](const std::string& field, std::string& to) {
      std::string in(ledger::trim(form[field]));
      if (in.empty()) return true;
      auto cents = ledger::parse_amount(in);
      if (!cents) bad = result(Outcome::invalid, msg("web.bad_amount_in", label, in));
      if (cents) to = cents_to_plain(*cents);
      return cents.has_value();
    };
    std::string amount;
    std::vector<std::string> months(12);
    if (!plain("y_" + u->id, amount)) return std::nullopt;
    int given = 0;
    Cents sum = 0;
    for (int m = 1; m <= 12; ++m) {
      auto& to = months[static_cast<std::size_t>(m - 1)];
      if (!plain(month_field(m, u->id), to)) return std::nullopt;
      if (!to.empty()) {
        ++given;
        sum = checked_add(sum, *parse_euros(to));
      }
    }
    if (amount.empty() && given == 12) amount = cents_to_plain(sum);
    std::optional<std::string> after;
    if (!amount.empty() || given > 0) {
      try {
        after = encode_plan_value(
            parse_spending_plan_row(p.year, u->id, p.line->id, amount, given ? months : std::vector<std::string>{}, label, c.app().d));
      } catch (const InputError& err) {
        bad = result(Outcome::invalid, input_error_message(err, "spending_page.bad_row"));
        return std::nullopt;
      }
    }
    auto before = before_from(form, u->id);
    if (before != after) out.push_back({"spending_plan", fmt::format("{}/{}/{}", p.year, u->id, p.line->id), before, after});
  }
  return out;
}

// A plan file pasted whole (the CSV `budget spending-plan import` reads, docs/DATASET.md): read by the
// same reader, all or nothing, errors located by line and column; it is the whole plan of each
// binding unit and year it names, so their stored rows it lacks go, in the same batch.
std::optional<std::vector<Change>> import_changes(const Ctx& c, const std::string& text, ActionResult& bad) {
  const Dataset& d = c.app().d;
  std::vector<SpendingPlanRow> rows;
  try {
    rows = parse_spending_plan(text, tr("spending_page.file", c.lang), d);
  } catch (const InputError& err) {
    bad = result(Outcome::invalid, input_error_message(err, "spending_page.bad_file"));
    return std::nullopt;
  }
  const PlanCoverage cover = coverage_of(d, rows);
  auto key = [](const SpendingPlanRow& r) { return fmt::format("{}/{}/{}", r.year, r.unit, r.line); };
  std::vector<Change> out;
  for (const auto& r : d.spending_plan)
    if (cover.replaces(d, r) && std::none_of(rows.begin(), rows.end(), [&](const SpendingPlanRow& x) { return key(x) == key(r); }))
      out.push_back({"spending_plan", key(r), encode_plan_value(r), std::nullopt});
  for (const auto& r : rows) {
    const SpendingPlanRow* now = stored_row(d, r.year, r.unit, r.line);
    std::optional<std::string> before = now ? std::optional(encode_plan_value(*now)) : std::nullopt;
    if (before != encode_plan_value(r)) out.push_back({"spending_plan", key(r), before, encode_plan_value(r)});
  }
  return out;
}

std::string import_html(const Ctx& c, const std::string& self) {
  return fmt::format(
      "<details class=\"spending-import\"><summary>{0}</summary><form class=\"edit spending-import\" method=\"post\" action=\"{1}\">{2}"
      "<input type=\"hidden\" name=\"do\" value=\"import\"><p><label for=\"plan-csv\">{3}</label><br>"
      "<textarea id=\"plan-csv\" name=\"csv\" rows=\"8\" cols=\"90\" spellcheck=\"false\"></textarea></p>"
      "<p><button type=\"submit\">{4}</button></p></form></details>\n",
      e(tr("spending_page.import", c.lang)), e(self), csrf_field(c), e(tr("spending_page.import_label", c.lang)), e(tr("spending_page.import_button", c.lang)));
}

// The split: a row per unit with its year and months and their sum, then the sums per column, the
// decision and the difference. Inputs for whoever may save.
std::string split_html(const Ctx& c, const Plan& p, const std::optional<Cents>& decided, bool editing, const std::string& self) {
  const Dataset& d = c.app().d;
  std::string head = th(tr("round.col.unit", c.lang)) + th(tr("spending_page.col.year", c.lang));
  for (int m = 1; m <= 12; ++m) head += th(tr(("clock.month." + std::to_string(m)).c_str(), c.lang));
  head += th(tr("spending_page.col.months_sum", c.lang));
  std::optional<Cents> year_sum;
  std::array<std::optional<Cents>, 12> month_sums{};
  std::string rows;
  for (const auto& [u, depth] : p.units) {
    const SpendingPlanRow* r = stored_row(d, p.year, u->id, p.line->id);
    const std::string name = u->name.shown(c.lang);
    std::string row = fmt::format("<tr><th scope=\"row\" class=\"depth-{}\">{}</th>", std::min(depth, 3), e(name));
    if (r) year_sum = checked_add(year_sum.value_or(0), r->amount);
    auto cell = [&](const std::string& field, const std::optional<Cents>& v, const std::string& aria, const std::string& before = "") {
      if (!editing) return num(v);
      return fmt::format("<td>{3}<input id=\"{0}\" name=\"{0}\" value=\"{1}\" inputmode=\"decimal\" size=\"9\" aria-label=\"{2}\"></td>",
                         e(field), v ? e(plain_euros(*v)) : "", e(aria), before);
    };
    // The row as the form showed it (b_/h_<unit>): a save over a row changed meanwhile is stale.
    row += cell("y_" + u->id, r ? std::optional(r->amount) : std::nullopt, name + ", " + tr("spending_page.col.year", c.lang),
                editing ? before_fields(u->id, r ? std::optional(encode_plan_value(*r)) : std::nullopt) : "");
    for (int m = 1; m <= 12; ++m) {
      std::optional<Cents> v;
      if (r && r->months) {
        v = (*r->months)[static_cast<std::size_t>(m - 1)];
        auto& s = month_sums[static_cast<std::size_t>(m - 1)];
        s = checked_add(s.value_or(0), *v);
      }
      row += cell(month_field(m, u->id), v, name + ", " + tr(("clock.month." + std::to_string(m)).c_str(), c.lang));
    }
    std::optional<Cents> months_sum;
    if (r && r->months) months_sum = checked_add(months_difference(*r), r->amount);
    row += num(months_sum) + "</tr>\n";
    rows += row;
  }
  std::string foot = "<tr class=\"sum\">" + th(tr("spending_page.row.sum", c.lang), "row") + num(year_sum);
  std::optional<Cents> all_months;
  for (const auto& s : month_sums) {
    foot += num(s);
    if (s) all_months = checked_add(all_months.value_or(0), *s);
  }
  foot += num(all_months) + "</tr>\n";
  foot += "<tr>" + th(tr("spending_page.row.decided", c.lang), "row") + num(decided) + "<td colspan=\"13\"></td></tr>\n";
  std::optional<Cents> diff;
  if (decided && year_sum) diff = checked_sub(*year_sum, *decided);
  foot += fmt::format("<tr class=\"difference{}\">{}{}<td colspan=\"13\"></td></tr>\n", diff && *diff != 0 ? " off" : "",
                      th(tr("spending_page.row.difference", c.lang), "row"), num(diff));
  std::string caption = tf("spending_page.split_caption", c.lang, p.binding->name.shown(c.lang), p.line->name.shown(c.lang), p.year);
  std::string table = fmt::format(
      "<div class=\"wide\" tabindex=\"0\" role=\"region\" aria-label=\"{0}\"><table class=\"figures spending-plan\"><caption>{0}</caption>"
      "<thead><tr>{1}</tr></thead><tbody>\n{2}</tbody><tfoot>\n{3}</tfoot></table></div>\n",
      e(caption), head, rows, foot);
  if (!editing) return table;
  return fmt::format("<form class=\"edit spending-plan\" method=\"post\" action=\"{}\">{}<p>{}</p>{}<p><button type=\"submit\">{}</button></p></form>\n",
                     e(self), csrf_field(c), e(tr("spending_page.intro", c.lang)), table, e(tr("spending_page.save", c.lang)));
}

// Whether the plan adds up: the check's findings for the binding unit, then every line both hold.
std::string verdict_html(const Ctx& c, const Plan& p) {
  const Dataset& d = c.app().d;
  bool planned = std::any_of(d.spending_plan.begin(), d.spending_plan.end(), [&](const SpendingPlanRow& r) {
    const UnitVersion* b = r.year == p.year ? binding_unit_of(d.org_on(Date::first_of_year(p.year)), r.unit) : nullptr;
    return b && b->id == p.binding->id;
  });
  if (!planned) return "<p class=\"verdict\" role=\"status\">" + e(tr("spending_page.none", c.lang)) + "</p>\n";
  std::string list;
  for (const Finding& f : c.app().findings)
    if (f.rule == "budget.spending_plan_sum" && f.where.unit == p.binding->id && f.where.year == p.year)
      list += "<li>" + e(c.lang == Lang::fi ? f.fi : f.sv) + "</li>";
  std::string out = list.empty() ? "<p class=\"verdict ok\" role=\"status\">" + e(tr("spending_page.adds_up", c.lang)) + "</p>\n"
                                 : "<div class=\"verdict error\" role=\"status\"><p>" + e(tr("spending_page.does_not_add_up", c.lang)) +
                                       "</p><ul>" + list + "</ul></div>\n";
  std::string rows;
  for (const auto& s : spending_plan_sums(d, p.year, p.binding->id)) {
    const Line* l = d.chart.find(s.line);
    Cents diff = checked_sub(s.planned, s.decided);
    rows += fmt::format("<tr{}><th scope=\"row\">{}</th>{}{}{}</tr>\n", diff ? " class=\"off\"" : "", e(l ? l->name.shown(c.lang) : s.line),
                        num(s.planned), num(s.decided), num(diff));
  }
  if (rows.empty()) return out;
  return out + fmt::format("<table class=\"figures spending-lines\"><caption>{}</caption><thead><tr>{}{}{}{}</tr></thead><tbody>\n{}</tbody></table>\n",
                           e(tf("spending_page.lines_caption", c.lang, p.binding->name.shown(c.lang), p.year)),
                           th(tr("spending_page.line", c.lang)), th(tr("spending_page.col.planned", c.lang)),
                           th(tr("spending_page.row.decided", c.lang)), th(tr("spending_page.row.difference", c.lang)), rows);
}

std::string chooser_html(const Ctx& c, const Plan& p, const std::vector<const UnitVersion*>& binding, const Municipality& m) {
  const Dataset& d = c.app().d;
  std::string units, lines;
  for (const UnitVersion* u : binding)
    units += fmt::format("<option value=\"{}\"{}>{}</option>", e(u->id), u == p.binding ? " selected" : "", e(u->name.shown(c.lang)));
  for (const Line& l : d.chart.lines())
    if (l.in(Part::operating))
      lines += fmt::format("<option value=\"{}\"{}>{}</option>", e(l.id), l.id == p.line->id ? " selected" : "", e(l.name.shown(c.lang)));
  std::string muni = m.id == d.primary().id ? "" : "<input type=\"hidden\" name=\"municipality\" value=\"" + e(m.id) + "\">";
  return fmt::format("<form class=\"chooser\" method=\"get\" action=\"/{}/budget/{}/spending-plan\">{}<p><label for=\"unit\">{}</label> "
                     "<select id=\"unit\" name=\"unit\">{}</select> <label for=\"line\">{}</label> <select id=\"line\" name=\"line\">{}</select> "
                     "<button type=\"submit\">{}</button></p></form>\n",
                     lc(c.lang), p.year, muni, e(tr("spending_page.binding_unit", c.lang)), units, e(tr("spending_page.line", c.lang)), lines,
                     e(tr("round.compare.show", c.lang)));
}

}  // namespace

http::Response spending_plan_page(const Ctx& c, int year, const Municipality& m) {
  const Dataset& d = c.app().d;
  const User& me = *c.viewer.user;
  std::vector<const UnitVersion*> binding = round_binding_units(d, m.id, year);
  if (binding.empty()) return not_found(c);
  OrgView org = d.org_on(Date::first_of_year(year));
  const std::string unit = c.q("unit", binding.front()->id);
  auto b = std::find_if(binding.begin(), binding.end(), [&](const UnitVersion* u) { return u->id == unit; });
  if (b == binding.end()) return not_found(c);
  const Line* line = d.chart.find(c.q("line", (*b)->binding_line));
  if (!line || !line->in(Part::operating)) return not_found(c);
  Plan p{year, *b, line, {}};
  for (const auto& [u, depth] : org.tree())
    if (org.within(u->id, p.binding->id)) p.units.push_back({u, depth});
  const std::string query = fmt::format("?unit={}&line={}{}", http::url_encode(p.binding->id), http::url_encode(line->id),
                                        m.id == d.primary().id ? "" : "&municipality=" + http::url_encode(m.id));
  const std::string self = fmt::format("/{}/budget/{}/spending-plan{}", lc(c.lang), year, query);
  const bool may_save = may_edit_figures(me);
  if (c.req.method == "POST") {
    if (!may_save) return forbidden(c);
    auto form = form_fields(c.req);
    ActionResult bad;
    auto changes = form["do"] == "import" ? import_changes(c, form["csv"], bad) : plan_changes(c, p, form, bad);
    if (!changes) return outcome_page(c, bad, self);
    if (!changes->empty()) {
      ActionResult res = apply_changes(c.state, me, *changes);
      if (res.outcome != Outcome::ok) return outcome_page(c, res, self);
    }
    return redirect(with_notice(self, "saved"));  // the layout says "Tallennettu."
  }

  auto decided = c.app().ledger.measure(org, p.binding->id, line->id, {Measure::budget_after, year, 0});
  std::string body = "<h1>" + e(tf("spending_page.title", c.lang, year)) + "</h1>\n";
  body += fmt::format("<p><a href=\"/{}/budget/{}{}\">{}</a></p>\n", lc(c.lang), year, e(municipality_query(c, m)),
                      e(tr("round.compare.back", c.lang)));
  body += chooser_html(c, p, binding, m);
  body += fmt::format("<p class=\"appropriation\">{}: <strong>{}</strong></p>\n",
                      e(tf("spending_page.appropriation", c.lang, p.binding->name.shown(c.lang), line->name.shown(c.lang), year)),
                      decided ? e(format_euros(*decided)) + " €" : "–");
  body += verdict_html(c, p);
  body += split_html(c, p, decided, may_save, self);
  if (may_save) body += import_html(c, self);
  return page(c, tf("spending_page.title", c.lang, year), body, fmt::format("/{}/budget/{}/spending-plan{}", lc(c.other()), year, query), 200,
              p.binding->id);
}

}  // namespace toteuma::web
