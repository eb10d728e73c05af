#include "render/proposal_sheet.h"

#include <fmt/format.h>

#include "core/i18n.h"
#include "render/xlsx_workbook.h"

namespace toteuma {

namespace {

constexpr lxw_color_t kInputFill = 0xFFF2CC;  // a light yellow: "fill in here"
constexpr lxw_color_t kReferenceFill = 0xF2F2F2;


// The writer's rows and columns are 0-based; the layout's are the reader's, 1-based.
lxw_row_t row0(int r) { return static_cast<lxw_row_t>(r - 1); }
lxw_col_t col0(int c) { return static_cast<lxw_col_t>(c - 1); }

// Euros as the number a spreadsheet stores: one IEEE division of an exactly representable integer
// gives the double nearest to the decimal, which the reader writes back as that decimal.
double euros(Cents c) { return static_cast<double>(c) / 100.0; }

void write_amount(lxw_worksheet* ws, int r, int c, const std::optional<Cents>& v, lxw_format* f) {
  if (v) xlsx_check(worksheet_write_number(ws, row0(r), col0(c), euros(*v), f));
  else xlsx_check(worksheet_write_blank(ws, row0(r), col0(c), f));
}

}  // namespace

std::string render_proposal_sheet(const ProposalSheet& s) {
  XlsxWorkbook book;
  lxw_workbook* wb = book.get();
  Lang lang = s.lang;
  lxw_worksheet* ws = workbook_add_worksheet(wb, tr("psheet.sheet", lang).c_str());
  if (!ws) throw std::runtime_error("XLSX: cannot add the proposal sheet");

  lxw_format* title = workbook_add_format(wb);
  format_set_bold(title);
  format_set_font_size(title, 14);
  lxw_format* bold = workbook_add_format(wb);
  format_set_bold(bold);
  lxw_format* wrap = workbook_add_format(wb);
  format_set_text_wrap(wrap);
  format_set_italic(wrap);
  format_set_align(wrap, LXW_ALIGN_VERTICAL_TOP);
  lxw_format* heading = workbook_add_format(wb);
  format_set_bold(heading);
  format_set_text_wrap(heading);
  format_set_bottom(heading, LXW_BORDER_THIN);
  format_set_align(heading, LXW_ALIGN_VERTICAL_BOTTOM);
  lxw_format* label = workbook_add_format(wb);
  lxw_format* total_label = workbook_add_format(wb);
  format_set_bold(total_label);
  lxw_format* reference = workbook_add_format(wb);
  format_set_num_format(reference, "#,##0");
  format_set_bg_color(reference, kReferenceFill);
  lxw_format* input = workbook_add_format(wb);
  format_set_num_format(input, "#,##0.00");
  format_set_bg_color(input, kInputFill);
  format_set_border(input, LXW_BORDER_HAIR);
  format_set_unlocked(input);
  lxw_format* input_text = workbook_add_format(wb);
  format_set_bg_color(input_text, kInputFill);
  format_set_border(input_text, LXW_BORDER_HAIR);
  format_set_text_wrap(input_text);
  format_set_unlocked(input_text);

  using namespace psheet;
  xlsx_check(worksheet_write_string(ws, row0(kTitleRow), col0(kLabelCol), trf("psheet.title", lang, s.year, s.unit_name).c_str(), title));
  auto header = [&](int r, const char* key, const std::string& value) {
    xlsx_check(worksheet_write_string(ws, row0(r), col0(kLabelCol), tr(key, lang).c_str(), bold));
    xlsx_check(worksheet_write_string(ws, row0(r), col0(kValueCol), value.c_str(), nullptr));
  };
  header(kVersionRow, "psheet.version", s.version);
  xlsx_check(worksheet_write_string(ws, row0(kVersionRow), col0(kValueCol + 1), s.version_name.c_str(), nullptr));
  header(kUnitRow, "psheet.unit", s.unit);
  xlsx_check(worksheet_write_string(ws, row0(kUnitRow), col0(kValueCol + 1), s.unit_name.c_str(), nullptr));
  xlsx_check(worksheet_write_string(ws, row0(kYearRow), col0(kLabelCol), tr("psheet.year", lang).c_str(), bold));
  xlsx_check(worksheet_write_number(ws, row0(kYearRow), col0(kValueCol), s.year, nullptr));
  header(kBaseRow, "psheet.base", s.stamp);
  xlsx_check(worksheet_merge_range(ws, row0(kHelpRow), col0(kLabelCol), row0(kHelpRow), col0(kJustificationCol),
                                   tr("psheet.help", lang).c_str(), wrap));
  xlsx_check(worksheet_set_row(ws, row0(kHelpRow), 45, nullptr));

  auto head = [&](int c, const std::string& text) {
    xlsx_check(worksheet_write_string(ws, row0(kHeadingRow), col0(c), text.c_str(), heading));
  };
  head(kLineIdCol, tr("psheet.col.line_id", lang));
  head(kLineCol, tr("col.label", lang));
  head(kActualCol, trf("col.actual", lang, s.year - 2));
  head(kBudgetAfterCol, trf("col.budget_after", lang, s.year - 1));
  head(kFrameCol, trf("psheet.col.frame", lang, s.year));
  head(kFirstYearCol, trf("col.budget", lang, s.year));
  head(kFirstYearCol + 1, trf("col.plan", lang, s.year + 1));
  head(kFirstYearCol + 2, trf("col.plan", lang, s.year + 2));
  head(kJustificationCol, tr("psheet.col.justification", lang));
  lxw_comment_options note{};
  note.x_scale = 2;
  note.y_scale = 1;
  for (int c = kFirstYearCol; c <= kJustificationCol; ++c)
    xlsx_check(worksheet_write_comment_opt(ws, row0(kHeadingRow), col0(c), tr("psheet.note.input", lang).c_str(), &note));

  int r = kFirstRow;
  for (const ProposalSheetRow& row : s.rows) {
    xlsx_check(worksheet_write_string(ws, row0(r), col0(kLineIdCol), row.line.c_str(), nullptr));
    xlsx_check(worksheet_write_string(ws, row0(r), col0(kLineCol), row.label.c_str(), row.total ? total_label : label));
    write_amount(ws, r, kActualCol, row.actual, reference);
    write_amount(ws, r, kBudgetAfterCol, row.budget_after, reference);
    write_amount(ws, r, kFrameCol, row.frame, reference);
    for (int y = 0; y < 3; ++y) write_amount(ws, r, kFirstYearCol + y, row.figures[static_cast<std::size_t>(y)], input);
    xlsx_check(worksheet_write_string(ws, row0(r), col0(kJustificationCol), row.justification.c_str(), input_text));
    ++r;
  }

  // Column A holds the line ids the upload is matched by: hidden, not gone.
  lxw_row_col_options hidden{};
  hidden.hidden = 1;
  xlsx_check(worksheet_set_column_opt(ws, col0(kLineIdCol), col0(kLineIdCol), 14, nullptr, &hidden));
  xlsx_check(worksheet_set_column(ws, col0(kLineCol), col0(kLineCol), 40, nullptr));
  xlsx_check(worksheet_set_column(ws, col0(kActualCol), col0(kFirstYearCol + 2), 15, nullptr));
  xlsx_check(worksheet_set_column(ws, col0(kJustificationCol), col0(kJustificationCol), 50, nullptr));
  if (!s.has_frame) xlsx_check(worksheet_set_column_opt(ws, col0(kFrameCol), col0(kFrameCol), 15, nullptr, &hidden));
  worksheet_freeze_panes(ws, row0(kFirstRow), col0(kActualCol));
  worksheet_set_landscape(ws);
  worksheet_fit_to_pages(ws, 1, 0);
  // Protected without a password: the references and the layout stay as made (the upload relies
  // on them); a determined user can lift it, and the upload checks every cell anyway.
  lxw_protection protection{};
  protection.format_columns = 1;
  protection.format_rows = 1;
  worksheet_protect(ws, nullptr, &protection);

  lxw_doc_properties props{};
  std::string doc_title = trf("psheet.title", lang, s.year, s.unit_name);
  props.title = doc_title.data();
  xlsx_check(workbook_set_properties(wb, &props));
  return book.close();
}

}  // namespace toteuma
