// The budgeting/ folder of a dataset (docs/DATASET.md): stages.csv, versions.csv, figures.csv and htv.csv
// of the budget rounds, all optional (a dataset without a round in preparation).
#pragma once
#include <filesystem>

#include "core/dataset.h"
#include "ingest/csv.h"

namespace toteuma {

// Reads what exists; municipalities, units, the chart and scenarios already read (references to
// them are checked).
void load_budgeting(const std::filesystem::path& dir, Dataset& d);

// The columns unit, line, year and amount of a row of a version's figures (figures.csv, an
// alternative's changes), checked: a known unit and chart line, a year Y…Y+2 of `v`, euros.
struct VersionCell {
  std::string unit, line;
  int year = 0;
  Cents amount = 0;
};
VersionCell need_version_cell(const CsvTable& t, const CsvRecord& r, const Dataset& d, const BudgetVersion& v);
void dump_budgeting(const Dataset& d, const std::filesystem::path& dir);

}  // namespace toteuma
