"""data/alliances.csv against values read in the originals (tools/extract/alliances.py names them).

Expected values were read with pyreadr from peacesciencer's data/atop_alliance.rda and data/cow_alliance.rda
(commit 6df46f446d8bd5a5b0185a39959ca5444f5faef0) and dyadr's data/alliance.rda (commit
6b4ed7eeb07c50edf0b748cbdbd569492cc4105f), printing the rows of the three pairs.
"""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

import pytest

CSV = Path(__file__).resolve().parents[1] / "data" / "alliances.csv"


@pytest.fixture(scope="module")
def rows() -> dict[tuple[str, int, int, int], dict[str, str]]:
    with CSV.open(newline="", encoding="utf-8") as handle:
        table = list(csv.DictReader(handle))
    keyed = {(r["dataset"], int(r["ccode1"]), int(r["ccode2"]), int(r["year"])): r for r in table}
    assert len(keyed) == len(table), "duplicate dataset-dyad-year"
    return keyed


def years(rows, dataset, a, b, var):
    return sorted(k[3] for k, r in rows.items() if k[:3] == (dataset, a, b) and r[var] == "1")


def test_row_counts(rows):
    counts = Counter(k[:3] for k in rows)
    assert counts == {
        ("atop_5.1", 2, 365): 24,
        ("atop_5.1", 365, 2): 24,
        ("atop_5.1", 2, 740): 55,
        ("atop_5.1", 740, 2): 55,
        ("atop_5.1", 365, 740): 13,
        ("atop_5.1", 740, 365): 13,
        ("cow_alliance_4.1", 2, 365): 3,
        ("cow_alliance_4.1", 2, 740): 55,
        ("cow_alliance_4.1", 365, 740): 13,
    }
    assert all(1900 <= k[3] <= 1991 for k in rows)


def test_us_japan_defense_from_1951(rows):
    # ATOP: the US pledges defense to Japan from 1951, Japan none to the US (directed file).
    assert years(rows, "atop_5.1", 2, 740, "defense") == list(range(1951, 1992))
    assert years(rows, "atop_5.1", 740, 2, "defense") == []
    assert years(rows, "atop_5.1", 2, 740, "nonagg") == list(range(1960, 1992))
    assert rows[("atop_5.1", 2, 740, 1951)]["consul"] == "1"
    # COW: defense 1951-1991; the alliance is still in force in 2012, so not in the dyadr copy: no id.
    assert years(rows, "cow_alliance_4.1", 2, 740, "defense") == list(range(1951, 1992))
    assert rows[("cow_alliance_4.1", 2, 740, 1951)]["version4id"] == ""
    assert years(rows, "cow_alliance_4.1", 2, 740, "entente") == [1908, 1909, 1910, *range(1921, 1932)]
    assert rows[("cow_alliance_4.1", 2, 740, 1908)]["version4id"] == "85"
    assert rows[("cow_alliance_4.1", 2, 740, 1931)]["version4id"] == "111"


def test_soviet_japanese_neutrality_1941(rows):
    for a, b in ((365, 740), (740, 365)):
        assert years(rows, "atop_5.1", a, b, "neutral") == list(range(1941, 1946))
    assert years(rows, "cow_alliance_4.1", 365, 740, "neutrality") == list(range(1941, 1946))
    assert {rows[("cow_alliance_4.1", 365, 740, y)]["version4id"] for y in range(1941, 1946)} == {"191"}


def test_russo_japanese_agreements_1910_1917(rows):
    assert years(rows, "atop_5.1", 365, 740, "consul") == list(range(1910, 1918))
    assert years(rows, "atop_5.1", 365, 740, "defense") == [1916, 1917]
    assert years(rows, "cow_alliance_4.1", 365, 740, "defense") == [1916, 1917]
    assert rows[("cow_alliance_4.1", 365, 740, 1916)]["version4id"] == "87;100"


def test_us_soviet(rows):
    assert years(rows, "atop_5.1", 2, 365, "offense") == [1942, 1943, 1944, 1945]
    assert years(rows, "atop_5.1", 2, 365, "consul") == [1962, 1963, 1964]
    assert years(rows, "atop_5.1", 2, 365, "nonagg") == list(range(1975, 1992))
    assert years(rows, "cow_alliance_4.1", 2, 365, "neutrality") == [1962, 1963, 1964]
    assert rows[("cow_alliance_4.1", 2, 365, 1963)]["version4id"] == "267"


def test_columns_by_dataset(rows):
    atop_only, cow_only = ("offense", "neutral", "nonagg", "consul"), ("neutrality", "nonaggression", "entente")
    for (dataset, *_), r in rows.items():
        own, other = (atop_only, cow_only) if dataset == "atop_5.1" else (cow_only, atop_only)
        assert all(r[v] in ("0", "1") for v in (*own, "defense"))
        assert all(r[v] == "" for v in other)
        assert r["sources"]
    for key, r in rows.items():
        if key[0] == "cow_alliance_4.1":
            assert any(r[v] == "1" for v in ("defense", *cow_only))
