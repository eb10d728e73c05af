// Reads general-ledger exports (CSV in UTF-8 or Windows-1252 with ';', ',' or tab, or XLSX)
// into monthly aggregates per (org unit, report line, month) in integer cents, streaming:
// memory depends on the number of units, lines and months, never on the file's size. A CSV
// is split between threads; each thread parses it mapped in place (pages released as read)
// without allocating per row.
//
// Every row is checked (encoding, field count, date, amount, account, cost center, the unit's
// validity on the date); the first bad row in file order is thrown as InputError with file,
// line and column, so nothing is imported unless everything is. With `suspense`, rows whose
// account or cost center does not map are aggregated on a suspense line instead and reported.
//
// For drill-down, each aggregate carries the set of file blocks that hold its rows, and each
// block the offset and line number of its first row: re-reading those blocks and keeping the
// rows of the key gives exactly the rows behind a figure, without a second copy of the data.
#pragma once
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/dataset.h"
#include "ingest/ledger_mapping.h"

namespace toteuma::ledger {

// Where rows go: the dataset's units and lines in compact numbering, with the mapping's
// cost centers and account ranges resolved. Build once per import.
class Target {
 public:
  // Throws InputError (at the mapping file) for a cost center mapped to an unknown unit or an
  // internal line the chart lacks.
  Target(const Dataset& d, const Mapping& m);
  ~Target();
  Target(const Target&) = delete;
  Target& operator=(const Target&) = delete;

  const Mapping& mapping() const { return m_; }
  const std::vector<std::string>& unit_ids() const { return units_; }
  const std::vector<std::string>& line_ids() const { return lines_; }
  int unit_index(const std::string& id) const;   // -1 if not a target
  int line_index(const std::string& id) const;   // -1 if not a target
  // The investment part's projects a row can book to (mapping [investments]), in Target order.
  const std::vector<std::string>& project_ids() const { return projects_; }

  // Implementation (for the reader): code → unit, account → line, validity.
  struct Impl;
  const Impl& impl() const { return *impl_; }

 private:
  Mapping m_;
  std::vector<std::string> units_, lines_, projects_;
  std::unique_ptr<Impl> impl_;
  void add_investments(const Dataset& d);
};

// Why a row went to the suspense line.
enum class Unmapped { account, cost_center, unit_not_valid, project };
std::string_view to_string(Unmapped u);

struct Aggregate {
  int unit = 0, line = 0;  // Target indexes
  int ym = 0;              // year_month()
  Cents amount = 0;
  std::int64_t rows = 0;
  std::vector<std::uint64_t> blocks;  // bitset of the blocks holding its rows
};

// A project's rows of one month on one line of the investment part (expenditure, grants or
// sales of assets); they also count in the Aggregate of (the project's owning unit, that line).
struct InvestmentAggregate {
  int project = 0, line = 0;  // Target indexes
  int ym = 0;
  Cents amount = 0;
  std::int64_t rows = 0;
};

struct SuspenseAggregate {
  int ym = 0;
  std::string cost_center, account;  // as in the file (UTF-8)
  Unmapped reason = Unmapped::account;
  Cents amount = 0;
  std::int64_t rows = 0;
  std::vector<std::uint64_t> blocks;
};

struct BlockStart {
  std::int64_t offset = -1;  // byte offset (CSV) or sheet row (XLSX) of the first row starting in the block
  std::int64_t line = -1;    // its line (CSV) or row number (XLSX)
};

struct ReadOptions {
  bool suspense = false;   // unmapped rows to the suspense line instead of an error
  unsigned threads = 0;    // 0 = hardware threads (at most 2 used below 4 MB)
  std::string copy_to;     // when set, the file's bytes are copied there while hashing
};

struct FileResult {
  std::string file;         // as given
  std::string format;       // "csv" or "xlsx"
  std::int64_t size = 0;
  std::string sha256;       // hex, of the file's bytes
  Encoding encoding = Encoding::utf8;
  char delimiter = ';';
  std::int64_t rows = 0, skipped_rows = 0, suspense_rows = 0;
  Cents total = 0, income = 0, costs = 0, skipped_total = 0, suspense_total = 0;
  std::int64_t block_size = 0;  // bytes (CSV) or rows (XLSX) per block
  std::vector<BlockStart> blocks;
  std::vector<Aggregate> aggregates;  // sorted by (ym, unit, line)
  std::vector<SuspenseAggregate> suspense;
  std::vector<InvestmentAggregate> investments;  // sorted by (ym, project, line)
};

// Reads one file (CSV or, by its .xlsx name, XLSX). Throws InputError on the first bad row.
FileResult read_ledger(const std::string& path, const Target& target, const ReadOptions& o);

// A row found again: its line (row) number, its text as in the file (UTF-8; XLSX cells joined by
// the delimiter ';') and the amount it contributed.
struct SourceRow {
  std::int64_t line = 0;
  std::string text;
  Cents amount = 0;
};

// Which rows to keep: by target indexes and month; `suspense` selects suspense rows instead.
struct RowFilter {
  std::vector<std::uint64_t> blocks;  // union of the keys' block bitsets
  std::function<bool(int unit, int line, int ym)> keep;
  bool suspense = false;
  int suspense_ym = -1;
};

// Re-reads the blocks of a kept source file and returns the rows the filter keeps, in file
// order. `format`, `block_size` and `blocks` are as recorded at import.
std::vector<SourceRow> read_ledger_rows(const std::string& stored_path, const std::string& format,
                                        std::int64_t block_size, const std::vector<BlockStart>& blocks,
                                        const Target& target, const RowFilter& filter);

// SHA-256 of a file's bytes, hex (OpenSSL).
std::string sha256_file(const std::string& path);

}  // namespace toteuma::ledger
