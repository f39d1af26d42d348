"""Extract the Maddison Project Database 2020 series of the United States, Japan, the former USSR and Russia,
1900-1991, into data/economy.csv.

Original file (read from a local copy; pass its path):

    mpd2020.xlsx   the release workbook (sheet ``Full data``), as kept in a public repository:
        github.com/CampbellMcN/Constitutions, path mpd2020.xlsx, commit 9fee51336ab06cf1bd79c8bf281e27bdeb74962f
        (git blob 0fab0f88f3159e2bd9da466ecef5432f3a523a2a). A second copy,
        github.com/PaulR68/economic-determinants-of-Olympic-medals @ cde46234a4df123f7395b69370653084e1ad50c3
        (blob dea1e18b86a79b4cc991c94330a6470de6d7774b), has an added column but the same values; it is accepted
        too.

    e.g.  git --git-dir=<mirror> show 9fee5133:mpd2020.xlsx > mpd2020.xlsx

The file's git blob hash is checked before use. The workbook is read with the standard library (zipfile and
ElementTree), so no spreadsheet package is needed.

Selection: rows of ``Full data`` with countrycode in {USA, JPN, SUN, RUS} and 1900 <= year <= 1991, by country in
that order, then by year. Columns ``countrycode``, ``year``, ``gdppc`` (real GDP per head, 2011 international dollars) and
``pop`` (mid-year population, thousands) as the release names them. A number is written as the shortest decimal
that reads back to the value stored in the workbook (Python's ``repr`` of the float, "76391.0" written "76391"):
no rounding; an empty cell stays empty.

Usage: python tools/extract/maddison.py mpd2020.xlsx [data/economy.csv]
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from xml.etree import ElementTree

from release import read_release, run  # noqa: E402

BLOBS = {
    "0fab0f88f3159e2bd9da466ecef5432f3a523a2a",  # CampbellMcN/Constitutions
    "dea1e18b86a79b4cc991c94330a6470de6d7774b",  # PaulR68/economic-determinants-of-Olympic-medals
}
SHEET = "Full data"
COUNTRIES = ("USA", "JPN", "SUN", "RUS")
YEARS = (1900, 1991)
COLUMNS = ["countrycode", "year", "gdppc", "pop", "sources"]
SOURCES = "maddison_2020"
OUT_DEFAULT = Path(__file__).resolve().parents[2] / "data" / "economy.csv"
MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
RELATIONSHIP = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


def sheet_rows(workbook: zipfile.ZipFile, name: str) -> list[dict[str, str]]:
    """The cells of sheet ``name`` as text, a dict per row keyed by column letter (shared strings resolved)."""
    strings = [
        "".join(text.text or "" for text in item.iter(f"{MAIN}t"))
        for item in ElementTree.fromstring(workbook.read("xl/sharedStrings.xml")).iter(f"{MAIN}si")
    ]
    sheets = ElementTree.fromstring(workbook.read("xl/workbook.xml")).iter(f"{MAIN}sheet")
    target_id = next(sheet.get(RELATIONSHIP) for sheet in sheets if sheet.get("name") == name)
    relations = ElementTree.fromstring(workbook.read("xl/_rels/workbook.xml.rels"))
    target = next(relation.get("Target") for relation in relations if relation.get("Id") == target_id)
    rows = []
    for row in ElementTree.fromstring(workbook.read(f"xl/{target.removeprefix('/xl/')}")).iter(f"{MAIN}row"):
        cells = {}
        for cell in row.iter(f"{MAIN}c"):
            value = cell.find(f"{MAIN}v")
            if value is None or value.text is None:
                continue
            column = cell.get("r").rstrip("0123456789")
            cells[column] = strings[int(value.text)] if cell.get("t") == "s" else value.text
        rows.append(cells)
    return rows


def number(text: str | None) -> str:
    """The shortest decimal that reads back to the stored value; '' for an empty cell."""
    if text is None or text == "":
        return ""
    shortest = repr(float(text))
    return shortest.removesuffix(".0")


def extract(path: Path) -> list[list[str]]:
    """The selected rows of the release workbook at ``path`` (its blob hash checked first)."""
    with zipfile.ZipFile(io.BytesIO(read_release(path, BLOBS))) as workbook:
        header, *body = sheet_rows(workbook, SHEET)
    by_name = {name: column for column, name in header.items()}
    rows = []
    for cells in body:
        code, year = cells.get(by_name["countrycode"]), int(number(cells.get(by_name["year"])) or 0)
        if code in COUNTRIES and YEARS[0] <= year <= YEARS[1]:
            gdppc, pop = (number(cells.get(by_name[column])) for column in ("gdppc", "pop"))
            rows.append([code, str(year), gdppc, pop, SOURCES])
    return sorted(rows, key=lambda row: (COUNTRIES.index(row[0]), int(row[1])))


if __name__ == "__main__":
    run(__doc__, extract, COLUMNS, OUT_DEFAULT)
