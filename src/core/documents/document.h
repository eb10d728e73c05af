// A generated document (budget book, annual report, service plan, personnel plan) in one
// language, as format-neutral blocks: every renderer (HTML, PDF, DOCX, XLSX) draws exactly
// these, so the figures are the same in every format by construction. Built by
// core/document_builder from the dataset and a template (core/document_template).
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "core/lang.h"

namespace toteuma::doc {

// Inline text with emphasis (from a narrative's Markdown or generated).
struct Run {
  std::string text;
  bool bold = false;
  bool italic = false;
  std::string link;  // absolute URL, "" for none
};

// A paragraph-level block of text. Headings inside narratives are `heading` with level 1..3
// relative to the section (the renderer shifts them below the section heading).
struct Paragraph {
  enum class Kind { text, heading, bullet, numbered };
  Kind kind = Kind::text;
  int level = 0;  // heading level, or list nesting (0 = top)
  std::vector<Run> runs;
};

// A table cell: text, or a number stored exactly as value × 10^scale and printed with
// `shown` decimals (cents: scale 2, shown 0; person-years: scale 1, shown 1; percent of
// tenths: scale 1, shown 1, percent = true). Absent number and empty text = empty cell.
struct Cell {
  std::string text;
  std::optional<std::int64_t> number;
  int scale = 0;
  int shown = 0;
  bool percent = false;
};

// A table as printed: caption, one header row, rows. The first column is the row label.
// `total` rows are the sum of the rows above them up to the previous total of the same level
// or of the rows marked as their parts (renderers may write them as formulas when
// `parts` is set; the value is always the exact sum).
struct Row {
  std::vector<Cell> cells;
  int level = 0;        // indentation of the label
  bool total = false;   // printed bold
  bool note = false;    // an explanatory row (not a figure to sum)
  std::vector<std::size_t> parts;  // indexes of rows this row sums, for formulas; empty = value
};

struct Grid {
  std::string id;        // stable id within the document, e.g. "t-kanslia-ar" (sheet names, anchors)
  std::string caption;   // the table's title in the document language
  std::vector<std::string> headings;  // one per column, first = label column's heading
  std::vector<Row> rows;
  std::string note;      // a line printed under the table ("" = none)
};

// Chart data; render/svg_chart draws it. `alt` is the text alternative (always set).
struct Series {
  std::string name;
  std::vector<std::optional<std::int64_t>> values;  // one per category, value × 10^scale
  bool dashed = false;  // e.g. a target line
};
struct Chart {
  enum class Kind { bars, lines };
  Kind kind = Kind::bars;
  std::string id;
  std::string title;
  std::string alt;        // text alternative: what the chart shows, with its key figures
  std::string unit;       // "€", "htv", "%": the value axis' unit label
  int scale = 0;          // of the values
  std::vector<std::string> categories;  // x axis labels
  std::vector<Series> series;
};

// A marked gap: e.g. the narrative exists in Finnish but not in Swedish, or a text Toteuma
// drafted that no person has accepted yet. Rendered visibly.
struct Notice {
  std::string text;
  std::string draft = {};  // a drafted text awaiting a person: "unit/section kind"; "" = another notice
};

using Block = std::variant<Paragraph, Grid, Chart, Notice>;

struct Section {
  std::string id;       // stable anchor: template section id + unit (+ block), e.g. "unit-kanslia-risks"
  std::string heading;
  int level = 1;        // 1 = top-level section (h2 in HTML, Heading 1 in DOCX), 2 = subsection
  std::vector<Block> blocks;
};

struct Document {
  std::string kind;     // budget-book | annual-report | service-plan | personnel-plan
  Lang lang = Lang::fi;
  int year = 0;
  std::string unit;     // the unit the document is for
  std::string title;    // "Toimintakertomus 2024"
  std::string subtitle; // "Loviisan kaupunki – Keskushallinto"
  std::string toc_heading;  // "Sisällys" / "Innehåll"
  std::string generated;    // "Laadittu 22.11.2026" / "Upprättad 22.11.2026"
  std::vector<Section> sections;
};

// The parts a review approves: each section of level 1 or 2 with the level-3 sections under it,
// and `content`, a canonical text of everything it prints (headings, paragraphs, cells, chart
// data, notices; not the anchors of its tables and charts). Two builds whose part has the same
// content print that part identically, so an edit that leaves it equal need not reopen it.
struct ReviewPart {
  std::string id, heading, content;
};
std::vector<ReviewPart> review_parts(const Document& d);

// Formats a cell's number as published: "-1 935 039", "69,7 %", "12,5" (non-breaking spaces).
std::string format_cell(const Cell& c);
// The cell's number at its printed precision, in units of 10^-shown, rounded half away from
// zero: what every format shows (XLSX writes it as the cell's value).
std::int64_t shown_units(const Cell& c);
// A value as published with its unit: "-4 210 000 €", "659,7 htv", "80 %" ("%" = a percent).
std::string format_value(std::int64_t v, int scale, int shown, const std::string& unit);

}  // namespace toteuma::doc
