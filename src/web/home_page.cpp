// The start page /{lang}: one's own deadlines, what waits for one, the follow-up dashboard and the
// organisation tree (web/home_page.h).
#include "web/home_page.h"

#include "core/workplace/translation.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <mstch/mstch.hpp>
#include <tuple>

#include "core/budgeting/budget_round.h"
#include "core/budgeting/proposal.h"
#include "core/format.h"
#include "core/i18n.h"
#include "core/text.h"
#include "render/collate.h"
#include "web/page_text.h"
#include "web/web_templates.h"

namespace toteuma::web {

namespace {

using namespace page_text;
std::string lang_name(Lang l) { return l == Lang::fi ? "suomi" : "svenska"; }

std::string unit_name(const Dataset& d, const std::string& unit, Lang lang) {
  const UnitVersion* u = latest_version(d, unit);
  return u ? u->name.shown(lang) : unit;
}

// A state said in words, with an icon for the eye (hidden from screen readers: the word says it).
constexpr const char* kWarnIcon =
    "<svg class=\"icon\" aria-hidden=\"true\" focusable=\"false\" viewBox=\"0 0 16 16\" width=\"16\" height=\"16\">"
    "<path d=\"M8 1 15 15H1Z\" fill=\"currentColor\"/><path d=\"M8 6v4M8 11.5v1.5\" stroke=\"#fff\" stroke-width=\"2\"/></svg>";
constexpr const char* kDoneIcon =
    "<svg class=\"icon\" aria-hidden=\"true\" focusable=\"false\" viewBox=\"0 0 16 16\" width=\"16\" height=\"16\">"
    "<path d=\"M2 8.5 6 12.5 14 3.5\" fill=\"none\" stroke=\"currentColor\" stroke-width=\"2.5\"/></svg>";

std::string state_html(const HomeTask& t, Lang lang) {
  if (t.overdue) return fmt::format("<span class=\"task-state overdue\">{} {}</span>", kWarnIcon, e(tr("home.state.overdue", lang)));
  if (t.complete) return fmt::format("<span class=\"task-state done\">{} {}</span>", kDoneIcon, e(tr("home.state.done", lang)));
  return fmt::format("<span class=\"task-state open\">{}</span>", e(tr("home.state.open", lang)));
}

// What the task is and how far it got, in the reader's language.
std::pair<std::string, std::string> task_words(const Dataset& d, const HomeTask& t, Lang lang) {
  switch (t.kind) {
    case HomeTaskKind::texts:
      return {tf("home.task.texts", lang, tr("doc.kind." + t.doc, lang), t.year), tf("home.task.texts_progress", lang, t.done, t.total, lang_name(t.lang))};
    case HomeTaskKind::goals:
      return {tf("home.task.goals", lang, t.year), tf("home.task.goals_progress", lang, t.done)};
    case HomeTaskKind::metric_values:
      return {tf("home.task.metric_values", lang, t.year), tf("home.task.metric_progress", lang, t.done, t.total)};
    case HomeTaskKind::proposal: {
      const BudgetVersion* v = find_version(d, t.doc);
      return {tf("home.task.proposal", lang, v ? v->name.shown(lang) : t.doc),
              tr("proposal.state." + to_string(proposal_of(d, t.doc, t.unit).state), lang)};
    }
  }
  return {};
}

std::string deadlines_html(const Ctx& c, const User& me, const Date& today) {
  const Dataset& d = c.app().d;
  std::string municipality = d.primary().id;
  for (const Grant& g : me.grants)
    if (g.role == Role::editor) municipality = d.municipality_of(g.unit).id;
  const int clock = clock_year(d, municipality, today);
  auto tasks = home_tasks(c.app(), me, today);
  std::string out = fmt::format("<section><h2 id=\"home-deadlines\">{}</h2>\n",
                                e(tf("home.deadlines", c.lang, clock)));
  if (tasks.empty()) return out + "<p>" + e(tf("home.deadlines_none", c.lang, clock)) + "</p></section>\n";
  out += fmt::format("<div class=\"wide\" role=\"region\" tabindex=\"0\" aria-labelledby=\"home-deadlines\"><table class=\"home-tasks\">"
                     "<thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead><tbody>\n",
                     e(tr("web.deadline_col", c.lang)), e(tr("home.col.task", c.lang)), e(tr("home.col.unit", c.lang)),
                     e(tr("home.col.state", c.lang)));
  for (const HomeTask& t : tasks) {
    auto [what, progress] = task_words(d, t, c.lang);
    std::string unit = unit_name(d, t.unit, c.lang);
    out += fmt::format("<tr class=\"{}\"><td>{}</td><th scope=\"row\"><a href=\"/{}{}\">{}<span class=\"visually-hidden\"> – {}</span></a>"
                       "<br><span class=\"progress\">{}</span></th><td>{}</td><td>{}</td></tr>\n",
                       t.overdue ? "overdue" : t.complete ? "done" : "open", t.deadline ? to_display(*t.deadline) : "–", lc(c.lang),
                       e(t.href), e(what), e(unit), e(progress), e(unit), state_html(t, c.lang));
  }
  return out + "</tbody></table></div></section>\n";
}

// Approvers: sections ready for approval; finance: submitted proposals; translators: the texts of their queue (missing or outdated).
std::string waiting_html(const Ctx& c, const User& me) {
  const Dataset& d = c.app().d;
  const bool approver = may_approve(me), finance = may_edit_figures(me);
  std::vector<Lang> translated;
  for (const Grant& g : me.grants)
    if (g.role == Role::translator && g.lang) translated.push_back(*g.lang);
  if (!approver && !finance && translated.empty()) return "";
  std::vector<std::string> items;
  if (approver) {
    std::map<std::tuple<std::string, std::string, int>, int> ready;  // (unit, doc, year) → sections
    for (const SectionStatus& s : c.state.with_workplace([](WorkplaceStore& w) { return w.reviewed_sections(); }))
      if (s.state == SectionState::ready) ++ready[{s.unit, s.doc, s.year}];
    for (const auto& [key, n] : ready) {
      const auto& [unit, doc, year] = key;
      items.push_back(fmt::format("<a href=\"/{}/unit/{}/review?doc={}&amp;year={}\">{}</a>", lc(c.lang), e(unit), e(doc), year,
                                  e(tf("home.waiting.review", c.lang, tr("doc.kind." + doc, c.lang), year, unit_name(d, unit, c.lang), n))));
    }
  }
  if (finance)
    for (const UnitProposal& p : d.budgeting.proposals) {
      const BudgetVersion* v = find_version(d, p.version);
      if (p.state != ProposalState::submitted || !v || !v->adopted.empty()) continue;
      items.push_back(fmt::format("<a href=\"/{}/unit/{}/proposal?version={}\">{}</a>", lc(c.lang), e(p.unit), e(p.version),
                                  e(tf("home.waiting.proposal", c.lang, unit_name(d, p.unit, c.lang), v->name.shown(c.lang)))));
    }
  for (Lang l : translated) {
    // The queue's own count: texts whose source exists and whose translation is missing or outdated.
    auto tasks = translation_tasks(d, l);
    if (tasks.empty()) continue;
    items.push_back(fmt::format("{} <a href=\"/{}/translations\">{}</a>",
                                e(tf("home.waiting.translations", c.lang, lang_name(l), tasks.size())),
                                lc(c.lang), e(tr("home.translations_link", c.lang))));
  }
  std::string out = fmt::format("<section><h2 id=\"home-waiting\">{}</h2>\n", e(tr("home.waiting", c.lang)));
  if (items.empty()) return out + "<p>" + e(tr("home.waiting_none", c.lang)) + "</p></section>\n";
  out += "<ul class=\"home-waiting\">";
  for (const auto& i : items) out += "<li>" + i + "</li>";
  return out + "</ul></section>\n";
}

// "69.7" for a CSS width from tenths of a percent, kept within 0–100.
std::string css_percent(std::int64_t permille) {
  permille = std::clamp<std::int64_t>(permille, 0, 1000);
  return fmt::format("{}.{}", permille / 10, permille % 10);
}

std::string money(const std::optional<Cents>& c) { return c ? format_euros(*c) : "–"; }

std::string dashboard_html(const Ctx& c, const User& me) {
  const bool all = may_edit_figures(me) || may_approve(me);
  const bool head = std::any_of(me.grants.begin(), me.grants.end(), [](const Grant& g) { return g.role == Role::editor; });
  if (!all && !head) return "";
  Dashboard db = home_dashboard(c.app(), me, all, c.lang);
  std::string title = db.month ? tf(all ? "home.dashboard" : "home.dashboard_own", c.lang, db.month, db.year) : tr("web.kind.follow_up", c.lang);
  std::string out = fmt::format("<section><h2 id=\"home-dashboard\">{}</h2>\n", e(title));
  if (db.rows.empty()) return out + "<p>" + e(tr("home.no_ledger", c.lang)) + "</p></section>\n";
  out += "<p>" + e(tf("home.dashboard_intro", c.lang, format_permille(db.elapsed_permille))) + "</p>\n";
  out += fmt::format(
      "<div class=\"wide\" role=\"region\" tabindex=\"0\" aria-labelledby=\"home-dashboard\"><table class=\"figures dashboard\">"
      "<thead><tr><th scope=\"col\">{}</th><th scope=\"col\" class=\"num\">{}</th><th scope=\"col\" class=\"num\">{}</th>"
      "<th scope=\"col\" class=\"num\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead><tbody>\n",
      e(tr("home.col.unit", c.lang)), e(tf("col.budget_after", c.lang, db.year)), e(tf("followup.col.to_date", c.lang, db.month, db.year)),
      e(tf("col.forecast", c.lang, db.year)), e(tf("followup.col.realisation", c.lang, db.month)), e(tr("home.col.state", c.lang)),
      e(tr("home.ledger_rows", c.lang)));
  const std::string mark = css_percent(db.elapsed_permille);
  for (const DashboardRow& r : db.rows) {
    std::string pct = r.realisation_permille ? format_permille(*r.realisation_permille) : "–";
    std::string bar = r.realisation_permille
                          ? fmt::format("<span class=\"bar\" aria-hidden=\"true\"><span class=\"fill{}\" style=\"width:{}%\"></span>"
                                        "<span class=\"mark\" style=\"left:{}%\"></span></span> ",
                                        r.overrun ? " over" : "", css_percent(*r.realisation_permille), mark)
                          : "";
    std::string state = r.overrun ? fmt::format("<span class=\"overrun\">{} {}</span>", kWarnIcon, e(tr("home.overrun", c.lang)))
                                  : "<span class=\"within\">" + e(tr("home.within", c.lang)) + "</span>";
    out += fmt::format(
        "<tr{}><th scope=\"row\"><a href=\"/{}/unit/{}?year={}&amp;kind=follow-up&amp;month={}\">{}</a></th><td class=\"num\">{}</td>"
        "<td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"realisation\">{}<span class=\"num\">{}</span></td><td>{}</td>"
        "<td><a href=\"/{}/unit/{}/ledger?year={}&amp;line={}&amp;month={}\">{}<span class=\"visually-hidden\"> – {}</span></a></td></tr>\n",
        r.overrun ? " class=\"overrun-row\"" : "", lc(c.lang), e(r.unit), db.year, db.month, e(r.name), money(r.budget), money(r.actual),
        money(r.forecast), bar, pct, state, lc(c.lang), e(r.unit), db.year, e(r.line), db.month, e(tr("home.ledger_rows", c.lang)), e(r.name));
  }
  return out + "</tbody></table></div></section>\n";
}

std::string tree_html(const Ctx& c, const OrgView& org, const std::string& parent, int depth) {
  Lang lang = c.lang;
  std::vector<const UnitVersion*> kids = parent.empty() ? org.roots() : org.children(parent);
  if (kids.empty() || depth > 32) return "";
  // Roots keep the municipalities' order (primary first); sub-units sort by name in the language.
  if (!parent.empty()) sort_by_name(kids, lang, [&](const UnitVersion* u) { return u->name.shown(lang); });
  std::string out = "<ul>";
  for (const UnitVersion* u : kids) {
    // Names come from data: escape them (this fragment is inserted unescaped into the page).
    // A name that exists only in the other language is shown in it, marked for screen readers.
    std::string lang_attr = u->name.in(lang).empty() ? fmt::format(" lang=\"{}\"", lang_code(lang == Lang::fi ? Lang::sv : Lang::fi)) : "";
    out += fmt::format("<li><a href=\"/{}/unit/{}\"{}>{}</a>", lang_code(lang), html_escape(u->id), lang_attr,
                       html_escape(u->name.shown(lang)));
    out += tree_html(c, org, u->id, depth + 1);
    out += "</li>";
  }
  return out + "</ul>";
}

http::Response home_page(const Ctx& c) {
  const Snapshot& app = c.app();
  Lang lang = c.lang;
  const User& me = *c.viewer.user;
  const Date today = c.state.today();
  OrgView org = app.d.org_on(Date::last_of_year(app.default_year));
  std::string work;
  if (std::any_of(me.grants.begin(), me.grants.end(), [](const Grant& g) { return g.role == Role::editor; }))
    work += deadlines_html(c, me, today);
  work += waiting_html(c, me) + dashboard_html(c, me);
  mstch::map ctx{{"heading", tr("home.title", lang)},
                 {"subtitle", tf("home.greeting", lang, me.display_name)},
                 {"work", work},
                 {"units_label", tr("web.units", lang)},
                 {"municipality", app.d.primary().name.in(lang)},
                 {"tree", tree_html(c, org, "", 0)}};
  std::string body = mstch::render(std::string(embedded::index_mustache), ctx);
  return page(c, tr("home.title", lang), body, fmt::format("/{}/", lang_code(c.other())));
}

}  // namespace

std::optional<http::Response> route_home(const Ctx& c, const std::vector<std::string>& parts) {
  if (parts.size() == 1 && c.req.method == "GET" && c.viewer.user) return home_page(c);
  return std::nullopt;
}

}  // namespace toteuma::web
