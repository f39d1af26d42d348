"""data/diplomatic_exchange.csv against values read in COW Diplomatic Exchange v2006.1.

Values were read in Diplomatic_Exchange_2006v1.csv, repository glvn5150/correlates_of_war_and_IPE,
commit 43b1d9ddadb36722d61d3318a80a4abd06d247be, at character offsets 44000 (rows 2,365,...),
86000 (2,740,...), 4900000 (365,2,...), 4984000 (365,740,...), 10082000 (740,2,...) and
10134000 (740,365,...), e.g. the lines "2,365,1920,0,0,0,2006.0999755859375" and
"365,740,1960,9,0,1,2006.0999755859375".
Set DIPLOMATIC_EXCHANGE_CSV to a copy of the release file to also re-run the extraction and compare.
"""

from __future__ import annotations

import csv
import importlib.util
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CSV = ROOT / "data" / "diplomatic_exchange.csv"
# Release years in 1900-1991 (COW page: every five years 1844-1914, 1920-1940 and 1950-2005).
SCHEDULE = {1904, 1909, 1914, 1920, 1925, 1930, 1935, 1940} | set(range(1950, 1991, 5))


def _rows():
    with open(CSV, newline="", encoding="utf-8") as f:
        return {(r["ccode1"], r["ccode2"], int(r["year"])): r for r in csv.DictReader(f)}


def _values(c1, c2, year):
    r = _rows()[(c1, c2, year)]
    return r["DR_at_1"], r["DR_at_2"], r["DE"]


def test_counts_years_and_version():
    rows = _rows()
    assert len(rows) == 98

    def years(a, b):
        return {y for (c1, c2, y) in rows if (c1, c2) == (a, b)}

    assert years("2", "365") == SCHEDULE
    assert years("2", "740") == SCHEDULE - {1950}
    assert years("365", "740") == SCHEDULE - {1950}
    for a, b in [("2", "365"), ("2", "740"), ("365", "740")]:
        assert years(a, b) == years(b, a)
    assert {r["version"] for r in rows.values()} == {"2006.0999755859375"}
    assert {r["sources"] for r in rows.values()} == {"cow_diplomatic_exchange_v2006_1"}


def test_usa_ussr_no_exchange_1920_1930():
    assert [_values("2", "365", y) for y in (1914, 1920, 1925, 1930, 1935)] == [
        ("3", "3", "1"),
        ("0", "0", "0"),
        ("0", "0", "0"),
        ("0", "0", "0"),
        ("3", "3", "1"),
    ]


def test_published_values():
    assert _values("2", "740", 1904) == ("2", "2", "1")
    assert _values("2", "740", 1955) == ("9", "9", "1")
    assert _values("2", "365", 1950) == ("9", "9", "1")
    assert _values("365", "740", 1920) == ("0", "3", "1")
    assert _values("365", "740", 1955) == ("0", "0", "0")
    assert _values("365", "740", 1960) == ("9", "0", "1")
    assert _values("740", "365", 1960) == ("0", "9", "1")
    assert _values("365", "740", 1990) == ("3", "3", "1")


def test_reverse_rows_mirror_each_other():
    rows = _rows()
    for (c1, c2, y), r in rows.items():
        m = rows[(c2, c1, y)]
        assert (m["DR_at_1"], m["DR_at_2"], m["DE"]) == (r["DR_at_2"], r["DR_at_1"], r["DE"])


@pytest.mark.skipif(not os.environ.get("DIPLOMATIC_EXCHANGE_CSV"), reason="release file not given")
def test_extraction_reproduces_the_table(tmp_path):
    spec = importlib.util.spec_from_file_location("de", ROOT / "tools" / "extract" / "diplomatic_exchange.py")
    de = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(de)
    de.main(os.environ["DIPLOMATIC_EXCHANGE_CSV"], tmp_path / "de.csv")
    assert (tmp_path / "de.csv").read_bytes() == CSV.read_bytes()
