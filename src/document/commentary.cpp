#include "document/commentary.h"

#include <toml++/toml.h>

#include "core/format.h"
#include "ingest/csv.h"

namespace toteuma {

namespace embedded {
extern const std::string_view commentary_toml;
}

namespace {

Text text_of(const toml::node* n, const std::string& origin, const std::string& key) {
  const toml::table* t = n ? n->as_table() : nullptr;
  Text out;
  if (t) out = {(*t)["fi"].value_or(std::string()), (*t)["sv"].value_or(std::string())};
  if (out.fi.empty() || out.sv.empty())
    throw InputError(origin, n ? static_cast<int>(n->source().begin.line) : 0, key, "expected { fi = \"…\", sv = \"…\" }");
  return out;
}

std::string replace_braces(const std::string& pattern, const std::string& value) {
  auto at = pattern.find("{}");
  return at == std::string::npos ? pattern : pattern.substr(0, at) + value + pattern.substr(at + 2);
}

}  // namespace

CommentaryRules parse_commentary_rules(const std::string& source, const std::string& origin) {
  toml::table root;
  try {
    root = toml::parse(source, origin);
  } catch (const toml::parse_error& e) {
    throw InputError(origin, static_cast<int>(e.source().begin.line), "", std::string(e.description()));
  }
  CommentaryRules r;
  if (const auto* degrees = root["degree"].as_array())
    for (const auto& n : *degrees) {
      const auto* t = n.as_table();
      auto from = t ? (*t)["from"].value<double>() : std::nullopt;
      if (!from || *from < 0) throw InputError(origin, static_cast<int>(n.source().begin.line), "from", "expected a percent");
      // Thresholds are configuration, not money: tenths of a percent suffice.
      r.degrees.push_back({static_cast<std::int64_t>(*from * 10 + 0.5), text_of(t->get("words"), origin, "words")});
      if (r.degrees.size() > 1 && r.degrees.back().from_permille <= r.degrees[r.degrees.size() - 2].from_permille)
        throw InputError(origin, static_cast<int>(n.source().begin.line), "from", "expected ascending thresholds");
    }
  if (r.degrees.empty()) throw InputError(origin, 0, "degree", "expected [[degree]] tables");
  if (const auto* lines = root["line"].as_array())
    for (const auto& n : *lines) {
      const auto* t = n.as_table();
      if (!t) continue;
      CommentaryRules::LineRule l;
      l.line = (*t)["line"].value_or(std::string());
      std::string compare = (*t)["compare"].value_or(std::string("magnitude"));
      if (l.line.empty() || (compare != "magnitude" && compare != "signed"))
        throw InputError(origin, static_cast<int>(n.source().begin.line), "line",
                         "expected line = \"<chart line id>\" and compare = \"magnitude\" | \"signed\"");
      l.signed_compare = compare == "signed";
      l.subject = text_of(t->get("subject"), origin, "subject");
      l.more = text_of(t->get("more"), origin, "more");
      l.less = text_of(t->get("less"), origin, "less");
      l.same = text_of(t->get("same"), origin, "same");
      r.lines.push_back(std::move(l));
    }
  r.share = text_of(root["share"]["text"].node(), origin, "share.text");
  return r;
}

CommentaryRules commentary_rules_for(const Dataset& d) {
  for (const auto& t : d.templates)
    if (t.kind == "commentary") return parse_commentary_rules(t.toml, "documents/commentary.toml");
  return parse_commentary_rules(std::string(embedded::commentary_toml), "data/rules/commentary.toml (built in)");
}

std::string draft_commentary(const Ledger& ledger, const CommentaryRules& rules, const std::string& unit, int year,
                             Lang lang) {
  OrgView org = ledger.dataset().org_on(Date{year, 12, 31});
  std::string out;
  for (const auto& rule : rules.lines) {
    auto budget = ledger.measure(org, unit, rule.line, {Measure::budget_after, year, 0});
    auto actual = ledger.measure(org, unit, rule.line, {Measure::actual, year, 0});
    if (!budget || !actual || *budget == 0) continue;
    Cents b = *budget, a = *actual;
    Cents mb = b < 0 ? -b : b, ma = a < 0 ? -a : a;
    Cents diff = rule.signed_compare ? a - b : ma - mb;
    Cents mdiff = diff < 0 ? -diff : diff;
    std::int64_t dev = *ratio_permille(mdiff, mb);
    const CommentaryRules::Degree* degree = nullptr;
    for (const auto& d : rules.degrees)
      if (dev >= d.from_permille) degree = &d;
    std::string sentence = rule.subject.in(lang) + " ";
    if (!degree) sentence += rule.same.in(lang);
    else sentence += degree->words.in(lang) + " " + (diff > 0 ? rule.more : rule.less).in(lang);
    sentence += " (" + replace_braces(rules.share.in(lang), format_permille(*ratio_permille(ma, mb))) + ").";
    out += (out.empty() ? "" : " ") + sentence;
  }
  return out.empty() ? "" : out + "\n";
}

}  // namespace toteuma
