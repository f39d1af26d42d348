"""data/weis_events.csv against values read in the release file.

The expected rows below were read on 2026-11-30 straight from the original Stata file,
weis.fromlai.1966-93.dta (github.com/thynec/CoupCats, branch data, commit
d71a941bf91f6796f4822112545d06f8854ef538, git blob 25434ce39906579b22c290f5f82624d446802d3b),
with pandas.read_stata, by row position (obs = Stata _n). tools/extract/weis.py writes the CSV.
"""

from __future__ import annotations

import csv
import datetime
from collections import Counter
from pathlib import Path

import pytest

CSV = Path(__file__).resolve().parents[1] / "data" / "weis_events.csv"
HEADER = [
    "obs",
    "date",
    "state1",
    "state2",
    "year",
    "weiscd",
    "srccc",
    "targcc",
    "mo",
    "day",
    "dyadid",
    "gscale",
    "sources",
]


@pytest.fixture(scope="module")
def rows() -> list[dict[str, str]]:
    with CSV.open(newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        assert reader.fieldnames == HEADER
        return list(reader)


# obs: (date, state1, state2, year, weiscd, srccc, targcc, mo, day, dyadid, gscale), as read in the .dta
RELEASE_ROWS = {
    "13386": ("1966-01-01", "2", "365", "1966", "121", "365", "2", "1", "1", "2365.0", "-2.2"),
    "77003": ("1966-01-10", "365", "740", "1966", "94", "740", "365", "1", "10", "365740.0", "-0.1"),
    "77049": ("1968-11-07", "365", "740", "1968", "211", "365", "740", "11", "7", "365740.0", "-9.2"),
    "41805": ("1992-08-22", "2", "740", "1992", "64", "2", "740", "8", "22", "2740.0", "5.4"),
    "41806": ("1992-11-08", "2", "740", "1992", "102", "740", "2", "11", "8", "2740.0", "-0.1"),
    "77469": ("1992-09-09", "365", "740", "1992", "191", "365", "740", "9", "9", "365740.0", "-2.2"),
}


def test_published_rows(rows):
    by_obs = {row["obs"]: row for row in rows}
    for obs, expected in RELEASE_ROWS.items():
        assert tuple(by_obs[obs][name] for name in HEADER[1:-1]) == expected, obs


def test_counts_per_directed_pair(rows):
    # counts of the selection in the .dta (srccc, targcc both in {2, 365, 740})
    counts = Counter((row["srccc"], row["targcc"]) for row in rows)
    assert counts == {
        ("2", "365"): 4913,
        ("365", "2"): 4295,
        ("740", "2"): 705,
        ("2", "740"): 605,
        ("740", "365"): 251,
        ("365", "740"): 216,
    }
    assert len(rows) == 10985


def test_coverage_and_keys(rows):
    assert len({row["obs"] for row in rows}) == len(rows)
    assert min(row["date"] for row in rows) == "1966-01-01"
    assert max(row["date"] for row in rows) == "1992-12-31"
    assert {int(row["year"]) for row in rows} == set(range(1966, 1993))
    keys = [(row["date"], int(row["srccc"]), int(row["targcc"]), int(row["weiscd"]), int(row["obs"])) for row in rows]
    assert keys == sorted(keys)


def test_internal_consistency(rows):
    weight_of_code: dict[str, str] = {}
    for row in rows:
        s1, s2, src, tgt = (int(row[name]) for name in ("state1", "state2", "srccc", "targcc"))
        assert s1 < s2 and {src, tgt} == {s1, s2}
        assert float(row["dyadid"]) == s1 * 1000 + s2
        assert row["date"] == datetime.date(int(row["year"]), int(row["mo"]), int(row["day"])).isoformat()
        assert -10 <= float(row["gscale"]) <= 10
        assert weight_of_code.setdefault(row["weiscd"], row["gscale"]) == row["gscale"]
        assert row["sources"] == "weis_lai_dta;mcclelland_weis_icpsr5211;goldstein_1992"
    # weights as stored in the release, e.g. 121 -2.2, 211 -9.2, 72 8.3 (also read in the .dta)
    assert weight_of_code["121"] == "-2.2" and weight_of_code["211"] == "-9.2" and weight_of_code["72"] == "8.3"
