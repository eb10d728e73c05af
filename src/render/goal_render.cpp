#include "render/goal_render.h"

#include <fmt/format.h>

#include "core/i18n.h"
#include "core/text.h"

namespace toteuma {

std::string render_goals_text(const GoalReport& r) {
  Lang lang = r.lang;
  std::string out = r.unit_name + "\n" + r.title + "\n";
  for (const auto& g : r.groups) {
    out += "\n" + g.heading + "\n";
    for (const auto& c : g.city_goals) out += "  " + tr("goals.city", lang) + ": " + c + "\n";
    for (const auto& l : g.lines) {
      out += "  - " + r.headings[0] + ": " + l.key_goal + "\n";
      if (!l.area_goal.empty()) out += "    " + r.headings[1] + ": " + l.area_goal + "\n";
      if (!l.actions.empty()) out += "    " + r.headings[2] + ": " + l.actions + "\n";
      if (!l.responsible.empty()) out += "    " + r.headings[3] + ": " + l.responsible + "\n";
      out += "    " + r.headings[4] + ": " + (l.realisation.empty() ? "–" : l.realisation) + "\n";
      out += "    " + r.headings[5] + ": " + goal_status_text(l, lang) + "\n";
    }
  }
  out += "\n" + tr("goals.summary", lang) + ":";
  for (const auto& [s, n] : r.summary) out += fmt::format(" {} {};", tr("status." + to_string(s), lang), n);
  out += "\n";
  if (!r.metrics.empty()) {
    out += "\n" + tr("goals.metrics", lang) + "\n";
    for (const auto& m : r.metrics)
      out += fmt::format("  {}: {} {}, {} {}{} → {}\n", m.name, tr("goals.target", lang), m.target.empty() ? "–" : m.target,
                         tr("goals.value", lang), m.value.empty() ? "–" : m.value,
                         m.source.empty() ? "" : " (" + m.source + ")", tr("status." + to_string(m.status), lang));
  }
  for (const auto& b : r.reviews) {
    out += "\n" + b.title + " " + to_display(b.date) + "\n";
    for (const auto& l : b.lines)
      out += "  " + l.goal + " → " + tr("status." + to_string(l.status), lang) + (l.text.empty() ? "" : ": " + l.text) + "\n";
  }
  return out;
}

std::string render_goals_csv(const GoalReport& r) {
  std::string out = csv_field(tr("goals.theme", r.lang)) + ";" + csv_field(tr("goals.city", r.lang));
  for (const auto& h : r.headings) out += ";" + csv_field(h);
  out += "\n";
  for (const auto& g : r.groups)
    for (const auto& l : g.lines)
      out += csv_field(g.heading) + ";" + csv_field(fmt::format("{}", fmt::join(g.city_goals, " / "))) + ";" +
             csv_field(l.key_goal) + ";" + csv_field(l.area_goal) + ";" + csv_field(l.actions) + ";" +
             csv_field(l.responsible) + ";" + csv_field(l.realisation) + ";" + (l.status ? to_string(*l.status) : "") + "\n";
  return out;
}

std::string render_goals_html(const GoalReport& r) {
  Lang lang = r.lang;
  std::string out;
  for (const auto& g : r.groups) {
    out += "<table class=\"goals\">\n<caption>" + html_escape(g.heading) + "</caption>\n<thead><tr>";
    for (const auto& h : r.headings) out += "<th scope=\"col\">" + html_escape(h) + "</th>";
    out += "</tr></thead>\n<tbody>\n";
    for (const auto& c : g.city_goals)
      out += "<tr class=\"city\"><th scope=\"rowgroup\" colspan=\"6\">" + html_escape(tr("goals.city", lang)) + ": " +
             html_escape(c) + "</th></tr>\n";
    for (const auto& l : g.lines)
      out += "<tr><td>" + html_escape(l.key_goal) + "</td><td>" + html_escape(l.area_goal) + "</td><td>" +
             html_escape(l.actions) + "</td><td>" + html_escape(l.responsible) + "</td><td>" +
             (l.realisation.empty() ? "–" : html_escape(l.realisation)) + "</td><td class=\"status " +
             (l.status ? to_string(*l.status) : "") + "\">" + html_escape(goal_status_text(l, lang)) + "</td></tr>\n";
    out += "</tbody>\n</table>\n";
  }
  out += "<p class=\"summary\">" + html_escape(tr("goals.summary", lang)) + ":";
  for (const auto& [s, n] : r.summary) out += " " + html_escape(tr("status." + to_string(s), lang)) + " " + std::to_string(n) + ";";
  out += "</p>\n";
  if (!r.metrics.empty()) {
    out += "<table class=\"figures\">\n<caption>" + html_escape(tr("goals.metrics", lang)) + "</caption>\n<thead><tr><th scope=\"col\">" +
           html_escape(tr("goals.metric", lang)) + "</th><th scope=\"col\">" + html_escape(tr("goals.target", lang)) +
           "</th><th scope=\"col\">" + html_escape(tr("goals.value", lang)) + "</th><th scope=\"col\">" +
           html_escape(tr("goals.col.status", lang)) + "</th></tr></thead>\n<tbody>\n";
    for (const auto& m : r.metrics)
      out += "<tr><th scope=\"row\">" + html_escape(m.name) + "</th><td>" + html_escape(m.target) + "</td><td>" +
             html_escape(m.value) + "</td><td>" + html_escape(tr("status." + to_string(m.status), lang)) + "</td></tr>\n";
    out += "</tbody>\n</table>\n";
  }
  for (const auto& b : r.reviews) {
    out += "<table class=\"goals\">\n<caption>" + html_escape(b.title + " " + to_display(b.date)) +
           "</caption>\n<thead><tr><th scope=\"col\">" + html_escape(tr("goals.col.goal", lang)) + "</th><th scope=\"col\">" +
           html_escape(tr("goals.col.status", lang)) + "</th><th scope=\"col\">" + html_escape(tr("goals.comment", lang)) +
           "</th></tr></thead>\n<tbody>\n";
    for (const auto& l : b.lines)
      out += "<tr><td>" + html_escape(l.goal) + "</td><td class=\"status " + to_string(l.status) + "\">" +
             html_escape(tr("status." + to_string(l.status), lang)) + "</td><td>" + html_escape(l.text) + "</td></tr>\n";
    out += "</tbody>\n</table>\n";
  }
  return out;
}

}  // namespace toteuma
