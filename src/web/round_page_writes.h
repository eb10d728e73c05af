// Finance's writes of a budget round on the web that change more than one value, done as the
// command line does them (cli/budget_commands.cpp) with the same core functions: starting a
// version with its first figures (core/budgeting/version_start.h) and adopting the council's
// decision as the budget and plan (adopt_version). Each is authorised (the figures right), checked
// as the loader checks a folder, written in one transaction with one audit row (entity "budget",
// the command line's keys "version/<id>" and "adopt/<id>", via web) and refused when stale.
#pragma once
#include <string>

#include "core/budgeting/version_start.h"
#include "web/actions.h"

namespace toteuma::web {

// A stamp of every figure of a version (each unit's figures_stamp): the adopt form carries it, so
// a decision whose figures changed after the page was opened is not adopted unseen.
std::string version_stamp(const Dataset& d, const std::string& version);

// stale: a version of that id exists (current: what it is); invalid: the request is refused
// (a catalogue message naming the field); forbidden: not finance or admin.
ActionResult start_round_version(AppState& state, const User& u, const VersionRequest& r);

// Adopts council version `version` as budget scenario `as`. stale: adopted already or its figures
// differ from `stamp`; invalid: not the council's decision, or `as` is not a budget of its year.
ActionResult adopt_round_version(AppState& state, const User& u, const std::string& version, const std::string& as,
                                 const std::string& stamp);

}  // namespace toteuma::web
