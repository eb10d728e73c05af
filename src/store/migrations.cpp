#include "store/migrations.h"

namespace toteuma {

const std::vector<Migration>& migrations() {
  static const std::vector<Migration> m = {
      {1, R"sql(
CREATE TABLE municipality (
  id TEXT PRIMARY KEY,
  code TEXT NOT NULL,
  name_fi TEXT NOT NULL,
  name_sv TEXT NOT NULL,
  languages TEXT NOT NULL,          -- e.g. 'fi,sv'
  primary_language TEXT NOT NULL
);
CREATE TABLE chart_line (
  id TEXT PRIMARY KEY,
  position INTEGER NOT NULL UNIQUE, -- display order
  kind TEXT NOT NULL CHECK (kind IN ('detail', 'total', 'memo')),
  show TEXT NOT NULL CHECK (show IN ('always', 'data')),
  name_fi TEXT NOT NULL,
  name_sv TEXT NOT NULL,
  synonyms_fi TEXT NOT NULL,        -- '|'-separated
  synonyms_sv TEXT NOT NULL,
  formula TEXT NOT NULL             -- '+a +b -c', '' for non-totals
);
CREATE TABLE account_range (
  account_from INTEGER PRIMARY KEY,
  account_to INTEGER NOT NULL,
  line_id TEXT NOT NULL REFERENCES chart_line(id)
);
CREATE TABLE unit_version (
  id TEXT NOT NULL,
  valid_from TEXT NOT NULL,         -- ISO date
  valid_to TEXT,                    -- ISO date, NULL = open-ended
  parent_id TEXT,
  kind TEXT NOT NULL,
  name_fi TEXT NOT NULL,
  name_sv TEXT NOT NULL,
  responsible_fi TEXT NOT NULL,
  responsible_sv TEXT NOT NULL,
  binding_line TEXT REFERENCES chart_line(id),
  PRIMARY KEY (id, valid_from)
);
CREATE TABLE scenario (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('budget', 'amendment', 'actual', 'forecast', 'plan')),
  year INTEGER NOT NULL,
  base_year INTEGER,
  name_fi TEXT NOT NULL,
  name_sv TEXT NOT NULL,
  decision_ref TEXT NOT NULL,
  decision_date TEXT
);
CREATE TABLE figure (
  unit_id TEXT NOT NULL,
  line_id TEXT NOT NULL REFERENCES chart_line(id),
  scenario_id TEXT NOT NULL REFERENCES scenario(id),
  amount_cents BIGINT NOT NULL,
  PRIMARY KEY (unit_id, line_id, scenario_id)
);
CREATE INDEX figure_by_scenario ON figure (scenario_id, unit_id);
)sql"},
      // A dataset may hold several municipalities; the first listed is the primary one.
      {2, R"sql(
ALTER TABLE municipality ADD COLUMN position INTEGER NOT NULL DEFAULT 0;
)sql"},
      // Personnel aggregates (never persons) and restructurings. Person-years in thousandths,
      // days in hundredths, ages and survey values in tenths: integers, no floating point.
      {3, R"sql(
CREATE TABLE personnel_group (id TEXT PRIMARY KEY, name_fi TEXT NOT NULL, name_sv TEXT NOT NULL);
CREATE TABLE employment_type (id TEXT PRIMARY KEY, name_fi TEXT NOT NULL, name_sv TEXT NOT NULL);
CREATE TABLE htv (
  unit_id TEXT NOT NULL, year INTEGER NOT NULL, kind TEXT NOT NULL CHECK (kind IN ('actual', 'forecast', 'plan')),
  group_id TEXT NOT NULL, htv_milli BIGINT NOT NULL,
  PRIMARY KEY (unit_id, year, kind, group_id));
CREATE TABLE headcount (
  unit_id TEXT NOT NULL, on_date TEXT NOT NULL, type_id TEXT NOT NULL REFERENCES employment_type(id),
  persons BIGINT NOT NULL, PRIMARY KEY (unit_id, on_date, type_id));
CREATE TABLE retirement (unit_id TEXT NOT NULL, year INTEGER NOT NULL, persons BIGINT NOT NULL, PRIMARY KEY (unit_id, year));
CREATE TABLE average_age (unit_id TEXT NOT NULL, year INTEGER NOT NULL, age_tenths BIGINT NOT NULL, PRIMARY KEY (unit_id, year));
CREATE TABLE training (
  unit_id TEXT NOT NULL, year INTEGER NOT NULL, days_hundredths BIGINT, eligible_hundredths BIGINT,
  compensation_cents BIGINT, PRIMARY KEY (unit_id, year));
CREATE TABLE survey_item (id TEXT PRIMARY KEY, name_fi TEXT NOT NULL, name_sv TEXT NOT NULL, value_unit TEXT NOT NULL);
CREATE TABLE survey (
  unit_id TEXT NOT NULL, year INTEGER NOT NULL, item_id TEXT NOT NULL REFERENCES survey_item(id),
  value_tenths BIGINT NOT NULL, PRIMARY KEY (unit_id, year, item_id));
CREATE TABLE restructuring (
  position INTEGER PRIMARY KEY, change_date TEXT NOT NULL, old_unit TEXT NOT NULL, new_unit TEXT,
  share_milli BIGINT NOT NULL, external TEXT NOT NULL, htv_milli BIGINT, persons BIGINT, note TEXT NOT NULL);
)sql"},
      // Strategy goals, metrics, realisations and status reviews. Values in tenths.
      {4, R"sql(
CREATE TABLE theme (id TEXT PRIMARY KEY, valid_from TEXT NOT NULL, valid_to TEXT, name_fi TEXT NOT NULL, name_sv TEXT NOT NULL);
CREATE TABLE theme_number (theme_id TEXT NOT NULL REFERENCES theme(id), year INTEGER NOT NULL, number INTEGER NOT NULL,
  PRIMARY KEY (theme_id, year));
CREATE TABLE goal (
  id TEXT PRIMARY KEY, year INTEGER NOT NULL, unit_id TEXT NOT NULL, level TEXT NOT NULL, theme_id TEXT NOT NULL,
  parent_id TEXT NOT NULL, position INTEGER NOT NULL, text_fi TEXT NOT NULL, text_sv TEXT NOT NULL,
  responsible_fi TEXT NOT NULL, responsible_sv TEXT NOT NULL);
CREATE TABLE goal_action (
  goal_id TEXT NOT NULL REFERENCES goal(id), position INTEGER NOT NULL, seq INTEGER NOT NULL, text_fi TEXT NOT NULL,
  text_sv TEXT NOT NULL, responsible_fi TEXT NOT NULL, responsible_sv TEXT NOT NULL, PRIMARY KEY (goal_id, seq));
CREATE TABLE metric (
  id TEXT PRIMARY KEY, goal_id TEXT NOT NULL REFERENCES goal(id), name_fi TEXT NOT NULL, name_sv TEXT NOT NULL,
  value_unit TEXT NOT NULL, direction TEXT NOT NULL, target_tenths BIGINT, partly_tenths BIGINT, owner TEXT NOT NULL,
  frequency TEXT NOT NULL);
CREATE TABLE metric_value (
  metric_id TEXT NOT NULL REFERENCES metric(id), on_date TEXT NOT NULL, value_tenths BIGINT NOT NULL, source TEXT NOT NULL,
  PRIMARY KEY (metric_id, on_date));
CREATE TABLE realisation (
  goal_id TEXT NOT NULL REFERENCES goal(id), year INTEGER NOT NULL, status TEXT, reason_fi TEXT NOT NULL,
  reason_sv TEXT NOT NULL, text_fi TEXT NOT NULL, text_sv TEXT NOT NULL, PRIMARY KEY (goal_id, year));
CREATE TABLE review (id TEXT PRIMARY KEY, unit_id TEXT NOT NULL, on_date TEXT NOT NULL, title_fi TEXT NOT NULL, title_sv TEXT NOT NULL);
CREATE TABLE review_item (
  review_id TEXT NOT NULL REFERENCES review(id), goal_id TEXT NOT NULL REFERENCES goal(id), status TEXT NOT NULL,
  text_fi TEXT NOT NULL, text_sv TEXT NOT NULL, PRIMARY KEY (review_id, goal_id));
CREATE TABLE goal_rule (rule TEXT NOT NULL, municipality_id TEXT NOT NULL, value BIGINT NOT NULL,
  PRIMARY KEY (municipality_id, rule));
)sql"},
      // 5: general-ledger imports: the monthly actuals per unit and report line (beside the
      // dataset, which keeps its one actual per year), each import's record, and the index of
      // the kept source files' blocks per (month, unit, line), packed per month and file.
      {5, R"sql(
CREATE TABLE ledger_actual (
  month TEXT NOT NULL, unit_id TEXT NOT NULL, line_id TEXT NOT NULL, amount_cents BIGINT NOT NULL,
  PRIMARY KEY (month, unit_id, line_id));
CREATE TABLE ledger_source (
  sha256 TEXT PRIMARY KEY, file_name TEXT NOT NULL, format TEXT NOT NULL, size BIGINT NOT NULL,
  block_size BIGINT NOT NULL, mapping TEXT NOT NULL, blocks TEXT NOT NULL);
CREATE TABLE ledger_index (
  month TEXT NOT NULL, sha256 TEXT NOT NULL REFERENCES ledger_source(sha256),
  entries TEXT NOT NULL,  -- a line per figure: unit TAB line TAB rows TAB block ranges ("0-3,7")
  PRIMARY KEY (month, sha256));
CREATE TABLE ledger_suspense (
  month TEXT NOT NULL, sha256 TEXT NOT NULL REFERENCES ledger_source(sha256), cost_center TEXT NOT NULL,
  account TEXT NOT NULL, reason TEXT NOT NULL, row_count BIGINT NOT NULL, amount_cents BIGINT NOT NULL,
  blocks TEXT NOT NULL, PRIMARY KEY (month, sha256, cost_center, account, reason));
CREATE TABLE ledger_import (
  id INTEGER PRIMARY KEY, batch BIGINT NOT NULL, file_name TEXT NOT NULL, sha256 TEXT NOT NULL,
  size BIGINT NOT NULL, imported_at TEXT NOT NULL, imported_by TEXT NOT NULL, months TEXT NOT NULL,
  row_count BIGINT NOT NULL, total_cents BIGINT NOT NULL, income_cents BIGINT NOT NULL,
  costs_cents BIGINT NOT NULL, skipped_rows BIGINT NOT NULL, skipped_cents BIGINT NOT NULL,
  suspense_rows BIGINT NOT NULL, suspense_cents BIGINT NOT NULL);
)sql"},
      // 6: narratives (Markdown per unit, year, section kind, language; drafts are replaceable)
      // and the municipality's own document templates. (5 is the ledger.)
      {6, R"sql(
CREATE TABLE narrative (
  unit_id TEXT NOT NULL, year INTEGER NOT NULL, section TEXT NOT NULL, lang TEXT NOT NULL CHECK (lang IN ('fi', 'sv')),
  origin TEXT NOT NULL CHECK (origin IN ('person', 'draft')), markdown TEXT NOT NULL,
  PRIMARY KEY (unit_id, year, section, lang));
CREATE TABLE document_template (kind TEXT PRIMARY KEY, source TEXT NOT NULL);
)sql"},
      // 7: local users, their grants and login sessions (issue 7). Only SHA-256 digests of session
      // tokens are kept; `toteuma load` never touches these tables.
      {7, R"sql(
CREATE TABLE app_user (
  id TEXT PRIMARY KEY, display_name TEXT NOT NULL, password_hash TEXT NOT NULL,
  disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)));
CREATE TABLE user_grant (
  user_id TEXT NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
  role TEXT NOT NULL CHECK (role IN ('admin', 'finance', 'editor', 'translator', 'approver', 'viewer')),
  unit_id TEXT NOT NULL,  -- editor: the unit; else ''
  lang TEXT NOT NULL CHECK (lang IN ('', 'fi', 'sv')),  -- translator: the language; else ''
  PRIMARY KEY (user_id, role, unit_id, lang));
CREATE TABLE user_session (
  digest TEXT PRIMARY KEY,  -- SHA-256 hex of the cookie's token
  user_id TEXT NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
  csrf TEXT NOT NULL, created BIGINT NOT NULL, expires BIGINT NOT NULL);
CREATE INDEX user_session_by_user ON user_session (user_id);
CREATE INDEX user_session_by_expiry ON user_session (expires);
)sql"},
      // 8: the shared workplace (issue 7): every edit's audit row, the review state of document
      // sections, and frozen document versions with their files' bytes.
      {8, R"sql(
CREATE TABLE audit_entry (
  id INTEGER PRIMARY KEY, at TEXT NOT NULL, user_name TEXT NOT NULL, entity TEXT NOT NULL, entity_key TEXT NOT NULL,
  before_value TEXT, after_value TEXT, unit_id TEXT NOT NULL);
CREATE INDEX audit_entry_by_unit ON audit_entry (unit_id, id);
CREATE TABLE section_status (
  doc TEXT NOT NULL, unit_id TEXT NOT NULL, year INTEGER NOT NULL, section TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('draft', 'ready', 'approved')), set_by TEXT NOT NULL, set_at TEXT NOT NULL,
  PRIMARY KEY (doc, unit_id, year, section));
CREATE TABLE document_version (
  id INTEGER PRIMARY KEY, doc TEXT NOT NULL, unit_id TEXT NOT NULL, year INTEGER NOT NULL, number INTEGER NOT NULL,
  content_hash TEXT NOT NULL, approved_by TEXT NOT NULL, approved_at TEXT NOT NULL, published_by TEXT, published_at TEXT,
  UNIQUE (doc, unit_id, year, number));
CREATE TABLE version_file (
  version_id INTEGER NOT NULL REFERENCES document_version(id), lang TEXT NOT NULL, format TEXT NOT NULL,
  bytes BLOB NOT NULL, PRIMARY KEY (version_id, lang, format));
)sql"},
      // 9: the annual clock (vuosikello / årsklocka, core/workplace/calendar.h): dated items per municipality
      // and year; `sections` holds "doc/section" pairs separated by spaces.
      {9, R"sql(
CREATE TABLE calendar_item (
  id TEXT PRIMARY KEY, municipality_id TEXT NOT NULL REFERENCES municipality(id), year INTEGER NOT NULL,
  phase TEXT NOT NULL, phase_fi TEXT NOT NULL, phase_sv TEXT NOT NULL, title_fi TEXT NOT NULL, title_sv TEXT NOT NULL,
  participation_fi TEXT NOT NULL, participation_sv TEXT NOT NULL, start_date TEXT NOT NULL, deadline TEXT NOT NULL,
  responsible_fi TEXT NOT NULL, responsible_sv TEXT NOT NULL, sections TEXT NOT NULL, CHECK (start_date <= deadline));
)sql"},
      // 10: the in-year follow-up (issue 13): the budget's monthly phasing (dataset data; line ''
      // = every line of the unit; twelve comma-separated weights) and the months finance closed.
      {10, R"sql(
CREATE TABLE phasing (
  unit_id TEXT NOT NULL, line_id TEXT NOT NULL, year INTEGER NOT NULL, weights TEXT NOT NULL,
  PRIMARY KEY (unit_id, line_id, year));
CREATE TABLE ledger_close (
  year INTEGER PRIMARY KEY, through_month INTEGER NOT NULL CHECK (through_month BETWEEN 0 AND 12),
  closed_by TEXT NOT NULL, closed_at TEXT NOT NULL);
)sql"},
      // 11: failed logins per account name and client address (issue 13). One row per pair, so
      // invented names only add rows of their own and never touch a real account's count; in the
      // database, so a restart or a second server process on the same file sees the same counts.
      {11, R"sql(
CREATE TABLE login_failure (
  account TEXT NOT NULL, address TEXT NOT NULL, failures INTEGER NOT NULL, first_at BIGINT NOT NULL,
  PRIMARY KEY (account, address));
CREATE INDEX login_failure_by_time ON login_failure (first_at);
)sql"},
      // 12: audit rows say through which door a write came: the web (pages and API) or the
      // command line (load, imports, narrative set, user commands, restore; issue 13).
      {12, R"sql(
ALTER TABLE audit_entry ADD COLUMN via TEXT NOT NULL DEFAULT 'web' CHECK (via IN ('web', 'cli'));
)sql"},
      // 13: a scenario's municipality (issue 13): '' = common to all; NULL = recorded before the
      // column, inferred from its figures on reading (infer_scenario_municipalities).
      {13, R"sql(
ALTER TABLE scenario ADD COLUMN municipality_id TEXT;
)sql"},
      // 14: why a section went back to draft (the edit that changed it: "entity key" lines; NULL
      // when a person set the state), and a version frozen despite check errors: how many and the
      // approver's reason.
      {14, R"sql(
ALTER TABLE section_status ADD COLUMN reopened_by TEXT;
ALTER TABLE document_version ADD COLUMN check_errors INTEGER NOT NULL DEFAULT 0;
ALTER TABLE document_version ADD COLUMN check_reason TEXT NOT NULL DEFAULT '';
)sql"},
      // The statutory parts a chart line is printed in (core/finance/chart.h Part); '' = the
      // operating part, as every line of a chart stored before the parts.
      {15, R"sql(
ALTER TABLE chart_line ADD COLUMN parts TEXT NOT NULL DEFAULT '';
)sql"},
      // 16: the investment part (issue 14, core/finance/investments.h): project groups, projects,
      // their amounts per scenario and kind, and carried-over appropriations. Amounts in cents,
      // expenditure and carry-overs negative; decision_ref '' = the amendment scenario's.
      {16, R"sql(
CREATE TABLE investment_group (
  id TEXT PRIMARY KEY, unit_id TEXT NOT NULL, name_fi TEXT NOT NULL, name_sv TEXT NOT NULL,
  binding INTEGER NOT NULL CHECK (binding IN (0, 1)));
CREATE TABLE investment_project (
  id TEXT PRIMARY KEY, group_id TEXT NOT NULL REFERENCES investment_group(id), name_fi TEXT NOT NULL,
  name_sv TEXT NOT NULL, cost_estimate_cents BIGINT, binding INTEGER NOT NULL CHECK (binding IN (0, 1)),
  start_year INTEGER, end_year INTEGER);
CREATE TABLE investment_figure (
  project_id TEXT NOT NULL REFERENCES investment_project(id), scenario_id TEXT NOT NULL REFERENCES scenario(id),
  kind TEXT NOT NULL CHECK (kind IN ('expenditure', 'grants', 'asset_sales')), amount_cents BIGINT NOT NULL,
  decision_ref TEXT NOT NULL, PRIMARY KEY (project_id, scenario_id, kind));
CREATE TABLE investment_carry_over (
  project_id TEXT NOT NULL REFERENCES investment_project(id), from_year INTEGER NOT NULL,
  amount_cents BIGINT NOT NULL, decision_ref TEXT NOT NULL, PRIMARY KEY (project_id, from_year));
)sql"},
      // 17: key figures (issue 14): their definitions (formula as written, parsed on reading) and
      // the municipality-year data they use: population 31.12. and income tax rate in hundredths
      // of a percent (860 = 8,60 %); NULL = not known.
      {17, R"sql(
CREATE TABLE key_figure (
  id TEXT PRIMARY KEY, position INTEGER NOT NULL UNIQUE, name_fi TEXT NOT NULL, name_sv TEXT NOT NULL,
  unit TEXT NOT NULL, formula TEXT NOT NULL);
CREATE TABLE municipality_year (
  municipality_id TEXT NOT NULL REFERENCES municipality(id), year INTEGER NOT NULL, population BIGINT,
  income_tax_rate BIGINT, PRIMARY KEY (municipality_id, year),
  CHECK (population IS NOT NULL OR income_tax_rate IS NOT NULL));
)sql"},
      // The general ledger's rows of the investment part per project, kind and month (the same
      // rows also count in ledger_actual on the owning unit's cash-flow line).
      {18, R"sql(
CREATE TABLE ledger_investment (
  month TEXT NOT NULL, project_id TEXT NOT NULL, kind TEXT NOT NULL, amount_cents BIGINT NOT NULL,
  row_count BIGINT NOT NULL, PRIMARY KEY (month, project_id, kind));
)sql"},
      // 19: budget rounds (issue 16): the stages of a municipality's round, the versions of a budget
      // year (frame, proposals, the council's decision, …) and their figures per unit, line and year.
      {19, R"sql(
CREATE TABLE budget_stage (
  id TEXT PRIMARY KEY, position INTEGER NOT NULL, name_fi TEXT NOT NULL, name_sv TEXT NOT NULL, editors TEXT NOT NULL);
CREATE TABLE budget_version (
  id TEXT PRIMARY KEY, municipality_id TEXT NOT NULL REFERENCES municipality(id), year INTEGER NOT NULL,
  stage_id TEXT NOT NULL, name_fi TEXT NOT NULL, name_sv TEXT NOT NULL, created TEXT NOT NULL,
  based_on TEXT NOT NULL, adopted TEXT NOT NULL);
CREATE TABLE budget_version_figure (
  version_id TEXT NOT NULL REFERENCES budget_version(id), unit_id TEXT NOT NULL,
  line_id TEXT NOT NULL REFERENCES chart_line(id), year INTEGER NOT NULL, amount_cents BIGINT NOT NULL,
  PRIMARY KEY (version_id, unit_id, line_id, year));
)sql"},
      // 20: the units' proposals in a round (issue 16 item 3): each unit's state in a version of a
      // stage the units edit, finance's comment, and the justification of each line per language.
      {20, R"sql(
CREATE TABLE budget_proposal_state (
  version_id TEXT NOT NULL REFERENCES budget_version(id), unit_id TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('draft', 'submitted', 'returned', 'accepted')), comment TEXT NOT NULL,
  changed_by TEXT NOT NULL, changed_at TEXT NOT NULL, PRIMARY KEY (version_id, unit_id));
CREATE TABLE budget_proposal_note (
  version_id TEXT NOT NULL REFERENCES budget_version(id), unit_id TEXT NOT NULL,
  line_id TEXT NOT NULL REFERENCES chart_line(id), lang TEXT NOT NULL CHECK (lang IN ('fi', 'sv')), text TEXT NOT NULL,
  PRIMARY KEY (version_id, unit_id, line_id, lang));
)sql"},
      // 21: the boards' spending plans (issue 16 item 6): a unit's amount of a line for a budget
      // year and, optionally, its twelve months (comma-separated cents; '' = not phased); and a
      // stage's justification rule ('changed-lines': a submitted proposal justifies every changed line).
      {21, R"sql(
ALTER TABLE budget_stage ADD COLUMN justification TEXT NOT NULL DEFAULT '';
CREATE TABLE spending_plan (
  year INTEGER NOT NULL, unit_id TEXT NOT NULL, line_id TEXT NOT NULL REFERENCES chart_line(id),
  amount_cents BIGINT NOT NULL, months TEXT NOT NULL, PRIMARY KEY (year, unit_id, line_id));
)sql"},
      // 22: councillors' alternative budgets (issue 16 item 7): council groups, a group's
      // alternatives to a version and their changes; the role council-group (its group in
      // unit_id), for which user_grant is rebuilt (SQLite cannot change a CHECK in place).
      {22, R"sql(
CREATE TABLE user_grant_22 (
  user_id TEXT NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
  role TEXT NOT NULL CHECK (role IN ('admin', 'finance', 'editor', 'translator', 'approver', 'viewer', 'council-group')),
  unit_id TEXT NOT NULL,  -- editor: the unit; council-group: the group; else ''
  lang TEXT NOT NULL CHECK (lang IN ('', 'fi', 'sv')),  -- translator: the language; else ''
  PRIMARY KEY (user_id, role, unit_id, lang));
INSERT INTO user_grant_22 SELECT user_id, role, unit_id, lang FROM user_grant;
DROP TABLE user_grant;
ALTER TABLE user_grant_22 RENAME TO user_grant;
CREATE TABLE budget_council_group (
  id TEXT PRIMARY KEY, municipality_id TEXT NOT NULL REFERENCES municipality(id), name_fi TEXT NOT NULL, name_sv TEXT NOT NULL);
CREATE TABLE budget_alternative (
  id TEXT PRIMARY KEY, version_id TEXT NOT NULL REFERENCES budget_version(id),
  group_id TEXT NOT NULL REFERENCES budget_council_group(id), name_fi TEXT NOT NULL, name_sv TEXT NOT NULL,
  created TEXT NOT NULL, published INTEGER NOT NULL CHECK (published IN (0, 1)));
CREATE TABLE budget_alternative_change (
  alternative_id TEXT NOT NULL REFERENCES budget_alternative(id), unit_id TEXT NOT NULL,
  line_id TEXT NOT NULL REFERENCES chart_line(id), year INTEGER NOT NULL, amount_cents BIGINT NOT NULL,
  justification_fi TEXT NOT NULL, justification_sv TEXT NOT NULL, PRIMARY KEY (alternative_id, unit_id, line_id, year));
)sql"},
      // 23: personnel in a budget version (issue 16 item 3): a unit's person-years (thousandths)
      // for a year Y…Y+2 of the version.
      {23, R"sql(
CREATE TABLE budget_version_htv (
  version_id TEXT NOT NULL REFERENCES budget_version(id), unit_id TEXT NOT NULL, year INTEGER NOT NULL,
  htv_thousandths BIGINT NOT NULL, PRIMARY KEY (version_id, unit_id, year));
)sql"},
      // 24: translations that know their source (issue 17 item 2, core/workplace/translation.h): the
      // source-language text a translation was written against. NULL for a source text, and for a
      // translation stored before: it counts as written against its source as it stands, and the
      // first write of that source records the text it replaces (store/translation_rows.h).
      {24, R"sql(
ALTER TABLE narrative ADD COLUMN source_seen TEXT;
)sql"},
      // 25: comment threads (issue 17 item 3): a thread per document section, table row or goal
      // (target, key: core/workplace/comment.h), its unit, who started it and who resolved it
      // (NULL = open), and its comments. Workplace records like section_status: a load keeps them.
      {25, R"sql(
CREATE TABLE comment_thread (
  id INTEGER PRIMARY KEY, target TEXT NOT NULL CHECK (target IN ('section', 'row', 'goal')), target_key TEXT NOT NULL,
  unit_id TEXT NOT NULL, started_by TEXT NOT NULL, started_at TEXT NOT NULL, resolved_by TEXT, resolved_at TEXT,
  UNIQUE (target, target_key));
CREATE INDEX comment_thread_unit ON comment_thread (unit_id, target);
CREATE TABLE comment (
  id INTEGER PRIMARY KEY, thread_id INTEGER NOT NULL REFERENCES comment_thread(id), author TEXT NOT NULL,
  at TEXT NOT NULL, text TEXT NOT NULL);
CREATE INDEX comment_of_thread ON comment (thread_id, id);
)sql"},
      // 26: a goal retired on a date (issue 17 item 1): kept with its history, no longer printed.
      {26, R"sql(
ALTER TABLE goal ADD COLUMN retired TEXT;
)sql"},
      // 27: kept ledger source files in the database (issue 18 item 2; store/ledger_files.h), in
      // 1 MiB chunks. Used on PostgreSQL, where server instances share nothing but the database;
      // SQLite keeps them in the folder beside its file (and its backups), so there it stays empty.
      {27, R"sql(
CREATE TABLE ledger_file (
  sha256 TEXT NOT NULL, chunk INTEGER NOT NULL, bytes BLOB NOT NULL, PRIMARY KEY (sha256, chunk));
)sql"},
      // 28: single sign-on (issue 19, docs/SSO.md). A provider's account (issuer, subject) and the
      // user it signs in as; sign-ins under way between the redirect to the provider and its
      // callback (SHA-256 digests of the state and of the browser's cookie; the nonce and the PKCE
      // verifier are used once, within minutes, and the row goes when the callback comes).
      {28, R"sql(
CREATE TABLE user_identity (
  issuer TEXT NOT NULL, subject TEXT NOT NULL,
  user_id TEXT NOT NULL REFERENCES app_user(id) ON DELETE CASCADE, email TEXT NOT NULL,
  PRIMARY KEY (issuer, subject));
CREATE INDEX user_identity_by_user ON user_identity (user_id);
CREATE TABLE sso_pending (
  state_digest TEXT PRIMARY KEY, browser_digest TEXT NOT NULL, nonce TEXT NOT NULL, verifier TEXT NOT NULL,
  next TEXT NOT NULL, lang TEXT NOT NULL, created BIGINT NOT NULL);
CREATE INDEX sso_pending_by_age ON sso_pending (created);
)sql"},
  };
  return m;
}

}  // namespace toteuma
