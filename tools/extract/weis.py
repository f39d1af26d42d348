"""Extract WEIS events among the USA, the USSR/Russia and Japan into data/weis_events.csv.

Original file (a WEIS event file with Goldstein scale scores, named "from Lai"):
    repository  github.com/thynec/CoupCats, branch ``data``
    path        weis.fromlai.1966-93.dta  (Stata .dta, 108,263 rows, 10 variables)
    commit      685f77c73d7042772ef9f3d9eaa12c8b00139cda (first added, 2025-03-06);
                unchanged at the branch tip read, d71a941bf91f6796f4822112545d06f8854ef538
    git blob    25434ce39906579b22c290f5f82624d446802d3b (checked below)

Get it with ``git --git-dir=<mirror> show d71a941bf91f6796f4822112545d06f8854ef538:weis.fromlai.1966-93.dta > weis.dta``.

Selection: every row whose source (``srccc``) and target (``targcc``) are both among
the Correlates of War codes 2 (USA), 365 (USSR / Russia) and 740 (Japan), all years of the
file (1966-1992). All ten release variables are kept with their names and values; added are
``obs`` (the row's 1-based position in the .dta, a stable key: the release has exact
duplicate rows), ``date`` (ISO 8601, built from ``year``/``mo``/``day``) and ``sources``.
Floats are written as the shortest repr of the release's float32 value (e.g. -2.2, 2365.0).

Usage: python tools/extract/weis.py PATH/TO/weis.fromlai.1966-93.dta [data/weis_events.csv]
"""

from __future__ import annotations

import datetime
from pathlib import Path

import numpy as np
import pandas as pd
from release import git_blob_sha1, run  # noqa: E402 - the sibling module when run as a script

BLOB_SHA1 = "25434ce39906579b22c290f5f82624d446802d3b"
CODES = (2, 365, 740)  # COW: USA, Russia/USSR, Japan
RELEASE_COLUMNS = ["state1", "state2", "year", "weiscd", "srccc", "targcc", "mo", "day", "dyadid", "gscale"]
SOURCES = "weis_lai_dta;mcclelland_weis_icpsr5211;goldstein_1992"
OUT_DEFAULT = Path(__file__).resolve().parents[2] / "data" / "weis_events.csv"


def cell(value) -> str:
    """Integers as integers; floats as the shortest repr of their stored (float32) value."""
    if isinstance(value, np.floating):
        return str(value)  # numpy prints the shortest string that round-trips in the value's own precision
    return str(int(value))


def extract(dta: Path) -> list[list[str]]:
    data = dta.read_bytes()
    if git_blob_sha1(data) != BLOB_SHA1:
        raise SystemExit(f"{dta}: not the release file read (git blob {git_blob_sha1(data)} != {BLOB_SHA1})")
    frame = pd.read_stata(dta, convert_categoricals=False, preserve_dtypes=True)
    if list(frame.columns) != RELEASE_COLUMNS:
        raise SystemExit(f"unexpected variables {list(frame.columns)}")
    frame.insert(0, "obs", np.arange(1, len(frame) + 1))
    chosen = frame[frame["srccc"].isin(CODES) & frame["targcc"].isin(CODES)]
    columns = {name: [cell(v) for v in chosen[name].to_numpy()] for name in ["obs", *RELEASE_COLUMNS]}
    rows = []
    for i in range(len(chosen)):
        values = [columns[name][i] for name in RELEASE_COLUMNS]
        year, month, day = (int(columns[name][i]) for name in ("year", "mo", "day"))
        rows.append([columns["obs"][i], datetime.date(year, month, day).isoformat(), *values, SOURCES])
    # sorted by date, source, target, WEIS code, then position in the release
    rows.sort(key=lambda r: (r[1], int(r[6]), int(r[7]), int(r[5]), int(r[0])))
    return rows


def main(argv: list[str] | None = None) -> None:
    """Command line: ORIGINAL [OUT]."""
    run(__doc__, extract, ["obs", "date", *RELEASE_COLUMNS, "sources"], OUT_DEFAULT, argv)


if __name__ == "__main__":
    main()
