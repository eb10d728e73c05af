// Checks of tables printed elsewhere (a document's CSV/XLSX tables): each table on its own
// (totals, budget after amendments, deviation, realisation %, completeness) and tables against
// each other (sub-units against their parent, the same figure in two documents or languages).
#pragma once
#include <string>
#include <vector>

#include "check/finding.h"
#include "core/finance/chart.h"
#include "core/finance/ledger.h"
#include "ingest/printed_table.h"

namespace toteuma {

// How a table's numbers are signed, detected from its own figures.
struct TableConvention {
  std::string file;
  bool costs_positive = false;      // costs printed as positive numbers (the table's majority)
  bool deviation_reversed = false;  // deviation printed as budget − actual (income and other rows)
  bool cost_deviation_reversed = false;     // the same for cost rows (differs: "favourable positive")
  std::vector<std::string> rows_other_sign;  // cost rows printed with the other sign than the table's
  int rows_matched = 0, rows_total = 0;
};

struct TableCheckReport {
  std::vector<Finding> findings;
  std::vector<TableConvention> conventions;
};

// With a ledger, every printed figure of a unit the dataset knows is also reconciled with the
// stored dataset (rule cross.dataset). `synonym_files`: a user's own labels and headings
// (--synonyms; the format of data/charts/standard/labels.csv or data/checks/headings.csv).
TableCheckReport check_tables(const std::vector<PrintedTable>& tables, const Chart& chart,
                              const Ledger* ledger = nullptr, const std::vector<std::string>& synonym_files = {});

// Normalises a printed label or heading for matching: lower case (å ä ö too), hyphenation and
// punctuation removed, spaces collapsed. "TALOUSARVIO- MUUTOKSET" → "talousarviomuutokset".
std::string normalize_label(const std::string& s);

}  // namespace toteuma
