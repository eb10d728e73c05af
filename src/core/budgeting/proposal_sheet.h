// A unit's proposal sheet (issue 16 item 5, docs/BUDGETING.md): what the spreadsheet a unit fills
// in holds — per line of the operating part the references (TP Y−2, TA Y−1 after amendments, the
// frame of Y) and the version's own figures of Y, Y+1, Y+2 at the unit — and a stamp of those
// figures, so an upload made from figures that have changed since is refused. Writing figures back
// (one sheet, or finance's many-unit file) goes through `apply_figure_edits`.
#pragma once
#include <array>
#include <optional>
#include <string>
#include <vector>

#include "core/budgeting/budget_round.h"
#include "core/lang.h"
#include "core/money.h"

namespace toteuma {

// The sheet's layout, shared by its writer (render/proposal_sheet) and reader (ingest/proposal_sheet);
// 1-based rows and columns as the XLSX reader numbers them. The sheet is protected, so rows cannot
// be inserted or moved: a line is found by its id in the (hidden) column A all the same.
namespace psheet {
inline constexpr int kTitleRow = 1, kVersionRow = 2, kUnitRow = 3, kYearRow = 4, kBaseRow = 5, kHelpRow = 6;
inline constexpr int kHeadingRow = 8, kFirstRow = 9;
inline constexpr int kLabelCol = 2, kValueCol = 3;  // the header block: B label, C value
inline constexpr int kLineIdCol = 1, kLineCol = 2, kActualCol = 3, kBudgetAfterCol = 4, kFrameCol = 5;
inline constexpr int kFirstYearCol = 6, kJustificationCol = 9;  // F, G, H: Y, Y+1, Y+2; I: justification
}  // namespace psheet

struct ProposalSheetRow {
  std::string line;
  std::string label;  // in the sheet's language
  bool total = false;
  std::optional<Cents> actual, budget_after, frame;  // TP Y−2, TA Y−1 after amendments, the frame of Y
  std::array<std::optional<Cents>, 3> figures;       // the version's own figures of Y, Y+1, Y+2
  std::string justification;                        // as uploaded (the download leaves it empty)
};

struct ProposalSheet {
  std::string version, unit;
  int year = 0;
  std::string stamp;  // figures_stamp when made
  Lang lang = Lang::fi;
  std::string version_name, unit_name;
  bool has_frame = false;
  std::vector<ProposalSheetRow> rows;  // every line of the operating part, in chart order
};

// The sheet of version `v` for `unit` in `lang`. Throws std::invalid_argument for an unknown unit.
ProposalSheet proposal_sheet(const Dataset& d, const BudgetVersion& v, const std::string& unit, Lang lang);

// A stamp of the version's own figures at the unit (16 hex digits): changes whenever one of
// them is entered, changed or removed, and only then.
std::string figures_stamp(const Dataset& d, const std::string& version, const std::string& unit);

// One figure to enter (amount) or remove (nullopt).
struct FigureEdit {
  std::string unit, line;
  int year = 0;
  std::optional<Cents> amount;
};
struct FigureChange {
  std::string unit, line;
  int year = 0;
  std::optional<Cents> before, after;
};
// Applies the edits to the version's figures; returns the ones that changed something, in the
// edits' order. The caller has validated units, lines and years.
std::vector<FigureChange> apply_figure_edits(Dataset& d, const std::string& version, const std::vector<FigureEdit>& edits);

// "kanslia/services/2026: -2030100 → -2050000" per change, one a line: for the audit row and the report.
std::string describe_changes(const std::vector<FigureChange>& changes);

}  // namespace toteuma
