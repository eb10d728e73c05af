#!/usr/bin/env bash
# Every command that reads an input file exits 2 when the file is missing (docs/CHECKS.md: "the
# input could not be used"), naming the file in Finnish and Swedish too, and changes nothing.
# Usage: missing_input.sh TOTEUMA_BINARY SOURCE_DIR
set -u
bin=$1 src=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1
"$bin" load "$src/data/demo" --db demo.db > /dev/null || exit 1
before=$("$bin" dump before --db demo.db > /dev/null && find before -type f -exec md5sum {} + | sort)

cases=(
  "check --table missing.csv"
  "check --table missing.xlsx"
  "check --db demo.db --table missing.csv"
  "check --table $src/tests/checks/cases/clean/t.csv --synonyms missing.csv"
  "import ledger missing.csv --db demo.db"
  "import ledger missing.xlsx --db demo.db"
  "import ledger $src/data/demo/ledger/ledger-2025-01-09.csv --mapping missing.toml --db demo.db"
  "import employments missing.csv --db demo.db"
  "import trainings missing.csv --db demo.db"
  "narrative set --db demo.db --unit kanslia --year 2024 --section commentary --lang fi missing.md"
  "load missing-folder --db demo.db"
)
failed=0
for c in "${cases[@]}"; do
  # shellcheck disable=SC2086  # the case is a word list
  "$bin" $c > /dev/null 2> err.txt
  rc=$?
  if [ $rc -eq 2 ] && grep -q "missing" err.txt && grep -q "tiedostoa ei voi lukea\|ei aineistokansio" err.txt; then
    echo "ok: $c"
  else
    echo "FAILED (exit $rc, want 2 and the file named in fi/sv/en): $c" >&2
    cat err.txt >&2
    failed=1
  fi
done
after=$("$bin" dump after --db demo.db > /dev/null && find after -type f -exec md5sum {} + | sed 's| after/| before/|' | sort)
if [ "$before" != "$after" ]; then
  echo "FAILED: the dataset changed" >&2
  failed=1
fi
exit $failed
