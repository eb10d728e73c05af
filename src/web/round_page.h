// Finance's pages of a budget round (issue 16): `/{lang}/budget/{year}` — the round's versions in
// stage order, the units' proposals and their states, the frames per binding unit, starting a
// version and adopting the council's decision — and `/{lang}/budget/{year}/versions` — the versions
// compared per unit with the binding units' distance from their frames as a chart
// (round_page_compare.cpp). Every logged-in user reads them; finance (and admin) write.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "web/context.h"

namespace toteuma::web {

std::optional<http::Response> route_round_pages(const Ctx& c, const std::vector<std::string>& parts);

// The round's municipality from ?municipality= (the primary one without it); nullptr for an unknown id.
const Municipality* round_municipality(const Ctx& c);
// "?municipality=<id>" for a municipality other than the primary one, else "".
std::string municipality_query(const Ctx& c, const Municipality& m);

// The compare page (round_page_compare.cpp).
http::Response round_compare_page(const Ctx& c, int year, const Municipality& m);

}  // namespace toteuma::web
