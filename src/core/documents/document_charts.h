// The charts of generated documents, built from the dataset as doc::Chart (render/svg_chart
// draws them). Each carries a text alternative in the document language that says what the
// chart shows and gives its figures as published ("-4 210 000 €", "659,7 htv").
#pragma once
#include <stdexcept>
#include <string>

#include "core/dataset.h"
#include "core/documents/document.h"
#include "core/finance/ledger.h"

namespace toteuma {

struct ChartError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// The figures of a chart as text, for its text alternative: grouped by category ("Talous:
// talousarvio … -1 €, toteutuma -2 €; …") for bars, by series for lines; `shown` decimals.
std::string figures_text(const doc::Chart& c, const std::vector<std::string>& series_names,
                         const std::vector<std::string>& category_names, int shown, Lang lang);

// Operating margin of the unit and each of its direct sub-units (organisation of 31.12.year):
// budget after amendments vs actual. Bars, cents (scale 2), unit "€". Sub-units without either
// figure are left out; the unit itself comes last, as totals do in the tables.
doc::Chart budget_vs_actual(const Ledger& ledger, const std::string& unit, int year, Lang lang);

// The budget layout's economic plan trend: TP Y-2, TA Y-1 after amendments, TA Y, TS Y+1, TS Y+2
// of operating income, operating costs and operating margin. Lines; columns as build_table
// gives them (plan years without data left out), and a column with none of the three dropped.
doc::Chart plan_trend(const Ledger& ledger, const std::string& unit, int year, Lang lang);

// A goal metric's values by year (the latest value dated in each year) and its target as a
// dashed line (left out when the metric has no numeric target). Tenths (scale 1).
doc::Chart metric_trend(const Dataset& d, const std::string& metric_id, Lang lang);

// Person-years of the unit over the years Y-2..Y+2 that have data (actual, else forecast, else
// plan, labelled as the personnel plan labels them), restated in the structure of 1.1.Y as the
// personnel plan's table does. Lines, tenths of a person-year (scale 1), unit "htv".
doc::Chart htv_trend(const Dataset& d, const std::string& unit, int year, Lang lang);

}  // namespace toteuma
