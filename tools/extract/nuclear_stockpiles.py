"""Extract the US and Soviet/Russian nuclear warhead stockpiles, 1945-1991, into data/nuclear_stockpiles.csv.

Original file (read from a local copy; pass its path):

    nuclear_weapons_stockpiles.csv   FAS, Estimated Global Nuclear Warhead Inventories (Kristensen, Korda,
        Reynolds, Norris), 2023 release, as prepared by Our World in Data (Bastian Herre's do-file of
        21 August 2023), kept in a public repository:
        github.com/owid/notebooks, path "BastianHerre/nuclear_weapons/Federation of American Scientists (2023)
        nuclear weapons inventories/nuclear_weapons_stockpiles.csv", commit d630acfedbb1ae105e3c19f8ebe887da6134009a
        (git blob a753d8acadd78f9f0a092102cdd076def809a607).

    e.g.  git --git-dir=<mirror> show "d630acfe:BastianHerre/.../nuclear_weapons_stockpiles.csv" > stockpiles.csv

The file's git blob hash is checked before use. (The FAS export it was made from, nuclear_weapons_stockpiles_raw.csv
in the same folder, UTF-16 and tab-separated, has the same numbers except that OWID's do-file writes 0 where FAS
left the cell empty: Russia 1945-1948. tests/test_extract_nuclear_stockpiles.py compares the two when given.)

Selection: rows with country_name "United States" (written USA) or "Russia" (written RUS; FAS's label for the
Soviet series too) and 1945 <= year <= 1991, ordered by year, then country code. Columns ``year``,
``country_code``, ``warheads`` (the release's nuclear_weapons_stockpile, warheads, copied as written: whole
numbers, nothing parsed or rounded) and ``sources``.

Usage: python tools/extract/nuclear_stockpiles.py nuclear_weapons_stockpiles.csv [data/nuclear_stockpiles.csv]
"""

from __future__ import annotations

from pathlib import Path

from release import release_csv_rows, run  # noqa: E402

BLOBS = {"a753d8acadd78f9f0a092102cdd076def809a607"}  # owid/notebooks @ d630acfe
COUNTRIES = {"United States": "USA", "Russia": "RUS"}
YEARS = (1945, 1991)
COLUMNS = ["year", "country_code", "warheads", "sources"]
SOURCES = "fas_stockpiles;owid_nuclear_stockpiles"
OUT_DEFAULT = Path(__file__).resolve().parents[2] / "data" / "nuclear_stockpiles.csv"


def extract(path: Path) -> list[list[str]]:
    """The selected rows of the OWID file at ``path`` (its blob hash checked first)."""
    rows = []
    for row in release_csv_rows(path, BLOBS):
        code, year = COUNTRIES.get(row["country_name"]), int(row["year"])
        if code and YEARS[0] <= year <= YEARS[1]:
            if not row["nuclear_weapons_stockpile"].isdigit():
                raise SystemExit(f"{row['country_name']} {year}: not a count: {row['nuclear_weapons_stockpile']!r}")
            rows.append([row["year"], code, row["nuclear_weapons_stockpile"], SOURCES])
    return sorted(rows, key=lambda row: (int(row[0]), row[1]))


if __name__ == "__main__":
    run(__doc__, extract, COLUMNS, OUT_DEFAULT)
