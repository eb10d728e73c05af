// Two parts of a unit's proposal page (web/budget_pages.cpp, issue 16 item 3) below its lines:
// - the split to the unit's direct sub-units (areas, cost centres): per line of the proposal and
//   year, each sub-unit's own figure of the version, their sum and the unit's rolled-up figure — a
//   unit's own figure replaces its sub-units' sum, so the table states the difference there;
// - the unit's sections of the budget book of Y (the template's narrative blocks for the unit) in
//   Finnish and Swedish: the `narrative` texts the book prints.
// Both are edited by the unit's editor while the proposal is open (proposal_open_at) through
// `apply_changes` — `version_figure` and `narrative` changes with the proposal's state as a guard,
// so a form opened before a submit or a return is stale (409); audited like every web write.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/budgeting/budget_round.h"
#include "web/actions.h"
#include "web/context.h"

namespace toteuma::web {

// The sections' HTML for the proposal page of `unit`: `lines` are the proposal's lines, `editing`
// whether the viewer edits the proposal, `state_field` the hidden fields of the proposal's state.
std::string proposal_sections_html(const Ctx& c, const BudgetVersion& v, const UnitVersion& unit,
                                   const std::vector<const Line*>& lines, bool editing, const std::string& state_field);

// A form posted by those sections (`do` = "split" or "texts"): the changes to apply and where to
// go after them, or the refusal to show. nullopt when the form is not theirs.
struct SectionPost {
  std::optional<std::vector<Change>> changes;  // none: refused (`refused`)
  ActionResult refused;
  std::string done;  // the page to redirect to after the write
};
std::optional<SectionPost> proposal_section_post(const Ctx& c, const BudgetVersion& v, const UnitVersion& unit,
                                                 const std::vector<const Line*>& lines, std::map<std::string, std::string>& form,
                                                 const std::string& self);

}  // namespace toteuma::web
