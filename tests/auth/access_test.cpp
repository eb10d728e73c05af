// Who may edit what, on the demo organisation (data/demo/units.csv) and on a unit that moves
// during a year.
#include <gtest/gtest.h>

#include "core/access.h"
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
