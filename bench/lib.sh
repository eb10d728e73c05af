# Shared by the bench scripts (sourced): start `toteuma serve` on a free port and log a user in
# through the login form with curl. The caller defines fail() (print and exit).

# bench_serve BIN OUT SERVE_ARGS...: `BIN serve SERVE_ARGS --address 127.0.0.1 --port 0`, its output
# in OUT; waits for its start line; sets serve_pid and serve_base (http://127.0.0.1:PORT).
bench_serve() {
  local bin=$1 out=$2 port
  shift 2
  "$bin" serve "$@" --address 127.0.0.1 --port 0 >"$out" 2>&1 &
  serve_pid=$!
  for _ in $(seq 600); do  # a 3 000-unit city takes a while to load
    grep -q '^Toteuma: http' "$out" && break
    kill -0 "$serve_pid" 2>/dev/null || fail "toteuma serve exited: $(cat "$out")"
    sleep 0.1
  done
  port=$(sed -n 's#^Toteuma: http://[^:]*:\([0-9]*\)/.*#\1#p' "$out")
  [[ -n "$port" ]] || fail "toteuma serve did not start: $(cat "$out")"
  serve_base=http://127.0.0.1:$port
}

# bench_login BASE USER PASSWORD JAR: the login form wants the toteuma_login cookie's value back as
# login_csrf (double submit); the session cookie lands in JAR and its value in `session`.
bench_login() {
  local base=$1 user=$2 password=$3 jar=$4 login_csrf status
  rm -f "$jar"
  curl -sf -c "$jar" -o /dev/null "$base/fi/login" || fail "GET $base/fi/login failed"
  login_csrf=$(awk '$6 == "toteuma_login" { print $7 }' "$jar")
  status=$(curl -s -b "$jar" -c "$jar" -o /dev/null -w '%{http_code}' --data-urlencode "user=$user" \
    --data-urlencode "password=$password" --data-urlencode "login_csrf=$login_csrf" "$base/fi/login")
  session=$(awk '$6 == "toteuma_session" { print $7 }' "$jar")
  [[ "$status" == 303 && -n "$session" ]] || fail "login of $user at $base failed (HTTP $status)"
}
