"""data/copdab_us_ussr.csv against values read in the release file.

The expected values below were read on 2026-11-30 straight from data/exCopdab.rda of the R package
sTSD (github.com/svmiller/sTSD, commit 9ebfc96850fa40ab604d335882c2765c0b77315b, git blob
79d94b256e1c1aa06c3a64e5cc231f44a991afc2) with pyreadr. tools/extract/copdab.py writes the CSV.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

CSV = Path(__file__).resolve().parents[1] / "data" / "copdab_us_ussr.csv"
HEADER = ["ym", "date", "date_precision", "us2ussr", "ussr2us", "sources"]


@pytest.fixture(scope="module")
def rows() -> list[dict[str, str]]:
    with CSV.open(newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        assert reader.fieldnames == HEADER
        return list(reader)


# ym: (us2ussr, ussr2us), as read in the .rda
RELEASE_VALUES = {
    "4801.0": ("-13.75", "-10.83"),
    "4802.0": ("-10.8", "-12.44"),
    "4906.0": ("-29.0", None),  # minimum of us2ussr
    "5411.0": (None, "-33.0"),  # minimum of ussr2us
    "6002.0": (None, "19.17"),  # maximum of ussr2us
    "6210.0": ("-9.73", "-8.24"),
    "6308.0": ("7.33", "4.0"),
    "7205.0": ("5.05", "9.86"),
    "7510.0": ("27.0", None),  # maximum of us2ussr
    "7812.0": ("6.17", "6.2"),
}


def test_published_values(rows):
    by_ym = {row["ym"]: row for row in rows}
    for ym, (us2ussr, ussr2us) in RELEASE_VALUES.items():
        if us2ussr is not None:
            assert by_ym[ym]["us2ussr"] == us2ussr, ym
        if ussr2us is not None:
            assert by_ym[ym]["ussr2us"] == ussr2us, ym
    assert min(float(row["us2ussr"]) for row in rows) == -29.0
    assert max(float(row["us2ussr"]) for row in rows) == 27.0
    assert min(float(row["ussr2us"]) for row in rows) == -33.0
    assert max(float(row["ussr2us"]) for row in rows) == 19.17


def test_every_month_1948_1978_once(rows):
    assert len(rows) == 372
    expected = [f"{year}-{month:02d}-01" for year in range(1948, 1979) for month in range(1, 13)]
    assert [row["date"] for row in rows] == expected
    for row in rows:
        yymm = int(float(row["ym"]))
        assert row["date"] == f"19{yymm // 100:02d}-{yymm % 100:02d}-01"
        assert row["date_precision"] == "month"
        assert row["sources"] == "stsd_excopdab;lebo_moore_2003;azar_copdab_icpsr7767;azar_1980"


def test_zero_months(rows):
    # months with a value of exactly 0 in the release (not documented as 'no events')
    assert sum(row["us2ussr"] == "0.0" for row in rows) == 15
    assert sum(row["ussr2us"] == "0.0" for row in rows) == 11
