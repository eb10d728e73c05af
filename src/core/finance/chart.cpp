#include "core/finance/chart.h"

#include <sstream>

namespace toteuma {

Chart::Chart(std::vector<Line> lines) : lines_(std::move(lines)) {
  for (std::size_t i = 0; i < lines_.size(); ++i) index_.emplace(lines_[i].id, i);
}

const Line* Chart::find(const std::string& id) const {
  auto it = index_.find(id);
  return it == index_.end() ? nullptr : &lines_[it->second];
}

const Line* Chart::parent_total(const std::string& id) const {
  for (const Line& l : lines_)
    for (const FormulaTerm& t : l.formula)
      if (t.line == id) return &l;
  return nullptr;
}

LineKind parse_line_kind(const std::string& s, bool& ok) {
  ok = true;
  if (s == "detail") return LineKind::detail;
  if (s == "total") return LineKind::total;
  if (s == "memo") return LineKind::memo;
  ok = false;
  return LineKind::detail;
}

LineShow parse_line_show(const std::string& s, bool& ok) {
  ok = true;
  if (s == "always") return LineShow::always;
  if (s == "data") return LineShow::data;
  ok = false;
  return LineShow::data;
}

std::string to_string(LineKind k) {
  switch (k) {
    case LineKind::detail: return "detail";
    case LineKind::total: return "total";
    case LineKind::memo: return "memo";
  }
  return "detail";
}

std::string to_string(LineShow s) { return s == LineShow::always ? "always" : "data"; }

namespace {
constexpr std::pair<Part, const char*> kPartNames[] = {{Part::operating, "operating"},
                                                       {Part::operating_note, "operating-note"},
                                                       {Part::income, "income"},
                                                       {Part::cash_flow, "cash-flow"},
                                                       {Part::balance, "balance"}};
}  // namespace

unsigned parse_parts(const std::string& s, bool& ok) {
  ok = true;
  unsigned bits = 0;
  std::istringstream in(s);
  std::string tok;
  while (in >> tok) {
    bool known = false;
    for (const auto& [p, name] : kPartNames)
      if (tok == name) bits |= static_cast<unsigned>(p), known = true;
    if (!known) ok = false;
  }
  return bits;
}

std::string parts_to_string(unsigned parts) {
  std::string s;
  for (const auto& [p, name] : kPartNames)
    if (parts & static_cast<unsigned>(p)) s += (s.empty() ? "" : " ") + std::string(name);
  return s;
}

bool unit_uses(const Line& l, bool root, bool financing) {
  if (l.in(Part::operating) || l.in(Part::operating_note)) return true;
  if (!root) return false;
  return l.in(Part::income) || (financing && (l.in(Part::cash_flow) || l.in(Part::balance)));
}

unsigned default_parts(LineKind) { return static_cast<unsigned>(Part::operating); }

std::vector<FormulaTerm> parse_formula(const std::string& s, bool& ok) {
  ok = true;
  std::vector<FormulaTerm> out;
  std::istringstream in(s);
  std::string tok;
  while (in >> tok) {
    if (tok.size() < 2 || (tok[0] != '+' && tok[0] != '-')) {
      ok = false;
      return {};
    }
    out.push_back({tok[0] == '-' ? -1 : 1, tok.substr(1)});
  }
  return out;
}

std::string to_string(const std::vector<FormulaTerm>& f) {
  std::string s;
  for (const auto& t : f) {
    if (!s.empty()) s += ' ';
    s += (t.sign < 0 ? '-' : '+');
    s += t.line;
  }
  return s;
}

const AccountRange* map_account(const std::vector<AccountRange>& ranges, int account) {
  for (const auto& r : ranges)
    if (account >= r.from && account <= r.to) return &r;
  return nullptr;
}

bool is_part_of(const Chart& chart, const std::string& line, const std::string& of) {
  for (const Line* l = chart.find(line); l; l = chart.parent_total(l->id))
    if (l->id == of) return true;
  return false;
}

}  // namespace toteuma
