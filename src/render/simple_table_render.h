// Renders SimpleTables (the personnel plan's tables) as text, CSV or HTML.
#pragma once
#include <string>

#include "core/simple_table.h"

namespace toteuma {

std::string render_simple_text(const SimpleTable& t);
// ';'-separated, numbers plain with '.' as the decimal point, absent = empty.
std::string render_simple_csv(const SimpleTable& t);
std::string render_simple_html(const SimpleTable& t);

}  // namespace toteuma
