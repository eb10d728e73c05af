// The annual clock (core/workplace/calendar.h) drawn for people: a wheel (SVG) and a list (HTML table).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/workplace/calendar.h"

namespace toteuma {

// A wheel of the year `year`: 12 month sectors (January at the top, clockwise, sized by their
// days), one ring per phase with an arc per item from its start to its deadline, a dot on each
// deadline, and a "today" hand when `today` falls in the year. Self-contained and accessible:
// role="img" named by <title>, the <desc> lists every item with its deadline; colours have at
// least 4.5:1 contrast on white; no script; the same input gives the same bytes.
std::string render_annual_clock_svg(const std::vector<const CalendarItem*>& items, Lang lang, int year,
                                    std::optional<Date> today);
// The same items as a <table> (caption, scoped headers), by deadline then id; rows whose
// deadline is before `today` have class="past" and say so in a span of class
// "visually-hidden" (for screen readers; the page's CSS hides it).
std::string render_annual_clock_list_html(const std::vector<const CalendarItem*>& items, Lang lang,
                                          std::optional<Date> today);

}  // namespace toteuma
