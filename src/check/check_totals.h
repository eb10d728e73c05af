// Totals some published tables print that the chart does not keep (data/checks/totals.csv): the
// "Käyttökate" of older key-figure tables (Toimintakate + Verotulot + Valtionosuudet), "Verotulot ja
// valtionosuudet yhteensä". The table checks read tables against the chart with these grouped in,
// so such a row is checked as a total and its block's total through it — never guessed.
#pragma once
#include <set>
#include <string>

#include "core/finance/chart.h"

namespace toteuma {

struct CheckChart {
  Chart chart;                        // the chart with the check-only totals grouped in
  std::set<std::string> check_only;  // their ids: no stored figure exists for them
};

// `chart` with the built-in check-only totals of `text` (totals.csv format) grouped into it. A row
// whose `within` total or terms the chart lacks (a municipality's own chart) is left out. Throws
// InputError on a malformed file.
CheckChart with_check_totals(const Chart& chart, const std::string& text, const std::string& file);
// The same with the built-in data/checks/totals.csv.
CheckChart with_check_totals(const Chart& chart);

}  // namespace toteuma
