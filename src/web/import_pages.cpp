#include "web/import_pages.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/format.h"
#include "core/i18n.h"
#include "core/text.h"
#include "core/personnel/htv.h"
#include "core/workplace/access.h"
#include "ingest/csv.h"
#include "ingest/fields.h"
#include "ingest/ledger_mapping.h"
#include "web/actions.h"
#include "web/auth_routes.h"
#include "web/form_parts.h"
#include "web/http/multipart.h"
#include "web/ledger_import.h"
#include "web/page_text.h"
#include "web/personnel_import.h"

namespace toteuma {
namespace embedded {
extern const std::string_view import_js;
}

namespace web {

namespace {

using namespace page_text;

// What a post did: the lines to show, or the refusal.
struct ImportOutcome {
  bool ok = false;
  std::vector<std::string> lines;
};

std::string read_whole(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// Line `n` (1-based) of a text file, cut to 300 bytes; nullopt past its end.
std::optional<std::string> line_of(const std::string& path, int n) {
  std::ifstream in(path, std::ios::binary);
  std::string line;
  for (int i = 1; std::getline(in, line); ++i)
    if (i == n) {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (line.size() > 300) line = line.substr(0, 300) + "…";
      return line;
    }
  return std::nullopt;
}

// Months "2025-01,2025-02,2025-03,2025-05" as people write them: "1–3/2025, 5/2025".
std::string month_ranges(const std::vector<std::string>& months) {
  std::vector<std::pair<int, int>> ym;  // (year, month), sorted
  for (const auto& m : months)
    if (m.size() == 7 && m[4] == '-') ym.emplace_back(std::atoi(m.substr(0, 4).c_str()), std::atoi(m.substr(5, 2).c_str()));
  std::sort(ym.begin(), ym.end());
  std::string out;
  for (std::size_t i = 0; i < ym.size();) {
    std::size_t j = i;
    while (j + 1 < ym.size() && ym[j + 1].first == ym[i].first && ym[j + 1].second == ym[j].second + 1) ++j;
    out += (out.empty() ? "" : ", ") + (j == i ? std::to_string(ym[i].second) : fmt::format("{}\u2013{}", ym[i].second, ym[j].second)) +
           "/" + std::to_string(ym[i].first);
    i = j + 1;
  }
  return out;
}

std::string records_table(const Ctx& c) {
  Lang lang = c.lang;
  auto records = c.state.with_ledger([](LedgerStore& l) { return l.imports(); });
  std::sort(records.begin(), records.end(), [](const auto& a, const auto& b) { return a.id > b.id; });  // newest first
  if (records.empty()) return "<p>" + e(tr("import.records_none", lang)) + "</p>\n";
  std::string out = "<div class=\"wide\" role=\"region\" tabindex=\"0\" aria-labelledby=\"records-h\"><table class=\"records\">\n<thead><tr>";
  for (const char* k : {"import.col.file", "import.col.when", "import.col.who", "import.col.months", "import.col.rows",
                        "import.col.total", "import.col.income", "import.col.costs", "import.col.skipped", "import.col.suspense"})
    out += "<th scope=\"col\">" + e(tr(k, lang)) + "</th>";
  out += "</tr></thead>\n<tbody>\n";
  auto money = [](Cents v) { return "<td class=\"num\">" + e(format_euro_cents(v)) + "</td>"; };
  for (const auto& r : records) {
    std::string months = month_ranges(split_nonempty(r.months, ','));
    out += fmt::format("<tr><th scope=\"row\">{}</th><td>{}</td><td>{}</td><td>{}</td><td class=\"num\">{}</td>", e(r.file_name),
                       e(display_time(r.imported_at)), e(r.imported_by), e(months), e(group_digits(static_cast<std::uint64_t>(r.rows))));
    out += money(r.total) + money(r.income) + money(r.costs);
    out += fmt::format("<td class=\"num\">{}</td><td class=\"num\">{}</td></tr>\n",
                       e(tf("import.rows_amount", lang, group_digits(static_cast<std::uint64_t>(r.skipped_rows)), format_euro_cents(r.skipped_total))),
                       e(tf("import.rows_amount", lang, group_digits(static_cast<std::uint64_t>(r.suspense_rows)), format_euro_cents(r.suspense_total))));
  }
  return out + "</tbody></table></div>\n";
}

// One upload form: posts as multipart; the script shows its upload's progress.
std::string upload_form(const Ctx& c, const std::string& kind, const std::string& inner) {
  Lang lang = c.lang;
  return fmt::format(
      "<form class=\"edit upload\" method=\"post\" action=\"/{0}/import\" enctype=\"multipart/form-data\" data-reading=\"{1}\" "
      "data-failed=\"{2}\">{3}<input type=\"hidden\" name=\"kind\" value=\"{4}\">\n{5}"
      "<p><button type=\"submit\">{6}</button></p>\n"
      "<p class=\"progress\" hidden><label for=\"progress-{4}\">{7}</label> <progress id=\"progress-{4}\" max=\"1\" value=\"0\"></progress> "
      "<span class=\"upload-status\" aria-live=\"polite\"></span></p>\n</form>\n",
      lc(lang), e(tr("import.reading", lang)), e(tr("import.failed", lang)), csrf_field(c), kind, inner,
      e(tr("import." + kind + ".button", lang)), e(tr("import.progress", lang)));
}

std::string file_input(const std::string& id, const std::string& name, const std::string& label, const std::string& accept,
                       bool required) {
  return fmt::format("<p><label for=\"{0}\">{1}</label><br><input type=\"file\" id=\"{0}\" name=\"{2}\" accept=\"{3}\"{4}></p>\n", id,
                     e(label), name, accept, required ? " required" : "");
}

http::Response import_page(const Ctx& c, const std::optional<ImportOutcome>& done, int status) {
  Lang lang = c.lang;
  bool kept = c.state.with_ledger([](LedgerStore& l) { return last_ledger_mapping(l).has_value(); });
  std::string body = "<h1>" + e(tr("import.title", lang)) + "</h1>\n";
  if (done) {
    body += fmt::format("<section class=\"import-result {}\" tabindex=\"-1\" role=\"{}\" aria-labelledby=\"result-h\"><h2 id=\"result-h\">{}</h2>\n<ul>",
                        done->ok ? "ok" : "error", done->ok ? "status" : "alert",
                        e(tr(done->ok ? "import.done" : "import.refused", lang)));
    for (const auto& l : done->lines) body += "<li>" + e(l) + "</li>";
    body += "</ul></section>\n";
  }
  body += "<p>" + e(tr("import.intro", lang)) + "</p>\n";
  // The general ledger, with the mapping kept from the last import or an uploaded one.
  std::string mapping = fmt::format("<fieldset><legend>{}</legend>\n", e(tr("import.mapping", lang)));
  mapping += fmt::format("<p><input type=\"radio\" id=\"mapping-last\" name=\"mapping_from\" value=\"last\"{}> <label for=\"mapping-last\">{}</label></p>\n",
                         " checked", e(tr(kept ? "import.mapping_last" : "import.mapping_default", lang)));
  mapping += fmt::format("<p><input type=\"radio\" id=\"mapping-upload\" name=\"mapping_from\" value=\"upload\"> <label for=\"mapping-upload\">{}</label></p>\n",
                         e(tr("import.mapping_upload", lang)));
  mapping += file_input("mapping-file", "mapping", tr("import.mapping_file", lang), ".toml,text/plain", false) + "</fieldset>\n";
  std::string ledger = file_input("ledger-file", "file", tr("import.ledger.file", lang), ".csv,.xlsx,text/csv", true) + mapping +
                       fmt::format("<p><input type=\"checkbox\" id=\"suspense\" name=\"suspense\" value=\"1\"> <label for=\"suspense\">{}</label></p>\n",
                                   e(tr("import.suspense", lang)));
  body += "<section aria-labelledby=\"ledger-h\"><h2 id=\"ledger-h\">" + e(tr("import.ledger.title", lang)) + "</h2>\n<p>" +
          e(tr("import.ledger.intro", lang)) + "</p>\n" + upload_form(c, "ledger", ledger) + "</section>\n";
  body += "<section aria-labelledby=\"employments-h\"><h2 id=\"employments-h\">" + e(tr("import.employments.title", lang)) + "</h2>\n<p>" +
          e(tr("import.employments.intro", lang)) + "</p>\n" +
          upload_form(c, "employments", file_input("employments-file", "file", tr("import.employments.file", lang), ".csv,text/csv", true)) +
          "</section>\n";
  std::string wage = fmt::format("<p><label for=\"wage-sums\">{}</label><br><input type=\"text\" id=\"wage-sums\" name=\"wage_sums\" "
                                 "aria-describedby=\"wage-hint\"> <span id=\"wage-hint\" class=\"hint\">{}</span></p>\n",
                                 e(tr("import.trainings.wage", lang)), e(tr("import.trainings.wage_hint", lang)));
  body += "<section aria-labelledby=\"trainings-h\"><h2 id=\"trainings-h\">" + e(tr("import.trainings.title", lang)) + "</h2>\n<p>" +
          e(tr("import.trainings.intro", lang)) + "</p>\n" +
          upload_form(c, "trainings", file_input("trainings-file", "file", tr("import.trainings.file", lang), ".csv,text/csv", true) + wage) +
          "</section>\n";
  body += "<section><h2 id=\"records-h\">" + e(tr("import.records", lang)) + "</h2>\n" + records_table(c) +
          "</section>\n<script src=\"/static/import.js\" defer></script>\n";
  return page(c, tr("import.title", lang), body, fmt::format("/{}/import", lc(c.other())), status);
}

ImportOutcome refused(const Msg& m, Lang lang) { return {false, {m.in(lang)}}; }

// The importers' own three-language texts ("English / suomi / svenska") in the reader's language;
// the place before the English part's first ": " (a year, a unit, an argument) is kept.
std::string in_reader_language(const std::string& three, Lang lang) {
  auto t = fields::m3_reader_parts(three);
  if (!t) return three;
  std::string en = three.substr(0, three.find(" / "));
  auto colon = en.find(": ");
  return (colon == std::string::npos ? "" : en.substr(0, colon + 2)) + (lang == Lang::fi ? t->fi : t->sv);
}

// Runs the upload through the command line's import code; every write under the writers' mutex,
// then the snapshot swap.
ImportOutcome run_import(const Ctx& c, const http::MultipartForm& form) {
  Lang lang = c.lang;
  const User& me = *c.viewer.user;
  Actor by{me.id, "web"};
  std::string kind = form.field("kind");
  const auto* file = form.file("file");
  if (kind != "ledger" && kind != "employments" && kind != "trainings") return refused(msg("import.bad_kind"), lang);
  if (!file) return refused(msg("import.no_file"), lang);
  try {
    std::lock_guard write(c.state.write_mutex());
    ImportOutcome out{true, {}};
    if (kind == "ledger") {
      ledger::Mapping mapping;
      if (form.field("mapping_from") == "upload") {
        const auto* m = form.file("mapping");
        if (!m) return refused(msg("import.no_mapping"), lang);
        mapping = ledger::parse_mapping(read_whole(m->path), m->filename);
      } else if (auto kept = c.state.with_ledger([](LedgerStore& l) { return last_ledger_mapping(l); })) {
        mapping = ledger::parse_mapping(*kept, tr("import.mapping_last", lang));
      }
      auto snap = c.state.snapshot();
      auto done = c.state.with_ledger([&](LedgerStore& l) {
        return import_ledger_files(snap->d, l, {{file->path, file->filename}}, mapping, form.field("suspense") == "1", 0, by);
      });
      out.lines = ledger_import_report(done, lang);
      std::string months = month_ranges({done.imp.months.begin(), done.imp.months.end()});
      out.lines.push_back(tf("import.ledger.stored", lang, done.batch, done.imp.actuals.size(), months));
    } else if (kind == "employments") {
      auto done = c.state.with_store([&](Store& s) { return import_employments_file(s, file->path, file->filename, by); });
      out.lines.push_back(tf("import.employments.stored", lang, file->filename, done.employments, done.htv.size()));
      for (const auto& [key, htv] : done.htv) out.lines.push_back(tf("import.employments.item", lang, key.first, key.second, format_htv(htv, 1)));
    } else {
      std::vector<std::string> wages;
      std::istringstream in(form.field("wage_sums"));
      for (std::string w; in >> w;) wages.push_back(w);
      auto done = c.state.with_store([&](Store& s) { return import_trainings_file(s, file->path, file->filename, wages, by); });
      out.lines.push_back(tf("import.trainings.stored", lang, file->filename, done.records, done.figures.size()));
      for (const auto& n : done.notes) out.lines.push_back(in_reader_language(n, lang));
    }
    c.state.reload();
    return out;
  } catch (const InputError& e) {
    // The ledger reader lists up to ten further errors after the first ("\n  (N more / lisää / fler: …)"):
    // the first is shown located in the reader's language, the others counted.
    InputError err = e;
    int more = 0;
    if (auto at = e.message.find("\n  ("); at != std::string::npos) {
      err.message = e.message.substr(0, at);
      more = std::atoi(e.message.c_str() + at + 4);
    }
    ImportOutcome out = refused(input_error_message(err, "import.error_at"), lang);
    if (more > 0) out.lines.push_back(tf("import.more_errors", lang, more));
    // What was found: the line as the file has it (a CSV's; an XLSX row has no text line).
    if (err.file == file->filename && err.line > 0 && !file->filename.ends_with(".xlsx"))
      if (auto text = line_of(file->path, err.line)) out.lines.push_back(tf("import.error_line", lang, err.line, *text));
    return out;
  } catch (const StoreError& err) {
    return refused(err.message, lang);
  } catch (const std::invalid_argument& err) {  // a malformed wage sum
    return {false, {in_reader_language(err.what(), lang)}};
  } catch (const std::runtime_error& err) {  // the importers' other refusals (a file they cannot use)
    return {false, {in_reader_language(err.what(), lang)}};
  }
}

http::Response import_post(const Ctx& c) {
  Lang lang = c.lang;
  if (http::multipart_boundary(c.req.header("content-type")).empty()) {  // a plain form post: no file in it
    if (!csrf_ok(c.viewer, c.req, c.req.form())) return forbidden(c);
    return import_page(c, refused(msg("import.bad_upload.no_boundary"), lang), 400);
  }
  std::optional<http::MultipartForm> form;
  try {
    form.emplace(c.req, std::filesystem::temp_directory_path().string());
  } catch (const http::MultipartError& err) {
    if (!csrf_ok(c.viewer, c.req, {})) return forbidden(c);
    return import_page(c, refused(msg("import.bad_upload." + err.kind), lang), 400);
  }
  if (!csrf_ok(c.viewer, c.req, form->fields())) return forbidden(c);
  ImportOutcome out = run_import(c, *form);
  return import_page(c, out, out.ok ? 200 : 400);
}

}  // namespace

std::optional<http::Response> route_import_pages(const Ctx& c, const std::vector<std::string>& parts) {
  if (parts.size() != 2 || parts[1] != "import") return std::nullopt;
  if (!may_edit_figures(*c.viewer.user)) return forbidden(c);
  if (c.req.method == "POST") return import_post(c);
  return import_page(c, std::nullopt, 200);
}

http::Response import_script() {
  return {200, "text/javascript; charset=utf-8", std::string(embedded::import_js), {{"Cache-Control", "max-age=3600"}}};
}

}  // namespace web
}  // namespace toteuma
