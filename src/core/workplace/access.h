// Who may do what (issue 7): local users, their roles and the units or language a role is
// granted for. Pure rules, no I/O: the web checks every request with these, page and API alike.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/dataset.h"
#include "core/lang.h"

namespace toteuma {

// The roles; what each may do is the table kRights in access.cpp (docs/USERS.md).
enum class Role { admin, finance, editor, translator, approver, viewer, council_group };
std::optional<Role> parse_role(const std::string& s);  // "admin" | "finance" | "editor" | ... | "council-group"
std::string to_string(Role r);

struct Grant {
  Role role = Role::viewer;
  std::string unit;          // editor: the granted unit (sub-units included); council-group: the group; else ""
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
// "translator:sv", "council-group:vihreat". parse_grant checks the form only (an editor's unit or a
// group is not looked up).
std::optional<Grant> parse_grant(const std::string& s);
std::string to_string(const Grant& g);
// Editor and council-group have a unit (the group) and no language, translator a language and no
// unit, the others neither.
bool valid_grant(const Grant& g);

// What a request may do. Each role's reach for each right is one table in access.cpp, the same
// table as docs/USERS.md; route handlers ask `may` (or the wrappers below), never a role.
enum class Right {
  read,          // every page and API read (logged in)
  edit_figures,  // budget lines, amendments, forecasts: figure and scenario changes
  edit_text,     // narratives and goals' realisation texts, in one language
  edit_goals,    // goals' own texts (both languages) and metric values
  mark_ready,    // a document section draft -> ready and ready -> draft
  approve,       // ready -> approved, reopening an approved section, freezing and publishing versions
  propose,       // a unit's budget proposal in a round: its figures, justifications, submitting it
  alternative,   // a council group's alternative budget: its changes, justifications, publishing it
  comment,       // comment threads on sections, table rows and goals (core/workplace/comment.h)
  manage_users,  // users, their roles, passwords and state (the admin pages; the CLI: whoever holds the file)
  edit_calendar, // the annual clock's phases and items (calendar_item)
};
// What a right is asked for: the unit and year (editors' reach) and the language (translators').
struct AccessScope {
  const Dataset* d = nullptr;
  std::string unit;
  int year = 0;
  std::optional<Lang> lang;
  std::string group = {};  // alternative: the council group (core/budgeting/alternative.h)
};
bool may(const User& u, Right r, const AccessScope& scope = {});

bool is_admin(const User& u);
bool may_edit_figures(const User& u);  // admin, finance
// Narratives and realisation texts in `lang` of `unit` in `year`: admin; editor of the unit or
// an ancestor (in the organisation on 1.1. or 31.12. of the year); translator of the language.
bool may_edit_text(const User& u, const Dataset& d, const std::string& unit, int year, Lang lang);
// Goal texts and metric values of `unit` in `year`: admin; editor of the unit or an ancestor.
bool may_edit_goals(const User& u, const Dataset& d, const std::string& unit, int year);
// Draft <-> ready of the unit's document sections: admin, approver, editor of the unit.
bool may_mark_ready(const User& u, const Dataset& d, const std::string& unit, int year);
bool may_approve(const User& u);  // admin, approver
bool may_manage_users(const User& u);  // admin
bool may_edit_calendar(const User& u);  // admin, finance
// A unit's proposal in a budget round of `year` (core/budgeting/proposal.h): admin; editor of the unit or an ancestor.
bool may_propose(const User& u, const Dataset& d, const std::string& unit, int year);
// A council group's alternative budget: only the group's members edit it (not even admin: it is
// the group's political text). A published one everybody reads; a draft only the group's members.
bool may_edit_alternative(const User& u, const std::string& group);
bool may_read_alternative(const User& u, const std::string& group, bool published);

}  // namespace toteuma
