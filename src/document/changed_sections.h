// Which reviewed document sections a write altered: the ones whose printed content (Finnish and
// Swedish) differs between the dataset before the write and the dataset as written. Exact for
// every kind of write, since the documents' own builder decides what each section shows. Used by
// the web's edits and by whole-dataset writes (adopting the council's decision), which move only
// those sections back to draft.
#pragma once
#include <vector>

#include "core/dataset.h"
#include "core/finance/ledger.h"
#include "core/workplace/workflow.h"

namespace toteuma {

// `reviewed` sorted by doc, unit, year (as the stores list them).
std::vector<SectionRef> changed_sections(const Ledger& before, const Dataset& written, const std::vector<SectionStatus>& reviewed);

}  // namespace toteuma
