// Councillors' alternative budgets published side by side with the version they change (issue 16
// item 7): a document whose first section compares the version and the alternatives per binding
// unit and on the income statement's margins (alternatives_table) with a sentence on each one's
// balance, then one section per alternative listing its changes and their justifications. Any
// document format renders it (render/document_output.h).
#pragma once
#include <string>
#include <vector>

#include "core/budgeting/alternative.h"
#include "core/dataset.h"
#include "core/documents/document.h"

namespace toteuma {

// Throws std::invalid_argument for an unknown version or an alternative of another version.
doc::Document alternatives_document(const Dataset& d, const std::string& version, const std::vector<const BudgetAlternative*>& alts,
                                    int year, Lang lang, const Date& generated_on);

}  // namespace toteuma
