#!/usr/bin/env bash
# Growth benchmark (issue 20 item 4): does the cost grow linearly with the city? Generates cities
# of 30, 300 and 3 000 units (bench/documents/generate.mjs) and times, per size: `toteuma load`,
# `toteuma check --db`, each document kind as HTML for the root, and the root's unit page over
# HTTP. Prints the medians, then per item the fitted exponent (slope of log time on log units;
# target ≤ 1.1). The peer is the size itself: 10× the units should cost at most ~10× the time.
# `sqlite3` summing the figure table is printed per size as a floor.
#   bench/growth/run.sh            full: 30, 300, 3000 units; 5 runs (GETS=20 requests) each
#   bench/growth/run.sh --smoke    30, 60, 120 units; 1 run, 3 requests (ctest bench_growth_smoke)
# Options: --runs N, --keep DIR (keep datasets and databases there).
# Environment: TOTEUMA (else builds Release toteuma in build-bench), GETS.
# Needs node (the generator) and curl; sqlite3 for the floor (skipped without it).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
smoke=0 runs=5 keep="" gets=${GETS:-20}
while (($#)); do
  case "$1" in
    --smoke) smoke=1 runs=1 gets=3 ;;
    --runs) runs=$2; shift ;;
    --keep) keep=$2; shift ;;
    -h | --help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "run.sh: unknown argument: $1" >&2; exit 2 ;;
  esac
  shift
done
for tool in node curl; do
  command -v "$tool" >/dev/null 2>&1 || { echo "run.sh: needs $tool" >&2; exit 2; }
done

if [[ -z "${TOTEUMA:-}" ]]; then
  # -Wno-restrict: g++ 12 at -O3 reports a false -Wrestrict in std::string (GCC bug 105329).
  cmake -S "$repo" -B "$repo/build-bench" -G Ninja -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_FLAGS=-Wno-restrict >/dev/null
  cmake --build "$repo/build-bench" --target toteuma >/dev/null
  TOTEUMA=$repo/build-bench/toteuma
fi

serve_pid=""
if [[ -n "$keep" ]]; then
  work=$keep
  mkdir -p "$work"
  trap '[[ -n "$serve_pid" ]] && kill "$serve_pid" 2>/dev/null; true' EXIT
else
  work=$(mktemp -d)
  trap '[[ -n "$serve_pid" ]] && kill "$serve_pid" 2>/dev/null; rm -rf "$work"' EXIT
fi
fail() { echo "run.sh: $*" >&2; exit 1; }

# Generator arguments (sectors, areas per sector, cost centers): 1 + S + S·A + C units.
if ((smoke)); then
  sizes=(30 60 120)
  declare -A gen=([30]="2 3 21" [60]="2 3 51" [120]="2 3 111")
else
  sizes=(30 300 3000)
  declare -A gen=([30]="2 3 21" [300]="10 6 229" [3000]="10 6 2939")
fi
root=bench
declare -A year=([budget-book]=2025 [annual-report]=2024 [service-plan]=2025 [personnel-plan]=2025)
kinds=(budget-book annual-report service-plan personnel-plan)
items=(load check "${kinds[@]}" unit-page)
declare -A ms  # "item size" → median ms

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : int((v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }
# measure OKCODES CMD...: median wall ms of $runs runs; exit codes other than those listed fail.
measure() {
  local ok=$1 t0 t1 rc
  shift
  : >"$work/wall"
  for ((i = 0; i < runs; i++)); do
    t0=$(date +%s%N)
    rc=0
    "$@" >/dev/null 2>"$work/err" || rc=$?
    t1=$(date +%s%N)
    [[ " $ok " == *" $rc "* ]] || { cat "$work/err" >&2; fail "$* exited $rc"; }
    echo $(((t1 - t0) / 1000000)) >>"$work/wall"
  done
  median <"$work/wall"
}
# shellcheck source=../lib.sh
source "$here/../lib.sh"
load_fresh() { rm -f "$2" "$2-wal" "$2-shm"; "$TOTEUMA" load "$1" --db "$2"; }

# The unit page: a server on a free port, a viewer logged in (as bench/web/run.sh does).
serve_page_ms() {
  local db=$1 status
  echo "bench-password" | "$TOTEUMA" user add viewer --db "$db" --name "Growth Viewer" --role viewer --password-stdin >/dev/null
  bench_serve "$TOTEUMA" "$work/serve.out" --db "$db" --threads 2
  local base=$serve_base
  bench_login "$base" viewer bench-password "$work/cookies"
  local url="$base/fi/unit/$root?year=2024" cookie="Cookie: toteuma_session=$session"
  # One warm-up request, which must be the real page (200, not a redirect to the login).
  status=$(curl -s -H "$cookie" -o "$work/unit.html" -w '%{http_code}' "$url")
  [[ "$status" == 200 ]] && grep -q '<html lang="fi"' "$work/unit.html" || fail "$url: HTTP $status"
  for ((i = 0; i < gets; i++)); do
    curl -s -H "$cookie" -o /dev/null -w '%{http_code} %{time_total}\n' "$url"
  done >"$work/gets"
  awk '$1 != 200 { bad = 1 } END { exit bad }' "$work/gets" || fail "$url: a request did not answer 200"
  kill "$serve_pid" && wait "$serve_pid" 2>/dev/null || true
  serve_pid=""
  awk '{ print int($2 * 1000 + 0.5) }' "$work/gets" | median
}

echo "toteuma growth, root unit, median of $runs run(s) ($gets GETs for the unit page), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
fmt='%6s %8s %8s %8s %8s %11s %13s %12s %14s %9s %10s\n'
echo "times in ms:"
printf "$fmt" units versions figures load check budget-book annual-report service-plan personnel-plan unit-page sqlite3
for n in "${sizes[@]}"; do
  ds=$work/ds$n db=$work/ds$n.db
  [[ -d "$ds" && -n "$keep" ]] || { rm -rf "$ds"; node "$repo/bench/documents/generate.mjs" "$ds" ${gen[$n]} >/dev/null; }
  ms["load $n"]=$(measure 0 load_fresh "$ds" "$db")
  ms["check $n"]=$(measure "0 1" "$TOTEUMA" check --db "$db")
  for kind in "${kinds[@]}"; do
    out=$work/$kind.$n.html
    ms["$kind $n"]=$(measure 0 "$TOTEUMA" report --db "$db" --doc "$kind" --unit "$root" --year "${year[$kind]}" \
      --lang fi --format html -o "$out" --date 2025-03-01)
    grep -q '<html lang="fi"' "$out" || fail "$out is not an HTML document"
  done
  ms["unit-page $n"]=$(serve_page_ms "$db")
  floor=-
  if command -v sqlite3 >/dev/null 2>&1; then
    floor=$(measure 0 sqlite3 "$db" 'SELECT count(*), sum(amount_cents) FROM figure')
  fi
  versions=$(($(wc -l <"$ds/units.csv") - 1))
  figures=$(($(wc -l <"$ds/figures.csv") - 1))
  printf "$fmt" "$n" "$versions" "$figures" "${ms[load $n]}" \
    "${ms[check $n]}" "${ms[budget-book $n]}" "${ms[annual-report $n]}" "${ms[service-plan $n]}" \
    "${ms[personnel-plan $n]}" "${ms[unit-page $n]}" "$floor"
done

# The exponent: least-squares slope of log(time) on log(units). Times of 0 ms count as 1 ms.
echo "fitted exponent (time ~ units^k; target k <= 1.1), and time ratio for each 10x step in units:"
all_ok=1
for item in "${items[@]}"; do
  pts=""
  for n in "${sizes[@]}"; do pts+="$n ${ms[$item $n]} "; done
  line=$(echo "$pts" | awk -v item="$item" '{
    for (i = 1; i <= NF; i += 2) { x = log($i); y = log($(i + 1) > 0 ? $(i + 1) : 1); n++; sx += x; sy += y; sxx += x * x; sxy += x * y; t[n] = $(i + 1) > 0 ? $(i + 1) : 1 }
    k = (n * sxy - sx * sy) / (n * sxx - sx * sx)
    r = ""; for (j = 2; j <= n; j++) r = r sprintf(" %.1fx", t[j] / t[j - 1])
    printf "%-15s k = %5.2f  %s  ratios:%s\n", item, k, (k <= 1.1 ? "ok" : "OVER"), r }')
  echo "$line"
done
big=${sizes[-1]}
echo "$big-unit annual report HTML: ${ms[annual-report $big]} ms (target < 2000 ms)"
