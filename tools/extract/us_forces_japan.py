"""Extract Kane's series of US military personnel in Japan, 1950-1991, into data/us_forces_japan.csv.

Original files (read from local copies; pass their paths):

    troopdata.csv   Tim Kane, Global U.S. Troop Deployment, 1950-2005 (Heritage Foundation), as redistributed by
        the troopdata R package (Flynn), kept in github.com/meflynn/troopdata, path data-raw/troopdata.csv,
        commit 07d22a40f4469c6759a0401d51e0cd74eb7fc128 (git blob c88dea73e89c25af2e3499d943de58bb049b4330). The copy
        at commit 38a70f9140b6656e2c89debd5e3b7e18bce3df5b (blob 1c4417cec9a5ce2dc268289b0109755a7e5f22f6) has the
        same Japan rows and is accepted too.

    troopdata-rebuild-country-year.csv   troopdata's rebuild from the DoD reports, same repository, path
        data-raw/troopdata-rebuild-country-year.csv, commit 19717777fb07781a03a08cf967daa6b472612d3b (blob
        fc53e164610c765b60bd5ca31877e422bc8884e3); the newer copy (blob ed1999c8b50bd809a9a59554a10a269422b04a6a,
        more columns, the same troops_ad) is accepted too. It supplies only the numbers quoted in the notes.

    e.g.  git --git-dir=<mirror> show 07d22a40:data-raw/troopdata.csv > troopdata.csv
          git --git-dir=<mirror> show 19717777:data-raw/troopdata-rebuild-country-year.csv > rebuild.csv

Both files' git blob hashes are checked before use.

Selection: troopdata.csv rows with ccode 740, 1950 <= year <= 1991, by year. ``troops`` is the release's value
copied as written (persons, whole numbers; nothing parsed or rounded); ``country`` is "Japan" and ``sources``
"kane_troops;troopdata".

``note`` is the project's annotation, not part of the release. Its wording is fixed here; the numbers in it are
read from the files: the rebuild's troops_ad for the years in REBUILD_CITED and for the 1963 example, and the mean
of 1950 and 1953 for the two unreported years. Before writing, the script checks the statements the notes make
of the files: 1951 and 1952 equal that mean; the rebuild equals Kane for 1966-1973 and is within 1% for 1950-1965.
The report months and the DoD 'Total Ashore' lines (1974-1976) come from the rebuild notes and
troopdata-rebuild-reports.csv, as data/README.md says; they are not re-checked here.

Usage: python tools/extract/us_forces_japan.py troopdata.csv troopdata-rebuild-country-year.csv
       [data/us_forces_japan.csv]
"""

from __future__ import annotations

import sys
from pathlib import Path

from release import release_csv_rows, write_rows  # noqa: E402

TROOPDATA_BLOBS = {
    "c88dea73e89c25af2e3499d943de58bb049b4330",  # meflynn/troopdata @ 07d22a40
    "1c4417cec9a5ce2dc268289b0109755a7e5f22f6",  # meflynn/troopdata @ 38a70f91
}
REBUILD_BLOBS = {
    "fc53e164610c765b60bd5ca31877e422bc8884e3",  # meflynn/troopdata @ 19717777
    "ed1999c8b50bd809a9a59554a10a269422b04a6a",  # meflynn/troopdata, newer copy with service columns
}
CCODE = "740"
YEARS = (1950, 1991)
COLUMNS = ["year", "country", "troops", "sources", "note"]
COUNTRY = "Japan"
SOURCES = "kane_troops;troopdata"
OUT_DEFAULT = Path(__file__).resolve().parents[2] / "data" / "us_forces_japan.csv"

JUNE_YEARS = {1950, 1953, 1954, 1955, 1956}
UNREPORTED = (1951, 1952)  # interpolated between 1950 and 1953
OKINAWA_LAST = 1973  # the rebuild sums 'Japan' and 'Ryukyu Islands' through this year
IDENTICAL_FROM = 1966
EXAMPLE_YEAR = 1963
ASHORE_YEARS = {1974, 1975, 1976}
REBUILD_CITED = (1950, 1953, 1960, 1964, 1965)

JUNE = "Based on the June DoD report of that year (per troopdata rebuild notes)"
SEPTEMBER = "Based on the September DoD report (Kane used September reports)"
UNREPORTED_NOTE = (
    "No DoD report exists for 1951-1952 (troopdata rebuild notes); value equals the mean of 1950 and 1953 ({mean}),"
    " i.e. interpolated, not reported"
)
OKINAWA = (
    "Includes the Ryukyu Islands/Okinawa: Kane has no separate Ryukyu series, and the troopdata rebuild (which sums"
    " the DoD 'Japan' and 'Ryukyu Islands' lines through 1973) gives identical totals for 1966-1973 and totals"
    " within 1% for 1950-1965 (e.g. 1963: {rebuild} vs {kane})"
)
ASHORE = "Equals the 'Total Ashore' of the DoD line 'Japan (Incl Okinawa Prefecture)'; excludes personnel afloat"
REBUILD_VALUE = "troopdata rebuild country-year value {rebuild}"


def read_checked(path: Path, blobs: set[str]) -> list[dict[str, str]]:
    """The rows of the CSV at ``path``, after checking that it is one of the release files read."""
    return release_csv_rows(path, blobs)


def check(kane: dict[int, str], rebuild: dict[int, str]) -> None:
    """Refuse to write notes that the files contradict."""
    first, last = UNREPORTED[0] - 1, UNREPORTED[-1] + 1
    for year in UNREPORTED:
        if 2 * int(kane[year]) != int(kane[first]) + int(kane[last]):
            raise SystemExit(f"{year}: {kane[year]} is not the mean of {first} and {last}")
    for year in range(YEARS[0], OKINAWA_LAST + 1):
        ours, theirs = int(kane[year]), int(rebuild[year])
        if year >= IDENTICAL_FROM and ours != theirs:
            raise SystemExit(f"{year}: Kane {ours} differs from the rebuild {theirs}")
        if abs(ours - theirs) >= 0.01 * theirs:
            raise SystemExit(f"{year}: Kane {ours} is not within 1% of the rebuild {theirs}")


def note(year: int, kane: dict[int, str], rebuild: dict[int, str]) -> str:
    parts = []
    if year in UNREPORTED:
        first, last = UNREPORTED[0] - 1, UNREPORTED[-1] + 1
        parts.append(UNREPORTED_NOTE.format(mean=(int(kane[first]) + int(kane[last])) // 2))
    else:
        parts.append(JUNE if year in JUNE_YEARS else SEPTEMBER)
    if year <= OKINAWA_LAST:
        parts.append(OKINAWA.format(rebuild=rebuild[EXAMPLE_YEAR], kane=kane[EXAMPLE_YEAR]))
    if year in ASHORE_YEARS:
        parts.append(ASHORE)
    if year in REBUILD_CITED:
        parts.append(REBUILD_VALUE.format(rebuild=rebuild[year]))
    return "; ".join(parts)


def extract(troopdata: Path, rebuild_path: Path) -> list[list[str]]:
    """The Japan rows of ``troopdata`` with their notes (both files' blob hashes checked first)."""
    kane = {}
    for row in read_checked(troopdata, TROOPDATA_BLOBS):
        if row["ccode"] == CCODE and YEARS[0] <= int(row["year"]) <= YEARS[1]:
            if not row["troops"].isdigit():
                raise SystemExit(f"{row['year']}: not a count: {row['troops']!r}")
            kane[int(row["year"])] = row["troops"]
    if sorted(kane) != list(range(YEARS[0], YEARS[1] + 1)):
        raise SystemExit(f"{troopdata}: years missing for ccode {CCODE}")
    rebuild = {
        int(row["year"]): row["troops_ad"]
        for row in read_checked(rebuild_path, REBUILD_BLOBS)
        if row["ccode"] == CCODE and YEARS[0] <= int(row["year"]) <= YEARS[1]
    }
    check(kane, rebuild)
    return [[str(year), COUNTRY, kane[year], SOURCES, note(year, kane, rebuild)] for year in sorted(kane)]


def main(argv: list[str] | None = None) -> None:
    argv = sys.argv if argv is None else argv
    if len(argv) not in (3, 4):
        raise SystemExit(__doc__)
    out = Path(argv[3]) if len(argv) == 4 else OUT_DEFAULT
    rows = extract(Path(argv[1]), Path(argv[2]))
    write_rows(out, COLUMNS, rows)
    print(f"{out}: {len(rows)} rows")


if __name__ == "__main__":
    main()
