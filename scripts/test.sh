#!/usr/bin/env bash
# Quick start: install dependencies, build and run all tests, then the same under ASan+UBSan.
#   build/       RelWithDebInfo, every test including the browser test (ctest label "browser")
#   build-asan/  Debug with TOTEUMA_SANITIZE=ON, every test except the browser, office and PostgreSQL ones
#   The C++ tests run twice in build/: on SQLite and (prefix "pg:") on a throwaway PostgreSQL cluster.
#   Single sign-on runs against a local OpenID provider (tests/sso, node's oidc-provider; label "sso").
# JOBS (default 2) sets build and ctest parallelism. Exits non-zero if anything fails.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

jobs=${JOBS:-2}

bash scripts/install-deps.sh --browser

configure() {  # configure DIR ARGS...: Ninja for a new build dir, keep whatever an old one uses
  local dir=$1
  shift
  local generator=()
  [[ -f "$dir/CMakeCache.txt" ]] || generator=(-G Ninja)
  cmake -S . -B "$dir" "${generator[@]}" -DBUILD_TESTING=ON "$@"
}

status=0

# A throwaway PostgreSQL cluster: the store, web, API and import tests run on it too (ctest label
# "postgres", every test again with the prefix "pg:"), each test in a schema of its own.
pg_dir=$(mktemp -d /tmp/toteuma-pg.XXXXXX)
export PGPORT=${PGPORT:-55433}
TOTEUMA_TEST_PG_URL=$(bash scripts/pg-cluster.sh start "$pg_dir")
export TOTEUMA_TEST_PG_URL
trap 'bash scripts/pg-cluster.sh stop "$pg_dir" || true' EXIT

echo "=== build/ (RelWithDebInfo) ==="
configure build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DTOTEUMA_SANITIZE=OFF
cmake --build build -j "$jobs"
ctest --test-dir build --output-on-failure -j "$jobs" || status=1

echo "=== build-asan/ (Debug, ASan+UBSan) ==="
configure build-asan -DCMAKE_BUILD_TYPE=Debug -DTOTEUMA_SANITIZE=ON
cmake --build build-asan -j "$jobs"
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
LSAN_OPTIONS="suppressions=$PWD/tests/lsan.supp" \
  ctest --test-dir build-asan --output-on-failure -j "$jobs" -LE "browser|office|bench|postgres" || status=1

if ((status != 0)); then
  echo "test.sh: FAILED (see the ctest output above)" >&2
fi
exit "$status"
