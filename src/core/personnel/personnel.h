// Personnel and training figures (DESIGN §6): aggregates per unit only, never persons.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/lang.h"
#include "core/money.h"

namespace toteuma {

// Person-years in thousandths (659,7 htv = 659700).
using PersonYears = std::int64_t;

struct NamedItem {  // a staff group or an employment type
  std::string id;
  Text name;
  bool operator==(const NamedItem&) const = default;
};

struct HtvFigure {
  std::string unit;
  int year = 0;
  std::string kind;   // actual | forecast | plan
  std::string group;  // "" = regular staff, else a NamedItem id (e.g. employed)
  PersonYears htv = 0;
  bool operator==(const HtvFigure&) const = default;
};

struct HeadcountFigure {
  std::string unit;
  Date date;
  std::string type;  // an employment type id
  std::int64_t count = 0;
  bool operator==(const HeadcountFigure&) const = default;
};

struct RetirementFigure {
  std::string unit;
  int year = 0;
  std::int64_t count = 0;
  bool operator==(const RetirementFigure&) const = default;
};

struct AgeFigure {
  std::string unit;
  int year = 0;
  std::int64_t average_tenths = 0;  // 45,5 years = 455
  bool operator==(const AgeFigure&) const = default;
};

struct TrainingFigure {
  std::string unit;
  int year = 0;
  std::optional<std::int64_t> days_hundredths, eligible_hundredths;
  std::optional<Cents> compensation;
  bool operator==(const TrainingFigure&) const = default;
};

struct SurveyItem {
  std::string id;
  Text name;
  std::string unit;  // "%" or "scale"
  bool operator==(const SurveyItem&) const = default;
};

struct SurveyFigure {
  std::string unit;
  int year = 0;
  std::string item;
  std::int64_t value_tenths = 0;  // 69,7 % = 697
  bool operator==(const SurveyFigure&) const = default;
};

struct Personnel {
  std::vector<NamedItem> groups, employment_types;
  std::vector<HtvFigure> htv;
  std::vector<HeadcountFigure> headcount;
  std::vector<RetirementFigure> retirements;
  std::vector<AgeFigure> ages;
  std::vector<TrainingFigure> training;
  std::vector<SurveyItem> survey_items;
  std::vector<SurveyFigure> survey;
  bool operator==(const Personnel&) const = default;
  bool empty() const {
    return groups.empty() && employment_types.empty() && htv.empty() && headcount.empty() && retirements.empty() &&
           ages.empty() && training.empty() && survey_items.empty() && survey.empty();
  }
};

// A unit change on a date: a share of an old unit moving to a new one, or staff transferred
// out of the municipality (external set, new_unit empty).
struct Restructuring {
  Date date;
  std::string old_unit, new_unit;
  std::int64_t share_thousandths = 0;  // 1 = 1000
  std::string external;
  std::optional<PersonYears> htv;
  std::optional<std::int64_t> persons;
  std::string note;
  bool operator==(const Restructuring&) const = default;
};

void canonicalize(Personnel& p);

}  // namespace toteuma
