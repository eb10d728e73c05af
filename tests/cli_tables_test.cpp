// Every format of every table command of the CLI on the demo (issue 13, item 3): `table` of each
// kind, `personnel`, `goals`, for units of the three municipalities over several years, in both
// languages. Each run must succeed with non-empty output; CSV must parse (RFC 4180, ';', the same
// number of fields in every row of a table) and HTML must be a whole page in the asked language.
#include <gtest/gtest.h>

#include <functional>
#include <sstream>

#include "cli/commands.h"
#include "cli/ledger_commands.h"
#include "core/text.h"
#include "ingest/csv.h"
#include "demo_db.h"
#include "test_util.h"

namespace toteuma {
namespace {

std::string fmt_where(const std::string& command, const std::string& unit, int year, const std::string& lang,
                      const std::string& format) {
  return command + " --unit " + unit + " --year " + std::to_string(year) + " --lang " + lang + " --format " + format;
}

struct Command {
  std::string name;
  std::function<int(const CommandOptions&, std::ostream&)> run;
  std::vector<int> years;
};

// CSV output holds one or more tables, separated by blank lines (outside quotes), each with an
// optional "# title" line: every table must parse (RFC 4180, ';', UTF-8) with the same number of
// fields in every record.
void expect_well_formed_csv(const std::string& csv, const std::string& where) {
  // Spreadsheet CSV starts with a UTF-8 byte order mark (so Finnish Excel reads it as UTF-8).
  EXPECT_EQ(csv.rfind(kUtf8Bom, 0), 0u) << where;
  const std::string out = csv.rfind(kUtf8Bom, 0) == 0 ? csv.substr(kUtf8Bom.size()) : csv;
  std::vector<std::string> blocks(1);
  bool quoted = false;
  std::istringstream lines(out);
  for (std::string line; std::getline(lines, line);) {
    if (!quoted && line.empty()) {
      if (!blocks.back().empty()) blocks.emplace_back();
      continue;
    }
    if (!quoted && blocks.back().empty() && line.rfind("# ", 0) == 0) continue;  // the title
    for (char ch : line) quoted = ch == '"' ? !quoted : quoted;
    blocks.back() += line + "\n";
  }
  EXPECT_FALSE(quoted) << where;
  if (blocks.back().empty()) blocks.pop_back();
  // Only a "# " line: the notice of a unit without such figures (personnel of an ict).
  if (blocks.empty()) {
    EXPECT_EQ(out.rfind("# ", 0), 0u) << where;
  }
  for (const auto& b : blocks) {
    std::vector<CsvRecord> records;
    ASSERT_NO_THROW(records = parse_csv(b, ';', where)) << where;
    ASSERT_FALSE(records.empty()) << where;
    for (const auto& r : records) EXPECT_EQ(r.fields.size(), records.front().fields.size()) << where << " line " << r.line;
  }
}

void expect_well_formed_html(const std::string& out, const std::string& lang, const std::string& where) {
  EXPECT_EQ(out.rfind("<!DOCTYPE html>", 0), 0u) << where;
  EXPECT_NE(out.find("<html lang=\"" + lang + "\""), std::string::npos) << where;
  EXPECT_NE(out.find("</html>"), std::string::npos) << where;
  auto count = [&](const std::string& s) {
    std::size_t n = 0;
    for (auto p = out.find(s); p != std::string::npos; p = out.find(s, p + 1)) ++n;
    return n;
  };
  EXPECT_EQ(count("<table"), count("</table>")) << where;
}

TEST(CliTables, EveryFormatOfEveryTableCommandOnTheDemo) {
  testing::TempDir tmp;
  std::string db = testing::load_demo_db(tmp);
  // The demo ledger (2025) for the follow-up tables.
  ASSERT_EQ(testing::import_demo_ledger(db), 0);
  Dataset d = read_db(db);

  auto table_of = [](const char* kind) {
    return [kind](const CommandOptions& o, std::ostream& out) {
      CommandOptions k = o;
      k.kind = kind;
      return cmd_table(k, out);
    };
  };
  const std::vector<Command> commands = {
      {"table annual-report", table_of("annual-report"), {2023, 2024}},
      {"table budget", table_of("budget"), {2024, 2025}},
      {"table follow-up",
       [](const CommandOptions& o, std::ostream& out) {
         LedgerOptions lo;
         lo.db = o.db, lo.unit = o.unit, lo.year = o.year, lo.lang = o.lang, lo.format = o.format;
         return cmd_table_follow_up(lo, out);
       },
       {2025}},
      {"personnel", cmd_personnel, {2023, 2024, 2025, 2026}},
      {"goals", cmd_goals, {2023, 2024, 2025}},
  };
  const std::vector<std::string> units = {"loviisa", "kanslia", "ict", "heinola", "hei-yhteiset",
                                          "hei-hyvinvointipalvelut", "laitila", "lai-ruokapalvelut"};
  int runs = 0;
  for (const auto& c : commands)
    for (const auto& unit : units)
      for (int year : c.years) {
        // Only where the unit exists all year (elsewhere the commands refuse, by design).
        bool valid = false;
        for (const auto& u : d.units)
          valid = valid || (u.id == unit && u.valid_on(Date::first_of_year(year)) && u.valid_on(Date::last_of_year(year)));
        if (!valid) continue;
        for (const std::string lang : {"fi", "sv"})
          for (const std::string format : {"text", "csv", "html"}) {
            CommandOptions o;
            o.db = db, o.unit = unit, o.year = year, o.lang = lang, o.format = format;
            std::string where = fmt_where(c.name, unit, year, lang, format);
            std::ostringstream out;
            int rc = -1;
            EXPECT_NO_THROW(rc = c.run(o, out)) << where;
            EXPECT_EQ(rc, 0) << where;
            EXPECT_FALSE(out.str().empty()) << where;
            if (format == "csv") expect_well_formed_csv(out.str(), where);
            if (format == "html") expect_well_formed_html(out.str(), lang, where);
            ++runs;
          }
      }
  EXPECT_GT(runs, 300);
}

}  // namespace
}  // namespace toteuma
