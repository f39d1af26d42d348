"""Extract the ICB v14 actor-level rows of the USA, USSR/Russia and Japan into data/crises.csv.

Original file: International Crisis Behavior (ICB) Project, actor-level data set, version 14
(``icb2v14.csv``), read from the public GitHub repository
``Lukitkat/Projeto-Final---Visualizacao-de-dados``, path ``icb2v14.csv``, commit
``51b59a24657da365aa0b99f064b3d69c27a79235`` (blob ``b1168be3246d899902835eb9b42c3b29f1983767``).
Get it with ``git --git-dir=MIRROR show 51b59a24:icb2v14.csv > /tmp/icb2v14.csv``.

Selection (actor codes ``cracid``: 2 USA, 365 RUS, 740 JPN):
  * a crisis (``crisno``) is kept if at least two of the three are crisis actors in it, or if the
    crisis of one of the three was triggered by another of the three (``trigent`` of a row of one
    of the three is the ``cracid`` of another);
  * only the crisis' rows whose actor is one of the three are written;
  * only crises whose system trigger year ``systrgyr`` lies in 1900-1991.
Values are copied as text, unchanged; a ``sources`` column is added. Rows are sorted by
``crisno`` and ``cracno``.

Usage: python tools/extract/icb.py ICB2V14_CSV [OUT_CSV]
"""

from __future__ import annotations

import csv
import sys
from collections import defaultdict
from pathlib import Path

THREE = {"2", "365", "740"}
FIRST_YEAR, LAST_YEAR = 1900, 1991
KEEP = [
    "icb2",
    "crisno",
    "cracno",
    "cracid",
    "actor",
    "systrgyr",
    "systrgmo",
    "systrgda",
    "crisname",
    "triggr",
    "yrtrig",
    "motrig",
    "datrig",
    "trigent",
    "outcom",
    "yrterm",
    "moterm",
    "daterm",
    "viol",
]
SOURCES = "icb_v14;brecher_wilkenfeld_2000"
DEFAULT_OUT = Path(__file__).resolve().parents[2] / "data" / "crises.csv"


def select(rows: list[dict]) -> list[dict]:
    """The rows of the three countries in the crises that satisfy the selection rule."""
    ours = [r for r in rows if r["cracid"] in THREE]
    actors = defaultdict(set)
    for r in ours:
        actors[r["crisno"]].add(r["cracid"])
    keep = {c for c, a in actors.items() if len(a) >= 2}
    keep |= {r["crisno"] for r in ours if r["trigent"] in THREE and r["trigent"] != r["cracid"]}
    out = [r for r in ours if r["crisno"] in keep and FIRST_YEAR <= int(r["systrgyr"]) <= LAST_YEAR]
    return sorted(out, key=lambda r: (int(r["crisno"]), int(r["cracno"])))


def main(src: str, dest: str | Path = DEFAULT_OUT) -> int:
    with open(src, newline="", encoding="utf-8-sig") as f:
        rows = list(csv.DictReader(f))
    missing = [c for c in KEEP if c not in rows[0]]
    if missing:
        raise SystemExit(f"not the ICB2 v14 layout, missing columns: {missing}")
    selected = select(rows)
    with open(dest, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(KEEP + ["sources"])
        for r in selected:
            w.writerow([r[c] for c in KEEP] + [SOURCES])
    return len(selected)


if __name__ == "__main__":
    if len(sys.argv) not in (2, 3):
        raise SystemExit(__doc__)
    n = main(*sys.argv[1:])
    print(f"{n} rows written")
