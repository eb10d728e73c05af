// Persistence behind an interface: SQLite is the embedded default; a PostgreSQL store will
// implement the same interface (keep the SQL portable: plain types, no engine extensions).
#pragma once
#include <functional>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/dataset.h"
#include "core/finance/follow_up.h"
#include "core/i18n.h"
#include "core/workplace/workflow.h"

namespace toteuma {

// A refused or failed write. Refusals a person can correct carry a catalogue message; an internal
// failure (SQL, a corrupt row) shows the reader err.store.internal and keeps its detail in what().
struct StoreError : MsgError {
  explicit StoreError(Msg m) : MsgError(std::move(m)) {}
  explicit StoreError(const std::string& detail) : MsgError(msg("err.store.internal"), detail) {}
};

// Which reviewed sections a write changed: given the dataset as written (read inside the write's
// transaction) and the sections that are ready or approved, the ones to move back to draft.
using ChangedSections = std::function<std::vector<SectionRef>(const Dataset& written, const std::vector<SectionStatus>& reviewed)>;

class Store {
 public:
  virtual ~Store() = default;
  // The whole dataset, in canonical order.
  virtual Dataset read() = 0;
  // How a replacing write is recorded (a load or an import from the command line).
  struct ReplaceOptions {
    const AuditEntry* audit = nullptr;  // its row, written in the same transaction
    bool reopen_sections = false;       // every ready/approved section back to draft, audited as `audit`'s
    // The newest audit id the caller compared against: when the trail has grown since (someone
    // wrote meanwhile), StoreError and nothing changes.
    std::optional<std::int64_t> unchanged_since;
    // Without reopen_sections: the reviewed sections this names go back to draft in the same
    // transaction (adopting the council's decision changes only some documents' figures).
    ChangedSections changed = {};
  };
  // Replaces everything in one transaction: on any error nothing changes.
  virtual void replace(const Dataset& d, const ReplaceOptions& how) = 0;
  void replace(const Dataset& d) { replace(d, ReplaceOptions{}); }
  // The newest audit row's id (0 none): what a later replace can require unchanged.
  virtual std::int64_t last_audit_id() = 0;
  // The newest audit row's id of a change to what the dataset holds: not of the users, their
  // grants, passwords and sign-ins (store/user_store.h), which no dataset read sees. The web's
  // snapshot is read again when this moves (web/app_state.h); asked on every request, so kept prepared.
  virtual std::int64_t last_data_audit_id() = 0;
  // True when no dataset has been stored yet.
  virtual bool empty() = 0;
  // Stores texts in one transaction: a person's text replaces anything; a draft replaces
  // only a draft (edited text is never overwritten by a drafting run). With `by`, every text
  // that changed gets an audit row ("narrative", unit/year/section/lang, before, after).
  virtual void save_narratives(const std::vector<Narrative>& texts, const Actor* by = nullptr) = 0;
  // Highest migration applied.
  virtual int schema_version() = 0;
};

// Opens (creating if needed) a SQLite database file in WAL mode and applies migrations.
std::unique_ptr<Store> open_store(const std::string& path);

// ---- General-ledger imports (docs/LEDGER.md) ------------------------------------------------
// The ledger's monthly actuals per unit and report line, where they came from and how to find
// their rows. They sit beside the dataset (whose actual of a year is the closed year's).

struct LedgerActual {
  std::string month, unit, line;  // month "YYYY-MM"
  std::int64_t amount = 0;        // cents
  bool operator==(const LedgerActual&) const = default;
};

// A project's ledger rows of one month and kind of the investment part ("expenditure", "grants",
// "asset_sales").
struct LedgerInvestmentActual {
  std::string month, project, kind;  // month "YYYY-MM"
  std::int64_t amount = 0;           // cents
  std::int64_t rows = 0;
  bool operator==(const LedgerInvestmentActual&) const = default;
};

// A ledger file kept content-addressed beside the database, and how to read it again.
struct LedgerSource {
  std::string sha256, file_name, format;  // format "csv" or "xlsx"
  std::int64_t size = 0, block_size = 0;
  std::string mapping;                    // the mapping (TOML) it was read with
  std::vector<std::pair<std::int64_t, std::int64_t>> blocks;  // each block's first row: offset, line (-1 none)
};
// Which blocks of a source hold the rows of one (month, unit, line) figure.
struct LedgerIndexEntry {
  std::string month, unit, line, sha256;  // month "YYYY-MM"
  std::int64_t rows = 0;
  std::vector<std::uint64_t> blocks;      // bitset over the source's blocks
};
// Rows whose account or cost center did not map, imported with the suspense option.
struct LedgerSuspenseEntry {
  std::string month, sha256, cost_center, account, reason;
  std::int64_t rows = 0;
  std::int64_t amount = 0;  // cents
  std::vector<std::uint64_t> blocks;
};
struct LedgerImportRecord {
  std::int64_t id = 0, batch = 0;
  std::string file_name, sha256, imported_at, imported_by, months;  // months "2025-01,2025-02"
  std::int64_t size = 0, rows = 0, skipped_rows = 0, suspense_rows = 0;
  std::int64_t total = 0, income = 0, costs = 0, skipped_total = 0, suspense_total = 0;  // cents
};
// Everything one import writes, in one transaction; the months it covers are replaced whole.
struct LedgerImport {
  std::vector<std::string> months;
  std::vector<LedgerActual> actuals;
  std::vector<LedgerInvestmentActual> investments;
  std::vector<LedgerSource> sources;
  std::vector<std::string> source_copies;  // temporary copies of the sources, moved into place
  std::vector<LedgerIndexEntry> index;
  std::vector<LedgerSuspenseEntry> suspense;
  std::vector<LedgerImportRecord> records;  // id and batch are assigned
};

class LedgerStore {
 public:
  virtual ~LedgerStore() = default;
  // The folder of kept source files ("<db>.ledger"), created when missing.
  virtual std::string source_dir() = 0;
  virtual std::string source_path(const std::string& sha256) = 0;
  // Writes an import in one transaction (on any error nothing changes), with `audit`'s row when
  // given; returns its batch.
  virtual std::int64_t save_import(const LedgerImport& imp, const AuditEntry* audit = nullptr) = 0;
  virtual std::vector<LedgerImportRecord> imports() = 0;
  // The monthly actuals of a year (0 = every year), by month, unit and line.
  virtual std::vector<LedgerActual> actuals(int year = 0) = 0;
  // The investment part's monthly actuals per project of a year (0 = every year).
  virtual std::vector<LedgerInvestmentActual> investment_actuals(int year = 0) = 0;
  virtual std::vector<LedgerIndexEntry> index(const std::string& month) = 0;
  virtual std::vector<LedgerSuspenseEntry> suspense(const std::string& month) = 0;
  virtual std::optional<LedgerSource> source(const std::string& sha256) = 0;
  // The last closed month of each year that has one (finance closes months; the follow-up
  // projects the year from closed months only, core/finance/follow_up.h).
  virtual std::map<int, int> closed_months() = 0;
  // Sets the last closed month of `year` (0 = none closed) with its audit row, in one transaction.
  virtual void set_closed(const Actor& by, int year, int through_month) = 0;
};

std::unique_ptr<LedgerStore> open_ledger_store(const std::string& path);

// The stored monthly actuals of a year (0 = every year) as the follow-up computes with them.
std::vector<MonthlyActual> monthly_actuals(LedgerStore& store, int year);
std::vector<MonthlyInvestmentActual> monthly_investment_actuals(LedgerStore& store, int year);

}  // namespace toteuma
