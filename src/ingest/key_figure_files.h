// The key figures' files of a dataset folder (docs/DATASET.md): chart/key_figures.csv (the
// definitions; the standard ones are built in) and municipality_years.csv (population and
// income tax rate per municipality and year).
#pragma once
#include <filesystem>
#include <string>
#include <vector>

#include "core/dataset.h"

namespace toteuma {

// Every formula parsed and its line ids checked against `chart`; InputError with file, line
// and column ("formula", the character in the message) otherwise.
std::vector<KeyFigure> parse_key_figures(const std::string& text, const std::string& file, const Chart& chart);
// The built-in standard key figures (data/charts/standard/key_figures.csv) that `chart` can
// compute: a figure naming a line the chart lacks is left out (a municipality's own chart).
std::vector<KeyFigure> default_key_figures(const Chart& chart);

// Reads chart/key_figures.csv (else the standard ones) and municipality_years.csv (optional)
// into `d`, whose municipalities and chart are already read.
void load_key_figures(const std::filesystem::path& dir, Dataset& d);
void dump_key_figures(const Dataset& d, const std::filesystem::path& dir);

}  // namespace toteuma
