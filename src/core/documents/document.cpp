#include "core/documents/document.h"

#include "core/format.h"

namespace toteuma::doc {

namespace {
std::int64_t pow10(int n) {
  std::int64_t p = 1;
  while (n-- > 0) p *= 10;
  return p;
}
}  // namespace

std::int64_t shown_units(const Cell& c) {
  std::int64_t v = c.number.value_or(0);
  int drop = c.scale - c.shown;
  if (drop <= 0) return v * pow10(-drop);
  std::int64_t d = pow10(drop);
  std::int64_t q = v / d, r = v % d;
  if (2 * (r < 0 ? -r : r) >= d) q += v < 0 ? -1 : 1;
  return q;
}

std::string format_cell(const Cell& c) {
  if (!c.number) return c.text;
  std::int64_t v = shown_units(c);
  std::uint64_t mag = v < 0 ? 0 - static_cast<std::uint64_t>(v) : static_cast<std::uint64_t>(v);
  std::uint64_t unit = static_cast<std::uint64_t>(pow10(c.shown));
  std::string out = (v < 0 ? "-" : "") + group_digits(mag / unit);
  if (c.shown > 0) {
    std::string frac = std::to_string(mag % unit);
    out += "," + std::string(static_cast<std::size_t>(c.shown) - frac.size(), '0') + frac;
  }
  if (c.percent) out += std::string(kNbsp) + "%";
  return out;
}

std::string format_value(std::int64_t v, int scale, int shown, const std::string& unit) {
  Cell c;
  c.number = v;
  c.scale = scale;
  c.shown = shown;
  c.percent = unit == "%";
  std::string s = format_cell(c);
  if (!unit.empty() && !c.percent) s += kNbsp + unit;
  return s;
}

namespace {

// Fields end with \x1f, records with \x1e: neither occurs in printed text, so the text is unambiguous.
struct Canonical {
  std::string out;
  Canonical& f(const std::string& s) { return out += s, out += '\x1f', *this; }
  Canonical& f(std::int64_t v) { return f(std::to_string(v)); }
  Canonical& f(const std::optional<std::int64_t>& v) { return v ? f(*v) : f(std::string("-")); }
  void end() { out += '\x1e'; }

  void add(const Paragraph& p) {
    f("p").f(static_cast<std::int64_t>(p.kind)).f(p.level);
    for (const auto& r : p.runs) f(r.text).f(r.bold).f(r.italic).f(r.link);
    end();
  }
  void add(const Grid& g) {  // not g.id: a table's anchor is not what it prints
    f("t").f(g.caption).f(g.note);
    for (const auto& h : g.headings) f(h);
    end();
    for (const auto& r : g.rows) {
      f("r").f(r.level).f(r.total).f(r.note);
      for (auto i : r.parts) f(static_cast<std::int64_t>(i));
      for (const auto& c : r.cells) f(c.text).f(c.number).f(c.scale).f(c.shown).f(c.percent);
      end();
    }
  }
  void add(const Chart& c) {
    f("c").f(static_cast<std::int64_t>(c.kind)).f(c.title).f(c.alt).f(c.unit).f(c.scale);
    for (const auto& x : c.categories) f(x);
    end();
    for (const auto& s : c.series) {
      f("s").f(s.name).f(s.dashed);
      for (const auto& v : s.values) f(v);
      end();
    }
  }
  void add(const Notice& n) { f("n").f(n.text).f(n.draft).end(); }
};

}  // namespace

std::vector<ReviewPart> review_parts(const Document& d) {
  std::vector<ReviewPart> out;
  for (const auto& s : d.sections) {
    if (s.level <= 2 || out.empty()) out.push_back({s.id, s.heading, ""});
    Canonical c;
    c.f("h").f(s.level).f(s.heading).end();
    for (const auto& b : s.blocks) std::visit([&](const auto& x) { c.add(x); }, b);
    out.back().content += c.out;
  }
  return out;
}

}  // namespace toteuma::doc
