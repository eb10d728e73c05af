// Starting a version of a budget round (docs/BUDGETING.md): the checks and the making of a new
// version with its first figures, shared by `toteuma budget start` and finance's round page on the
// web, so both doors refuse the same requests and start the same figures.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/budgeting/budget_round.h"

namespace toteuma {

struct VersionRequest {
  std::string id;            // checked by the caller (ingest/fields valid_id)
  std::string municipality;  // "" = the primary municipality
  int year = 0;
  std::string stage;
  Text name;                 // an empty language: "<the stage's name> <year>"
  Date created;
  std::string from;          // parse_version_source: "", "last-budget", "plan", "version:<id>"
  std::vector<std::string> adjust;  // "LINE=PERCENT" each (parse_line_adjustment)
};

// Why a request was refused; `detail` names the offending value (an adjustment, a municipality).
struct VersionRefusal {
  enum class Why { exists, stage, from, adjust, municipality, other_round } why;
  std::string detail;
};

// Adds the version and its first figures (start_version_figures) to `d`, or says why not and
// leaves `d` as it was. `made`, when given, receives the version and the number of figures.
std::optional<VersionRefusal> start_version(Dataset& d, const VersionRequest& r, BudgetVersion* made = nullptr,
                                            std::size_t* figures = nullptr);

}  // namespace toteuma
