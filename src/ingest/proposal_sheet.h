// Reads a unit's proposal sheet back (issue 16 item 5, docs/BUDGETING.md): the header block names
// the version, unit and year and the stamp of the figures the sheet was made from; every line's
// inputs of Y, Y+1, Y+2 are checked (an amount as a number or as text like "-1 234,56", or blank
// to remove the figure). Any error refuses the whole file with its place: sheet and cell
// ("Ehdotus!F14") and what was expected, in English, Finnish and Swedish (InputError).
#pragma once
#include <map>
#include <string>
#include <vector>

#include "core/budgeting/proposal_sheet.h"
#include "core/dataset.h"
#include "ingest/csv.h"

namespace toteuma {

// The figures changed since the sheet was made: an InputError at the base cell, so the caller
// can tell it from a bad cell (and offer to force it).
struct StaleSheetError : InputError {
  using InputError::InputError;
};

struct ProposalSheetUpload {
  std::string version, unit;
  std::string base, now;                     // the sheet's stamp and the figures' stamp when read
  std::vector<FigureChange> changes;         // what the upload changed, in sheet order
  std::map<std::string, std::string> justifications;  // line → the text of the justification column
};

// Reads the sheet at `path` and applies it to the version's figures in `d` (nothing when it
// throws). Throws InputError for an unreadable file or a bad cell; StaleSheetError when the
// version's figures at the unit have changed since the sheet was made, unless `force`.
ProposalSheetUpload import_proposal_sheet(Dataset& d, const std::string& path, bool force);

// The summary audited for an upload: the changes and the justifications, one a line.
std::string describe_upload(const ProposalSheetUpload& u);

}  // namespace toteuma
