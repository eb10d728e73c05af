// The subcommands of `toteuma`, callable from tests without a process.
#pragma once
#include <ostream>
#include <string>
#include <vector>

#include "core/dataset.h"
#include "core/simple_table.h"
#include "core/workplace/workflow.h"

namespace toteuma {

// The stored dataset; a clear error when nothing has been loaded.
Dataset read_db(const std::string& db);

// Who runs a command, for the audit rows of command-line writes: the operating-system user
// ($USER, else the password database), "cli" when neither is known; via "cli".
Actor cli_actor();
// A command-line write's audit row (user and via from cli_actor()).
AuditEntry cli_audit(std::string entity, std::string key, std::optional<std::string> before,
                     std::optional<std::string> after, std::string unit = "");
// Writes `bytes` whole to a temporary name beside `path`, then renames it: a failed run never
// leaves half a file. Throws std::runtime_error.
void write_file_whole(const std::string& path, const std::string& bytes);

struct CommandOptions {
  std::string db, dir, unit, date;
  std::string lang;             // "" = the municipality's primary language
  std::string kind = "annual-report";
  std::string layout = "budget";  // the columns of a statutory part's or the key figures' table (table --kind income-statement|cash-flow|investments|key-figures)
  std::string format = "text";
  int year = 0;
  int port = 8080;
  std::string address = "127.0.0.1";
  unsigned threads = 0;
  std::vector<std::string> trusted_proxies;  // serve --trusted-proxy
  std::string accessibility_contact;         // serve --accessibility-contact
  std::string sso_config;                    // serve --sso-config (TOTEUMA_SSO_CONFIG)
  std::vector<std::string> tables;  // check --table FILE...
  std::vector<std::string> synonyms;  // check --synonyms FILE...: own row labels / column headings
  std::string line, column = "actual";  // explain
  std::string key_figure;                 // explain --key-figure (instead of --line)
  int month = 0;                          // explain --column forecast: the follow-up's forecast at month's end
  int base_year = 0;
  bool replace = false;  // load: replace even work stored only in the database
  std::string file;      // backup / restore: the backup file
  std::vector<std::string> wage_sums;  // import trainings --wage-sum [YEAR=]EUROS
};

// The --db option of every command: a SQLite file, or a PostgreSQL URL (docs/DEPLOY.md); the
// environment variable TOTEUMA_DB gives it when the option is not written.
inline constexpr const char* kDbOption =
    "database: a SQLite file or postgresql://… (env TOTEUMA_DB) / tietokanta: tiedosto tai postgresql://… / databas: fil eller postgresql://…";

// copy-db --from X --to Y [--replace]: every table and kept ledger file from one database to another
// (SQLite ↔ PostgreSQL), then both dumped and compared.
int cmd_copy_db(const std::string& from, const std::string& to, bool replace, std::ostream& out);

// Refuses (throws, naming what would be lost) to replace a database whose dataset holds
// anything the folder does not, or whose reviewed sections the load would reopen, unless
// o.replace; a fresh database or one holding the folder's content needs no flag.
int cmd_load(const CommandOptions& o, std::ostream& out);
int cmd_dump(const CommandOptions& o, std::ostream& out);
// backup FILE --db DB: everything (store/backup.h), while the server runs.
int cmd_backup(const CommandOptions& o, std::ostream& out);
// restore FILE --db DB: all or nothing; a damaged or foreign file changes nothing.
int cmd_restore(const CommandOptions& o, std::ostream& out);
int cmd_units(const CommandOptions& o, std::ostream& out);
// Serves the workplace until SIGINT/SIGTERM.
int cmd_serve(const CommandOptions& o, std::ostream& out);
int cmd_table(const CommandOptions& o, std::ostream& out);
// SimpleTables of a unit in `format` (text, csv with the byte order mark, or an html page titled
// `title`); `none` (when not "") says why there are none.
void write_simple_tables(std::ostream& out, const std::string& format, const Dataset& d, const std::string& unit, Lang lang,
                         const std::string& title, const std::vector<SimpleTable>& tables, const std::string& none);
// An investment table, or the message that the unit owns no project groups.
void write_investment_table(std::ostream& out, const std::string& format, const Dataset& d, const std::string& unit, Lang lang,
                            SimpleTable t);
// table --kind investments --unit ROOT --year Y [--layout annual-report|budget]: the investment part.
int cmd_table_investments(const CommandOptions& o, std::ostream& out);
// Exit status: 0 no errors, 1 errors found, 2 unusable input.
int cmd_check(const CommandOptions& o, std::ostream& out);
int cmd_explain(const CommandOptions& o, std::ostream& out);
// import employments|trainings FILE (in o.dir): aggregates stored, persons never.
int cmd_import_employments(const CommandOptions& o, std::ostream& out);
int cmd_import_trainings(const CommandOptions& o, std::ostream& out);
int cmd_personnel(const CommandOptions& o, std::ostream& out);
int cmd_goals(const CommandOptions& o, std::ostream& out);

// A command that sets or clears one figure takes exactly one of --amount and --clear: false (and
// said in English, Finnish and Swedish on `err`) when it got both or neither.
inline bool amount_or_clear(const std::string& command, bool clear, const std::string& amount, std::ostream& err) {
  if (clear == amount.empty()) return true;
  err << "toteuma " << command
      << ": give --amount EUROS or --clear / anna --amount EUROA tai --clear / ange --amount EURO eller --clear\n";
  return false;
}

}  // namespace toteuma
