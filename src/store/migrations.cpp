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
  };
  return m;
}

}  // namespace toteuma
