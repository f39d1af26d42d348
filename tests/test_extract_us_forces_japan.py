"""data/us_forces_japan.csv against lines read in troopdata's redistribution of Kane's series.

The lines below were read on 2026-12-01 with grep in data-raw/troopdata.csv (github.com/meflynn/troopdata @
07d22a40f4469c6759a0401d51e0cd74eb7fc128, git blob c88dea73e89c25af2e3499d943de58bb049b4330) and
data-raw/troopdata-rebuild-country-year.csv (@ 19717777fb07781a03a08cf967daa6b472612d3b, blob
fc53e164610c765b60bd5ca31877e422bc8884e3), not with the extraction script. tools/extract/us_forces_japan.py writes
the CSV; set TROOPDATA_CSV and TROOPDATA_REBUILD_CSV to those files to check that it reproduces the table.
"""

from __future__ import annotations

import csv
import os
from pathlib import Path

import pytest
from conftest import extracted

ROOT = Path(__file__).resolve().parents[1]
CSV = ROOT / "data" / "us_forces_japan.csv"

# year: troops in the line "Japan,740,JPN,<year>,<troops>,NA,NA,NA,NA" of troopdata.csv
KANE = {"1950": "136554", "1951": "172861", "1953": "209168", "1968": "83069", "1974": "51608", "1991": "44566"}
# year: troops_ad in the line "Japan,<year>,740,JPN,East Asia & Pacific,<troops_ad>" of the rebuild file
REBUILD = {"1950": "136688", "1963": "90140"}


@pytest.fixture(scope="module")
def rows() -> dict[str, dict[str, str]]:
    with CSV.open(newline="", encoding="utf-8") as handle:
        return {row["year"]: row for row in csv.DictReader(handle)}


def test_counts(rows):
    assert list(rows) == [str(year) for year in range(1950, 1992)]
    assert {row["country"] for row in rows.values()} == {"Japan"}
    assert {row["sources"] for row in rows.values()} == {"kane_troops;troopdata"}


@pytest.mark.parametrize(("year", "troops"), KANE.items())
def test_troops_are_the_release_values(rows, year, troops):
    assert rows[year]["troops"] == troops


def test_notes_quote_the_release_files(rows):
    assert f"troopdata rebuild country-year value {REBUILD['1950']}" in rows["1950"]["note"]
    assert f"(e.g. 1963: {REBUILD['1963']} vs {rows['1963']['troops']})" in rows["1950"]["note"]
    mean = (int(KANE["1950"]) + int(KANE["1953"])) // 2
    assert f"mean of 1950 and 1953 ({mean})" in rows["1951"]["note"]
    assert rows["1951"]["troops"] == rows["1952"]["troops"] == str(mean)


@pytest.mark.skipif(
    not (os.environ.get("TROOPDATA_CSV") and os.environ.get("TROOPDATA_REBUILD_CSV")),
    reason="release files not given (TROOPDATA_CSV, TROOPDATA_REBUILD_CSV)",
)
def test_extraction_reproduces_the_table(tmp_path):
    assert (
        extracted(tmp_path, "us_forces_japan", os.environ["TROOPDATA_CSV"], os.environ["TROOPDATA_REBUILD_CSV"])
        == CSV.read_bytes()
    )
