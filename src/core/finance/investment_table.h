// The investment part's table (investointiosa) for a unit owning project groups, in the
// annual-report layout (TA, muutokset, siirtomäärärahat, TA muutosten jälkeen, TP, poikkeama,
// toteutuma-%) or the budget layout (kustannusarvio, TP Y−2, TA Y−1, TA Y, TS Y+1, TS Y+2,
// myöhemmin). Rows: group heading, per project expenditure / income / net, group totals, the
// part's total; the binding level marked "*", an overrun at it "!" (annual report).
#pragma once
#include <string>

#include "core/dataset.h"
#include "core/finance/investments.h"
#include "core/finance/report_table.h"
#include "core/simple_table.h"

namespace toteuma {

// Cells are cents (decimals 2, shown 0); the annual report's realisation % column holds
// hundredths of a percent, shown with one decimal. Empty rows when the unit owns no group.
SimpleTable investment_table(const Dataset& d, const std::string& unit, int year, TableKind layout, Lang lang);

// The investment part's in-year follow-up from the general ledger: per group and project the
// budget after amendments and carried-over appropriations, the ledger's actual of months
// 1..month, what remains (actual − budget) and realisation %, the binding level marked and an
// overrun of it already to date marked "!".
SimpleTable investment_follow_up_table(const Dataset& d, const std::vector<MonthlyInvestmentActual>& actuals,
                                       const std::string& unit, int year, int month, Lang lang);

}  // namespace toteuma
