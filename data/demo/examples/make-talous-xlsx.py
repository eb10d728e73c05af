#!/usr/bin/env python3
"""Writes talous.xlsx: Talous- ja henkilöstöpalvelut's 2024 operating statement as a person would
type it into a spreadsheet (metadata and headings as text, amounts as numbers; the demo's
figures). A hand-written workbook with only the parts a reader needs, byte for byte the same on
every run (fixed zip timestamps). Run: python3 data/demo/examples/make-talous-xlsx.py"""
import os
import zipfile
from xml.sax.saxutils import escape

META = ["# document: Loviisan kaupunki, toimintakertomus 2024", "# unit: talous", "# year: 2024", "# language: fi"]
HEAD = ["", "TA 2024", "TA-muutokset", "TA 2024 muutosten jälkeen", "TP 2024", "Poikkeama"]
ROWS = [
    ("Toimintatuotot", 280000, None, 280000, 254278, -25722),
    ("Valmistus omaan käyttöön", None, None, None, None, None),
    ("Toimintakulut", -2021007, None, -2021007, -2094028, -73021),
    ("Toimintakate ulkoinen", -1741007, None, -1741007, -1839750, -98743),
    ("Poistot ja arvonalentumiset", -25811, None, -25811, -25811, 0),
    ("Sisäiset erät", -35911, None, -35911, -31970, 3941),
    ("Kustannuslaskennalliset erät", 1776661, None, 1776661, 1953963, 177302),
]
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"


def cell(col, row, value):
    ref = "ABCDEF"[col] + str(row)
    if value is None or value == "":
        return ""
    if isinstance(value, int):
        return f'<c r="{ref}"><v>{value}</v></c>'
    return f'<c r="{ref}" t="inlineStr"><is><t>{escape(value)}</t></is></c>'


rows = [[m] for m in META] + [HEAD] + [list(r) for r in ROWS]
data = "".join(f'<row r="{i}">' + "".join(cell(c, i, v) for c, v in enumerate(r)) + "</row>" for i, r in enumerate(rows, 1))
parts = {
    "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    "</Types>",
    "_rels/.rels": f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{PKG}">'
    f'<Relationship Id="rId1" Type="{REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    "xl/workbook.xml": f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{MAIN}" xmlns:r="{REL}">'
    '<sheets><sheet name="Tuloslaskelma" sheetId="1" r:id="rId1"/></sheets></workbook>',
    "xl/_rels/workbook.xml.rels": f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{PKG}">'
    f'<Relationship Id="rId1" Type="{REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    "xl/worksheets/sheet1.xml": f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{MAIN}"><sheetData>{data}</sheetData></worksheet>',
}
out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "talous.xlsx")
with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
    for name, text in parts.items():
        z.writestr(zipfile.ZipInfo(name, (2025, 1, 1, 0, 0, 0)), text.encode("utf-8"), zipfile.ZIP_DEFLATED)
