// Edits cells of the first worksheet of an .xlsx file in place, as a person filling a sheet in a
// spreadsheet program would: a number, a text (inline string) or a blank. The tests of the
// proposal sheet's round trip use it where LibreOffice is not available.
#pragma once
#include <pugixml.hpp>
#include <zip.h>

#include <map>
#include <memory>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>

namespace toteuma::testing {

struct CellValue {
  enum class Kind { number, text, blank } kind = Kind::blank;
  std::string value;
};
inline CellValue number(std::string v) { return {CellValue::Kind::number, std::move(v)}; }
inline CellValue text(std::string v) { return {CellValue::Kind::text, std::move(v)}; }
inline CellValue blank() { return {}; }

// Sets the cells `edits` (reference → value, e.g. "F12" → number("-2050000")) of
// xl/worksheets/sheet1.xml; the cells must exist in the file (the sheet writes every cell it lays out).
inline void edit_xlsx_cells(const std::string& path, const std::map<std::string, CellValue>& edits) {
  const char* part = "xl/worksheets/sheet1.xml";
  int err = 0;
  zip_t* zip = zip_open(path.c_str(), 0, &err);
  if (!zip) throw std::runtime_error("cannot open " + path);
  std::unique_ptr<zip_t, decltype(&zip_discard)> guard(zip, &zip_discard);
  zip_stat_t st;
  if (zip_stat(zip, part, 0, &st) != 0) throw std::runtime_error("no sheet1.xml");
  std::string data(st.size, '\0');
  {
    std::unique_ptr<zip_file_t, decltype(&zip_fclose)> f(zip_fopen(zip, part, 0), &zip_fclose);
    if (!f || zip_fread(f.get(), data.data(), st.size) != static_cast<zip_int64_t>(st.size)) throw std::runtime_error("cannot read sheet1.xml");
  }
  pugi::xml_document doc;
  if (!doc.load_buffer(data.data(), data.size())) throw std::runtime_error("bad sheet1.xml");
  for (const auto& [ref, v] : edits) {
    pugi::xml_node c = doc.find_node([&](pugi::xml_node n) { return std::string(n.name()) == "c" && ref == n.attribute("r").value(); });
    if (!c) throw std::runtime_error("no cell " + ref);
    while (c.first_child()) c.remove_child(c.first_child());
    c.remove_attribute("t");
    if (v.kind == CellValue::Kind::number) {
      c.append_child("v").text().set(v.value.c_str());
    } else if (v.kind == CellValue::Kind::text) {
      c.append_attribute("t").set_value("inlineStr");
      c.append_child("is").append_child("t").text().set(v.value.c_str());
    }
  }
  std::ostringstream out;
  doc.save(out, "", pugi::format_raw);
  static thread_local std::string kept;  // libzip reads the buffer at zip_close
  kept = out.str();
  zip_source_t* src = zip_source_buffer(zip, kept.data(), kept.size(), 0);
  if (!src || zip_file_add(zip, part, src, ZIP_FL_OVERWRITE) < 0) throw std::runtime_error("cannot replace sheet1.xml");
  guard.release();
  if (zip_close(zip) != 0) {
    zip_discard(zip);
    throw std::runtime_error("cannot write " + path);
  }
}

}  // namespace toteuma::testing
