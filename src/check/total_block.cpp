#include "check/total_block.h"

#include <algorithm>
#include <functional>
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
// Whether the total at rows[at] heads its block: printed above its parts ("Toimintakulut 12 150 000"
// over Henkilöstökulut, Palvelujen ostot …; "Rahoitustuotot ja -kulut 10,4" over Korkotuotot …) — the
// row right below it is one of its parts and the row right above it is not. Read from the layout,
// not from the figures, so a misprint among the parts does not turn them into terms of the next total.
bool heads_block(const Chart& chart, const std::vector<BlockRow>& rows, std::size_t at) {
  const BlockRow& t = rows[at];
  if (!t.line || t.line->kind != LineKind::total || !t.value) return false;
  auto next = at + 1;
  while (next < rows.size() && rows[next].transparent) ++next;
  if (next >= rows.size() || !rows[next].line || !part_sign(chart, t.line->id, rows[next].line->id)) return false;
  for (std::size_t prev = at; prev-- > 0;) {
    if (rows[prev].transparent) continue;
    if (rows[prev].line && part_sign(chart, t.line->id, rows[prev].line->id)) return false;
    break;
  }
  // A total printed 0 over parts that are not is a caption printed with zeros: it heads nothing.
  if (*t.value == 0)
    for (std::size_t i = next; i < rows.size() && (rows[i].transparent || (rows[i].line && part_sign(chart, t.line->id, rows[i].line->id))); ++i)
      if (!rows[i].transparent && rows[i].value && *rows[i].value != 0) return false;
  return true;
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

namespace {
// The sum of the printed rows [from, to) as terms of the total `id` (see block_sum).
BlockSum sum_rows(const Chart& chart, const std::vector<BlockRow>& rows, const std::string& id, std::size_t from,
                  std::size_t to, Cents unit) {
  // Lines printed with a figure in the block, to tell whether the block is the whole total.
  std::set<std::string> printed_lines;
  for (std::size_t i = from; i < to; ++i)
    if (rows[i].line && rows[i].value && !rows[i].transparent) printed_lines.insert(rows[i].line->id);
  struct Item {
    std::size_t row;
    Cents value;  // signed into the total
    bool unknown;
    int sign = 1;
  };
  std::vector<Item> items;
  for (std::size_t i = from; i < to; ++i) {
    const BlockRow& r = rows[i];
    if (r.transparent || !r.value) continue;
    if (r.line) {
      // A part printed below its own subtotal (a total heading its block, "Rahoitustuotot ja
      // -kulut 10,4" above Korkotuotot …) is already in that subtotal.
      if (std::any_of(items.begin(), items.end(), [&](const Item& x) {
            return !x.unknown && heads_block(chart, rows, x.row) && part_sign(chart, rows[x.row].line->id, r.line->id);
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
  std::function<bool(const std::string&)> covered = [&](const std::string& line) {
    if (printed_lines.count(line)) return true;
    const Line* l = chart.find(line);
    return l && l->kind == LineKind::total &&
           std::all_of(l->formula.begin(), l->formula.end(), [&](const FormulaTerm& t) { return covered(t.line); });
  };
  const Line* total = chart.find(id);
  out.complete = std::all_of(total->formula.begin(), total->formula.end(), [&](const FormulaTerm& t) { return covered(t.line); });
  out.kind = missing_statement_line(chart, id, printed_lines) ? BlockSum::Kind::all_rows : BlockSum::Kind::parts;
  for (const auto& x : items) {
    out.sum = checked_add(out.sum, x.value);
    ++out.terms;
    out.term_rows.push_back({x.sign, rows[x.row].source_line, x.unknown});
    if (x.unknown) out.kind = BlockSum::Kind::all_rows, out.unknown.push_back(rows[x.row].source_line);
  }
  return out;
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
  BlockSum above = sum_rows(chart, rows, id, start, total, unit);
  if (above.kind != BlockSum::Kind::none || !heads_block(chart, rows, total)) return above;
  // A total printed above its parts: its block runs down to the next row that is none of its parts.
  // Rows unknown to the chart in it are terms (a blank Henkilösivukulut over Eläkekulut and Muut
  // henkilösivukulut), so a block that does not add up with them is not checkable, never an error.
  std::size_t end = total + 1;
  for (; end < rows.size(); ++end) {
    const BlockRow& r = rows[end];
    if (r.transparent || !r.line) continue;
    if (r.line->id == id || !part_sign(chart, id, r.line->id)) break;
  }
  return sum_rows(chart, rows, id, total + 1, end, unit);
}

}  // namespace toteuma
