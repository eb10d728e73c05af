// The vocabulary of printed tables as data: which row label means which chart line
// (data/charts/standard/labels.csv, with the chart's own names and synonyms) and which column
// heading means which column (data/checks/headings.csv), plus a user's own (--synonyms FILE, in
// either format). Matching is by general rules — case, hyphenated line breaks, leading numbering,
// footnote marks, trailing remarks and units, "fi - sv" bilingual cells — so the data lists words,
// not spellings.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "core/finance/chart.h"

namespace toteuma {

enum class Col {
  budget, amendments, budget_after, actual, deviation, forecast, plan, realisation,
  overrun,  // overrun right (Ylitysoikeus / Överskr.rätt): read, never summed or checked
  figure,   // amounts of a year or a part (Konserni 2019, a bare year): totals checked down the column
  other,    // known, not read (a change column): no finding
  unknown
};

struct ColumnMeaning {
  Col kind = Col::unknown;
  int year = 0;
  int base_year = 0;  // plan: the budget year of the document
  bool operator<(const ColumnMeaning& o) const {
    return std::tie(kind, year, base_year) < std::tie(o.kind, o.year, o.base_year);
  }
  bool operator==(const ColumnMeaning& o) const = default;
};

class TableVocabulary {
 public:
  // The chart's names and synonyms, the built-in labels and headings.
  explicit TableVocabulary(const Chart& chart);
  // A user's file: "line;language;label" rows add labels, "meaning;pattern" rows add headings
  // (tried before the built-in ones). Lines starting with '#' are comments. Throws InputError.
  void add_file(const std::string& path);
  void add_text(const std::string& text, const std::string& file);

  // The chart line a printed row label means, or nullptr.
  const Line* line_of(const std::string& label) const;
  // Every line a label may mean, the likeliest first (more than one: the table decides).
  std::vector<const Line*> lines_of(const std::string& label) const;
  // "Josta vuokratulot", "Varav hyresinkomster": a row that is part of the row above, not of a sum.
  static bool of_which(const std::string& label);
  // "Siitä: Myyntituotot", "Varav: …": an "of which" word and a colon open a list of such rows.
  static bool of_which_list(const std::string& label);
  // Whether a unit name or heading names a group (konserni, koncern): "Helsinki-konserni", "Konserni 2018".
  static bool names_group(const std::string& text);
  // The name without its group word ("Helsinki-konserni" → "helsinki"), normalised.
  static std::string without_group_word(const std::string& text);
  // The meaning of a column heading; a heading without a year gets the table's year.
  ColumnMeaning heading(const std::string& heading, int table_year) const;

 private:
  const Chart& chart_;
  std::map<std::string, std::vector<const Line*>> labels_;
  std::vector<std::pair<Col, std::string>> headings_, user_headings_;
  void add_label(const std::string& label, const Line* line);
};

// The euros per printed unit a caption states ("1 000 €", "1000 euroa", "t€", "Milj. euroa", "M€"), or 0.
std::int64_t scale_of_caption(const std::string& text);
// A printed cell that says "no value": blank, "-", "–", "—", "..", "…".
bool no_value_cell(const std::string& text);
// A cell without footnote marks ("1 234*", "1 234 1)", "1 234¹" → "1 234").
std::string without_footnote(const std::string& text);
// The 4-digit year (1900–2200) standing alone in a text.
std::optional<int> find_year(const std::string& s);

}  // namespace toteuma
