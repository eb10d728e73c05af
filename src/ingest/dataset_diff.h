// What replacing a stored dataset by another would discard (issue 13: `toteuma load` never
// silently drops work done in the web). Both are written in the folder format of
// docs/DATASET.md, canonically, and compared record by record, so every kind of data counts.
#pragma once
#include <string>
#include <vector>

#include "core/dataset.h"

namespace toteuma {

// The records of one dataset file that the replacement would not keep as they are.
struct DatasetLoss {
  std::string file;                   // relative path, "figures.csv", "narratives" (every text)
  int count = 0;
  std::vector<std::string> examples;  // the first few records, shortened
};

struct DatasetComparison {
  bool changed = false;             // the two differ at all (additions too)
  std::vector<DatasetLoss> lost;    // what `stored` holds and `incoming` does not, by file
};

DatasetComparison compare_for_replace(const Dataset& stored, const Dataset& incoming);

}  // namespace toteuma
