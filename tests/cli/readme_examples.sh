#!/usr/bin/env bash
# Runs every command example of README.md as written, in order, on a freshly loaded demo: the
# `build/toteuma …` lines of its ```sh blocks (a trailing "# comment" and optional "[…]" parts
# left out), from a scratch folder where build/toteuma is the built binary and data/ the source
# tree's. Each must exit 0 (`check`: 0 or 1, "errors found"). `serve` runs until stopped, so it
# is only listed; the PDF example is skipped without Chromium.
# Usage: readme_examples.sh TOTEUMA_BINARY SOURCE_DIR
set -u
bin=$1 src=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/build"
ln -s "$bin" "$work/build/toteuma"
ln -s "$src/data" "$work/data"
cd "$work" || exit 1

mapfile -t examples < <(awk '/^```sh/ {on = 1; next} /^```/ {on = 0} on' "$src/README.md" |
  grep -E '^(build/toteuma |echo .*\| *build/toteuma )' | sed -E 's/ +# .*$//; s/ \[[^]]*\]//g')
if [ "${#examples[@]}" -lt 20 ]; then
  echo "found only ${#examples[@]} examples in README.md: the extraction is broken" >&2
  exit 1
fi
case "${examples[0]}" in
  "build/toteuma load data/demo --db demo.db") ;;
  *) echo "the first example must load the demo, found: ${examples[0]}" >&2; exit 1 ;;
esac

failed=0
for cmd in "${examples[@]}"; do
  case "$cmd" in
    *" serve "*) echo "listed only: $cmd"; continue ;;
    *"--format pdf"*) command -v chromium > /dev/null || { echo "skipped (no chromium): $cmd"; continue; } ;;
  esac
  bash -c "$cmd" > out.txt 2> err.txt
  rc=$?
  ok=0
  case "$cmd" in
    "build/toteuma check "*) [ $rc -le 1 ] && ok=1 ;;
    *) [ $rc -eq 0 ] && ok=1 ;;
  esac
  if [ $ok -eq 1 ]; then
    echo "ok ($rc): $cmd"
  else
    echo "FAILED ($rc): $cmd" >&2
    head -5 err.txt >&2
    failed=1
  fi
done
exit $failed
