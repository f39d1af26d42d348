"""data/dyadic_trade.csv against values read in the original (tools/extract/dyadic_trade.py names it).

Expected values were read with pyreadr from peacesciencer's data/cow_trade_ndy.rda (commit
3db24a54be2fd1f77fe63f742ccc9dd9f0450125), printing the rows of the three pairs; the redistributor
rounded COW Dyadic Trade 4.0 flows to whole millions of current US dollars.
"""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

import pytest

CSV = Path(__file__).resolve().parents[1] / "data" / "dyadic_trade.csv"


@pytest.fixture(scope="module")
def rows() -> dict[tuple[int, int, int], dict[str, str]]:
    with CSV.open(newline="", encoding="utf-8") as handle:
        table = list(csv.DictReader(handle))
    keyed = {(int(r["ccode1"]), int(r["ccode2"]), int(r["year"])): r for r in table}
    assert len(keyed) == len(table), "duplicate dyad-year"
    return keyed


def test_coverage(rows):
    assert Counter(k[:2] for k in rows) == {(2, 365): 76, (2, 740): 81, (365, 740): 82}
    absent = {
        pair: sorted(set(range(1900, 1992)) - {k[2] for k in rows if k[:2] == pair})
        for pair in ((2, 365), (2, 740), (365, 740))
    }
    assert absent[(2, 365)] == [*range(1914, 1920), 1930, *range(1939, 1948)]
    assert absent[(2, 740)] == [*range(1914, 1919), *range(1946, 1952)]
    assert absent[(365, 740)] == list(range(1942, 1952))


@pytest.mark.parametrize(
    "key, flow1, flow2, smoothflow1, smoothflow2",
    [
        ((2, 365, 1900), "7", "8", "7", "8"),
        ((2, 365, 1973), "233", "1202", "233", "1202"),
        ((2, 365, 1979), "906", "3616", "906", "1899"),
        ((2, 740, 1912), "87", "9", "87", "71"),
        ((2, 740, 1991), "95010", "53634", "95010", "53634"),
        ((365, 740, 1905), "", "1", "", "1"),
        ((365, 740, 1976), "2254", "1169", "2254", "1169"),
        ((365, 740, 1991), "2329", "3318", "2329", "3318"),
    ],
)
def test_published_values(rows, key, flow1, flow2, smoothflow1, smoothflow2):
    r = rows[key]
    assert (r["flow1"], r["flow2"], r["smoothflow1"], r["smoothflow2"]) == (flow1, flow2, smoothflow1, smoothflow2)


def test_whole_numbers_or_missing(rows):
    for r in rows.values():
        for f in ("flow1", "flow2", "smoothflow1", "smoothflow2"):
            assert r[f] == "" or (r[f].isdigit() and int(r[f]) >= 0)
        assert r["sources"] == "cow_trade_v4;barbieri_keshk_pollins_2009;miller_2022_peacesciencer"
