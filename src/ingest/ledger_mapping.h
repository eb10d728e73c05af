// How a ledger export's columns are read: which header names hold the date (or period),
// account, cost center and amount (or debit and credit), plus the optional description,
// voucher, partner and internal flag; the encoding, delimiter, decimal mark and sign; which
// cost center is which org unit; which accounts are internal items or outside the
// statements; and which accounts of a row with a project are the investment part's
// expenditure, grants or sales of assets. A mapping is a small TOML file (docs/LEDGER.md); without one, the
// built-in presets recognise the column names Finnish municipalities publish.
#pragma once
#include <array>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ingest/ledger_fields.h"

namespace toteuma::ledger {

// The fields a ledger row can have, in a fixed order.
enum Field : int {
  f_date, f_period, f_year, f_month, f_account, f_cost_center, f_amount, f_debit, f_credit,
  f_description, f_voucher, f_partner, f_internal, f_project, kFieldCount
};
std::string_view field_name(Field f);  // "date", "cost_center", ...

struct AccountSpan {
  int from = 0, to = 0;  // inclusive
  bool operator==(const AccountSpan&) const = default;
};

struct Mapping {
  std::string preset = "auto";          // auto | toteuma | kuntadata | helsinki | espoo
  std::optional<Encoding> encoding;     // nullopt = detect (BOM, then UTF-8 validity)
  char delimiter = 0;                   // 0 = detect from the header: ';' ',' or tab
  Decimal decimal = Decimal::automatic;
  bool debit_positive = false;          // a single amount column with costs positive
  std::array<std::string, kFieldCount> columns;  // header names given explicitly ("" = preset)
  std::map<std::string, std::string> cost_centers;  // code → unit id; empty: the code is the unit id
  std::vector<AccountSpan> internal_accounts;       // → internal_line
  std::vector<AccountSpan> skip_accounts;           // outside the operating statement: counted, not imported
  std::string internal_line = "internal_net";
  int account_digits = 0;  // > 0: map by the first N digits ("434200" → 4342)
  int year_only_month = 12;  // month of rows that carry a year only (an annual file)
  std::string source;        // file name of the mapping, for messages ("" = built in)
  // [investments]: accounts whose rows with a project (the `project` column) book into the
  // investment part, per kind (core/finance/investments.h: expenditure, grants, asset_sales);
  // a later kind's range wins where ranges overlap. None: no row books into the investment part.
  std::array<std::vector<AccountSpan>, 3> investment_accounts;
  std::map<std::string, std::string> projects;  // [projects] code → project id; empty: the code is the id
  bool books_investments() const {
    return !investment_accounts[0].empty() || !investment_accounts[1].empty() || !investment_accounts[2].empty();
  }

  bool operator==(const Mapping&) const = default;
};

// Reads a mapping file (TOML). Errors are InputError with the file, line and key.
Mapping parse_mapping(const std::string& toml_text, const std::string& file);
// The canonical TOML text of a mapping (kept with an import so its rows can be found again).
std::string mapping_to_toml(const Mapping& m);

// The header names a preset recognises for a field, lowercase, best first.
const std::vector<std::string>& preset_names(const std::string& preset, Field f);
bool known_preset(const std::string& preset);

// Where each field is in a header row (-1 = absent).
struct Columns {
  std::array<int, kFieldCount> at;
  int count = 0;  // fields in the header
  std::vector<std::string> names;  // the header as UTF-8
  Columns() { at.fill(-1); }
  bool has(Field f) const { return at[f] >= 0; }
};

// Resolves the header (already UTF-8) against the mapping: explicit names first, then the
// preset's. Throws InputError (file, line, column) for a missing required field or a name given
// in the mapping that the header lacks.
Columns resolve_columns(const std::vector<std::string>& header, const Mapping& m, const std::string& file, int line);

// Header names compare case-insensitively (ASCII and å ä ö), ignoring surrounding spaces.
std::string fold_name(std::string_view s);

}  // namespace toteuma::ledger
