#!/usr/bin/env bash
# The demo's annual report 2024 for Loviisa's center in Finnish and Swedish, in all four formats,
# checked as a reader's tools see them: pdfinfo (tagged), pdffonts (embedded), pdftotext (the seed's
# figures), LibreOffice (DOCX and XLSX convert without errors; the XLSX cells are numbers).
# Usage: formats.sh TOTEUMA_BIN SOURCE_DIR
set -euo pipefail
bin=$1 src=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
lo() { timeout 180 soffice -env:UserInstallation=file://$work/lo --headless "$@" >"$work/lo.log" 2>&1 || { cat "$work/lo.log"; fail "LibreOffice: $*"; }; }

"$bin" load "$src/data/demo" --db "$work/demo.db" >/dev/null
for lang in fi sv; do
  for f in html pdf docx xlsx; do
    "$bin" report --db "$work/demo.db" --doc annual-report --unit kanslia --year 2024 --lang $lang --format $f \
      --date 2026-11-22 -o "$work/ar-$lang.$f" >/dev/null
  done
  # Seed 000 (and its Swedish counterpart): Toimintatuotot TA 300 500, TP 281 829; Henkilöstökulut -1 935 039.
  pdfinfo "$work/ar-$lang.pdf" | grep -q '^Tagged: *yes' || fail "$lang PDF is not tagged"
  if pdffonts "$work/ar-$lang.pdf" | tail -n +3 | awk '{ if ($(NF-4) != "yes") bad=1 } END { exit !bad }'; then
    pdffonts "$work/ar-$lang.pdf"; fail "$lang PDF has a font that is not embedded"
  fi
  pdftotext -layout "$work/ar-$lang.pdf" - | tr '\302\240' '  ' | sed 's/\xc2\xa0/ /g' > "$work/pdf-$lang.txt"
  for figure in "300 500" "281 829" "-1 935 039" "-18 671"; do
    grep -q -- "$figure" "$work/pdf-$lang.txt" || fail "$lang PDF lacks $figure"
  done
  # The table of contents prints page numbers (the second print).
  pages=$(pdfinfo "$work/ar-$lang.pdf" | awk '/^Pages:/ {print $2}')
  [[ $pages -ge 3 ]] || fail "$lang PDF has $pages pages"

  lo --convert-to pdf --outdir "$work/docx-$lang" "$work/ar-$lang.docx"
  pdftotext "$work/docx-$lang/ar-$lang.pdf" - | sed 's/\xc2\xa0/ /g' > "$work/docx-$lang.txt"
  for figure in "281 829" "-1 935 039"; do grep -q -- "$figure" "$work/docx-$lang.txt" || fail "$lang DOCX lacks $figure"; done

  # Every sheet as CSV (LibreOffice ≥ 7.2: sheet -1 = all, one file each); numbers come out unquoted.
  lo --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1' \
    --outdir "$work/xlsx-$lang" "$work/ar-$lang.xlsx"
  cat "$work"/xlsx-$lang/*.csv > "$work/xlsx-$lang.csv"
  grep -qE '^"?(Toimintatuotot|Verksamhetens intäkter)"?,300500,,300500,281829,-18671$' "$work/xlsx-$lang.csv" ||
    { grep -E 'Toimintatuotot|intäkter' "$work/xlsx-$lang.csv" >&2; fail "$lang XLSX operating income is not numbers 300500 … 281829"; }
done
# Same figures in both languages: the numeric cells of the two workbooks are the same (sheets are
# named in each language, so compare them as sorted lists).
numbers() { tr ',' '\n' < "$1" | grep -xE -- '-?[0-9]+(\.[0-9]+)?' | sort; }
[[ $(numbers "$work/xlsx-fi.csv" | wc -l) -gt 100 ]] || fail "too few numeric cells in the workbook"
diff <(numbers "$work/xlsx-fi.csv") <(numbers "$work/xlsx-sv.csv") >&2 ||
  fail "the Finnish and Swedish workbooks hold different numbers"
echo "formats.sh: annual report 2024 fi+sv in html, pdf (tagged, fonts embedded), docx and xlsx: ok"
