// The writes of the workplace, shared by the pages and the JSON API: authorise on the server,
// apply through the store (one transaction, audited, refused when stale), move the affected
// document sections back to draft, and swap in a fresh snapshot.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/workflow.h"
#include "web/app_state.h"

namespace toteuma::web {

enum class Outcome { ok, forbidden, stale, invalid };

struct ActionResult {
  Outcome outcome = Outcome::ok;
  std::string message;                 // for invalid: what was wrong (English, from the store)
  Change refused;                      // stale: the change as sent
  std::optional<std::string> current;  // stale: the value stored now
};

// The unit and year a change concerns ("" / 0 when it names nothing known).
struct ChangeScope {
  std::string unit;
  int year = 0;
};
ChangeScope scope_of(const Dataset& d, const Change& ch);

// Whether `u` may make the change (entity rules of core/access.h).
bool may_apply(const Dataset& d, const User& u, const Change& ch);

// All or nothing: every change must be allowed, then the batch is applied in one transaction.
ActionResult apply_changes(AppState& state, const User& u, const std::vector<Change>& changes);

// The stored value an edit form starts from (the store's encoding, workflow.h).
std::optional<std::string> current_value(AppState& state, const std::string& entity, const std::string& key);

}  // namespace toteuma::web
