#include "render/xlsx_workbook.h"

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace toteuma {

void xlsx_check(lxw_error err) {
  if (err != LXW_NO_ERROR) throw std::runtime_error(std::string("XLSX: ") + lxw_strerror(err));
}

XlsxWorkbook::XlsxWorkbook() {
  std::string tmpl = (std::filesystem::temp_directory_path() / "toteuma-xlsx-XXXXXX").string();
  int fd = ::mkstemp(tmpl.data());
  if (fd < 0) throw std::runtime_error("XLSX: cannot create a temporary file in " + tmpl);
  ::close(fd);
  path_ = tmpl;
  wb_ = workbook_new(path_.c_str());
  if (!wb_) {
    std::error_code ec;
    std::filesystem::remove(path_, ec);
    throw std::runtime_error("XLSX: cannot create the workbook");
  }
}

// Frees the workbook when building it threw before close (workbook_close frees it itself).
XlsxWorkbook::~XlsxWorkbook() {
  if (wb_) lxw_workbook_free(wb_);
  std::error_code ec;
  std::filesystem::remove(path_, ec);
}

std::string XlsxWorkbook::close() {
  lxw_error err = workbook_close(wb_);
  wb_ = nullptr;
  xlsx_check(err);
  std::ifstream in(path_, std::ios::binary);
  if (!in) throw std::runtime_error("XLSX: cannot read back " + path_);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

}  // namespace toteuma
