"""data/economy.csv against cells read in the Maddison Project Database 2020 workbook.

The cells below were read on 2026-12-01 in the raw XML of mpd2020.xlsx, sheet ``Full data``
(xl/worksheets/sheet3.xml; github.com/CampbellMcN/Constitutions @ 9fee51336ab06cf1bd79c8bf281e27bdeb74962f,
git blob 0fab0f88f3159e2bd9da466ecef5432f3a523a2a), with a regular expression, not with the extraction script.
The workbook stores binary floats in decimal text (``227726.46299999999``); the CSV holds the shortest decimal
that reads back to the same float (``227726.463``). tools/extract/maddison.py writes the CSV.
"""

from __future__ import annotations

import csv
import importlib.util
import os
import sys
from collections import Counter
from pathlib import Path

import pytest
from conftest import extracted

ROOT = Path(__file__).resolve().parents[1]
CSV = ROOT / "data" / "economy.csv"

# (countrycode, year): (gdppc cell, pop cell) as stored in the workbook; None for an empty cell.
WORKBOOK_CELLS = {
    ("USA", "1900"): ("8037.5712000000003", "76391"),
    ("USA", "1980"): ("29611", "227726.46299999999"),
    ("JPN", "1951"): ("3389", "85163.847999999998"),
    ("JPN", "1988"): ("27393", "122613"),
    ("RUS", "1989"): ("12766", "147351.69399999999"),
    ("SUN", "1913"): ("2254", "156192"),
    ("SUN", "1914"): ("2152", None),
}


@pytest.fixture(scope="module")
def rows() -> dict[tuple[str, str], dict[str, str]]:
    with CSV.open(newline="", encoding="utf-8") as handle:
        return {(row["countrycode"], row["year"]): row for row in csv.DictReader(handle)}


def test_counts(rows):
    assert Counter(code for code, _ in rows) == {"USA": 92, "JPN": 92, "SUN": 87, "RUS": 42}
    assert {row["sources"] for row in rows.values()} == {"maddison_2020"}


@pytest.mark.parametrize(("key", "cells"), WORKBOOK_CELLS.items(), ids=["-".join(key) for key in WORKBOOK_CELLS])
def test_values_read_back_to_the_workbook_cells(rows, key, cells):
    row = rows[key]
    for column, cell in zip(("gdppc", "pop"), cells):
        if cell is None:
            assert row[column] == ""
        else:
            assert float(row[column]) == float(cell), (key, column)
            assert len(row[column]) <= len(cell)  # the shortest form, never a rounded one


def test_population_is_not_rounded_to_whole_thousands(rows):
    # The first extract rounded these (from a formatted CSV export); the workbook has decimals.
    assert rows[("USA", "1980")]["pop"] == "227726.463"
    assert rows[("JPN", "1951")]["pop"] == "85163.848"


def test_number_format_is_the_shortest_round_trip():
    spec = importlib.util.spec_from_file_location("maddison", ROOT / "tools" / "extract" / "maddison.py")
    maddison = importlib.util.module_from_spec(spec)
    sys.path.insert(0, str(ROOT / "tools" / "extract"))
    try:
        spec.loader.exec_module(maddison)
    finally:
        sys.path.remove(str(ROOT / "tools" / "extract"))
    assert maddison.number("227726.46299999999") == "227726.463"
    assert maddison.number("76391") == "76391"
    assert maddison.number("") == "" and maddison.number(None) == ""


@pytest.mark.skipif(not os.environ.get("MPD2020_XLSX"), reason="release file not given (MPD2020_XLSX)")
def test_extraction_reproduces_the_table(tmp_path):
    assert extracted(tmp_path, "maddison", os.environ["MPD2020_XLSX"]) == CSV.read_bytes()
