// The unit's proposal sheet as an .xlsx file (issue 16 item 5, docs/BUDGETING.md): the header block
// (version, unit, year, base stamp), per line of the operating part the references locked and the
// inputs of Y, Y+1, Y+2 and a justification unlocked and marked (fill and a note), the sheet
// protected; layout in core/budgeting/proposal_sheet.h (psheet).
#pragma once
#include <string>

#include "core/budgeting/proposal_sheet.h"

namespace toteuma {

// The file's bytes. Throws std::runtime_error when libxlsxwriter cannot write it.
std::string render_proposal_sheet(const ProposalSheet& s);

}  // namespace toteuma
