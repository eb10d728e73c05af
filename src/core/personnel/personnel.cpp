#include "core/personnel/personnel.h"

#include <algorithm>
#include <tuple>

namespace toteuma {

void canonicalize(Personnel& p) {
  auto by = [](auto& v, auto key) {
    std::sort(v.begin(), v.end(), [&](const auto& a, const auto& b) { return key(a) < key(b); });
  };
  by(p.groups, [](const NamedItem& x) { return x.id; });
  by(p.employment_types, [](const NamedItem& x) { return x.id; });
  by(p.htv, [](const HtvFigure& x) { return std::tie(x.unit, x.year, x.kind, x.group); });
  by(p.headcount, [](const HeadcountFigure& x) { return std::tie(x.unit, x.date, x.type); });
  by(p.retirements, [](const RetirementFigure& x) { return std::tie(x.unit, x.year); });
  by(p.ages, [](const AgeFigure& x) { return std::tie(x.unit, x.year); });
  by(p.training, [](const TrainingFigure& x) { return std::tie(x.unit, x.year); });
  by(p.survey_items, [](const SurveyItem& x) { return x.id; });
  by(p.survey, [](const SurveyFigure& x) { return std::tie(x.unit, x.year, x.item); });
}

}  // namespace toteuma
