// The budget round's pages (issue 16): a unit's proposal in a version the units edit — its lines
// with last year's budget and the actual, inputs for Y, Y+1, Y+2, a justification per line in
// Finnish and Swedish, the live distance from the frame, submitting, returning and accepting.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "web/actions.h"
#include "web/context.h"

namespace toteuma::web {

std::optional<http::Response> route_budget_pages(const Ctx& c, const std::vector<std::string>& parts);

// A version figure's input f_<name> of a form (euros; blank: no figure) with its hidden before
// fields b_/h_<name>: adds the `version_figure` change of `key` to `out` when it differs. False, with
// `bad` saying which (`label`) and what, when the input is not an amount; true when absent.
bool add_figure_change(std::map<std::string, std::string>& form, const std::string& name, const std::string& key,
                       const std::string& label, std::vector<Change>& out, ActionResult& bad);

}  // namespace toteuma::web
