// The first sheet of an .xlsx input file, with the reader's errors as InputError (file, row and
// cell), as every other input error is reported.
#pragma once
#include <string>

#include "ingest/csv.h"
#include "ingest/xlsx/xlsx_reader.h"

namespace toteuma {

xlsx::Sheet read_input_sheet(const std::string& path);

}  // namespace toteuma
