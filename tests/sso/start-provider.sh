#!/usr/bin/env bash
# Starts the test OpenID provider (provider.mjs; its arguments pass through): installs node_modules
# from package-lock.json first when missing or stale, as tests/browser/run.sh does.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
  # stdout is the provider's ready line only; npm's words go to stderr.
  echo "start-provider.sh: npm ci in $PWD" >&2
  npm ci --no-audit --no-fund --loglevel=error >&2
fi
exec node provider.mjs "$@"
