// Output of findings: text for people (one language), CSV for tests and spreadsheets, JSON for
// programs (all three languages).
#pragma once
#include <string>
#include <vector>

#include "check/finding.h"
#include "check/table_checks.h"
#include "core/lang.h"

namespace toteuma {

std::string findings_text(const std::vector<Finding>& f, const std::vector<TableConvention>& conv, Lang lang);
// severity;rule;file;line;unit;row;column;year;expected;found — amounts in whole euros.
std::string findings_csv(const std::vector<Finding>& f);
std::string findings_json(const std::vector<Finding>& f, const std::vector<TableConvention>& conv);

}  // namespace toteuma
