#!/usr/bin/env bash
# Proves the test OpenID provider by hand, as an OpenID client would use it (bash, curl, node only):
# discovery, JWKS, the authorization code flow with PKCE S256, state and nonce through the login
# form, the token endpoint with HTTP Basic, and the claims of the ID token. Then the refusals
# (no PKCE, wrong code_verifier, unknown login) and key set ab (both keys published, key-b signs).
# Prints "N passed, 0 failed" and exits 0 when all hold.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
tmp="$(mktemp -d)"
pid=""
stop() { if [[ -n "$pid" ]]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; pid=""; fi; }
trap 'stop; rm -rf "$tmp"' EXIT
trap 'echo "FAIL: smoke.sh line $LINENO" >&2' ERR

CLIENT=toteuma
REDIRECT=http://127.0.0.1:9/sso/callback
printf 'smoke-secret-%s\n' "$RANDOM$RANDOM" >"$tmp/secret"
SECRET="$(tr -d '\n' <"$tmp/secret")"
passed=0
ok() { passed=$((passed + 1)); echo "ok: $*"; }
fail() { echo "FAIL: $*" >&2; echo "$passed passed, 1 failed"; exit 1; }

# Starts the provider with key set $1 and sets ISSUER from its ready line.
start() {
  stop
  : >"$tmp/out"
  "$here/start-provider.sh" --port 0 --client-id "$CLIENT" --client-secret-file "$tmp/secret" \
    --redirect-uri "$REDIRECT" --post-logout-uri http://127.0.0.1:9/fi/login --key-set "$1" \
    >"$tmp/out" 2>"$tmp/err" &
  pid=$!
  for _ in $(seq 1 600); do
    grep -q '^ready ' "$tmp/out" && break
    sleep 0.1
  done
  ISSUER="$(sed -n 's/^ready //p' "$tmp/out")"
  [[ -n "$ISSUER" ]] || fail "no ready line; stderr: $(cat "$tmp/err")"
  [[ "$(wc -l <"$tmp/out")" -eq 1 ]] || fail "stdout has more than the ready line: $(cat "$tmp/out")"
}

# A JSON field (a dotted path) of stdin, printed by node; arrays and objects as JSON.
json() { node -e '
  let s = ""; process.stdin.on("data", (d) => (s += d)).on("end", () => {
    let v = JSON.parse(s); for (const k of process.argv[1].split(".")) v = v?.[k];
    console.log(typeof v === "string" ? v : JSON.stringify(v)); });' "$1"; }
# Part $2 (0 header, 1 payload) of the JWT $1, decoded.
jwt_part() { node -e 'console.log(Buffer.from(process.argv[1].split(".")[Number(process.argv[2])], "base64url").toString())' "$1" "$2"; }
# A query parameter of the URL $1.
param() { node -e 'console.log(new URL(process.argv[1]).searchParams.get(process.argv[2]) ?? "")' "$1" "$2"; }
rand() { node -e 'console.log(require("crypto").randomBytes(32).toString("base64url"))'; }
s256() { node -e 'console.log(require("crypto").createHash("sha256").update(process.argv[1]).digest("base64url"))' "$1"; }
# "status location" of a request that is not followed.
hop() { curl -s -o "$tmp/body" -w '%{http_code} %{redirect_url}\n' -b "$tmp/jar" -c "$tmp/jar" "$@"; }

# Runs the code flow for account $1 up to the redirect to the client; sets CODE, VERIFIER, NONCE.
flow() {
  rm -f "$tmp/jar"
  VERIFIER="$(rand)"; NONCE="$(rand)"; local state; state="$(rand)"
  local auth; auth="$(json authorization_endpoint <"$tmp/discovery")"
  local url="$auth?client_id=$CLIENT&response_type=code&scope=openid%20profile%20email&redirect_uri=$REDIRECT"
  url+="&state=$state&nonce=$NONCE&code_challenge=$(s256 "$VERIFIER")&code_challenge_method=S256"
  read -r status loc < <(hop "$url")
  [[ "$status" == 303 && "$loc" == "$ISSUER/interaction/"* ]] || fail "authorize: $status $loc"
  local form="$loc"
  read -r status _ < <(hop "$form")
  [[ "$status" == 200 ]] && grep -q '<input name="login" id="login">' "$tmp/body" || fail "login form: $status"
  local action; action="$(grep -o 'action="[^"]*"' "$tmp/body" | sed 's/action="\(.*\)"/\1/')"
  read -r status _ < <(hop --data-urlencode "login=nobody" "$ISSUER$action")
  [[ "$status" == 400 ]] && grep -q 'Tuntematon käyttäjä' "$tmp/body" || fail "unknown login answered $status"
  read -r status loc < <(hop --data-urlencode "login=$1" "$ISSUER$action")
  [[ "$status" == 303 && "$loc" == "$ISSUER/auth/"* ]] || fail "login post: $status $loc"
  read -r status loc < <(hop "$loc")
  [[ "$status" == 303 && "$loc" == "$REDIRECT?"* ]] || fail "resume: $status $loc"
  [[ "$(param "$loc" state)" == "$state" ]] || fail "state not returned: $loc"
  [[ "$(param "$loc" iss)" == "$ISSUER" ]] || fail "iss not returned: $loc"
  CODE="$(param "$loc" code)"
  [[ -n "$CODE" ]] || fail "no code: $loc"
}

token() { # $1 code, $2 verifier; prints "status" and leaves the body in $tmp/token
  local tok; tok="$(json token_endpoint <"$tmp/discovery")"
  curl -s -o "$tmp/token" -w '%{http_code}' -u "$CLIENT:$SECRET" \
    --data-urlencode grant_type=authorization_code --data-urlencode "code=$1" \
    --data-urlencode "redirect_uri=$REDIRECT" --data-urlencode "code_verifier=$2" "$tok"
}

# --- key set a: discovery, JWKS, the whole flow for toimittaja ---
start a
curl -sf "$ISSUER/.well-known/openid-configuration" >"$tmp/discovery" || fail "no discovery document"
[[ "$(json issuer <"$tmp/discovery")" == "$ISSUER" ]] || fail "issuer differs"
for f in authorization_endpoint token_endpoint jwks_uri end_session_endpoint; do
  [[ "$(json "$f" <"$tmp/discovery")" == "$ISSUER/"* ]] || fail "discovery lacks $f"
done
[[ "$(json code_challenge_methods_supported <"$tmp/discovery")" == '["S256"]' ]] || fail "PKCE methods"
ok "discovery at $ISSUER with end_session_endpoint $(json end_session_endpoint <"$tmp/discovery")"
kids="$(curl -sf "$(json jwks_uri <"$tmp/discovery")" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const k=JSON.parse(s).keys;if(k.some(x=>x.d))process.exit(1);console.log(k.map(x=>x.kid+"/"+x.kty+"/"+x.alg).join(","))})')"
[[ "$kids" == "key-a/RSA/RS256" ]] || fail "JWKS of set a: $kids"
ok "JWKS holds the public key-a only"

flow toimittaja
status="$(token "$CODE" "$(rand)")"
[[ "$status" == 400 && "$(json error <"$tmp/token")" == invalid_grant ]] || fail "wrong code_verifier: $status $(cat "$tmp/token")"
ok "a wrong code_verifier is refused (invalid_grant)"

flow toimittaja
status="$(token "$CODE" "$VERIFIER")"
[[ "$status" == 200 ]] || fail "token: $status $(cat "$tmp/token")"
idt="$(json id_token <"$tmp/token")"
header="$(jwt_part "$idt" 0)"; payload="$(jwt_part "$idt" 1)"
[[ "$(json alg <<<"$header")" == RS256 && "$(json kid <<<"$header")" == key-a ]] || fail "id_token header $header"
expect() { [[ "$(json "$1" <<<"$payload")" == "$2" ]] || fail "id_token $1 = $(json "$1" <<<"$payload"), expected $2; payload $payload"; }
expect iss "$ISSUER"; expect aud "$CLIENT"; expect sub toimittaja; expect nonce "$NONCE"
expect name "Eeva Editori"; expect email eeva.editori@laitila.example
expect preferred_username eeva.editori@laitila.example
expect roles '["Toteuma.Editor.kanslia"]'; expect groups '[]'; expect tid tenant-laitila; expect oid oid-1
[[ "$(json exp <<<"$payload")" -gt "$(date +%s)" ]] || fail "id_token expired: $payload"
ok "code flow for toimittaja: id_token (kid key-a) has $payload"

status="$(token "$CODE" "$VERIFIER")"
[[ "$status" == 400 ]] || fail "a used code answered $status"
ok "a code is used once"

# RP-initiated logout: oidc-provider asks to confirm with a form of its own (POST, xsrf), which
# ends its session and redirects to the registered post_logout_redirect_uri with the state.
end="$(json end_session_endpoint <"$tmp/discovery")"
read -r status _ < <(hop "$end?id_token_hint=$idt&post_logout_redirect_uri=http://127.0.0.1:9/fi/login&state=bye")
[[ "$status" == 200 ]] && grep -q 'name="xsrf"' "$tmp/body" || fail "end session page: $status"
xsrf="$(grep -o 'name="xsrf" value="[^"]*"' "$tmp/body" | sed 's/.*value="\(.*\)"/\1/')"
read -r status loc < <(hop --data-urlencode "xsrf=$xsrf" --data-urlencode logout=yes "$end/confirm")
[[ "$status" == 303 && "$loc" == "http://127.0.0.1:9/fi/login?state=bye" ]] || fail "end session confirm: $status $loc"
ok "end session: confirm page, then back to the post_logout_redirect_uri"

rm -f "$tmp/jar"
read -r status loc < <(hop "$(json authorization_endpoint <"$tmp/discovery")?client_id=$CLIENT&response_type=code&scope=openid&redirect_uri=$REDIRECT&state=s&nonce=n")
[[ "$status" == 303 && "$(param "$loc" error)" == invalid_request ]] || fail "no PKCE: $status $loc"
ok "an authorization request without PKCE is refused: $(param "$loc" error_description)"

# --- key set ab: both published, key-b signs; the groups fallback account ---
start ab
curl -sf "$ISSUER/.well-known/openid-configuration" >"$tmp/discovery"
kids="$(curl -sf "$(json jwks_uri <"$tmp/discovery")" | json keys | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).map(k=>k.kid).sort().join(",")))')"
[[ "$kids" == "key-a,key-b" ]] || fail "JWKS of set ab: $kids"
flow ryhma
status="$(token "$CODE" "$VERIFIER")"
[[ "$status" == 200 ]] || fail "token (ab): $status $(cat "$tmp/token")"
idt="$(json id_token <"$tmp/token")"
header="$(jwt_part "$idt" 0)"; payload="$(jwt_part "$idt" 1)"
[[ "$(json kid <<<"$header")" == key-b ]] || fail "set ab signs with $(json kid <<<"$header")"
expect sub ryhma; expect roles '[]'; expect groups '["0f6c1c55-group-talous"]'; expect name "Ritva Ryhmä"
ok "key set ab publishes key-a and key-b and signs with key-b; ryhma's groups are in the id_token"

echo "$passed passed, 0 failed"
