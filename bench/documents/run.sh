#!/usr/bin/env bash
# Document benchmark (issue #6 item 6): generates a synthetic municipality (300 units, 5 years,
# goals, personnel, narratives), loads it, and times `toteuma report` for the root unit for every
# kind × language × format. Prints the median of the runs (ms) and the output size.
#   bench/documents/run.sh            full: 300 units, 5 runs each, html pdf docx xlsx
#   bench/documents/run.sh --smoke    tiny: 20 units, 1 run, html and xlsx (ctest bench_documents_smoke)
# Options: --runs N, --keep DIR (keep dataset, database and outputs there).
# Uses $TOTEUMA if set, else builds Release toteuma in build-bench. Times with hyperfine when it is
# installed (apt-get install -y hyperfine; not needed by CI), else with a `date +%s%N` loop.
# Needs node (the generator) and, for PDF, chromium.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
smoke=0 runs=5 keep=""
while (($#)); do
  case "$1" in
    --smoke) smoke=1 runs=1 ;;
    --runs) runs=$2; shift ;;
    --keep) keep=$2; shift ;;
    -h | --help) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "run.sh: unknown argument: $1" >&2; exit 2 ;;
  esac
  shift
done

if [[ -z "${TOTEUMA:-}" ]]; then
  # -Wno-restrict: g++ 12 at -O3 reports a false -Wrestrict in std::string (GCC bug 105329).
  cmake -S "$repo" -B "$repo/build-bench" -G Ninja -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_FLAGS=-Wno-restrict >/dev/null
  cmake --build "$repo/build-bench" --target toteuma >/dev/null
  TOTEUMA=$repo/build-bench/toteuma
fi

if [[ -n "$keep" ]]; then
  work=$keep
  rm -rf "$work/dataset" "$work/out" "$work/bench.db" "$work/bench.db-wal" "$work/bench.db-shm"
  mkdir -p "$work"
else
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
fi
mkdir -p "$work/out"

if ((smoke)); then
  node "$here/generate.mjs" "$work/dataset" 2 3 11 >/dev/null
  formats=(html xlsx)
else
  node "$here/generate.mjs" "$work/dataset"
  formats=(html pdf docx xlsx)
fi
db=$work/bench.db
"$TOTEUMA" load "$work/dataset" --db "$db" >/dev/null

use_hyperfine=0
if ((!smoke)) && command -v hyperfine >/dev/null 2>&1; then use_hyperfine=1; fi

# measure CMD...: runs CMD $runs times (after one warm-up run) and prints "wall cpu": the median
# wall time and the mean user+system CPU time (the command and its children, e.g. chromium), in ms.
# CPU time shows the work done even when other jobs share the machine and stretch the wall time.
measure() {
  if ((use_hyperfine)); then
    hyperfine -N --warmup 1 --runs "$runs" --style none --export-json "$work/h.json" "$(printf '%q ' "$@")" \
      >/dev/null 2>"$work/err" || { cat "$work/err" >&2; return 1; }
    node -e 'const r = require(process.argv[1]).results[0];
      console.log(Math.round(r.median * 1000), Math.round((r.user + r.system) * 1000))' "$work/h.json"
    return
  fi
  ((smoke)) || "$@" >/dev/null || return 1
  local t0 t1 TIMEFORMAT='%U %S'
  : >"$work/wall"
  : >"$work/cpu"
  for ((i = 0; i < runs; i++)); do
    t0=$(date +%s%N)
    { time "$@" >/dev/null 2>"$work/err"; } 2>>"$work/cpu" || { cat "$work/err" >&2; return 1; }
    t1=$(date +%s%N)
    echo $(((t1 - t0) / 1000000)) >>"$work/wall"
  done
  local wall cpu
  wall=$(sort -n "$work/wall" | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : int((v[NR / 2] + v[NR / 2 + 1]) / 2) }')
  cpu=$(awk '{ s += $1 + $2 } END { printf "%d", s * 1000 / NR + 0.5 }' "$work/cpu")
  echo "$wall $cpu"
}

# The annual report covers the last closed year; the plans the budget year.
declare -A year=([budget-book]=2025 [annual-report]=2024 [service-plan]=2025 [personnel-plan]=2025)
kinds=(budget-book annual-report service-plan personnel-plan)
echo "toteuma report, root unit, median of $runs run(s), $(nproc) cores, timer: $( ((use_hyperfine)) && echo hyperfine || echo 'date +%s%N')"
printf '%-15s %-4s %-6s %10s %8s %10s\n' kind lang format median_ms cpu_ms bytes
html_ms=""
for kind in "${kinds[@]}"; do
  for lang in fi sv; do
    for format in "${formats[@]}"; do
      out=$work/out/$kind.$lang.$format
      res=$(measure "$TOTEUMA" report --db "$db" --doc "$kind" --unit bench --year "${year[$kind]}" --lang "$lang" \
        --format "$format" -o "$out" --date 2025-03-01)
      read -r ms cpu <<<"$res"
      size=$(stat -c %s "$out")
      # A document that is empty or not what its format promises fails the run.
      case "$format" in
        html) grep -q "<html lang=\"$lang\"" "$out" ;;
        pdf) [[ $(head -c 5 "$out") == "%PDF-" ]] ;;
        docx | xlsx) [[ $(head -c 2 "$out") == "PK" ]] ;;
      esac || { echo "run.sh: $out is not a $format document" >&2; exit 1; }
      printf '%-15s %-4s %-6s %10s %8s %10s\n' "$kind" "$lang" "$format" "$ms" "$cpu" "$size"
      if [[ "$kind/$lang/$format" == annual-report/fi/html ]]; then html_ms=$ms; fi
    done
  done
done
echo "HTML whole municipality (annual-report fi): $html_ms ms (target < 1000 ms)"
