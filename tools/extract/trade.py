"""Extract COW Trade v4.0 national totals for the United States, Russia/USSR and Japan, 1900-1991,
into data/trade.csv.

Original file (read from a local copy; pass its path):

    National_COW_4.0.csv   the national (monadic) file of the COW Trade Data Set v4.0 (14,410 rows, 1870-2014),
        as kept in github.com/will-cotton4/COW-DataScience, path National_COW_4.0.csv,
        commit e6cdcde62423b247765248c0c0203deb93b81135 (added there; unchanged to the repository's last commit),
        git blob 1e632bbeeb20cd0941463722c097949c8760c607 (785,325 bytes, LF line ends).
        The same repository also holds data/National_COW_4.0.csv (from commit 8124e8e7b2be20cb74c666b7d68134d5101f48ec,
        git blob ccea46154391d185caf3c1405542e846a7b52108): the same text with CRLF line ends; it is accepted too.

    e.g.  git --git-dir=<mirror> show e6cdcde6:National_COW_4.0.csv > National_COW_4.0.csv

The file's git blob hash is checked before use, then its header (ccode, statename, stateabb, year, imports, exports,
alt_imports, alt_exports, source1, source2, version) and that every selected row has ``version`` 4 and a unique
(ccode, year).

Selection: rows with ccode in {2, 365, 740} and 1900 <= year <= 1991, ordered by ccode in that order, then by year
(the release's own order). All eleven columns as the release names them, and a ``sources`` column (bib keys).
Values are the release's text, copied character for character: no number is parsed or re-formatted, so nothing is
rounded (``823.1699829101563`` and ``.3203174471855164`` stay as written) and an empty field (missing) stays empty.
Output: UTF-8, LF line ends (tools/extract/release.py).

Usage: python tools/extract/trade.py National_COW_4.0.csv [data/trade.csv]
"""

from __future__ import annotations

from pathlib import Path

from release import cow_country_years, run  # noqa: E402

BLOBS = {
    "1e632bbeeb20cd0941463722c097949c8760c607",  # National_COW_4.0.csv (LF)
    "ccea46154391d185caf3c1405542e846a7b52108",  # data/National_COW_4.0.csv, same text with CRLF
}
HEADER = [
    "ccode",
    "statename",
    "stateabb",
    "year",
    "imports",
    "exports",
    "alt_imports",
    "alt_exports",
    "source1",
    "source2",
    "version",
]
VERSION = "4"
CCODES = ("2", "365", "740")
YEARS = (1900, 1991)
COLUMNS = [*HEADER, "sources"]
SOURCES = "cow_trade_v4;barbieri_keshk_pollins_2009"
OUT_DEFAULT = Path(__file__).resolve().parents[2] / "data" / "trade.csv"


def extract(path: Path) -> list[list[str]]:
    """The selected rows of the release file at ``path`` (its blob hash checked first), values as text."""
    return [[*record, SOURCES] for record in cow_country_years(path, BLOBS, HEADER, CCODES, YEARS, VERSION)]


if __name__ == "__main__":
    run(__doc__, extract, COLUMNS, OUT_DEFAULT)
