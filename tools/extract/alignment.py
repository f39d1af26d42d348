"""Extract the UN General Assembly voting agreement of the USA, the USSR/Russia and Japan, sessions 1-46
(1946-1991), into data/alignment.csv.

Original file (read from a local copy; pass its path):

    IdealpointestimatesAll_Jun2024.csv   Bailey, Strezhnev & Voeten, United Nations General Assembly Voting Data
        (Harvard Dataverse hdl:1902.1/12379), June 2024 ideal-point release, as kept in a public repository:
        github.com/tongyu03/DSE3101-Predictive-Modelling-of-Global-Trade-Flows,
        path data/IdealpointestimatesAll_Jun2024.csv, commit 98ab7b673cf2c6415f6e86ba2e63eee0b51f07ae
        (git blob 5069a71844526bc34d44a02ea4f901bb93e2971f).

    e.g.  git --git-dir=<mirror> show 98ab7b67:data/IdealpointestimatesAll_Jun2024.csv > ideal.csv

The file's git blob hash is checked before use.

Selection: the file's country-session rows of ccode 2 (USA), 365 (USSR/Russia) and 740 (Japan), sessions 1-46.
For each session, in this order, the pairs (ccode1, ccode2) = (740, 2), (740, 365), (2, 365), where the file has a
row for both countries of the session (session 19 has none; Japan none before session 11). Columns:

    year             1945 + session (the file has no year column; Voeten's DyadicAgreementScores.R uses the same)
    session, ccode1, ccode2
    agree            ccode1's column USAgree (ccode2 = 2) or RUSSAgree (ccode2 = 365): a copy, not a computation
    agree_source     the name of that column
    IdealPointAll_1, IdealPointAll_2, NVotesAll_1, NVotesAll_2   IdealPointAll and NVotesAll of ccode1, ccode2
    sources          unga_voting

Every number is the release's text, copied character for character (``0.2142857``): nothing is parsed or
rounded. An ``NA`` in a copied column stops the script (none occurs in this selection).

Usage: python tools/extract/alignment.py IdealpointestimatesAll_Jun2024.csv [data/alignment.csv]
"""

from __future__ import annotations

from pathlib import Path

from release import release_csv_rows, run  # noqa: E402

BLOBS = {"5069a71844526bc34d44a02ea4f901bb93e2971f"}  # tongyu03/DSE3101-... @ 98ab7b67
SESSIONS = (1, 46)
PAIRS = ((740, 2), (740, 365), (2, 365))
AGREE_COLUMN = {2: "USAgree", 365: "RUSSAgree"}
FIRST_YEAR = 1945  # year = 1945 + session
COLUMNS = [
    "year",
    "session",
    "ccode1",
    "ccode2",
    "agree",
    "agree_source",
    "IdealPointAll_1",
    "IdealPointAll_2",
    "NVotesAll_1",
    "NVotesAll_2",
    "sources",
]
SOURCES = "unga_voting"
OUT_DEFAULT = Path(__file__).resolve().parents[2] / "data" / "alignment.csv"


def value(row: dict[str, str], column: str) -> str:
    """A cell as the release writes it; NA is refused (the table has no missing values)."""
    text = row[column]
    if text in ("", "NA"):
        raise SystemExit(f"ccode {row['ccode']} session {row['session']}: {column} is {text or 'empty'}")
    return text


def extract(path: Path) -> list[list[str]]:
    """The selected pairs of the ideal-point file at ``path`` (its blob hash checked first)."""
    countries = {code for pair in PAIRS for code in pair}
    by_key = {}
    for row in release_csv_rows(path, BLOBS):
        code, session = int(row["ccode"]), int(row["session"])
        if code in countries and SESSIONS[0] <= session <= SESSIONS[1]:
            if (code, session) in by_key:
                raise SystemExit(f"{path}: two rows for ccode {code} session {session}")
            by_key[code, session] = row
    rows = []
    for session in range(SESSIONS[0], SESSIONS[1] + 1):
        for first, second in PAIRS:
            one, two = by_key.get((first, session)), by_key.get((second, session))
            if one is None or two is None:
                continue
            column = AGREE_COLUMN[second]
            rows.append(
                [
                    str(FIRST_YEAR + session),
                    str(session),
                    str(first),
                    str(second),
                    value(one, column),
                    column,
                    value(one, "IdealPointAll"),
                    value(two, "IdealPointAll"),
                    value(one, "NVotesAll"),
                    value(two, "NVotesAll"),
                    SOURCES,
                ]
            )
    return rows


if __name__ == "__main__":
    run(__doc__, extract, COLUMNS, OUT_DEFAULT)
