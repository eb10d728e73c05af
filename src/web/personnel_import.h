// The personnel imports, one code for the command line (`toteuma import employments|trainings`)
// and the web's import page: a person-level export read and checked whole (InputError naming the
// file's `name`), aggregated per unit and year, and stored with its audit row in one replace.
#pragma once
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "core/money.h"
#include "core/personnel/htv.h"
#include "core/personnel/personnel.h"
#include "core/workplace/workflow.h"
#include "store/store.h"

namespace toteuma {

struct EmploymentsDone {
  std::size_t employments = 0;
  std::map<std::pair<std::string, int>, PersonYears> htv;  // (unit, year) → actual htv
};
EmploymentsDone import_employments_file(Store& store, const std::string& path, const std::string& name, const Actor& by);

struct TrainingsDone {
  std::size_t records = 0;
  std::vector<TrainingFigure> figures;  // per unit and year, in the order stored
  std::set<std::string> notes;          // years without a wage sum or actual htv: no compensation
};
// `wage_sums`: "2023=27087000" each (a bare amount when the file covers one year).
TrainingsDone import_trainings_file(Store& store, const std::string& path, const std::string& name,
                                    const std::vector<std::string>& wage_sums, const Actor& by);

}  // namespace toteuma
