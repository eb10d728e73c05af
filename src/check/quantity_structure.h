// The structure of a table of quantities (htv, persons, days) read from its labels and figures,
// so that its sums are checked without hand-written `# parts:` lines: total rows (Yhteensä,
// Totalt, "… yht.") inside and at the end of a table, group rows printed above their sub-rows,
// "of which" rows and columns (josta, joista, varav, ilman …) that are not summed, per-cent rows
// and "-" for none.
#pragma once
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace toteuma {

// A row label or column heading that names a total ("Yhteensä", "Koko kaupunki yht.", "Totalt").
bool is_total_label(const std::string& label);
// A row or column that is part of another one, not a term of its sum ("josta vakinaiset",
// "Yht. ilman työllistettyjä", "varav fast anställda").
bool is_of_which_label(const std::string& label);
// A row whose every filled cell is a percentage (a share printed under the counts).
bool is_percent_row(const std::vector<std::string>& cells);

// One sum the table's layout implies: the row `total` = Σ rows `parts`, column by column.
struct ImpliedSum {
  std::size_t total = 0;
  std::vector<std::size_t> parts;
};

// The rows of a table of quantities as the structure sees them.
struct QuantityRowInfo {
  std::string label;
  std::vector<std::optional<std::int64_t>> v;  // hundredths
};

// The sums implied by the layout, in order: group rows equal to the sum of the rows directly
// below them, total rows inside the table (the rows directly above them since the previous total,
// as many as the figures agree with in most columns, else the whole block), and the last row when
// it is a total (the rows not inside a group or subtotal, and the subtotals). `precision` per
// column (hundredths per printed unit): a sum agrees within rounding of its terms.
std::vector<ImpliedSum> implied_sums(const std::vector<QuantityRowInfo>& rows, const std::vector<std::int64_t>& precision);

}  // namespace toteuma
