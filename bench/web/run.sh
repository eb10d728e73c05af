#!/usr/bin/env bash
# Web benchmark (issue #7 item 8, issue 20): requests per second and p99 latency of the main pages
# (a unit's figures, its follow-up, goals and texts, the checks) served by `toteuma serve` (logged
# in) against the same bytes served as static files by nginx, measured with wrk in one run, runs
# alternating; prints the medians, the ratios and issue 20's targets beside them.
#   bench/web/run.sh            RUNS (5) runs of DURATION (10) seconds each, per page
#   bench/web/run.sh --smoke    1 run of 1 s each (ctest bench_web_smoke)
#   --postgres                  also: two instances on the SQLite file behind nginx (round robin), and
#                               one and two instances on PostgreSQL (issue 18; the cluster in
#                               TOTEUMA_TEST_PG_URL, else a throwaway one by scripts/pg-cluster.sh on PGPORT 55436)
# Environment: TOTEUMA_BIN (else builds RelWithDebInfo toteuma in build-bench), RUNS, DURATION,
#   THREADS (Toteuma's --threads, 2), CONNECTIONS (wrk -c, 64), PAGES (which pages, by name:
#   "unit follow-up goals checks texts"; --postgres measures the unit page only).
# Needs nginx and wrk (scripts/install-deps.sh). Everything runs on 127.0.0.1 in a temp folder.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
runs=${RUNS:-5} duration=${DURATION:-10} threads=${THREADS:-2} connections=${CONNECTIONS:-64} smoke=0 postgres=0
while (($#)); do
  case "$1" in
    --smoke) smoke=1 runs=1 duration=1 ;;
    --postgres) postgres=1 ;;
    -h | --help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "run.sh: unknown argument: $1" >&2; exit 2 ;;
  esac
  shift
done
PATH=$PATH:/usr/sbin  # nginx
tools=(nginx wrk curl)
((postgres)) && tools+=(psql)
for tool in "${tools[@]}"; do
  command -v "$tool" >/dev/null 2>&1 || { echo "run.sh: needs $tool (scripts/install-deps.sh)" >&2; exit 2; }
done

bin=${TOTEUMA_BIN:-}
if [[ -z "$bin" ]]; then
  cmake -S "$repo" -B "$repo/build-bench" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
  cmake --build "$repo/build-bench" --target toteuma >/dev/null
  bin=$repo/build-bench/toteuma
fi

page=/fi/unit/kanslia
query='year=2024'
# A figure of that page in data/demo (kanslia's 2024 income, with a non-breaking space): present
# only on the real page, not on the login page a lost session would redirect to.
figure=$'300\u00a0500'
# The pages measured: name, path, query, and a text from data/demo that only the real page shows.
declare -A page_path page_query page_check
page_path[unit]=$page page_query[unit]=$query page_check[unit]=$figure
# The follow-up of the ledger's month (data/demo/ledger: 2025, months 1–9): its month navigation.
page_path[follow-up]=$page page_query[follow-up]='year=2025&kind=follow-up' page_check[follow-up]='kind=follow-up&amp;month=9" aria-current="page"'
page_path[goals]=$page/goals page_query[goals]='year=2024' page_check[goals]='Kaupunki tulee tutummaksi, ja sen kokonaiskuva on myönteinen.'
page_path[checks]=/fi/checks page_query[checks]='' page_check[checks]='<td><code>binding.overrun'
page_path[texts]=$page/texts page_query[texts]='year=2024' page_check[texts]='<table class="texts">'
read -r -a pages <<<"${PAGES:-unit follow-up goals checks texts}"
((postgres)) && pages=(unit)
for name in "${pages[@]}"; do
  [[ -n "${page_path[$name]:-}" ]] || { echo "run.sh: unknown page: $name (${!page_path[*]})" >&2; exit 2; }
done
url_of() { local q=${page_query[$1]}; echo "${page_path[$1]}${q:+?$q}"; }

work=$(mktemp -d)
toteuma_pid="" nginx_pid=""
more_servers=() more_nginx=()  # --postgres: the other instances and the nginx proxies
pg_cluster="" pg_base="" pg_db=""
cleanup() {
  [[ -n "$toteuma_pid" ]] && kill "$toteuma_pid" 2>/dev/null && wait "$toteuma_pid" 2>/dev/null
  [[ -n "$nginx_pid" ]] && kill -QUIT "$nginx_pid" 2>/dev/null && wait "$nginx_pid" 2>/dev/null
  local p
  # TERM for Toteuma: a background job of a script ignores SIGQUIT.
  for p in "${more_servers[@]}"; do kill "$p" 2>/dev/null && wait "$p" 2>/dev/null; done
  for p in "${more_nginx[@]}"; do kill -QUIT "$p" 2>/dev/null && wait "$p" 2>/dev/null; done
  [[ -n "$pg_db" ]] && psql "$pg_base" -qc "DROP DATABASE IF EXISTS $pg_db WITH (FORCE)" >/dev/null 2>&1
  [[ -n "$pg_cluster" ]] && bash "$repo/scripts/pg-cluster.sh" stop "$pg_cluster"
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "run.sh: $*" >&2; exit 1; }

# --- Toteuma: the demo data, a viewer, a session -----------------------------------------------
load_demo() {  # DB: the demo with its ledger of January–September 2025 (as scripts/demo.sh), and the viewer "bench"
  "$bin" load "$repo/data/demo" --db "$1" >/dev/null
  "$bin" import ledger "$repo/data/demo/ledger/ledger-2025-01-09.csv" --mapping "$repo/data/demo/ledger/mapping.toml" --db "$1" >/dev/null
  "$bin" ledger close --year 2025 --month 9 --db "$1" >/dev/null
  echo "bench-password" | "$bin" user add bench --db "$1" --name "Bench Viewer" --role viewer --password-stdin >/dev/null
}
# shellcheck source=../lib.sh
source "$here/../lib.sh"
start_serve() { bench_serve "$bin" "$work/$2.out" --db "$1" --threads "$threads"; }  # DB NAME
login() {  # login BASE: the viewer's session cookie header, in `cookie`
  bench_login "$1" bench bench-password "$work/cookies"
  cookie="Cookie: toteuma_session=$session"
}

db=$work/bench.db
load_demo "$db"
start_serve "$db" serve
toteuma_pid=$serve_pid base=$serve_base
login "$base"

# Each page once through curl: 200 and its text, so wrk loads the real page; nginx gets the bytes.
mkdir -p "$work/pages"
declare -A page_size
for name in "${pages[@]}"; do
  file=$work/pages/$name.html
  status=$(curl -s -H "$cookie" -o "$file" -w '%{http_code}' "$base$(url_of "$name")")
  [[ "$status" == 200 ]] || fail "$(url_of "$name"): HTTP $status"
  grep -qF "${page_check[$name]}" "$file" || fail "$(url_of "$name") does not show ${page_check[$name]}: not the $name page"
  page_size[$name]=$(stat -c %s "$file")
done
cp "$work/pages/unit.html" "$work/unit.html" 2>/dev/null || curl -s -H "$cookie" -o "$work/unit.html" "$base$page?$query"
size=$(stat -c %s "$work/unit.html")

# --- nginx: the same bytes as a static file, on a free port ------------------------------------
port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
user_line=""
((EUID == 0)) && user_line="user $(id -un) $(id -gn);"  # workers would otherwise drop to nobody
# start_nginx TEMPLATE DIR [SED_ARGS...]: nginx from TEMPLATE (@WORK@ = DIR, @PORT@, @USER@ filled
# in) on a free port, answering $page; sets started_pid and started_port.
start_nginx() {
  local template=$1 dir=$2
  shift 2
  mkdir -p "$dir"
  started_pid=""
  for _ in 1 2 3 4 5; do  # a random port taken meanwhile: try another
    started_port=$((20000 + RANDOM % 40000))
    port_free "$started_port" || continue
    sed -e "s#@WORK@#$dir#g" -e "s#@PORT@#$started_port#g" -e "s#@USER@#$user_line#" "$@" "$template" >"$dir/nginx.conf"
    nginx -p "$dir" -c "$dir/nginx.conf" -e "$dir/error.log" -g 'daemon off;' 2>>"$dir/nginx.out" &
    started_pid=$!
    for _ in $(seq 50); do
      curl -s -o /dev/null "http://127.0.0.1:$started_port$page" && break
      kill -0 "$started_pid" 2>/dev/null || break
      sleep 0.1
    done
    kill -0 "$started_pid" 2>/dev/null && break
    wait "$started_pid" 2>/dev/null || true
    started_pid=""
  done
  [[ -n "$started_pid" ]] || fail "nginx did not start: $(cat "$dir/nginx.out" "$dir/error.log" 2>/dev/null)"
}
start_nginx "$here/nginx.conf" "$work"
nginx_pid=$started_pid nginx_port=$started_port
for name in "${pages[@]}"; do
  curl -sf -o "$work/static.html" "http://127.0.0.1:$nginx_port/pages/$name.html" || fail "nginx did not serve the $name page"
  cmp -s "$work/pages/$name.html" "$work/static.html" || fail "nginx served other bytes than Toteuma's $name page"
done
nginx_version=$(nginx -v 2>&1 | sed 's#.*nginx/##')

# --- --postgres: SQLite with two instances, PostgreSQL with one and two (issue 18) ---------------
# Two instances sit behind nginx round robin (nginx-proxy.conf), as in docs/DEPLOY.md.
start_proxy() {  # start_proxy NAME BASE1 BASE2: sets started_pid and started_port
  start_nginx "$here/nginx-proxy.conf" "$work/$1" -e "s#@UPSTREAM1@#${2#http://}#" -e "s#@UPSTREAM2@#${3#http://}#"
  more_nginx+=("$started_pid")
}
if ((postgres)); then
  sqlite_cookie=$cookie
  start_serve "$db" serve-sqlite-2
  more_servers+=("$serve_pid")
  sqlite2_pid=$serve_pid
  start_proxy proxy-sqlite "$base" "$serve_base"
  sqlite_proxy_pid=$started_pid sqlite_proxy_url="http://127.0.0.1:$started_port$page?$query"

  pg_base=${TOTEUMA_TEST_PG_URL:-}
  if [[ -z "$pg_base" ]]; then  # outside $work: the cluster's folder belongs to postgres when run as root
    pg_cluster=$(mktemp -d /tmp/toteuma-bench-pg.XXXXXX)
    pg_base=$(PGPORT=${PGPORT:-55436} bash "$repo/scripts/pg-cluster.sh" start "$pg_cluster")
  fi
  pg_db=bench_$$
  psql "$pg_base" -qc "CREATE DATABASE $pg_db TEMPLATE template0 ENCODING 'UTF8' LOCALE 'C'" || fail "cannot create a database on $pg_base"
  pg_url=${pg_base%/*}/$pg_db
  pg_version=$(psql "$pg_url" -Atc 'SHOW server_version' | cut -d' ' -f1)
  load_demo "$pg_url"
  start_serve "$pg_url" serve-pg-1
  more_servers+=("$serve_pid")
  pg1_pid=$serve_pid pg1_base=$serve_base
  start_serve "$pg_url" serve-pg-2
  more_servers+=("$serve_pid")
  pg2_pid=$serve_pid
  start_proxy proxy-pg "$pg1_base" "$serve_base"
  pg_proxy_pid=$started_pid pg_proxy_url="http://127.0.0.1:$started_port$page?$query"
  login "$pg1_base"
  pg_cookie=$cookie cookie=$sqlite_cookie
  for url in "$sqlite_proxy_url" "$pg1_base$page?$query" "$pg_proxy_url"; do
    [[ $url == "$pg1_base"* || $url == "$pg_proxy_url" ]] && c=$pg_cookie || c=$cookie
    curl -s -H "$c" "$url" | grep -q "$figure" || fail "$url does not show $figure: not the unit page"
  done
fi

# --- the runs ----------------------------------------------------------------------------------
ticks_per_s=$(getconf CLK_TCK)
cpu_ticks() {  # PID...: user+system clock ticks used so far by these processes (all threads)
  local total=0 p
  for p in "$@"; do total=$((total + $(awk '{ print $14 + $15 }' "/proc/$p/stat"))); done
  echo "$total"
}
nginx_workers() { pgrep -P "${1:-$nginx_pid}" | tr '\n' ' '; }

# bench NAME URL PIDS [HEADER]: one wrk run; appends "req/s p99_ms cpu_us_per_request" to NAME.runs
# and fails the run on errors, non-2xx answers or short answers (a 3xx, e.g. a lost session).
bench() {
  local name=$1 url=$2 pids=$3 header=${4:-} out=$work/$1.wrk size=${BENCH_SIZE:-$size}
  # A generous timeout: a slow answer on a loaded machine counts in the latency, not as an error.
  local args=(-t2 "-c$connections" "-d${duration}s" --latency --timeout 10s)
  [[ -n "$header" ]] && args+=(-H "$header")
  local before after
  # shellcheck disable=SC2086  # PIDS is a list
  before=$(cpu_ticks $pids)
  wrk "${args[@]}" "$url" >"$out" || fail "wrk failed against $name: $(cat "$out")"
  # shellcheck disable=SC2086
  after=$(cpu_ticks $pids)
  ! grep -q 'Non-2xx' "$out" || fail "$name answered non-2xx: $(grep 'Non-2xx' "$out")"
  ! grep -q 'Socket errors' "$out" || fail "$name: $(grep 'Socket errors' "$out")"
  awk -v size="$size" -v cpu=$((after - before)) -v hz="$ticks_per_s" -v name="$name" '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /m$/) return v * 60000; return v * 1000 }
    function bytes(v) { if (v ~ /GB$/) return v * 2^30; if (v ~ /MB$/) return v * 2^20; if (v ~ /KB$/) return v * 2^10; return v + 0 }
    / 99% / { p99 = ms($2) }
    /requests in/ { n = $1; read = bytes($5) }
    /^Requests\/sec:/ { rps = $2 }
    END {
      if (n == 0 || read / n < size) { printf "run.sh: %s: %d requests, %.0f bytes each, the page has %d\n", name, n, read / n, size > "/dev/stderr"; exit 1 }
      printf "%.0f %.2f %.0f\n", rps, p99, cpu * 1e6 / hz / n
    }' "$out" >>"$work/$name.runs" || exit 1
}

toteuma_url="$base$page?$query"
nginx_url="http://127.0.0.1:$nginx_port$page?$query"
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
if ((!smoke)); then  # warm-up, not counted
  wrk -t2 "-c$connections" -d2s -H "$cookie" "$toteuma_url" >/dev/null
  wrk -t2 "-c$connections" -d2s "$nginx_url" >/dev/null
fi
# The unit page's runs are named toteuma and nginx (and the --postgres rows); another page's
# toteuma-NAME and nginx-NAME.
run_name() { [[ $2 == unit ]] && echo "$1" || echo "$1-$2"; }
for name in "${pages[@]}"; do
  : >"$work/$(run_name toteuma "$name").runs"
  : >"$work/$(run_name nginx "$name").runs"
done
for ((i = 1; i <= runs; i++)); do
  for name in "${pages[@]}"; do
    BENCH_SIZE=${page_size[$name]} bench "$(run_name toteuma "$name")" "$base$(url_of "$name")" "$toteuma_pid" "$cookie"
    BENCH_SIZE=${page_size[$name]} bench "$(run_name nginx "$name")" "http://127.0.0.1:$nginx_port/pages/$name.html" "$(nginx_workers)"
  done
  if ((postgres)); then
    bench sqlite2 "$sqlite_proxy_url" "$toteuma_pid $sqlite2_pid $(nginx_workers "$sqlite_proxy_pid")" "$cookie"
    bench pg1 "$pg1_base$page?$query" "$pg1_pid" "$pg_cookie"
    bench pg2 "$pg_proxy_url" "$pg1_pid $pg2_pid $(nginx_workers "$pg_proxy_pid")" "$pg_cookie"
  fi
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
col() { cut -d' ' -f"$2" "$work/$1.runs"; }
summary() {  # NAME → "median_rps rps_runs median_p99 p99_runs median_cpu_us"
  echo "$(col "$1" 1 | median) $(col "$1" 1 | paste -sd,) $(col "$1" 2 | median) $(col "$1" 2 | paste -sd,) $(col "$1" 3 | median)"
}
echo "pages on wrk -t2 -c$connections -d${duration}s, $runs run(s) each, alternating; $(nproc) cores; load average $load_before before, $load_after after"
printf '%-30s %10s %10s %10s  %s / %s\n' "" "req/s" "p99 ms" "CPU µs/req" "runs req/s" "p99 ms"
for name in "${pages[@]}"; do
  read -r t_rps t_rps_runs t_p99 t_p99_runs t_cpu <<<"$(summary "$(run_name toteuma "$name")")"
  read -r n_rps n_rps_runs n_p99 n_p99_runs n_cpu <<<"$(summary "$(run_name nginx "$name")")"
  echo "$name page $(url_of "$name"), ${page_size[$name]} bytes"
  printf '%-30s %10s %10s %10s  %s / %s\n' "  toteuma serve --threads $threads" "$t_rps" "$t_p99" "$t_cpu" "$t_rps_runs" "$t_p99_runs"
  printf '%-30s %10s %10s %10s  %s / %s\n' "  nginx $nginx_version static file" "$n_rps" "$n_p99" "$n_cpu" "$n_rps_runs" "$n_p99_runs"
  # Issue 20's targets: Toteuma's req/s at least half nginx's, its p99 at most twice nginx's.
  awk -v tr="$t_rps" -v nr="$n_rps" -v tp="$t_p99" -v np="$n_p99" -v tc="$t_cpu" -v nc="$n_cpu" 'BEGIN {
    rr = tr / nr; pr = (np > 0 ? tp / np : 0)
    printf "  ratio Toteuma / nginx: req/s %.2f× (target ≥ 0.5×: %s); p99 %.2f× (target ≤ 2×: %s); CPU per request %.1f×\n",
      rr, (rr >= 0.5 ? "met" : "missed"), pr, (pr <= 2 ? "met" : "missed"), (nc > 0 ? tc / nc : 0) }'
  if [[ $name == unit ]]; then u_rps=$t_rps u_p99=$t_p99; fi
done
echo "check: every answer 200 with the page's bytes (Toteuma: each page's own text found, logged in as a viewer)"
t_rps=${u_rps:-0} t_p99=${u_p99:-0}
if ((postgres)); then
  # The same table, more rows: CPU per request of the two-instance rows includes nginx's.
  read -r s2_rps s2_rps_runs s2_p99 s2_p99_runs s2_cpu <<<"$(summary sqlite2)"
  read -r p1_rps p1_rps_runs p1_p99 p1_p99_runs p1_cpu <<<"$(summary pg1)"
  read -r p2_rps p2_rps_runs p2_p99 p2_p99_runs p2_cpu <<<"$(summary pg2)"
  printf '%-30s %10s %10s %10s  %s / %s\n' "SQLite, 2 instances + nginx" "$s2_rps" "$s2_p99" "$s2_cpu" "$s2_rps_runs" "$s2_p99_runs"
  printf '%-30s %10s %10s %10s  %s / %s\n' "PostgreSQL $pg_version, 1 instance" "$p1_rps" "$p1_p99" "$p1_cpu" "$p1_rps_runs" "$p1_p99_runs"
  printf '%-30s %10s %10s %10s  %s / %s\n' "PostgreSQL, 2 instances + nginx" "$p2_rps" "$p2_p99" "$p2_cpu" "$p2_rps_runs" "$p2_p99_runs"
  awk -v s1="$t_rps" -v s2="$s2_rps" -v p1="$p1_rps" -v p2="$p2_rps" 'BEGIN {
    printf "ratio PostgreSQL / SQLite req/s: 1 instance %.2f×, 2 instances %.2f×; 2 instances / 1: SQLite %.2f×, PostgreSQL %.2f×\n", p1 / s1, p2 / s2, s2 / s1, p2 / p1 }'
  echo "instances: --threads $threads each; two instances behind nginx round robin (bench/web/nginx-proxy.conf), CPU includes nginx's workers"
fi
