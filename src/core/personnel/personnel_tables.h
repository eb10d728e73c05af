// The personnel and training plan's tables (seed 003's layouts) built from the dataset, with
// every total computed: person-years by unit over five years (earlier years restated in the
// plan year's structure through the restructurings, transfers out shown as their own rows),
// headcount by employment type, retirements, training days and compensation, personnel costs.
#pragma once
#include <string>
#include <vector>

#include "core/finance/ledger.h"
#include "core/simple_table.h"

namespace toteuma {

// The htv kind a year is reported in: actual, else forecast, else plan; "" when none.
std::string htv_kind_of_year(const Dataset& d, int year);

std::vector<SimpleTable> personnel_tables(const Ledger& ledger, const std::string& unit, int year, Lang lang);

// Employment relationships on a date of a unit and its sub-units; `type` "" = every type.
std::int64_t headcount_on(const Dataset& d, const OrgView& org, const std::string& unit, const Date& on,
                          const std::string& type = "");

// Person-years of `unit` in `year` of `kind` ("" = htv_kind_of_year), in the organisation valid
// on `structure`: own figures, sub-units, and — for years before a restructuring — the mapped
// shares of the old units (split by largest remainder, so the parts of an old unit add up to it
// exactly). `group` "" = all staff.
PersonYears restated_htv(const Dataset& d, const std::string& unit, int year, const Date& structure,
                         const std::string& group = "", const std::string& kind = "");

}  // namespace toteuma
