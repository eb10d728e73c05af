// The general-ledger commands: `import ledger`, `ledger rows` (drill-down), `ledger imports`
// and `table --kind follow-up`. Callable from tests without a process.
#pragma once
#include <ostream>
#include <string>
#include <vector>

namespace toteuma {

struct CommandOptions;

struct LedgerOptions {
  std::string db;
  std::vector<std::string> files;  // import ledger FILE...
  std::string mapping;             // --mapping FILE (TOML)
  std::string encoding;            // --encoding auto|utf-8|windows-1252 (overrides the mapping)
  bool suspense = false;           // unmapped rows to the suspense line instead of an error
  unsigned threads = 0;            // 0 = all cores
  std::string unit, line, month;   // ledger rows / follow-up; month "YYYY-MM" (rows) or "M" (table)
  int year = 0;
  std::string lang, format = "text";
};

int cmd_import_ledger(const LedgerOptions& o, std::ostream& out);
// Prints the ledger rows behind the figure (unit, line, month), then their count and sum.
int cmd_ledger_rows(const LedgerOptions& o, std::ostream& out);
int cmd_ledger_imports(const LedgerOptions& o, std::ostream& out);
int cmd_table_follow_up(const LedgerOptions& o, std::ostream& out);
// The investment part's in-year follow-up (table --kind investments --layout follow-up).
int cmd_table_investment_follow_up(const LedgerOptions& o, std::ostream& out);
// Closes the months 1..--month of --year (0 reopens all): the follow-up projects from them.
int cmd_ledger_close(const LedgerOptions& o, std::ostream& out);
// serve, with the ledger's monthly actuals for the web's follow-up view.

}  // namespace toteuma
