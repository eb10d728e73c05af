// Renders a FigureTable as plain text, CSV or HTML.
#pragma once
#include <functional>
#include <string>

#include "core/finance/report_table.h"

namespace toteuma {

// Aligned columns, numbers as published (-1 935 039).
std::string render_text(const FigureTable& t);
// ';'-separated; header row, then label + whole euros as plain integers; absent = empty.
std::string render_csv(const FigureTable& t);
// An accessible <table> (caption, scoped headers) to embed in a page. `link`, when given,
// returns the address a figure's cell links to (e.g. its explanation), "" for none.
using CellLink = std::function<std::string(const TableRow& row, std::size_t column)>;
std::string render_html_table(const FigureTable& t, const CellLink& link = nullptr);
// A complete, self-contained HTML page (styles inline): <h1>heading, an optional note line, then
// `body_html` (already escaped HTML). Every `--format html` of the CLI uses it.
std::string render_html_document(Lang lang, const std::string& heading, const std::string& title,
                                 const std::string& note, const std::string& body_html);
// A complete, self-contained HTML page holding the table.
std::string render_html_page(const FigureTable& t);

}  // namespace toteuma
