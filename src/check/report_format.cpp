#include "check/report_format.h"

#include <fmt/format.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "core/format.h"
#include "core/i18n.h"
#include "core/text.h"

namespace toteuma {

namespace {

std::string base(const std::string& file) {
  return file.empty() ? "" : std::filesystem::path(file).filename().string();
}

std::string where(const Finding& f) {
  std::string s = f.where.file.empty() ? f.where.document : base(f.where.file);
  if (f.where.line > 0) s += ":" + std::to_string(f.where.line);
  std::string detail;
  if (f.where.file.empty() && !f.where.unit.empty()) detail = f.where.unit;
  if (!f.where.row.empty()) detail += (detail.empty() ? "" : " | ") + f.where.row;
  if (!f.where.column.empty()) detail += (detail.empty() ? "" : " | ") + f.where.column;
  return detail.empty() ? s : s + " [" + detail + "]";
}

std::string amount_or_text(const std::optional<Cents>& v, const std::string& text) {
  return v ? std::to_string(round_to_euros(*v)) : text;
}

}  // namespace

std::string findings_text(const std::vector<Finding>& findings, const std::vector<TableConvention>& conv, Lang lang) {
  std::string out;
  for (const auto& c : conv) {
    std::string costs = lang == Lang::fi ? (c.costs_positive ? "kulut positiivisina" : "kulut negatiivisina")
                                         : (c.costs_positive ? "kostnader positiva" : "kostnader negativa");
    std::string dev = lang == Lang::fi
                          ? (c.deviation_reversed ? "poikkeama = talousarvio − toteuma" : "poikkeama = toteuma − talousarvio")
                          : (c.deviation_reversed ? "avvikelse = budget − utfall" : "avvikelse = utfall − budget");
    // Signs per row (check/sign_convention.h): said only where a table has them.
    auto direction = [&](bool reversed) {
      return tr(reversed ? "check.conv.budget_minus_actual" : "check.conv.actual_minus_budget", lang);
    };
    if (c.cost_deviation_reversed != c.deviation_reversed)
      dev = msg("check.conv.deviation_by_type", direction(c.deviation_reversed), direction(c.cost_deviation_reversed)).in(lang);
    if (!c.rows_other_sign.empty()) {
      std::string rows;
      for (const auto& r : c.rows_other_sign) rows += (rows.empty() ? "" : ", ") + r;
      costs += " (" + msg("check.conv.rows_other_sign", rows).in(lang) + ")";
    }
    out += fmt::format("{}: {}/{} {}; {}; {}\n", base(c.file), c.rows_matched, c.rows_total,
                       lang == Lang::fi ? "riviä tunnistettu" : "rader igenkända", costs, dev);
  }
  if (!conv.empty()) out += "\n";
  int n[4] = {0, 0, 0, 0};
  for (const auto& f : findings) {
    ++n[static_cast<int>(f.severity)];
    out += fmt::format("{:<10} {:<28} {}: {}\n", tr("check.severity." + to_string(f.severity), lang), f.rule, where(f),
                       lang == Lang::fi ? f.fi : f.sv);
    for (const auto& r : f.related)
      out += fmt::format("  ↳ {} {} {}: {}\n", tr("check.related", lang), r.rule, where(r), lang == Lang::fi ? r.fi : r.sv);
  }
  out += lang == Lang::fi ? fmt::format("\nVirheitä {}, varoituksia {}, pyöristyseroja {}", n[0], n[1], n[2])
                          : fmt::format("\nFel {}, varningar {}, avrundningsskillnader {}", n[0], n[1], n[2]);
  if (n[3] > 0) out += lang == Lang::fi ? fmt::format(", tietoja {}", n[3]) : fmt::format(", upplysningar {}", n[3]);
  out += "\n";
  return out;
}

std::string findings_csv(const std::vector<Finding>& findings) {
  std::string out = "severity;rule;file;line;unit;row;column;year;expected;found\n";
  auto row = [&](const std::string& severity, const Finding& f) {
    out += fmt::format("{};{};{};{};{};{};{};{};{};{}\n", severity, f.rule, csv_field(base(f.where.file)),
                       f.where.line > 0 ? std::to_string(f.where.line) : "", csv_field(f.where.unit), csv_field(f.where.row),
                       csv_field(f.where.column), f.where.year ? std::to_string(*f.where.year) : "",
                       csv_field(amount_or_text(f.expected, f.expected_text)), csv_field(amount_or_text(f.found, f.found_text)));
  };
  // A finding's related checks follow it, each on a row of its own with severity "related".
  for (const auto& f : findings) {
    row(to_string(f.severity), f);
    for (const auto& r : f.related) row("related", r);
  }
  return out;
}

std::string findings_json(const std::vector<Finding>& findings, const std::vector<TableConvention>&) {
  nlohmann::json arr = nlohmann::json::array();
  auto item = [](const Finding& f) {
    nlohmann::json loc = {{"file", f.where.file},     {"line", f.where.line}, {"document", f.where.document},
                          {"unit", f.where.unit},     {"row", f.where.row},   {"column", f.where.column},
                          {"year", f.where.year ? nlohmann::json(*f.where.year) : nlohmann::json()}};
    auto val = [](const std::optional<Cents>& v, const std::string& text) {
      if (v) return nlohmann::json{{"cents", *v}, {"euros", round_to_euros(*v)}};
      return text.empty() ? nlohmann::json() : nlohmann::json(text);
    };
    return nlohmann::json{{"rule", f.rule},
                          {"severity", to_string(f.severity)},
                          {"location", loc},
                          {"expected", val(f.expected, f.expected_text)},
                          {"found", val(f.found, f.found_text)},
                          {"message", {{"fi", f.fi}, {"sv", f.sv}, {"en", f.en}}}};
  };
  for (const auto& f : findings) {
    nlohmann::json j = item(f);
    if (!f.related.empty()) {
      j["related"] = nlohmann::json::array();
      for (const auto& r : f.related) j["related"].push_back(item(r));
    }
    arr.push_back(std::move(j));
  }
  return arr.dump(2) + "\n";
}

}  // namespace toteuma
