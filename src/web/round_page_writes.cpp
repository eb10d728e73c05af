#include "web/round_page_writes.h"

#include <fmt/format.h>

#include <set>
#include <stdexcept>

#include "core/budgeting/proposal_sheet.h"
#include "core/workplace/access.h"
#include "document/changed_sections.h"
#include "ingest/fields.h"

namespace toteuma::web {

namespace {

// "ta2026: 2026, council, from version:ehdotus-2026" — what a stale answer shows of a version.
std::string describe(const BudgetVersion& v) {
  return fmt::format("{}: {} {}, {}{}", v.id, v.stage, v.year, v.based_on.empty() ? "-" : v.based_on,
                     v.adopted.empty() ? "" : " → " + v.adopted);
}

// Reads the dataset, lets `edit` change it (returning a refusal, or filling in the audit row), then
// replaces the stored dataset in one transaction with the row, unless someone wrote meanwhile.
template <class Edit>
ActionResult replace_dataset(AppState& state, const User& u, bool reopen_changed, Edit edit) {
  if (!may_edit_figures(u)) return result(Outcome::forbidden);
  std::lock_guard write(state.write_mutex());
  ActionResult r;
  try {
    r = state.with_store([&](Store& s) -> ActionResult {
      const std::int64_t since = s.last_audit_id();  // a command-line write after this refuses the replace
      Dataset d = s.read();
      const Dataset before = reopen_changed ? d : Dataset{};
      AuditEntry audit{0, "", u.id, "budget", "", std::nullopt, std::nullopt, "", "web"};
      ActionResult refused = edit(d, audit);
      if (refused.outcome != Outcome::ok) return refused;
      canonicalize(d);
      check_as_loaded(d);
      Store::ReplaceOptions how{&audit, false, since};
      // The reviewed sections whose printed figures the write changed go back to draft, no others.
      if (reopen_changed)
        how.changed = [&](const Dataset& written, const std::vector<SectionStatus>& reviewed) {
          return changed_sections(Ledger(before), written, reviewed);
        };
      s.replace(d, how);
      return {};
    });
  } catch (const StoreError& e) {
    return result(Outcome::invalid, e.message);
  }
  if (r.outcome == Outcome::ok) state.reload();
  return r;
}

}  // namespace

std::string version_stamp(const Dataset& d, const std::string& version) {
  std::set<std::string> units;
  for (const auto& f : d.budgeting.figures)
    if (f.version == version) units.insert(f.unit);
  std::string all;
  for (const auto& unit : units) all += unit + ":" + figures_stamp(d, version, unit) + ";";
  return all.empty() ? "-" : all;
}

ActionResult start_round_version(AppState& state, const User& u, const VersionRequest& req) {
  if (!fields::valid_id(req.id)) return result(Outcome::invalid, msg("round.bad_id", req.id));
  return replace_dataset(state, u, false, [&](Dataset& d, AuditEntry& audit) -> ActionResult {
    BudgetVersion v;
    std::size_t figures = 0;
    if (auto no = start_version(d, req, &v, &figures)) {
      using Why = VersionRefusal::Why;
      switch (no->why) {
        case Why::exists:
          return {Outcome::stale, {}, {"budget", "version/" + req.id, std::nullopt, req.id}, describe(*find_version(d, req.id)), {}, 0};
        case Why::stage: return result(Outcome::invalid, msg("round.bad_stage", no->detail));
        case Why::from: return result(Outcome::invalid, msg("round.bad_from", no->detail));
        case Why::adjust: return result(Outcome::invalid, msg("round.bad_adjust", no->detail));
        case Why::municipality: return result(Outcome::invalid, msg("round.bad_municipality", no->detail));
        case Why::other_round: return result(Outcome::invalid, msg("round.other_round", no->detail, req.year));
      }
    }
    audit.key = "version/" + v.id;
    audit.after = fmt::format("year={};stage={};from={};figures={}", v.year, v.stage, v.based_on, figures);
    return {};
  });
}

ActionResult adopt_round_version(AppState& state, const User& u, const std::string& version, const std::string& as,
                                 const std::string& stamp) {
  if (!fields::valid_id(as)) return result(Outcome::invalid, msg("round.bad_id", as));
  // Adopting replaces the budget of Y and its plan: the reviewed sections that print them go back to draft.
  return replace_dataset(state, u, true, [&](Dataset& d, AuditEntry& audit) -> ActionResult {
    const BudgetVersion* v = find_version(d, version);
    if (!v) return result(Outcome::invalid, msg("err.store.unknown_budget_version", version));
    if (v->stage != kCouncilStage) return result(Outcome::invalid, msg("round.adopt_council_only", version));
    std::string now = version_stamp(d, version);
    if (!v->adopted.empty() || now != stamp)
      return {Outcome::stale, {}, {"budget", "adopt/" + version, stamp, "scenario=" + as}, v->adopted.empty() ? now : describe(*v), {}, 0};
    try {
      adopt_version(d, version, as);
    } catch (const std::invalid_argument&) {
      return result(Outcome::invalid, msg("round.adopt_scenario", as, v->year));
    }
    audit.key = "adopt/" + version;
    audit.after = "scenario=" + as;
    return {};
  });
}

}  // namespace toteuma::web
