#include "ingest/xlsx_input.h"

#include <fstream>

namespace toteuma {

xlsx::Sheet read_input_sheet(const std::string& path) {
  if (!std::ifstream(path)) throw unreadable_file(path);
  try {
    return xlsx::read_first_sheet(path);
  } catch (const xlsx::XlsxError& e) {
    throw InputError(path, e.row, e.cell, e.what());
  }
}

}  // namespace toteuma
