// One municipality's data as held in memory: what `load` reads, the store persists and
// every computation works on.
#pragma once
#include <string>
#include <vector>

#include "core/chart.h"
#include "core/money.h"
#include "core/org.h"
#include "core/scenario.h"

namespace toteuma {

struct Municipality {
  std::string id;
  std::string code;  // official municipality number, e.g. "434"
  Text name;
  std::vector<Lang> languages;
  Lang primary = Lang::fi;
  bool operator==(const Municipality&) const = default;
};

struct Figure {
  std::string unit, line, scenario;
  Cents amount = 0;
  bool operator==(const Figure&) const = default;
};

struct Dataset {
  Municipality municipality;
  std::vector<UnitVersion> units;
  Chart chart;
  std::vector<AccountRange> accounts;
  std::vector<Scenario> scenarios;
  std::vector<Figure> figures;

  const Scenario* scenario(const std::string& id) const;
  bool operator==(const Dataset&) const = default;
};

// Sorts every list into its canonical order (units by id and validity, figures by key, ...), so
// that equal data compares equal and dumps are stable for diffing. Chart lines keep their order.
void canonicalize(Dataset& d);

}  // namespace toteuma
