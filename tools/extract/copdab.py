"""Extract the monthly COPDAB-based US->USSR and USSR->US series into data/copdab_us_ussr.csv.

Original file (data set ``exCopdab`` of the R package sTSD 0.2.0, "a basic replication of
Lebo and Moore (2003)"):
    repository  github.com/svmiller/sTSD
    path        data/exCopdab.rda  (372 monthly rows, 1948-01 to 1978-12, 12 variables)
    commit      8b35c178a1b45941d77d5c57768d4156589998ff (added, 2025-01-07);
                unchanged at the tip read, 9ebfc96850fa40ab604d335882c2765c0b77315b
    git blob    79d94b256e1c1aa06c3a64e5cc231f44a991afc2 (checked below)

Get it with ``git --git-dir=<mirror> show 9ebfc96850fa40ab604d335882c2765c0b77315b:data/exCopdab.rda > exCopdab.rda``.
Needs pyreadr (``pip install pyreadr``), used only here, not by the report.

Selection: all 372 rows; the variables ``ym``, ``us2ussr`` and ``ussr2us`` with their names
and values (the other dyads and the war dummies are left out). Added: ``date`` (first day
of the month ``ym`` = YYMM, years 19YY), ``date_precision`` ("month") and ``sources``.
Floats are written as Python's repr of the release's double (e.g. -13.75, 4801.0).

Usage: python tools/extract/copdab.py PATH/TO/exCopdab.rda [data/copdab_us_ussr.csv]
"""

from __future__ import annotations

import datetime
from pathlib import Path

import pyreadr
from release import git_blob_sha1, run  # noqa: E402 - the sibling module when run as a script

BLOB_SHA1 = "79d94b256e1c1aa06c3a64e5cc231f44a991afc2"
KEPT = ["ym", "us2ussr", "ussr2us"]
SOURCES = "stsd_excopdab;lebo_moore_2003;azar_copdab_icpsr7767;azar_1980"
OUT_DEFAULT = Path(__file__).resolve().parents[2] / "data" / "copdab_us_ussr.csv"


def extract(rda: Path) -> list[list[str]]:
    data = rda.read_bytes()
    if git_blob_sha1(data) != BLOB_SHA1:
        raise SystemExit(f"{rda}: not the release file read (git blob {git_blob_sha1(data)} != {BLOB_SHA1})")
    frame = pyreadr.read_r(str(rda))["exCopdab"]
    rows = []
    for ym, us2ussr, ussr2us in frame[KEPT].itertuples(index=False):
        yymm = int(ym)
        if yymm != ym:
            raise SystemExit(f"ym {ym!r} is not a whole YYMM")
        date = datetime.date(1900 + yymm // 100, yymm % 100, 1).isoformat()
        rows.append([repr(float(ym)), date, "month", repr(float(us2ussr)), repr(float(ussr2us)), SOURCES])
    rows.sort(key=lambda row: row[1])
    return rows


def main(argv: list[str] | None = None) -> None:
    """Command line: ORIGINAL [OUT]."""
    run(__doc__, extract, ["ym", "date", "date_precision", "us2ussr", "ussr2us", "sources"], OUT_DEFAULT, argv)


if __name__ == "__main__":
    main()
