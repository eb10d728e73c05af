#!/usr/bin/env bash
# The published-tables corpus (tests/checks/published/, issue 15) as a test: `toteuma check --table`
# on every corpus file, its errors compared with the genuine faults worked out by hand
# (published/expected.csv, from EXPECTED.md and SOURCES.md).
#
# - An expected fault marked `must` that is not reported fails the test (missed).
# - An error that no expected row names is a false error. Each file may have at most its
#   allowance of them (published/allowances.csv: known false errors not yet fixed). More fails;
#   fewer fails too, asking for the allowance to be lowered — the allowances only go down.
# - An expected fault marked `pending` (one the checker cannot find yet) is counted as missed but
#   does not fail; once found, the test fails asking for it to be marked `must`.
# - Exit status of each run: 1 where a `must` fault is in the file, else 0 once no false error
#   is allowed for it.
# Usage: published_corpus.sh TOTEUMA_BINARY SOURCE_DIR
set -u
bin=$1 src=$2
dir=$src/tests/checks/published
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# file;rule;line;column;severity of every error a run reports (the CSV output's quoting undone).
errors_of() {
  awk '
    function split_csv(s, out,    n, i, c, f, q) {
      n = 0; f = ""; q = 0
      for (i = 1; i <= length(s); i++) {
        c = substr(s, i, 1)
        if (q) { if (c == "\"") { if (substr(s, i + 1, 1) == "\"") { f = f "\""; i++ } else q = 0 } else f = f c }
        else if (c == "\"") q = 1
        else if (c == ";") { out[++n] = f; f = "" }
        else f = f c
      }
      out[++n] = f
      return n
    }
    NR > 1 { split_csv($0, F); if (F[1] == "error") print F[3] ";" F[2] ";" F[4] ";" F[7] ";" F[1] }'
}

# Does an expected row (rule, line, column may list alternatives with "|"; rule "*" is any) name
# the error e (file;rule;line;column;severity)?
matches() {
  awk -F';' -v e="$2" '
    function any(alts, v,    a, n, i) { if (alts == "*") return 1; n = split(alts, a, "|"); for (i = 1; i <= n; i++) if (a[i] == v) return 1; return 0 }
    BEGIN { split(e, E, ";") }
    { if ($1 == E[1] && any($2, E[2]) && any($3, E[3]) && any($4, E[4]) && $5 == E[5]) { found = 1; exit } }
    END { exit found ? 0 : 1 }' <<< "$1"
}

grep -v '^#' "$dir/expected.csv" | tail -n +2 | grep -v '^$' > "$work/all_expected" || true
# Faults between tables (rule cross.*) are looked for in one run of the whole corpus, below.
grep -v '^[^;]*;cross\.' "$work/all_expected" > "$work/expected" || true
grep '^[^;]*;cross\.' "$work/all_expected" > "$work/expected_cross" || true
grep -v '^#' "$dir/allowances.csv" | tail -n +2 | grep -v '^$' > "$work/allowances" || true

failed=0 total_false=0 total_missed=0 total_pending=0
printf '%-52s %6s %9s %6s %7s\n' file false allowance missed pending
for path in "$dir"/*.csv; do
  f=$(basename "$path")
  case $f in expected.csv | allowances.csv) continue ;; esac
  "$bin" check --table "$path" --format csv > "$work/out.csv" 2> "$work/err.txt"
  rc=$?
  errors_of < "$work/out.csv" > "$work/errors"
  awk -F';' -v f="$f" '$1 == f' "$work/expected" > "$work/exp_file"
  # False errors: reported, named by no expected row.
  nfalse=0
  while IFS= read -r e; do
    matched=0
    while IFS= read -r x; do matches "$x" "$e" && { matched=1; break; }; done < "$work/exp_file"
    if [ $matched -eq 0 ]; then
      nfalse=$((nfalse + 1))
      echo "$e" >> "$work/false_all"
      [ -n "${VERBOSE:-}" ] && echo "  false: $e"
    fi
  done < "$work/errors"
  # Missed: expected rows no reported error matches.
  nmissed=0 npending=0 must_in_file=0
  while IFS= read -r x; do
    status=$(cut -d';' -f6 <<< "$x")
    found=0
    while IFS= read -r e; do matches "$x" "$e" && { found=1; break; }; done < "$work/errors"
    [ "$status" = must ] && must_in_file=1
    if [ $found -eq 0 ] && [ "$status" = must ]; then
      nmissed=$((nmissed + 1)); failed=1; echo "  MISSED (must): $x"
    elif [ $found -eq 0 ]; then
      npending=$((npending + 1))
    elif [ "$status" != must ]; then
      failed=1; echo "  NOW FOUND: $x — mark it 'must' in expected.csv"
    fi
  done < "$work/exp_file"
  allow=$(awk -F';' -v f="$f" '$1 == f { print $2 }' "$work/allowances")
  allow=${allow:-0}
  printf '%-52s %6d %9d %6d %7d\n' "$f" "$nfalse" "$allow" "$nmissed" "$npending"
  if [ "$nfalse" -gt "$allow" ]; then
    failed=1; echo "  FALSE ERRORS: $nfalse > allowance $allow (VERBOSE=1 lists them)"
  elif [ "$nfalse" -lt "$allow" ]; then
    failed=1; echo "  fewer false errors than allowed: lower $f's allowance to $nfalse in allowances.csv"
  fi
  want=0
  { [ $must_in_file -eq 1 ] || [ "$allow" -gt 0 ]; } && want=1
  if [ $rc -ne $want ] && ! { [ "$allow" -gt 0 ] && [ $rc -eq 0 ]; }; then
    failed=1; echo "  exit status $rc, expected $want"; cat "$work/err.txt"
  fi
  total_false=$((total_false + nfalse)) total_missed=$((total_missed + nmissed)) total_pending=$((total_pending + npending))
done
# The whole corpus in one run: tables of one document, or of one unit in two documents or languages,
# are compared (cross.*). Every cross error must be an expected one; every expected one must be found.
files=()
for path in "$dir"/*.csv; do case $(basename "$path") in expected.csv | allowances.csv) ;; *) files+=("$path") ;; esac; done
"$bin" check --table "${files[@]}" --format csv > "$work/out.csv" 2> "$work/err.txt"
errors_of < "$work/out.csv" | grep ';cross\.' > "$work/errors" || true
while IFS= read -r e; do
  matched=0
  while IFS= read -r x; do matches "$x" "$e" && { matched=1; break; }; done < "$work/expected_cross"
  [ $matched -eq 0 ] && { total_false=$((total_false + 1)); failed=1; echo "$e" >> "$work/false_all"; echo "  false (whole corpus): $e"; }
done < "$work/errors"
while IFS= read -r x; do
  found=0
  while IFS= read -r e; do matches "$x" "$e" && { found=1; break; }; done < "$work/errors"
  status=$(cut -d';' -f6 <<< "$x")
  if [ $found -eq 0 ] && [ "$status" = must ]; then total_missed=$((total_missed + 1)); failed=1; echo "  MISSED (must, whole corpus): $x"
  elif [ $found -eq 0 ]; then total_pending=$((total_pending + 1))
  elif [ "$status" != must ]; then failed=1; echo "  NOW FOUND: $x — mark it 'must' in expected.csv"; fi
done < "$work/expected_cross"
printf '%-52s %6s\n' "whole corpus in one run (cross.*)" "$(wc -l < "$work/errors") errors"
touch "$work/false_all"
echo "false errors by rule:"; cut -d';' -f2 "$work/false_all" | sort | uniq -c | sort -rn
echo "corpus: $total_false false errors, $total_missed missed, $total_pending pending (not yet findable)"
exit $failed
