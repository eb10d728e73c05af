// The binding units of a budget round against their frames (issue 16 item 4): for each binding
// unit of a municipality whose frame of year Y sets its binding line (Toimintakate), each other
// version's distance from the frame — version − frame, rolled up as every figure, positive within
// the frame — as a bar chart with a text alternative, and as the table that says the same.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/dataset.h"
#include "core/documents/document.h"
#include "core/simple_table.h"

namespace toteuma {

struct BudgetVersion;

// The distances behind the chart: the frame, the other versions of the round (stage order), the
// binding units with a frame on their binding line in Y, and distance[version][unit] in cents.
struct FrameDistances {
  const BudgetVersion* frame = nullptr;  // nullptr: the round has no frame (nothing else is filled in)
  std::vector<const BudgetVersion*> versions;
  std::vector<const UnitVersion*> units;
  std::vector<std::vector<std::optional<Cents>>> distance;
  // The distance of version `id` at `unit`; nullopt when either has no figure or is not listed.
  std::optional<Cents> at(const std::string& id, const std::string& unit) const;
};
FrameDistances frame_distances(const Dataset& d, const std::string& municipality, int year);

// Bars: one category per binding unit with a frame, one series per version after the frame
// (stage order); cents (scale 2). No categories when the round has no frame.
doc::Chart frame_distance_chart(const Dataset& d, const std::string& municipality, int year, Lang lang);

// The chart's figures as a table: a row per binding unit, a column per version (cents).
SimpleTable frame_distance_table(const doc::Chart& c, Lang lang);

}  // namespace toteuma
