// An Explanation as an indented text tree, e.g.
//   Toimintakate ulkoinen, Kaupunginkansliakeskus, TP 2024 = -3 612 763
//     = Toimintatuotot … 281 829 (kaava)
#pragma once
#include <string>

#include "core/finance/explain.h"

namespace toteuma {

std::string render_explanation_text(const Explanation& e, Lang lang);
// The same as nested HTML lists (escaped), for the server.
std::string render_explanation_html(const Explanation& e, Lang lang);

}  // namespace toteuma
