// A plain table of fixed-point numbers (person-years, counts, days, euros) for the personnel
// plan: title, headings, rows with a label, an indent level and cells. Rendering is in render/.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace toteuma {

struct SimpleRow {
  std::string label;
  int level = 0;         // 0 = a unit, 1 = a group under it; totals are marked
  bool total = false;
  bool note = false;     // a row that explains (e.g. a transfer out), not a figure to sum
  int shown_decimals = -1;  // -1 = the table's
  std::vector<std::optional<std::int64_t>> cells;
  // Index of the row this one is a part of (-1 = none): the parts of a row add up to it in
  // every column, absent counting as 0. Tests check it; renderers ignore it.
  int part_of = -1;
  std::string suffix = "";  // shown after each number in text and HTML, e.g. "%" (CSV: the number only)
};

struct SimpleTable {
  std::string title;
  std::string label_heading;
  std::vector<std::string> headings;
  int decimals = 0;       // cells are value × 10^decimals
  int shown_decimals = 0; // decimals printed
  std::vector<SimpleRow> rows;
  bool last_column_total = false;  // the last column is the sum of the others
  // Decimals printed per column, overriding the row's and the table's (-1 = theirs); empty =
  // none (the investment table's realisation % beside euros).
  std::vector<int> column_shown_decimals = {};
};

}  // namespace toteuma
