"""Extract the COW Diplomatic Exchange v2006.1 rows of USA, USSR/Russia and Japan into data/diplomatic_exchange.csv.

Original file: Correlates of War Diplomatic Exchange data set v2006.1 (Bayer 2006),
``Diplomatic_Exchange_2006v1.csv`` (columns ccode1, ccode2, year, DR_at_1, DR_at_2, DE, version),
read from the public GitHub repository ``glvn5150/correlates_of_war_and_IPE``, path
``Diplomatic_Exchange_2006v1.csv``, commit ``43b1d9ddadb36722d61d3318a80a4abd06d247be``
(stored text of 11,726,392 characters; the file is a directed-dyad list: every pair appears once
in each order, with DR_at_1 and DR_at_2 swapped).

Selection: the six ordered pairs of COW codes 2 (USA), 365 (RUS) and 740 (JPN), years 1900-1991;
only the years present in the release are written (it is not annual). Values are copied as text,
unchanged (``version`` stays ``2006.0999755859375`` as printed in the release); a ``sources``
column is added. Rows are sorted by ccode1, ccode2, year.

Usage: python tools/extract/diplomatic_exchange.py DIPLOMATIC_EXCHANGE_CSV [OUT_CSV]
"""

from __future__ import annotations

import csv
import sys
from itertools import permutations
from pathlib import Path

PAIRS = set(permutations(("2", "365", "740"), 2))
FIRST_YEAR, LAST_YEAR = 1900, 1991
COLUMNS = ["ccode1", "ccode2", "year", "DR_at_1", "DR_at_2", "DE", "version"]
SOURCES = "cow_diplomatic_exchange_v2006_1"
DEFAULT_OUT = Path(__file__).resolve().parents[2] / "data" / "diplomatic_exchange.csv"


def main(src: str, dest: str | Path = DEFAULT_OUT) -> int:
    with open(src, newline="", encoding="utf-8-sig") as f:
        reader = csv.DictReader(f)
        if reader.fieldnames != COLUMNS:
            raise SystemExit(f"unexpected header: {reader.fieldnames}")
        rows = [r for r in reader if (r["ccode1"], r["ccode2"]) in PAIRS and FIRST_YEAR <= int(r["year"]) <= LAST_YEAR]
    rows.sort(key=lambda r: (int(r["ccode1"]), int(r["ccode2"]), int(r["year"])))
    keys = [(r["ccode1"], r["ccode2"], r["year"]) for r in rows]
    if len(set(keys)) != len(keys):
        raise SystemExit("duplicate ccode1-ccode2-year rows in the release")
    with open(dest, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(COLUMNS + ["sources"])
        for r in rows:
            w.writerow([r[c] for c in COLUMNS] + [SOURCES])
    return len(rows)


if __name__ == "__main__":
    if len(sys.argv) not in (2, 3):
        raise SystemExit(__doc__)
    n = main(*sys.argv[1:])
    print(f"{n} rows written")
