// The audit trail as people read it (issue 13): names in the reader's language instead of keys
// (units, lines, scenarios, sections, metrics, goals), exact euros instead of cents, states,
// roles and the command line's summaries translated. The stored rows keep the keys.
#pragma once
#include <string>

#include "core/dataset.h"
#include "core/workplace/workflow.h"

namespace toteuma::web {

struct AuditText {
  std::string what, before, after;  // plain text ("—" for no value)
};

AuditText describe_audit(const Dataset& d, const AuditEntry& a, Lang lang);

// A narrative section's name ("risks" → "Riskianalyysi"), its id when the catalogue has none.
std::string section_name(const std::string& section, Lang lang);

}  // namespace toteuma::web
