// Document templates: which sections a document kind has, in which order, with which headings
// and tables. Templates are data (TOML, docs/DOCUMENTS.md): the built-in ones are in
// data/documents/, a municipality's own in its dataset's documents/ folder.
#pragma once
#include <string>
#include <vector>

#include "core/dataset.h"

namespace toteuma {

struct BlockSpec {
  // responsible | narrative | figure-table | chart | goal-tables | metric-table | personnel-tables |
  // commentary | check-summary | subunit-list
  std::string type;
  Text heading;                // "" = no subsection of its own; may hold {unit} {year} {next}
  std::string narrative;       // narrative: the section kind ("events", "risks", …)
  // figure-table: annual-report | budget (the operating part in that layout), or a statutory part of
  // the municipality — income-statement | cash-flow — in `layout`.
  std::string table;
  std::string layout;          // figure-table: annual-report | budget; default: the document kind's
  std::vector<int> columns;    // figure-table: 1-based value columns to keep; empty = all
  std::string chart;           // chart: budget-vs-actual | plan-trend | metric-trends | htv-trend
};

struct SectionSpec {
  // Names the section in its anchors and review states ("unit"): with the unit's id it is the
  // section's id in every build, however the texts around it come and go. Default "s<n>" (position).
  std::string id;
  Text heading;                // may hold {unit} {year} {next} {municipality}
  std::string units = "unit";  // unit | each-subunit | each-descendant
  // Whether the section is built for the document's unit: municipality (the root unit, whose book
  // has the statutory parts), other (a sector or an area) or any.
  std::string applies = "any";
  // "other": no blocks of its own; for each unit of `units`, the template's `applies = "other"`
  // sections as that unit's own document has them (the municipality's book: each sector's part
  // with its areas, the same sections and ids as the sector's own book).
  std::string include;
  std::vector<BlockSpec> blocks;
};

struct DocTemplate {
  std::string kind;
  Text title;                  // "Toimintakertomus {year}"
  std::string org_date = "end";  // structure as of 31.12. (end) or 1.1. (start) of the year
  std::vector<SectionSpec> sections;
};

// The `table` names a figure-table block accepts (the builder's figure_table() makes each).
inline const std::vector<std::string>& figure_table_names() {
  static const std::vector<std::string> k = {"annual-report", "budget", "income-statement", "cash-flow",
                                                 "investments", "key-figures"};
  return k;
}

inline const std::vector<std::string>& document_kinds() {
  static const std::vector<std::string> k = {"budget-book", "annual-report", "service-plan", "personnel-plan"};
  return k;
}

// Parses a template; errors (InputError) name `origin`, the line and the key.
DocTemplate parse_template(const std::string& toml, const std::string& origin);
// The dataset's own template of `kind`, else the built-in one. Throws for an unknown kind.
DocTemplate template_for(const Dataset& d, const std::string& kind);
// The narrative section kinds template `kind` asks for, in template order; the drafted commentary
// is a narrative ("commentary") like the others.
std::vector<std::string> narrative_kinds(const Dataset& d, const std::string& kind);

}  // namespace toteuma
