"""data/trade.csv against lines read in the COW Trade v4.0 national release file.

The lines below were read on 2026-12-01 with ``grep -n`` in National_COW_4.0.csv as taken out of a fetched mirror
(``git show e6cdcde62423b247765248c0c0203deb93b81135:National_COW_4.0.csv``; github.com/will-cotton4/COW-DataScience,
git blob 1e632bbeeb20cd0941463722c097949c8760c607), not with the extraction script, and pasted here as they are.
tools/extract/trade.py writes the CSV.
"""

from __future__ import annotations

import csv
import os
from collections import Counter
from pathlib import Path

import pytest
from conftest import extracted

ROOT = Path(__file__).resolve().parents[1]
CSV = ROOT / "data" / "trade.csv"
SOURCES = "cow_trade_v4;barbieri_keshk_pollins_2009"

# Release lines (file line number: text).
RELEASE_LINES = {
    32: "2,United States of America,USA,1900,823.1699829101563,1460.4599609375,,,1,1,4",
    6556: "365,Russia,RUS,1917,,,,,,,4",
    6558: "365,Russia,RUS,1919,.3203174471855164,5.543915271759033,,,1,1,4",
    6619: "365,Russia,RUS,1980,68522.5078125,76449.28125,,,2.2,2.2,4",
    6620: "365,Russia,RUS,1981,47245.8757645681,38723.8898811827,,,2,2,4",
    12464: "740,Japan,JPN,1945,,,,,,,4",
    12504: "740,Japan,JPN,1991,236657.341338173,314977.99281511,,,2,2,4",
}


@pytest.fixture(scope="module")
def lines() -> list[str]:
    return CSV.read_text(encoding="utf-8").splitlines()


def test_header_and_line_ends():
    data = CSV.read_bytes()
    assert b"\r" not in data and data.endswith(b"\n")
    assert data.split(b"\n", 1)[0] == (
        b"ccode,statename,stateabb,year,imports,exports,alt_imports,alt_exports,source1,source2,version,sources"
    )


def test_counts():
    with CSV.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert Counter(row["stateabb"] for row in rows) == {"USA": 92, "RUS": 92, "JPN": 86}
    assert {row["sources"] for row in rows} == {SOURCES}
    assert {row["version"] for row in rows} == {"4"}
    missing = sorted((row["stateabb"], row["year"]) for row in rows if row["imports"] == "")
    assert missing == [("JPN", "1945")] + [("RUS", str(year)) for year in (1917, 1918, 1940, 1941, 1942, 1943, 1944)]


@pytest.mark.parametrize("line", RELEASE_LINES.values(), ids=[str(n) for n in RELEASE_LINES])
def test_rows_are_the_release_text(lines, line):
    assert f"{line},{SOURCES}" in lines


@pytest.mark.skipif(
    not os.environ.get("COW_TRADE_NATIONAL_CSV"), reason="release file not given (COW_TRADE_NATIONAL_CSV)"
)
def test_extraction_reproduces_the_table(tmp_path):
    assert extracted(tmp_path, "trade", os.environ["COW_TRADE_NATIONAL_CSV"]) == CSV.read_bytes()
