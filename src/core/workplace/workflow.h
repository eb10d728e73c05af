// The shared workplace's records (issue 7): changes with their audit trail, the review state of
// each document section, and frozen document versions. Types only; the store keeps them.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace toteuma {

// One edit of one stored value, as the web and API make them. `before` is the value the user
// saw (nullopt = there was none): the store refuses the change when the stored value differs
// (someone else changed it meanwhile), so no edit silently overwrites another.
//
// entity / key / value encodings (all UTF-8 text, '/' separates key parts):
//   "figure"       unit/line/scenario            amount in cents, decimal ("-193503900")
//   "narrative"    unit/year/section/lang        the Markdown (a person's text; a draft counts as
//                                                its text for `before`, and is replaced)
//   "narrative_origin" unit/year/section/lang    "draft" | "person": setting "person" accepts a
//                                                drafted text as is (only that way round)
//   "metric_value" metric/YYYY-MM-DD             "tenths;source" e.g. "590;Kuntapulssi 2024"
//   "realisation"  goal/year/lang                the realisation text in that language
//   "goal"         goal/lang                     the goal's text in that language
//   "scenario"     id                            "kind;year;decision_ref;decision_date(ISO or '');name_fi;name_sv;municipality"
//                                                (amendments and forecasts created on the web; municipality
//                                                "" = common; without it the primary's, or kept on update)
//   "spending_plan" year/unit/line               a row of the spending plan in cents: "amount" or
//                                                "amount;m01;…;m12" (core/finance/spending_plan.h)
//   "calendar_item" id                           an item of the annual clock: its calendar.csv fields after
//                                                the id, ';'-separated with '\\', ';' and line breaks
//                                                backslash-escaped (encode_calendar_item, core/workplace/calendar_value.h);
//                                                a new id creates the item (admin: web/calendar_edit.cpp)
//   goals-web (issue 17 item 1): the goal records, values as core/goals/goal_edit.h encodes them
//   (fields joined by ';', a ';' or '\' inside a field escaped with '\'):
//   "goal_def"     goal                          year;unit;level;theme;parent;position;retired;text_fi;text_sv;
//                                                responsible_fi;responsible_sv (never deleted: retired on a date)
//   "goal_action"  goal/position                 text_fi;text_sv;responsible_fi;responsible_sv
//   "metric"       metric                        goal;name_fi;name_sv;unit;direction;target;partly;owner;frequency
//                                                (deleted only while it has no values)
//   "theme"        theme                         valid_from;valid_to;name_fi;name_sv (admin; retired by valid_to)
//   "goal_status"  goal/year                     status ("" = from the metrics);reason_fi;reason_sv
//   "review"       review                        unit;date;title_fi;title_sv
//   "review_item"  review/goal                   status;text_fi;text_sv (a goal of the review's unit)
// `after` nullopt deletes the value.
struct Change {
  std::string entity, key;
  std::optional<std::string> before, after;
  bool operator==(const Change&) const = default;
};

// Who made a write and through which door: "web" (pages and API, `user` is the login) or "cli"
// (the command line, `user` is the operating-system user running it, "cli" when unknown).
struct Actor {
  std::string user;
  std::string via = "web";
};

// One audited write. Besides the entities of Change, the command line writes (docs/USERS.md):
//   "load" folder (before/after: counts), "import" kind/file (after: a summary), "restore" file,
//   "user" id (after: the display name), "grant" id (before/after: the roles), "password" id
//   (after: "changed"; never the password or its hash), "user_state" id ("enabled"/"disabled"),
//   "section" doc/unit/year/section (before/after: the state).
// Comments (core/workplace/comment.h, the web's threads) leave "comment" ON/KEY (after: the text) and
//   "comment_thread" ON/KEY (before/after: "open" / "resolved"), ON section | row | goal.
struct AuditEntry {
  std::int64_t id = 0;
  std::string at;    // UTC, ISO 8601 "2026-11-22T18:40:00Z"
  std::string user;
  std::string entity, key;
  std::optional<std::string> before, after;
  std::string unit;  // the unit the change concerns ("" when none), for a unit's trail
  std::string via = "web";  // "web" | "cli", as Actor::via
  bool operator==(const AuditEntry&) const = default;
};

enum class SectionState { draft, ready, approved };
std::optional<SectionState> parse_section_state(const std::string& s);
std::string to_string(SectionState s);

// The review state of one section of one document (kind, unit, year). A section with no record
// is a draft. An edit that changes what the section prints moves it back to draft.
struct SectionStatus {
  std::string doc, unit;
  int year = 0;
  std::string section;  // the built section's id (template section id + unit, doc::Section::id)
  SectionState state = SectionState::draft;
  std::string by, at;   // who set it and when
  // Reopened by an edit: the changes that altered it ("entity key" lines); "" = set by a person.
  std::string reopened_by = {};
  bool operator==(const SectionStatus&) const = default;
};
// A section an edit changed: back to draft, with the edit as the reason.
struct SectionRef {
  std::string doc, unit;
  int year = 0;
  std::string section;
  bool operator==(const SectionRef&) const = default;
};

// A frozen document version: the approved document's bytes in each language and format, with
// the SHA-256 over them. Later edits start the next version number; a published version is
// readable without login.
struct VersionFile {
  std::string lang, format;  // "fi" | "sv"; "html" | "docx" | "xlsx" | "pdf"
  std::string bytes;
};
struct DocumentVersion {
  std::int64_t id = 0;
  std::string doc, unit;
  int year = 0;
  int number = 0;             // 1, 2, ... per (doc, unit, year)
  std::string content_hash;   // sha256 hex over the files in (lang, format) order
  std::string approved_by, approved_at;
  // Frozen while the checks found errors in the document's units and year: how many, and the
  // approver's reason for approving it anyway (required then).
  int check_errors = 0;
  std::string check_reason;
  std::string published_by, published_at;  // "" = not published
  std::vector<VersionFile> files;          // empty when listed without bytes
};

}  // namespace toteuma
