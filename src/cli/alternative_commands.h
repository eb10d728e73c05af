// Councillors' alternative budgets on the command line (issue 16 item 7, docs/BUDGETING.md):
// `toteuma budget alternative group|start|change|publish|show|list|document`. Every write is one
// transaction with an audit row; refusals in English, Finnish and Swedish.
#pragma once
#include <ostream>
#include <string>

namespace CLI {
class App;
}

namespace toteuma {

struct AlternativeOptions {
  std::string db, id, version, group, municipality, name_fi, name_sv, date;
  std::string alternative, unit, line, amount, justification_fi, justification_sv;
  int year = 0;
  bool clear = false, withdraw = false;
  std::string lang, format = "text", output;
};

int cmd_alternative_group(const AlternativeOptions& o, std::ostream& out);
int cmd_alternative_start(const AlternativeOptions& o, std::ostream& out);
int cmd_alternative_change(const AlternativeOptions& o, std::ostream& out);
int cmd_alternative_publish(const AlternativeOptions& o, std::ostream& out);
// The effect: per binding unit, Toimintakate, Vuosikate, the result and the balance.
int cmd_alternative_show(const AlternativeOptions& o, std::ostream& out);
int cmd_alternative_list(const AlternativeOptions& o, std::ostream& out);
// The version and its published alternatives side by side as a document (html|pdf|docx|xlsx).
int cmd_alternative_document(const AlternativeOptions& o, std::ostream& out);

// Adds `alternative` and its subcommands under `budget`; the returned function runs the one
// given (nullopt-like -1 when none of them was).
struct AlternativeCli {
  AlternativeOptions options;
  CLI::App* group = nullptr;
  CLI::App *start = nullptr, *change = nullptr, *publish = nullptr, *show = nullptr, *list = nullptr, *document = nullptr;
  // The exit status of the subcommand given, or -1 when none of these was given.
  int run(std::ostream& out) const;
};
void add_alternative_commands(CLI::App& budget, AlternativeCli& cli);

}  // namespace toteuma
