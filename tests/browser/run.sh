#!/usr/bin/env bash
# Runs the browser tests: installs node_modules from package-lock.json when missing or stale
# (npm ci; playwright-core downloads no browser), then node's test runner.
# Needs TOTEUMA_BIN (the built toteuma); see harness.mjs for the other variables.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
  echo "run.sh: npm ci in $PWD"
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error
fi

# One file after the other (each has its own server, database and chromium): sequential runs keep
# chromium from crowding the machine on any node version (--test-concurrency is node >= 20.10).
status=0
files=(
  browser.test.mjs workplace.test.mjs budget_round.test.mjs spending_plan.test.mjs search_statement.test.mjs
  comments.test.mjs
  admin.test.mjs
  imports.test.mjs
  goals.test.mjs
  translations.test.mjs
  home.test.mjs
  sso.test.mjs  # starts tests/sso's OpenID provider (its own npm ci there)
)
for f in "${files[@]}"; do
  node --test "$f" || status=1
done
exit "$status"
