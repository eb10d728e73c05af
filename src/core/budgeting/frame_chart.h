// The binding units of a budget round against their frames (issue 16 item 4): for each binding
// unit of a municipality whose frame of year Y sets its binding line (Toimintakate), each other
// version's distance from the frame — version − frame, rolled up as every figure, positive within
// the frame — as a bar chart with a text alternative, and as the table that says the same.
#pragma once
#include <string>

#include "core/dataset.h"
#include "core/documents/document.h"
#include "core/simple_table.h"

namespace toteuma {

// Bars: one category per binding unit with a frame, one series per version after the frame
// (stage order); cents (scale 2). No categories when the round has no frame.
doc::Chart frame_distance_chart(const Dataset& d, const std::string& municipality, int year, Lang lang);

// The chart's figures as a table: a row per binding unit, a column per version (cents).
SimpleTable frame_distance_table(const doc::Chart& c, Lang lang);

}  // namespace toteuma
