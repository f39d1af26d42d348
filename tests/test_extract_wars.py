"""data/wars.csv against values read in the COW Inter-State War v4.0 release file
(Inter-StateWarData_v4.0.csv, jenna-jordan/correlates-of-war_dbt @ 135ba3a7, duckdb/data/; see
tools/extract/wars.py). Lines read: war 85 Russo-Japanese (Russia/Japan, 8 Feb 1904 - 15 Sep 1905,
71453/80378 battle deaths), 133 Changkufeng, 136 Nomonhan, 139 World War II (USA, USSR with a
second episode 8-14 Aug 1945, Japan).
"""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

import pytest

CSV = Path(__file__).resolve().parents[1] / "data" / "wars.csv"


@pytest.fixture(scope="module")
def rows() -> list[dict[str, str]]:
    with CSV.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_counts_and_coverage(rows):
    assert Counter((r["ccode1"], r["ccode2"]) for r in rows) == {("2", "740"): 5, ("365", "740"): 9}
    assert Counter(r["warnum"] for r in rows) == {"139": 10, "85": 2, "133": 1, "136": 1}
    assert len({(r["warnum"], r["ccode1"], r["ccode2"], r["year"]) for r in rows}) == len(rows)
    assert all(r["Version"] == "4" and r["sources"] for r in rows)


def test_world_war_two_usa_japan(rows):
    got = [r for r in rows if r["ccode1"] == "2"]
    assert [r["year"] for r in got] == ["1941", "1942", "1943", "1944", "1945"]
    first = got[0]
    assert (first["warnum"], first["WarName"], first["cowinteronset"]) == ("139", "World War II", "1")
    assert (first["BatDeath1"], first["BatDeath2"]) == ("405400", "1740000")
    assert (first["startdate1"], first["enddate1"], first["startdate2"], first["enddate2"]) == (
        "1941-12-07",
        "1945-08-14",
        "1941-12-07",
        "1945-08-14",
    )


def test_russia_japan_wars(rows):
    by = {(r["warnum"], r["year"]): r for r in rows if r["ccode1"] == "365"}
    r = by[("85", "1904")]
    assert (r["WarName"], r["StateName1"], r["BatDeath1"], r["BatDeath2"], r["startdate1"], r["enddate1"]) == (
        "Russo-Japanese",
        "Russia",
        "71453",
        "80378",
        "1904-02-08",
        "1905-09-15",
    )
    r = by[("133", "1938")]
    assert (r["WarName"], r["Outcome1"], r["BatDeath1"], r["BatDeath2"], r["startdate1"], r["enddate1"]) == (
        "Changkufeng",
        "1",
        "1200",
        "526",
        "1938-07-29",
        "1938-08-11",
    )
    r = by[("136", "1939")]
    assert (r["WarName"], r["BatDeath1"], r["BatDeath2"], r["startdate1"], r["enddate1"]) == (
        "Nomonhan",
        "5000",
        "20000",
        "1939-05-11",
        "1939-09-16",
    )
    r = by[("139", "1945")]
    assert (r["startdate1"], r["enddate1"], r["startdate1_resumed"], r["enddate1_resumed"], r["BatDeath1"]) == (
        "1941-06-22",
        "1945-05-07",
        "1945-08-08",
        "1945-08-14",
        "7500000",
    )
    assert r["startdate2_resumed"] == ""
