// Who may do what (issue 7): local users, their roles and the units or language a role is
// granted for. Pure rules, no I/O: the web checks every request with these, page and API alike.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/dataset.h"
#include "core/lang.h"

namespace toteuma {

// administrator: everything, users included; finance: every figure (budget, amendments,
// forecasts) of every unit; editor: texts, goals, metric values and realisations of the granted
// unit and its sub-units; translator: texts of one language in every unit; approver: moves
// sections to approved, freezes and publishes document versions; viewer: reads.
enum class Role { admin, finance, editor, translator, approver, viewer };
std::optional<Role> parse_role(const std::string& s);  // "admin" | "finance" | "editor" | ...
std::string to_string(Role r);

struct Grant {
  Role role = Role::viewer;
  std::string unit;          // editor: the granted unit (sub-units included); else ""
  std::optional<Lang> lang;  // translator: the language; else nullopt
  bool operator==(const Grant&) const = default;
};

struct User {
  std::string id;            // login name, [a-z0-9._-]{2,64}
  std::string display_name;
  std::string password_hash; // libsodium's Argon2id string; never shown
  bool disabled = false;
  std::vector<Grant> grants;
  bool operator==(const User&) const = default;
};

bool valid_user_id(const std::string& id);
// A grant in the compact form of the CLI and listings: "admin", "editor:kanslia",
// "translator:sv". parse_grant checks the form only (an editor's unit is not looked up).
std::optional<Grant> parse_grant(const std::string& s);
std::string to_string(const Grant& g);
// Editor has a unit and no language, translator a language and no unit, the others neither.
bool valid_grant(const Grant& g);

// Every logged-in user may read (viewer is the least role); these decide the writes.
bool is_admin(const User& u);
bool may_edit_figures(const User& u);                                    // admin, finance
// Narratives and realisation texts in `lang` of `unit` in `year`: admin; editor of the unit or
// an ancestor (in the organisation on 1.1. or 31.12. of the year); translator of the language.
bool may_edit_text(const User& u, const Dataset& d, const std::string& unit, int year, Lang lang);
// Goals, actions, metric values of `unit` in `year`: admin; editor of the unit or an ancestor.
bool may_edit_goals(const User& u, const Dataset& d, const std::string& unit, int year);
bool may_approve(const User& u);                                          // admin, approver

}  // namespace toteuma
