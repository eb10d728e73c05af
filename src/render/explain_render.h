// An Explanation as an indented text tree, e.g.
//   Toimintakate ulkoinen, Kaupunginkansliakeskus, TP 2024 = -3 612 763
//     = Toimintatuotot … 281 829 (kaava)
#pragma once
#include <string>

#include "core/finance/explain.h"
#include "core/finance/key_figures.h"

namespace toteuma {

std::string render_explanation_text(const Explanation& e, Lang lang);
// The same as nested HTML lists (escaped), for the server.
std::string render_explanation_html(const Explanation& e, Lang lang);
// A key figure: its value, the formula, then each value substituted (a line as the tree above).
//   Vuosikate, €/asukas, Loviisan kaupunki, TA 2025 = 85  (kaava: annual_margin / population)
//     annual_margin: Vuosikate, Loviisan kaupunki, TA 2025 = 1 250 000  (syötetty luku: loviisa;annual_margin;ta2025)
//     population: Asukasluku 31.12.2025, Loviisa = 14 700  (asukas- ja veroprosenttitiedot)
std::string render_key_figure_explanation_text(const KeyFigureExplanation& e, Lang lang);

}  // namespace toteuma
