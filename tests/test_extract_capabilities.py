"""data/capabilities.csv against lines read in the COW National Material Capabilities v6.0 release file.

The lines below were read on 2026-12-01 with ``grep -n`` in NMC-60-abridged.csv as taken out of a fetched mirror
(``git show 6792e68e819306c676ba2707fc80259842d815cd:NMC-60-abridged.csv``; github.com/jcook125/Slide-Deck-Rmd,
git blob b29f18f911908f2db15b32a70cfda49c2dbda6c3), not with the extraction script, and pasted here without their
trailing ``,2021`` (version) and CRLF. tools/extract/capabilities.py writes the CSV.
"""

from __future__ import annotations

import csv
import os
from collections import Counter
from pathlib import Path

import pytest
from conftest import extracted

ROOT = Path(__file__).resolve().parents[1]
CSV = ROOT / "data" / "capabilities.csv"
SOURCES = "cow_nmc_v6;singer_bremer_stuckey_1972"

# Release lines (file line number: text), version field and line end removed.
RELEASE_LINES = {
    86: "USA,2,1900,41481,126,10352,256081,76094,14207,0.18799882",
    139: "USA,2,1953,49621008,3555,101250,1347597,160184,46581,0.31115836",
    8047: "RUS,365,1918,258741,-9,402,18041,143450,4983,0.037396926",
    8120: "RUS,365,1991,133700000,3000,73000,2153318,148245,62371,0.10326506",
    14181: "JPN,740,1945,4002481,6095,2082,34266,72147,22004,0.052876092",
    14182: "JPN,740,1952,289212,119,6988,48877,85503,23003,0.029540982",
    14221: "JPN,740,1991,32680000,250,109648,597373,123964,72618,0.054351252",
}


@pytest.fixture(scope="module")
def lines() -> list[str]:
    return CSV.read_text(encoding="utf-8").splitlines()


def test_header_and_line_ends():
    data = CSV.read_bytes()
    assert b"\r" not in data and data.endswith(b"\n")
    assert data.split(b"\n", 1)[0] == b"stateabb,ccode,year,milex,milper,irst,pec,tpop,upop,cinc,sources"


def test_counts():
    with CSV.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert Counter(row["stateabb"] for row in rows) == {"USA": 92, "RUS": 92, "JPN": 86}
    years = {row["year"] for row in rows if row["stateabb"] == "JPN"}
    assert not years & {str(year) for year in range(1946, 1952)}  # not in the release
    assert {row["sources"] for row in rows} == {SOURCES}
    assert sum(value == "-9" for row in rows for value in row.values()) == 1  # RUS 1918 milper


@pytest.mark.parametrize("line", RELEASE_LINES.values(), ids=[str(n) for n in RELEASE_LINES])
def test_rows_are_the_release_text(lines, line):
    assert f"{line},{SOURCES}" in lines


@pytest.mark.skipif(not os.environ.get("NMC_V6_CSV"), reason="release file not given (NMC_V6_CSV)")
def test_extraction_reproduces_the_table(tmp_path):
    assert extracted(tmp_path, "capabilities", os.environ["NMC_V6_CSV"]) == CSV.read_bytes()
