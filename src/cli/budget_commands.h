// The budget round on the command line (issue 16, docs/BUDGETING.md): start a version of a year's
// round (empty, from last year's budget, from the plan, or copied forward from another version,
// with percentage adjustments per line), enter its figures (a frame on the binding line, a
// proposal per line), list the round, adopt the council's decision as the budget of the year, and
// compare the versions (`table --kind budget-versions`). Every write is audited and transactional.
#pragma once
#include <ostream>
#include <string>
#include <vector>

namespace toteuma {

struct BudgetOptions {
  std::string db, id, stage, municipality, name_fi, name_sv, from, date;
  std::vector<std::string> adjust;  // LINE=PERCENT
  std::string version, unit, line, amount, as;
  int year = 0;
  bool clear = false;
  std::string lang, format = "text";
  std::string output, file;  // budget sheet -o; budget import-sheet|import-figures FILE
  bool force = false;        // import-sheet: over a stale base
  std::vector<std::string> months;  // spending-plan set: January … December, euros
  std::string htv;                  // budget htv set: person-years, e.g. 12,5
};

int cmd_budget_start(const BudgetOptions& o, std::ostream& out);
int cmd_budget_set(const BudgetOptions& o, std::ostream& out);
int cmd_budget_versions(const BudgetOptions& o, std::ostream& out);
int cmd_budget_adopt(const BudgetOptions& o, std::ostream& out);
// table --kind budget-versions --unit U --year Y
int cmd_table_budget_versions(const BudgetOptions& o, std::ostream& out);
// The spending plan (core/finance/spending_plan.h): one row (--clear removes it), a whole file
// (replacing the plan of the binding units it covers, all or nothing), the plan as that file.
int cmd_spending_plan_set(const BudgetOptions& o, std::ostream& out);
int cmd_spending_plan_import(const BudgetOptions& o, std::ostream& out);
int cmd_spending_plan_show(const BudgetOptions& o, std::ostream& out);
// table --kind spending-plan --unit U --year Y
int cmd_table_spending_plan(const BudgetOptions& o, std::ostream& out);
// budget htv set: a unit's person-years of a year in a version (--clear removes them), audited.
int cmd_budget_htv_set(const BudgetOptions& o, std::ostream& out);

}  // namespace toteuma
