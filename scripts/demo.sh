#!/usr/bin/env bash
# Quick start: build Toteuma, load the demo dataset into demo.db and serve it.
#   PORT (default 8080) and ADDRESS (default 127.0.0.1) choose where it listens.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

bash scripts/install-deps.sh

generator=()
[[ -f build/CMakeCache.txt ]] || generator=(-G Ninja)
cmake -S . -B build "${generator[@]}" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBUILD_TESTING=OFF >/dev/null
cmake --build build -j "${JOBS:-$(nproc)}"

rm -f demo.db demo.db-wal demo.db-shm demo.db-journal
rm -rf demo.db.ledger
build/toteuma load data/demo --db demo.db
# The general ledger of January–September 2025: the in-year follow-up (table kind follow-up).
build/toteuma import ledger data/demo/ledger/ledger-2025-01-09.csv --mapping data/demo/ledger/mapping.toml --db demo.db
# Finance has closed January–September: the follow-up projects the year from closed months only.
build/toteuma ledger close --year 2025 --month 9 --db demo.db

# One user per role, password "toteuma-demo" (README: demo login).
bash scripts/demo-users.sh build/toteuma demo.db

echo "Demo login: kanslia / toteuma-demo (unit editor), hyvaksyja / toteuma-demo (approver), talous, kaantaja, paakayttaja, lukija"
exec build/toteuma serve --db demo.db --port "${PORT:-8080}" --address "${ADDRESS:-127.0.0.1}"
