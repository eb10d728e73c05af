#include "document/template.h"

#include <algorithm>

#include <toml++/toml.h>

#include <set>

#include "ingest/csv.h"

namespace toteuma {

namespace embedded {
extern const std::string_view budget_book_toml;
extern const std::string_view annual_report_toml;
extern const std::string_view service_plan_toml;
extern const std::string_view personnel_plan_toml;
}  // namespace embedded

namespace {

struct Reader {
  const std::string& origin;

  [[noreturn]] void fail(const toml::node* n, const std::string& key, const std::string& what) const {
    int line = n ? static_cast<int>(n->source().begin.line) : 0;
    throw InputError(origin, line, key, what);
  }
  Text text(const toml::table& t, const std::string& key, bool required) const {
    const toml::node* n = t.get(key);
    if (!n) {
      if (required) fail(&t, key, "expected { fi = \"…\", sv = \"…\" }");
      return {};
    }
    const toml::table* tt = n->as_table();
    if (!tt) fail(n, key, "expected { fi = \"…\", sv = \"…\" }");
    Text out{tt->get("fi") ? tt->get("fi")->value_or(std::string()) : "",
             tt->get("sv") ? tt->get("sv")->value_or(std::string()) : ""};
    if (out.fi.empty() || out.sv.empty()) fail(n, key, "expected both fi and sv");
    return out;
  }
  std::string str(const toml::table& t, const std::string& key, const std::set<std::string>& allowed,
                  const std::string& fallback) const {
    const toml::node* n = t.get(key);
    if (!n) {
      if (fallback.empty() && !allowed.empty()) fail(&t, key, "missing");
      return fallback;
    }
    auto v = n->value<std::string>();
    if (!v) fail(n, key, "expected a string");
    if (!allowed.empty() && !allowed.count(*v)) {
      std::string list;
      for (const auto& a : allowed) list += (list.empty() ? "" : ", ") + a;
      fail(n, key, "expected one of " + list);
    }
    return *v;
  }
};

}  // namespace

DocTemplate parse_template(const std::string& source, const std::string& origin) {
  toml::table root;
  try {
    root = toml::parse(source, origin);
  } catch (const toml::parse_error& e) {
    throw InputError(origin, static_cast<int>(e.source().begin.line), "", std::string(e.description()));
  }
  Reader r{origin};
  DocTemplate t;
  t.kind = r.str(root, "kind", {"budget-book", "annual-report", "service-plan", "personnel-plan"}, "");
  t.title = r.text(root, "title", true);
  t.org_date = r.str(root, "org_date", {"start", "end"}, "end");
  const toml::array* sections = root["section"].as_array();
  if (!sections) r.fail(&root, "section", "expected [[section]] tables");
  for (const auto& sn : *sections) {
    const toml::table* st = sn.as_table();
    if (!st) r.fail(&sn, "section", "expected a table");
    SectionSpec s;
    s.id = r.str(*st, "id", {}, "s" + std::to_string(t.sections.size() + 1));
    if (s.id.empty() || s.id.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789_") != std::string::npos)
      r.fail(st->get("id"), "id", "expected lower-case letters, digits and _");
    for (const auto& other : t.sections)
      if (other.id == s.id) r.fail(st->get("id"), "id", "expected an id no other section has");
    s.applies = r.str(*st, "applies", {"municipality", "other", "any"}, "any");
    if (st->get("include")) s.include = r.str(*st, "include", {"other"}, "");
    s.heading = r.text(*st, "heading", s.include.empty());
    s.units = r.str(*st, "units", {"unit", "each-subunit", "each-descendant"}, "unit");
    if (!s.include.empty() && (s.applies == "other" || s.units != "each-subunit" || st->get("block")))
      r.fail(st->get("include"), "include", "expected include with units = \"each-subunit\", no blocks and applies other than \"other\"");
    if (const toml::array* blocks = (*st)["block"].as_array()) {
      for (const auto& bn : *blocks) {
        const toml::table* bt = bn.as_table();
        if (!bt) r.fail(&bn, "block", "expected a table");
        BlockSpec b;
        b.type = r.str(*bt, "type",
                       {"responsible", "narrative", "figure-table", "chart", "goal-tables", "metric-table",
                        "personnel-tables", "commentary", "check-summary", "subunit-list", "binding-comparison"},
                       "");
        b.heading = r.text(*bt, "heading", false);
        if (b.type == "narrative") b.narrative = r.str(*bt, "narrative", {}, "");
        if (b.type == "narrative" && b.narrative.empty()) r.fail(bt, "narrative", "expected the narrative's section kind");
        if (b.type == "figure-table") {
          const auto& names = figure_table_names();
          b.table = r.str(*bt, "table", {names.begin(), names.end()}, "");
          // The operating part's table names its layout; a statutory part takes the document's.
          bool part = b.table != "annual-report" && b.table != "budget";
          if (!part && bt->get("layout"))
            r.fail(bt->get("layout"), "layout", "expected layout only with table = \"income-statement\" or \"cash-flow\"");
          b.layout = part ? r.str(*bt, "layout", {"annual-report", "budget"}, t.kind == "annual-report" ? "annual-report" : "budget")
                          : b.table;
        }
        if (b.type == "chart")
          b.chart = r.str(*bt, "chart", {"budget-vs-actual", "plan-trend", "metric-trends", "htv-trend"}, "");
        if (const toml::array* cols = (*bt)["columns"].as_array())
          for (const auto& c : *cols) {
            auto v = c.value<int64_t>();
            if (!v || *v < 1) r.fail(&c, "columns", "expected column numbers from 1");
            b.columns.push_back(static_cast<int>(*v));
          }
        s.blocks.push_back(std::move(b));
      }
    }
    t.sections.push_back(std::move(s));
  }
  return t;
}

DocTemplate template_for(const Dataset& d, const std::string& kind) {
  for (const auto& t : d.templates)
    if (t.kind == kind) {
      DocTemplate parsed = parse_template(t.toml, "documents/" + kind + ".toml");
      if (parsed.kind != kind)
        throw InputError("documents/" + kind + ".toml", 1, "kind", "expected kind = \"" + kind + "\"");
      return parsed;
    }
  std::string_view builtin = kind == "budget-book"      ? embedded::budget_book_toml
                             : kind == "annual-report"  ? embedded::annual_report_toml
                             : kind == "service-plan"   ? embedded::service_plan_toml
                             : kind == "personnel-plan" ? embedded::personnel_plan_toml
                                                        : std::string_view();
  if (builtin.empty()) throw InputError("", 0, "--doc", "unknown document kind " + kind);
  return parse_template(std::string(builtin), "data/documents/" + kind + ".toml (built in)");
}

std::vector<std::string> narrative_kinds(const Dataset& d, const std::string& kind) {
  std::vector<std::string> out;
  for (const auto& s : template_for(d, kind).sections)
    for (const auto& b : s.blocks) {
      std::string k = b.type == "narrative" ? b.narrative : b.type == "commentary" ? "commentary" : "";
      if (!k.empty() && std::find(out.begin(), out.end(), k) == out.end()) out.push_back(k);
    }
  return out;
}

}  // namespace toteuma
