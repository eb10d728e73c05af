// Who may edit what, on the demo organisation (data/demo/units.csv) and on a unit that moves
// during a year.
#include <gtest/gtest.h>

#include <algorithm>

#include <sstream>

#include "core/workplace/access.h"
#include "ingest/dataset_files.h"
#include "test_util.h"

namespace toteuma {
namespace {

const Dataset& demo() {
  static const Dataset d = load_dataset_dir(testing::demo_dir());
  return d;
}

User with(std::vector<Grant> grants) { return User{"u1", "U", "", false, std::move(grants)}; }
Grant editor(const std::string& unit) { return {Role::editor, unit, std::nullopt}; }
Grant translator(Lang l) { return {Role::translator, "", l}; }
Grant plain(Role r) { return {r, "", std::nullopt}; }

TEST(Access, RoleNamesRoundTrip) {
  for (Role r : {Role::admin, Role::finance, Role::editor, Role::translator, Role::approver, Role::viewer})
    EXPECT_EQ(parse_role(to_string(r)), r);
  EXPECT_EQ(to_string(Role::translator), "translator");
  EXPECT_FALSE(parse_role("Admin"));
  EXPECT_FALSE(parse_role(""));
}

TEST(Access, UserIds) {
  EXPECT_TRUE(valid_user_id("ab"));
  EXPECT_TRUE(valid_user_id("maija.meikalainen_2-x"));
  EXPECT_TRUE(valid_user_id(std::string(64, 'a')));
  EXPECT_FALSE(valid_user_id("a"));
  EXPECT_FALSE(valid_user_id(std::string(65, 'a')));
  EXPECT_FALSE(valid_user_id("Maija"));
  EXPECT_FALSE(valid_user_id("maija meikäläinen"));
  EXPECT_FALSE(valid_user_id("a/b"));
  EXPECT_FALSE(valid_user_id(""));
}

TEST(Access, CompactGrants) {
  EXPECT_EQ(parse_grant("editor:kanslia"), editor("kanslia"));
  EXPECT_EQ(parse_grant("translator:sv"), translator(Lang::sv));
  EXPECT_EQ(parse_grant("approver"), plain(Role::approver));
  EXPECT_FALSE(parse_grant("editor"));         // needs a unit
  EXPECT_FALSE(parse_grant("editor:"));
  EXPECT_FALSE(parse_grant("translator"));     // needs a language
  EXPECT_FALSE(parse_grant("translator:en"));
  EXPECT_FALSE(parse_grant("admin:kanslia"));  // no unit for others
  EXPECT_FALSE(parse_grant("boss"));
  EXPECT_EQ(to_string(editor("ict")), "editor:ict");
  EXPECT_EQ(to_string(translator(Lang::fi)), "translator:fi");
  EXPECT_EQ(to_string(plain(Role::finance)), "finance");
}

TEST(Access, EditorOfKansliaEditsItsSubUnitsOnly) {
  User u = with({editor("kanslia")});
  EXPECT_TRUE(may_edit_text(u, demo(), "kanslia", 2025, Lang::fi));
  EXPECT_TRUE(may_edit_text(u, demo(), "ict", 2025, Lang::sv));         // area under kanslia
  EXPECT_TRUE(may_edit_goals(u, demo(), "talous", 2025));
  EXPECT_FALSE(may_edit_text(u, demo(), "loviisa", 2025, Lang::fi));    // the parent
  EXPECT_FALSE(may_edit_goals(u, demo(), "lai-tietohallinto", 2025));   // Laitila's
  EXPECT_FALSE(may_edit_goals(u, demo(), "hei-yhteiset", 2025));        // Heinola's
  EXPECT_FALSE(may_edit_goals(u, demo(), "ict", 2022));                 // neither existed in 2022
  EXPECT_FALSE(may_edit_figures(u));
  EXPECT_FALSE(may_approve(u));
  EXPECT_FALSE(is_admin(u));
}

TEST(Access, EditorOfAMunicipalityEditsEverythingUnderIt) {
  User u = with({editor("laitila")});
  EXPECT_TRUE(may_edit_goals(u, demo(), "lai-ruokapalvelut", 2024));  // laitila > lai-hallinto > lai-ruokapalvelut
  EXPECT_FALSE(may_edit_goals(u, demo(), "ict", 2024));
  User sub = with({editor("lai-hallinto")});
  EXPECT_FALSE(may_edit_goals(sub, demo(), "laitila", 2024));
}

TEST(Access, TranslatorEditsOneLanguageEverywhereButNoGoals) {
  User u = with({translator(Lang::sv)});
  EXPECT_TRUE(may_edit_text(u, demo(), "ict", 2025, Lang::sv));
  EXPECT_TRUE(may_edit_text(u, demo(), "lai-viestinta", 2025, Lang::sv));
  EXPECT_FALSE(may_edit_text(u, demo(), "ict", 2025, Lang::fi));
  EXPECT_FALSE(may_edit_goals(u, demo(), "ict", 2025));
  EXPECT_FALSE(may_edit_figures(u));
}

TEST(Access, FinanceEditsFiguresButNoTexts) {
  User u = with({plain(Role::finance)});
  EXPECT_TRUE(may_edit_figures(u));
  EXPECT_FALSE(may_edit_text(u, demo(), "kanslia", 2025, Lang::fi));
  EXPECT_FALSE(may_edit_goals(u, demo(), "kanslia", 2025));
  EXPECT_FALSE(may_approve(u));
}

TEST(Access, ViewerAndApproverEditNoText) {
  for (Role r : {Role::viewer, Role::approver}) {
    User u = with({plain(r)});
    EXPECT_FALSE(may_edit_text(u, demo(), "kanslia", 2025, Lang::fi));
    EXPECT_FALSE(may_edit_goals(u, demo(), "kanslia", 2025));
    EXPECT_FALSE(may_edit_figures(u));
    EXPECT_EQ(may_approve(u), r == Role::approver);
  }
}

TEST(Access, AdminMayEverythingUnlessDisabled) {
  User u = with({plain(Role::admin)});
  EXPECT_TRUE(is_admin(u));
  EXPECT_TRUE(may_edit_figures(u));
  EXPECT_TRUE(may_edit_text(u, demo(), "hei-lupa", 2023, Lang::sv));
  EXPECT_TRUE(may_edit_goals(u, demo(), "hei-lupa", 2023));
  EXPECT_TRUE(may_approve(u));
  u.disabled = true;
  EXPECT_FALSE(is_admin(u));
  EXPECT_FALSE(may_edit_figures(u));
  EXPECT_FALSE(may_edit_text(u, demo(), "hei-lupa", 2023, Lang::sv));
  EXPECT_FALSE(may_approve(u));
}

// Issue 13: a Swedish translator moved any unit's sections draft <-> ready and rewrote any unit's
// Swedish goal texts. Readiness is the unit's editor's or the approver's; goals the editor's.
TEST(Access, OnlyTheUnitsEditorOrAnApproverMarksItsSectionsReady) {
  EXPECT_TRUE(may_mark_ready(with({editor("kanslia")}), demo(), "ict", 2025));
  EXPECT_FALSE(may_mark_ready(with({editor("kanslia")}), demo(), "lai-hallinto", 2025));
  EXPECT_TRUE(may_mark_ready(with({plain(Role::approver)}), demo(), "lai-hallinto", 2025));
  EXPECT_TRUE(may_mark_ready(with({plain(Role::admin)}), demo(), "lai-hallinto", 2025));
  for (const Grant& g : {translator(Lang::sv), translator(Lang::fi), plain(Role::finance), plain(Role::viewer)})
    EXPECT_FALSE(may_mark_ready(with({g}), demo(), "kanslia", 2025)) << to_string(g);
}

// docs/USERS.md's rights table and kRights in access.cpp are one table: each ✓ or scope in the
// doc is a right `may` grants (on the editor's own unit kanslia, in the translator's language),
// each – one it refuses.
TEST(Access, TheRightsTableOfUsersMdIsTheCodes) {
  std::string doc = testing::slurp(testing::source_dir() / "docs" / "USERS.md");
  auto at = doc.find("| right |");
  ASSERT_NE(at, std::string::npos);
  std::vector<std::vector<std::string>> rows;
  std::istringstream lines(doc.substr(at));
  for (std::string line; std::getline(lines, line) && line.rfind("|", 0) == 0;) {
    std::vector<std::string> cells;
    std::istringstream in(line.substr(1));
    for (std::string cell; std::getline(in, cell, '|');) {
      cell.erase(0, cell.find_first_not_of(' '));
      cell.erase(cell.find_last_not_of(' ') + 1);
      cells.push_back(cell);
    }
    rows.push_back(cells);
  }
  ASSERT_GE(rows.size(), 2u + 7u);  // header, rule, the seven rights (then the users row)
  const std::vector<Right> rights{Right::read,       Right::edit_figures, Right::edit_text, Right::edit_goals,
                                  Right::mark_ready, Right::approve,      Right::propose};
  const std::vector<Grant> columns{plain(Role::admin), plain(Role::finance), editor("kanslia"), translator(Lang::fi),
                                   plain(Role::approver), plain(Role::viewer)};
  for (std::size_t r = 0; r < rights.size(); ++r) {
    const auto& cells = rows[2 + r];
    ASSERT_GE(cells.size(), 1 + columns.size()) << cells[0];
    for (std::size_t c = 0; c < columns.size(); ++c) {
      bool documented = cells[1 + c] != "–";
      EXPECT_EQ(may(with({columns[c]}), rights[r], {&demo(), "kanslia", 2025, Lang::fi}), documented)
          << cells[0] << " / " << to_string(columns[c]);
    }
  }
  // The later rights, found by their row's beginning (rows between them are rules, not rights).
  const std::vector<std::pair<std::string, Right>> named{
      {"comment:", Right::comment}, {"users, roles and passwords", Right::manage_users}, {"the annual clock", Right::edit_calendar}};
  for (const auto& [start, right] : named) {
    auto row = std::find_if(rows.begin(), rows.end(), [&](const auto& cells) { return !cells.empty() && cells[0].rfind(start, 0) == 0; });
    ASSERT_NE(row, rows.end()) << start;
    for (std::size_t c = 0; c < columns.size(); ++c)
      EXPECT_EQ(may(with({columns[c]}), right, {&demo(), "kanslia", 2025, Lang::fi}), (*row)[1 + c] != "–")
          << start << " / " << to_string(columns[c]);
  }
  // Outside its reach an editor or a translator has no right but reading.
  for (Right r : rights) {
    EXPECT_EQ(may(with({editor("kanslia")}), r, {&demo(), "lai-hallinto", 2025, Lang::fi}), r == Right::read);
    EXPECT_EQ(may(with({translator(Lang::fi)}), r, {&demo(), "kanslia", 2025, Lang::sv}), r == Right::read);
  }
}

// "b" lies under "a" until 30.6.2024, then under "c": in 2024 both editors may edit it (the
// organisation of 1.1. or of 31.12.), in 2025 only c's, in 2023 only a's.
TEST(Access, UnitMovedDuringTheYear) {
  Dataset d;
  auto unit = [](std::string id, Date from, std::optional<Date> to, std::string parent) {
    UnitVersion v;
    v.id = std::move(id), v.valid_from = from, v.valid_to = to, v.parent = std::move(parent);
    return v;
  };
  d.units = {unit("a", {2020, 1, 1}, {}, ""), unit("c", {2020, 1, 1}, {}, ""),
             unit("b", {2020, 1, 1}, Date{2024, 6, 30}, "a"), unit("b", {2024, 7, 1}, {}, "c")};
  User ea = with({editor("a")}), ec = with({editor("c")});
  EXPECT_TRUE(may_edit_goals(ea, d, "b", 2024));
  EXPECT_TRUE(may_edit_goals(ec, d, "b", 2024));
  EXPECT_TRUE(may_edit_goals(ea, d, "b", 2023));
  EXPECT_FALSE(may_edit_goals(ec, d, "b", 2023));
  EXPECT_FALSE(may_edit_goals(ea, d, "b", 2025));
  EXPECT_TRUE(may_edit_goals(ec, d, "b", 2025));
}

}  // namespace
}  // namespace toteuma
