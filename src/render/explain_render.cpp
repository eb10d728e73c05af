#include "render/explain_render.h"

#include "core/format.h"
#include "core/i18n.h"
#include "core/text.h"

namespace toteuma {

namespace {

std::string how(Step s, Lang lang) {
  const bool fi = lang == Lang::fi;
  switch (s) {
    case Step::entered: return fi ? "syötetty luku" : "inmatad siffra";
    case Step::formula: return fi ? "osien summa" : "summan av delarna";
    case Step::children: return fi ? "alayksiköiden summa" : "summan av underenheterna";
    case Step::scenarios: return fi ? "talousarvio + muutokset" : "budget + ändringar";
    case Step::difference: return fi ? "toteuma − talousarvio muutosten jälkeen" : "utfall − budget inkl. ändringar";
    case Step::projected: return fi ? "laskettu pääkirjan suljetuista kuukausista" : "beräknad från huvudbokens stängda månader";
    case Step::absent: return fi ? "ei lukua" : "ingen siffra";
  }
  return {};
}

void walk(const Explanation& e, Lang lang, int depth, bool first, std::string& out) {
  out += std::string(static_cast<std::size_t>(depth) * 2, ' ');
  if (depth > 0) out += first && e.sign > 0 ? "  " : e.sign < 0 ? "− " : "+ ";
  out += e.what + " = " + (e.value ? format_euros(*e.value) : "–") + "  (" + how(e.step, lang);
  if (e.step == Step::entered) out += ": " + e.unit + ";" + e.line + ";" + e.scenario;
  out += ")\n";
  bool f = true;
  for (const auto& p : e.parts) {
    walk(p, lang, depth + 1, f, out);
    f = false;
  }
}

void walk_html(const Explanation& e, Lang lang, bool first, std::string& out) {
  out += "<li>";
  if (!first) out += e.sign < 0 ? "<span class=\"op\">−</span> " : "<span class=\"op\">+</span> ";
  out += html_escape(e.what) + " = <strong class=\"num\">" + (e.value ? format_euros(*e.value) : "–") + "</strong> <span class=\"how\">(" +
         html_escape(how(e.step, lang));
  if (e.step == Step::entered) out += ": <code>" + html_escape(e.unit + ";" + e.line + ";" + e.scenario) + "</code>";
  out += ")</span>";
  if (!e.parts.empty()) {
    out += "<ul>";
    bool f = true;
    for (const auto& p : e.parts) {
      walk_html(p, lang, f, out);
      f = false;
    }
    out += "</ul>";
  }
  out += "</li>";
}

}  // namespace

std::string render_explanation_html(const Explanation& e, Lang lang) {
  std::string out = "<ul class=\"explain\">";
  walk_html(e, lang, true, out);
  return out + "</ul>";
}

std::string render_explanation_text(const Explanation& e, Lang lang) {
  std::string out;
  walk(e, lang, 0, true, out);
  return out;
}

std::string render_key_figure_explanation_text(const KeyFigureExplanation& e, Lang lang) {
  std::string out = e.what + " = " + (e.value ? format_key_value(*e.value, e.unit) : "–") + "  (" + tr("key.formula", lang) +
                    ": " + e.formula + ")\n";
  for (const auto& t : e.terms) {
    out += "  " + t.name + ": ";
    if (t.line) {
      std::string tree = render_explanation_text(*t.line, lang);
      // The line's tree, its first row after the name and the rest indented under it.
      for (std::size_t at = 0, row = 0; at < tree.size(); ++row) {
        std::size_t end = tree.find('\n', at);
        out += (row == 0 ? "" : "    ") + tree.substr(at, end == std::string::npos ? end : end - at + 1);
        at = end == std::string::npos ? tree.size() : end + 1;
      }
      continue;
    }
    bool rate = t.name == "income_tax_rate";
    out += t.what + " = " +
           (t.value ? (rate ? format_key_value(*t.value, KeyUnit::percent_2) : format_key_value(*t.value, KeyUnit::count)) : "–") +
           "  (" + tr("key.source", lang) + ")\n";
  }
  return out;
}

}  // namespace toteuma
