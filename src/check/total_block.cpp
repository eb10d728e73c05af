#include "check/total_block.h"

#include <algorithm>
#include <set>

#include "check/rounding.h"

namespace toteuma {

std::optional<int> part_sign(const Chart& chart, const std::string& total, const std::string& part) {
  const Line* t = chart.find(total);
  if (!t) return std::nullopt;
  for (const auto& term : t->formula) {
    if (term.line == part) return term.sign;
    if (auto s = part_sign(chart, term.line, part)) return term.sign * *s;
  }
  return std::nullopt;
}

namespace {
// Whether the total at rows[at] heads its block: the rows right below it are its parts and add
// up to it ("Rahoitustuotot ja -kulut 10,4" over Korkotuotot 12,7 … Muut rahoituskulut -0,2).
bool heads_block(const Chart& chart, const std::vector<BlockRow>& rows, std::size_t at, Cents unit) {
  const BlockRow& t = rows[at];
  if (!t.line || t.line->kind != LineKind::total || !t.value) return false;
  Cents sum = 0;
  int n = 0;
  for (std::size_t i = at + 1; i < rows.size(); ++i) {
    const BlockRow& r = rows[i];
    if (r.transparent) continue;
    auto sign = r.line ? part_sign(chart, t.line->id, r.line->id) : std::nullopt;
    if (!sign) break;
    if (r.value) sum = *sign < 0 ? checked_sub(sum, *r.value) : checked_add(sum, *r.value), ++n;
  }
  return n > 0 && classify_difference(checked_sub(*t.value, sum), n, unit) != Discrepancy::error;
}

// Whether `line` is printed: itself, or through its parts with none of its own statement lines
// missing (below).
bool printed(const Chart& chart, const std::string& line, const std::set<std::string>& lines);

// A statement line is a total the statement always prints that sums two or more lines
// (Toimintatuotot, Toimintakulut, Toimintakate, Rahoitustuotot ja -kulut …). When one of a total's
// is neither printed nor made up of printed parts (a key-figure table printing Toimintakulut,
// Verotulot, Valtionosuudet and Vuosikate), the block is not the whole total.
bool missing_statement_line(const Chart& chart, const std::string& total, const std::set<std::string>& lines) {
  const Line* t = chart.find(total);
  for (const auto& term : t->formula) {
    const Line* l = chart.find(term.line);
    if (!l || l->kind != LineKind::total || lines.count(term.line)) continue;
    bool statement_line = l->show == LineShow::always && l->formula.size() >= 2;
    if (statement_line && !printed(chart, term.line, lines)) return true;
    // A total the statement need not print (Käyttökate, check_totals.h) lacks what its own lines lack.
    if (!statement_line && missing_statement_line(chart, term.line, lines)) return true;
  }
  return false;
}

bool printed(const Chart& chart, const std::string& line, const std::set<std::string>& lines) {
  if (lines.count(line)) return true;
  const Line* l = chart.find(line);
  if (!l || l->kind != LineKind::total || missing_statement_line(chart, line, lines)) return false;
  return std::any_of(l->formula.begin(), l->formula.end(),
                     [&](const FormulaTerm& t) { return printed(chart, t.line, lines); });
}

// Rows the chart does not know, printed right below a row and adding up to it, are that row's
// breakdown (Henkilösivukulut 100 over Eläkekulut 80, Muut henkilösivukulut 20): in no other sum.
std::vector<BlockRow> without_breakdowns(std::vector<BlockRow> rows, Cents unit) {
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (!rows[i].line || !rows[i].value) continue;
    Cents sum = 0;
    std::size_t j = i + 1;
    int n = 0;
    for (; j < rows.size() && !rows[j].line && rows[j].value; ++j) sum = checked_add(sum, *rows[j].value), ++n;
    if (n >= 2 && classify_difference(checked_sub(*rows[i].value, sum), n, unit) != Discrepancy::error)
      for (std::size_t k = i + 1; k < j; ++k) rows[k].transparent = true;
  }
  return rows;
}
}  // namespace

BlockSum block_sum(const Chart& chart, const std::vector<BlockRow>& printed, std::size_t total, Cents unit) {
  const std::vector<BlockRow> rows = without_breakdowns(printed, unit);
  const std::string& id = rows[total].line->id;
  // The block starts after the nearest row above that is neither a part nor unknown: the
  // previous line of the table, a caption or an earlier print of this total.
  std::size_t start = total;
  for (; start > 0; --start) {
    const BlockRow& r = rows[start - 1];
    if (r.transparent || !r.line) continue;
    if (r.line->id == id || !part_sign(chart, id, r.line->id)) break;
  }
  // Lines printed with a figure in the block, to tell whether the block is the whole total.
  std::set<std::string> printed_lines;
  for (std::size_t i = start; i < total; ++i)
    if (rows[i].line && rows[i].value && !rows[i].transparent) printed_lines.insert(rows[i].line->id);
  struct Item {
    std::size_t row;
    Cents value;  // signed into the total
    bool unknown;
    int sign = 1;
  };
  std::vector<Item> items;
  for (std::size_t i = start; i < total; ++i) {
    const BlockRow& r = rows[i];
    if (r.transparent || !r.value) continue;
    if (r.line) {
      // A part printed below its own subtotal (a total heading its block, "Rahoitustuotot ja
      // -kulut 10,4" above Korkotuotot …) is already in that subtotal.
      if (std::any_of(items.begin(), items.end(), [&](const Item& x) {
            return !x.unknown && heads_block(chart, rows, x.row, unit) && part_sign(chart, rows[x.row].line->id, r.line->id);
          }))
        continue;
      int sign = part_sign(chart, id, r.line->id).value_or(1);
      // A printed subtotal stands for the rows above it that are its parts (or unknown to the chart).
      if (r.line->kind == LineKind::total)
        while (!items.empty() && (items.back().unknown || part_sign(chart, r.line->id, rows[items.back().row].line->id)))
          items.pop_back();
      items.push_back({i, sign < 0 ? checked_sub(0, *r.value) : *r.value, false, sign});
      continue;
    }
    // An unknown row printing the sum of two or more items just above it is their subtotal
    // (an unlabelled block total, "Käyttökate"): it stands for them.
    Cents s = 0;
    for (std::size_t j = items.size(), k = 1; j-- > 0; ++k) {
      s = checked_add(s, items[j].value);
      if (k >= 2 && classify_difference(checked_sub(*r.value, s), static_cast<int>(k), unit) != Discrepancy::error) {
        items.resize(j);
        break;
      }
    }
    items.push_back({i, *r.value, true});
  }
  BlockSum out;
  if (std::none_of(items.begin(), items.end(), [](const Item& x) { return !x.unknown; })) return out;
  out.kind = missing_statement_line(chart, id, printed_lines) ? BlockSum::Kind::all_rows : BlockSum::Kind::parts;
  for (const auto& x : items) {
    out.sum = checked_add(out.sum, x.value);
    ++out.terms;
    out.term_rows.push_back({x.sign, rows[x.row].source_line, x.unknown});
    if (x.unknown) out.kind = BlockSum::Kind::all_rows, out.unknown.push_back(rows[x.row].source_line);
  }
  return out;
}

}  // namespace toteuma
