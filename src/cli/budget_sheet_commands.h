// The Excel round trip of the budget round (issue 16 item 5, docs/BUDGETING.md): a unit's proposal
// sheet downloaded (`budget sheet`), filled in Excel or LibreOffice and uploaded back
// (`budget import-sheet`), and finance's file of many units' figures (`budget import-figures`).
// Uploads are all or nothing, with located errors, in one transaction with one audit row.
#pragma once
#include <ostream>

#include "cli/budget_commands.h"

namespace toteuma {

int cmd_budget_sheet(const BudgetOptions& o, std::ostream& out);
int cmd_budget_import_sheet(const BudgetOptions& o, std::ostream& out);
// budget import-figures --version V FILE (.csv or .xlsx: unit;line;year;amount)
int cmd_budget_import_figures(const BudgetOptions& o, std::ostream& out);

}  // namespace toteuma
