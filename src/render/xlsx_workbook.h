// A libxlsxwriter workbook written to a temporary file and returned as bytes: shared by the
// documents' Excel output (xlsx.cpp) and the unit's proposal sheet (proposal_sheet.cpp).
#pragma once
#include <xlsxwriter.h>

#include <string>

namespace toteuma {

// Throws std::runtime_error("XLSX: …") unless `err` is LXW_NO_ERROR.
void xlsx_check(lxw_error err);

class XlsxWorkbook {
 public:
  XlsxWorkbook();  // throws std::runtime_error when the temporary file or workbook cannot be made
  ~XlsxWorkbook();
  XlsxWorkbook(const XlsxWorkbook&) = delete;
  XlsxWorkbook& operator=(const XlsxWorkbook&) = delete;
  lxw_workbook* get() const { return wb_; }
  // Closes the workbook and returns the file's bytes; the workbook is gone afterwards.
  std::string close();

 private:
  std::string path_;
  lxw_workbook* wb_ = nullptr;
};

}  // namespace toteuma
