#include "check/misprint.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <numeric>
#include <set>

#include "check/rounding.h"
#include "core/fixed.h"
#include "core/format.h"
#include "core/i18n.h"

namespace toteuma {

namespace {

std::string eur(Cents c) { return format_euros(c, " "); }

Cents value_with(const RelCell& c, const CellRef& x, Cents vx) { return c.ref == x ? vx : c.value; }

// The relation re-evaluated with cell x holding vx instead of its printed value.
Discrepancy evaluate(const Relation& r, const CellRef& x, Cents vx) {
  if (r.kind == Relation::Kind::ratio) {
    Cents b = value_with(r.terms[1].second, x, vx);
    if (b == 0) return Discrepancy::none;
    return classify_realisation(value_with(r.terms[0].second, x, vx), b, r.target.value, r.decimals, r.unit).d;
  }
  Cents sum = r.constant;
  for (const auto& [sign, c] : r.terms) sum = signed_add(sum, sign, value_with(c, x, vx));
  return classify_difference(checked_sub(value_with(r.target, x, vx), sum), r.n, r.unit);
}

// The value of x that makes a sum relation hold exactly.
std::optional<Cents> solve(const Relation& r, const CellRef& x) {
  if (r.kind != Relation::Kind::sum) return std::nullopt;
  Cents rest = r.constant;
  int sx = 0;
  for (const auto& [sign, c] : r.terms)
    if (c.ref == x) sx = sign;
    else rest = signed_add(rest, sign, c.value);
  if (r.target.ref == x) return sx == 0 ? std::optional<Cents>(rest) : std::nullopt;
  if (sx == 0) return std::nullopt;
  Cents v = checked_sub(r.target.value, rest);
  return sx > 0 ? v : checked_sub(0, v);
}

std::vector<const RelCell*> cells_of(const Relation& r) {
  std::vector<const RelCell*> out{&r.target};
  for (const auto& t : r.terms) out.push_back(&t.second);
  return out;
}

bool in(const Relation& r, const CellRef& x) {
  auto cs = cells_of(r);
  return std::any_of(cs.begin(), cs.end(), [&](const RelCell* c) { return c->ref == x; });
}

std::string digits(Cents v, Cents unit) {
  Cents m = v < 0 ? -v : v;
  return std::to_string((m + unit / 2) / unit);
}

// Checks of the table itself first, then against other tables: the host of a merged finding.
int rule_rank(const std::string& rule) { return rule.rfind("arith.", 0) == 0 ? 0 : 1; }

struct Located {
  const RelCell* cell = nullptr;
  Cents value = 0;
};

bool is_sign_flip(const RelCell& x, Cents v) {
  Cents sum = checked_add(x.value, v);
  Cents mag = x.value < 0 ? -x.value : x.value;
  return mag > 2 * x.unit && (sum < 0 ? -sum : sum) <= x.unit;
}

// A figure for people: euros, or a quantity with its decimals ("57,7").
std::string shown(const RelCell& x, Cents v) {
  if (!x.quantity) return eur(v);
  std::string s = fixed_to_plain(v, 2);
  for (auto& ch : s)
    if (ch == '.') ch = ',';
  return s;
}

// The located cell's printed figure and the one that makes its checks agree, and the message.
void state(Finding& f, const RelCell& x, Cents corrected, const char* key, const std::string& en, std::size_t checks) {
  const Cents v = x.shown_sign * corrected, found = x.shown_sign * x.value;
  if (x.quantity) {
    f.expected_text = fixed_to_plain(v, 2), f.found_text = fixed_to_plain(found, 2);
  } else {
    f.expected = v, f.found = found;
  }
  const std::string& label = x.where.row;
  const std::string& column = x.where.column;
  f.fi = msg(key, label, column, shown(x, found), shown(x, v), checks).in(Lang::fi);
  f.sv = msg(key, label, column, shown(x, found), shown(x, v), checks).in(Lang::sv);
  f.en = fmt::format(fmt::runtime(en), label, column, shown(x, found), shown(x, v), checks);
}

constexpr const char* kSignEn = "{0} ({1}): printed {2}, the sign is wrong; with {3} all checks it is part of agree ({4})";
constexpr const char* kMisprintEn = "{0} ({1}): printed {2}; with {3} all checks it is part of would agree ({4})";

}  // namespace

Discrepancy evaluate_relation(const Relation& r) { return evaluate(r, CellRef{}, 0); }

int misprint_likeness(Cents printed, Cents corrected, Cents unit) {
  if (unit <= 0) unit = 100;
  const Cents flip = checked_add(printed, corrected);
  if (printed != 0 && (flip < 0 ? -flip : flip) <= unit && (printed < 0 ? -printed : printed) > 2 * unit) return 3;
  if ((printed < 0) != (corrected < 0) && printed != 0 && corrected != 0) return 0;
  std::string a = digits(printed, unit), b = digits(corrected, unit);
  if (a == b) return 0;
  if (a.size() == b.size()) {
    std::vector<std::size_t> diff;
    for (std::size_t i = 0; i < a.size(); ++i)
      if (a[i] != b[i]) diff.push_back(i);
    if (diff.size() == 1) return 2;
    if (diff.size() == 2 && diff[1] == diff[0] + 1 && a[diff[0]] == b[diff[1]] && a[diff[1]] == b[diff[0]]) return 2;
    return 0;
  }
  const std::string& longer = a.size() > b.size() ? a : b;
  const std::string& shorter = a.size() > b.size() ? b : a;
  if (longer.size() != shorter.size() + 1) return 0;
  for (std::size_t i = 0; i < longer.size(); ++i)
    if (longer.substr(0, i) + longer.substr(i + 1) == shorter) return 1;
  return 0;
}

std::vector<CellRef> locate_misprints(std::vector<Finding>& findings, const std::vector<Relation>& relations) {
  std::vector<std::size_t> failing;
  for (std::size_t i = 0; i < relations.size(); ++i) {
    const auto& f = relations[i].finding;
    if (f && *f < findings.size() && findings[*f].severity == Severity::error) failing.push_back(i);
  }
  std::map<CellRef, std::vector<std::size_t>> touching;  // cell → every relation it is part of
  for (std::size_t i = 0; i < relations.size(); ++i)
    for (const RelCell* c : cells_of(relations[i])) touching[c->ref].push_back(i);

  // Failed relations that share a cell form one group (union–find over their positions).
  std::vector<std::size_t> parent(failing.size());
  std::iota(parent.begin(), parent.end(), 0);
  auto root = [&](std::size_t i) {
    while (parent[i] != i) i = parent[i] = parent[parent[i]];
    return i;
  };
  std::map<CellRef, std::size_t> first_seen;
  for (std::size_t k = 0; k < failing.size(); ++k)
    for (const RelCell* c : cells_of(relations[failing[k]])) {
      auto [it, fresh] = first_seen.emplace(c->ref, k);
      if (!fresh) parent[root(k)] = root(it->second);
    }
  std::map<std::size_t, std::vector<std::size_t>> groups;
  for (std::size_t k = 0; k < failing.size(); ++k) groups[root(k)].push_back(failing[k]);

  std::vector<CellRef> located;
  std::set<std::size_t> removed;
  std::vector<Finding> added;
  for (const auto& [_, group] : groups) {
    // The cells every failed relation of the group contains, and the value each would need.
    std::vector<Located> valid;
    for (const RelCell* x : cells_of(relations[group.front()])) {
      if (!x->candidate) continue;
      if (!std::all_of(group.begin(), group.end(), [&](std::size_t i) { return in(relations[i], x->ref); })) continue;
      for (std::size_t i : group) {
        auto v = solve(relations[i], x->ref);
        if (!v || *v == x->value) continue;
        const auto& all = touching[x->ref];
        bool agrees = std::all_of(all.begin(), all.end(),
                                  [&](std::size_t j) { return evaluate(relations[j], x->ref, *v) != Discrepancy::error; });
        if (agrees) {
          valid.push_back({x, *v});
          break;
        }
      }
    }
    // Several cells could each explain it (one failed total, its parts in nothing else): the one
    // whose correction looks like a slip of the pen, if exactly one does. A check that failed
    // alone is corroborated by nothing else, so it is moved only to such a cell.
    if (valid.size() > 1 || (group.size() == 1 && !valid.empty())) {
      int best = 0, at_best = 0;
      const Located* pick = nullptr;
      for (const auto& l : valid) {
        int s = misprint_likeness(l.cell->shown_sign * l.cell->value, l.cell->shown_sign * l.value, l.cell->unit);
        if (s > best) best = s, at_best = 1, pick = &l;
        else if (s == best) ++at_best;
      }
      if (best == 0 || at_best != 1) continue;
      valid = {*pick};
    }
    if (valid.size() != 1) continue;
    const RelCell& x = *valid.front().cell;
    const bool sign = is_sign_flip(x, valid.front().value);
    // A sign error states the printed figure with the other sign (the checks agree with it
    // within rounding), not the figure the checks solve to.
    const Cents v = sign ? checked_sub(0, x.value) : valid.front().value;
    // A failed check whose own figure is the misprinted cell hosts the others.
    std::optional<std::size_t> host;
    for (std::size_t i : group)
      if (relations[i].target.ref == x.ref &&
          (!host || rule_rank(findings[*relations[i].finding].rule) < rule_rank(findings[*relations[*host].finding].rule)))
        host = i;
    if (group.size() == 1 && host && !sign) continue;  // already reported at the cell
    located.push_back(x.ref);
    std::vector<Finding> related;
    for (std::size_t i : group)
      if (i != host) related.push_back(findings[*relations[i].finding]), removed.insert(*relations[i].finding);
    sort_findings(related);
    if (host) {
      Finding& f = findings[*relations[*host].finding];
      f.related = std::move(related);
      if (sign) {
        f.rule = "arith.sign";
        state(f, x, v, "check.sign", kSignEn, f.related.size() + 1);
      } else if (!f.related.empty()) {
        std::size_t n = f.related.size();
        f.fi += msg("check.misprint.also", n).in(Lang::fi);
        f.sv += msg("check.misprint.also", n).in(Lang::sv);
        f.en += fmt::format(" — the same correction makes the related checks agree ({})", n);
      }
      continue;
    }
    Finding f;
    f.rule = sign ? "arith.sign" : "arith.misprint";
    f.severity = Severity::error;
    f.where = x.where;
    f.related = std::move(related);
    if (sign) state(f, x, v, "check.sign", kSignEn, f.related.size());
    else state(f, x, v, "check.misprint", kMisprintEn, f.related.size());
    added.push_back(std::move(f));
  }
  std::vector<Finding> out;
  for (std::size_t i = 0; i < findings.size(); ++i)
    if (!removed.count(i)) out.push_back(std::move(findings[i]));
  for (auto& f : added) out.push_back(std::move(f));
  findings = std::move(out);
  return located;
}

}  // namespace toteuma
