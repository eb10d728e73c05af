// The general-ledger import and drill-down, one code for the command line (`toteuma import
// ledger`, `ledger rows`) and the web (the import page, the ledger rows page): read every file
// first (all rows checked), then write everything in one transaction with its audit row.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/dataset.h"
#include "core/lang.h"
#include "core/money.h"
#include "core/workplace/workflow.h"
#include "ingest/ledger_mapping.h"
#include "ingest/ledger_reader.h"
#include "store/store.h"

namespace toteuma {

struct LedgerFileIn {
  std::string path;  // where the bytes are
  std::string name;  // recorded and named in errors: the path given, or an upload's own file name
};

struct LedgerImportDone {
  std::int64_t batch = 0;
  std::vector<ledger::FileResult> results;
  LedgerImport imp;
};

// Throws InputError (naming the file's `name`) on the first bad row of any file, and
// std::runtime_error when two files are the same; nothing is written then.
LedgerImportDone import_ledger_files(const Dataset& d, LedgerStore& store, const std::vector<LedgerFileIn>& files,
                                     const ledger::Mapping& mapping, bool suspense, unsigned threads, const Actor& by);
// What each file of an import held, one line each, in `lang` (the command line's report).
std::vector<std::string> ledger_import_report(const LedgerImportDone& done, Lang lang);

// The mapping kept with the newest import (nullopt before the first one).
std::optional<std::string> last_ledger_mapping(LedgerStore& store);

// The rows behind a figure: unit and line (id or name) in a month of a year, or the month's
// suspense rows. Every row with its file's name; their sum; the figure itself (not for suspense).
struct LedgerRows {
  std::vector<std::pair<std::string, ledger::SourceRow>> rows;
  Cents sum = 0;
  std::optional<Cents> figure;
  std::string line;  // the line's id
};
// Throws std::runtime_error (in `lang`) for a month without imports, an unknown unit or line, or a
// kept source file that is gone.
LedgerRows ledger_rows(Dataset d, LedgerStore& store, const std::string& unit, const std::string& line, int year, int month,
                       bool suspense, Lang lang);

}  // namespace toteuma
