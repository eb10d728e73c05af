// Reading person-level exports from an HR system: employment records (for htv) and training
// records (for training days and compensation). Both files are UTF-8 CSV with ';'. Every row is
// validated; the first problem in file order is thrown as one InputError naming the file, line
// and column, and nothing is returned unless the whole file is valid. Person ids are pseudonymous;
// messages never show more of a person than the id. See docs/PERSONNEL_COMPUTATION.md.
#pragma once
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/personnel/htv.h"
#include "core/finance/org.h"
#include "core/personnel/training.h"

namespace toteuma {

// Header `person;unit;start;end;percent;unpaid_leave`. Dates ISO (2023-07-01) or Finnish
// (1.7.2023); `end` may be empty (continues); percent `100`, `80`, `62,5` (at most two decimals,
// 0–100); unpaid_leave a `|`-separated list of `from..to` ranges, possibly empty. Rejects: a
// missing person id, an unparseable date or percent, end before start, percent outside 0–100,
// a unit not in `known_units`, leave with to < from or outside the employment, and employments of
// the same person whose date ranges overlap (in whichever units; reported on the later line).
std::vector<Employment> read_employment_records(const std::string& path, const std::set<std::string>& known_units);
// The same, and every employment's unit must be valid (some version of it, `units`) on every day
// of the employment; an open end counts through 31.12. of the last year the file covers (the
// latest start or end year), the years the import computes. Otherwise an InputError at column
// `unit` naming the employment's dates and the unit's validity: an employment in a unit that
// did not exist would vanish from every total.
std::vector<Employment> read_employment_records(const std::string& path, const std::vector<UnitVersion>& units);
// The last year the employments cover: the latest start or end year (0 when none).
int last_year_covered(const std::vector<Employment>& employments);

// Header `person;unit;date;hours;in_plan;employer_arranged;paid;wage_subsidy`. Hours like `6`,
// `7,5` (at most one decimal, more than 0 and at most 24); booleans `1`/`0` or `kyllä`/`ei`.
// Rejects a missing person id, an unparseable date, hours or boolean, and an unknown unit.
std::vector<TrainingRecord> read_training_records(const std::string& path, const std::set<std::string>& known_units);

// Field parsers shared by both readers (exposed for tests).
// ISO "2023-07-01" or Finnish "1.7.2023" / "01.07.2023"; nullopt otherwise or for a bad day.
std::optional<Date> parse_record_date(std::string_view s);
// "62,5" -> 6250 hundredths; at most two decimals, ',' or '.'; an optional leading '-' is parsed
// (so that range errors can be told apart). nullopt when not a number.
std::optional<long long> parse_hundredths(std::string_view s);

}  // namespace toteuma
