#!/usr/bin/env bash
# Times `toteuma import ledger` against DuckDB doing the same parse and aggregation on the same
# generated ledger, in one run: median of RUNS runs each (interleaved), peak memory of both
# from /usr/bin/time -v, and `wc -l` on the file as the floor. Prints the ratios with their targets
# (issue 20 item 3), and Toteuma's peak memory on the first tenth of the rows beside that on all.
#   bench/ledger/run.sh [ROWS]            ROWS default 10 000 000
# Environment: TOTEUMA (default build/toteuma), THREADS (2), RUNS (5),
#   WORK (a scratch folder outside the repository; default $TMPDIR/toteuma-bench-ledger),
#   PG_URL (a PostgreSQL database, e.g. from scripts/pg-cluster.sh start: the import into it is
#   timed too, into a fresh copy of the template each run, and its ratio to the SQLite import printed).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
rows=${1:-10000000}
runs=${RUNS:-5}
threads=${THREADS:-2}
toteuma=${TOTEUMA:-$root/build/toteuma}
work=${WORK:-${TMPDIR:-/tmp}/toteuma-bench-ledger}
[[ -x $toteuma ]] || { echo "run.sh: no $toteuma; build first (cmake --build build) or set TOTEUMA" >&2; exit 2; }
command -v node >/dev/null || { echo "run.sh: needs node and npm (scripts/install-deps.sh --browser)" >&2; exit 2; }
[[ -x /usr/bin/time ]] || { echo "run.sh: needs /usr/bin/time (apt-get install time)" >&2; exit 2; }

# DuckDB from npm, installed in the scratch folder (never in the repository).
mkdir -p "$work/npm"
cp "$here/package.json" "$here/duckdb.mjs" "$work/npm/"
if [[ ! -d $work/npm/node_modules/@duckdb/node-api ]]; then
  (cd "$work/npm" && npm install --no-audit --no-fund --silent >/dev/null)
fi
duck_version=$(node -p "require('$work/npm/node_modules/@duckdb/node-api/package.json').version")

# prepare ROWS: the generated ledger of ROWS rows and a database holding its dataset, in $work/ROWS.
prepare() {
  local dir=$work/$1
  if [[ ! -f $dir/ledger.csv ]]; then
    echo "generating $1 rows in $dir ..." >&2
    node "$here/generate.mjs" "$1" "$dir"
  fi
  rm -f "$dir/template.db"*
  "$toteuma" load "$dir/dataset" --db "$dir/template.db" >/dev/null
}
data=$work/$rows
prepare "$rows"
# A tenth of the rows, over the same year (memory must not grow with the file, only with units ×
# lines × months; a prefix of the file would cover fewer months).
small_rows=$((rows / 10))
small=$work/$small_rows
prepare "$small_rows"
cat "$data/ledger.csv" >/dev/null  # every contender reads from the page cache

# run NAME CMD...: appends "seconds kilobytes cpu_seconds" of one run to $work/NAME.times
run() {
  local name=$1
  shift
  /usr/bin/time -v "$@" >"$work/$name.out" 2>"$work/$name.time"
  awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; sec = s }
              /Maximum resident set size/ { kb = $2 }
              /User time \(seconds\)|System time \(seconds\)/ { cpu += $2 }
              END { print sec, kb, cpu }' "$work/$name.time" >>"$work/$name.times"
}
rm -f "$work"/*.times
for ((i = 1; i <= runs; i++)); do
  run wc wc -l "$data/ledger.csv"
  cp "$data/template.db" "$data/run.db"
  rm -rf "$data/run.db.ledger" "$data/run.db-wal" "$data/run.db-shm"
  run toteuma "$toteuma" import ledger "$data/ledger.csv" --db "$data/run.db" --mapping "$data/mapping.toml" --threads "$threads"
  cp "$small/template.db" "$small/run.db"
  rm -rf "$small/run.db.ledger" "$small/run.db-wal" "$small/run.db-shm"
  run tenth "$toteuma" import ledger "$small/ledger.csv" --db "$small/run.db" --mapping "$small/mapping.toml" --threads "$threads"
  if [[ -n ${PG_URL:-} ]]; then
    "$toteuma" copy-db --from "$data/template.db" --to "$PG_URL" --replace >/dev/null
    run postgres "$toteuma" import ledger "$data/ledger.csv" --db "$PG_URL" --mapping "$data/mapping.toml" --threads "$threads"
  fi
  rm -f "$data/duck.db" "$data/duck.db.wal"
  run duckdb node "$work/npm/duckdb.mjs" "$data/ledger.csv" "$data/duck.db" "$threads"
done

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
stat() {  # NAME → "median_seconds runs max_rss_mb best_seconds median_cpu_seconds"
  local f=$work/$1.times
  printf '%s %s %s %s %s\n' "$(cut -d' ' -f1 "$f" | median)" "$(cut -d' ' -f1 "$f" | paste -sd',')" \
    "$(cut -d' ' -f2 "$f" | sort -n | tail -1 | awk '{ printf "%.0f", $1 / 1024 }')" "$(cut -d' ' -f1 "$f" | sort -n | head -1)" \
    "$(cut -d' ' -f3 "$f" | median)"
}
read -r wc_s wc_runs wc_mb wc_best wc_cpu <<<"$(stat wc)"
read -r t_s t_runs t_mb t_best t_cpu <<<"$(stat toteuma)"
read -r d_s d_runs d_mb d_best d_cpu <<<"$(stat duckdb)"
read -r s_s s_runs s_mb s_best s_cpu <<<"$(stat tenth)"

# Both must have read the same money: Toteuma's recorded total and row count against DuckDB's.
t_total=$("$toteuma" ledger imports --db "$data/run.db" | awk -F';' 'NR == 2 { print $10 }')
t_rows=$("$toteuma" ledger imports --db "$data/run.db" | awk -F';' 'NR == 2 { print $9 }')
d_line=$(cat "$work/duckdb.out")
d_total=${d_line##*total=}
d_rows=$(sed 's/.*rows=\([0-9]*\).*/\1/' <<<"$d_line")
same=$([[ "$t_total" == "$d_total" && "$t_rows" == "$d_rows" ]] && echo "equal" || echo "DIFFER")

size_mb=$(du -m "$data/ledger.csv" | cut -f1)
echo "ledger: $rows rows, $size_mb MB, 400 cost centers, 12 months (bench/ledger/generate.mjs); $threads threads; $(nproc) cores"
printf '%-34s %9s  %-40s %10s  %s\n' "" "median s" "runs (s)" "peak RSS" "CPU s (user+sys, median)"
printf '%-34s %9s  %-40s %7s MB  %s\n' "wc -l (floor)" "$wc_s" "$wc_runs" "$wc_mb" "$wc_cpu"
printf '%-34s %9s  %-40s %7s MB  %s\n' "toteuma import ledger" "$t_s" "$t_runs" "$t_mb" "$t_cpu"
printf '%-34s %9s  %-40s %7s MB  %s\n' "DuckDB $duck_version (node)" "$d_s" "$d_runs" "$d_mb" "$d_cpu"
printf '%-34s %9s  %-40s %7s MB  %s\n' "toteuma, $small_rows rows" "$s_s" "$s_runs" "$s_mb" "$s_cpu"
awk -v d="$d_s" -v t="$t_s" -v w="$wc_s" -v db="$d_best" -v tb="$t_best" -v wb="$wc_best" \
  'BEGIN { printf "ratio DuckDB / Toteuma: %.2f× of the medians (target ≥ 3×), %.2f× of the best runs\n", d / t, db / tb
           printf "ratio Toteuma / wc -l:  %.1f× of the medians (target ≤ 5×), %.1f× of the best runs\n", t / w, tb / wb }'
awk -v d="$d_cpu" -v t="$t_cpu" 'BEGIN { printf "CPU DuckDB / Toteuma:   %.2f× (CPU time used, less swayed by the other load of a shared machine)\n", d / t }'
awk -v a="$t_mb" -v b="$s_mb" -v n="$rows" -v m="$small_rows" \
  'BEGIN { printf "peak RSS Toteuma: %d MB at %d rows, %d MB at %d rows: %.2f× (target: the same, ≤ 1.1×)\n", a, n, b, m, a / b }'
if [[ -n ${PG_URL:-} ]]; then
  read -r p_s p_runs p_mb p_best p_cpu <<<"$(stat postgres)"
  p_total=$("$toteuma" ledger imports --db "$PG_URL" | awk -F';' 'NR == 2 { print $10 }')
  printf '%-34s %9s  %-40s %7s MB  %s\n' "toteuma import ledger (PostgreSQL)" "$p_s" "$p_runs" "$p_mb" "$p_cpu"
  awk -v p="$p_s" -v t="$t_s" 'BEGIN { printf "ratio PostgreSQL / SQLite import: %.2f× of the medians (the kept file goes into the database too)\n", p / t }'
  [[ "$p_total" == "$t_total" ]] || same="DIFFER (PostgreSQL $p_total)"
fi
echo "check: totals $same (Toteuma $t_total €, $t_rows rows; DuckDB $d_total €, $d_rows rows)"
