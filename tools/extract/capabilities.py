"""Extract COW National Material Capabilities v6.0 for the United States, Russia/USSR and Japan, 1900-1991,
into data/capabilities.csv.

Original file (read from a local copy; pass its path):

    NMC-60-abridged.csv   the NMC v6.0 abridged release file (15,951 rows, 1816-2016, CRLF line ends, none after
        the last row), as kept in github.com/jcook125/Slide-Deck-Rmd, path NMC-60-abridged.csv,
        commit 6792e68e819306c676ba2707fc80259842d815cd (the only commit that touches the file),
        git blob b29f18f911908f2db15b32a70cfda49c2dbda6c3 (920,464 bytes).

    e.g.  git --git-dir=<mirror> show 6792e68e:NMC-60-abridged.csv > NMC-60-abridged.csv

The file's git blob hash is checked before use, then its header (stateabb, ccode, year, milex, milper, irst, pec,
tpop, upop, cinc, version) and that every selected row has ``version`` 2021 and a unique (ccode, year).

Selection: rows with ccode in {2, 365, 740} and 1900 <= year <= 1991, ordered by ccode in that order, then by year
(the release's own order). Columns stateabb ... cinc as the release names them; the constant ``version`` column is
dropped and a ``sources`` column (bib keys) is added. Values are the release's text, copied character for
character: no number is parsed or re-formatted, so nothing is rounded (cinc ``0.18799882``, milex ``49621008``
and the missing-value code ``-9`` stay as written). Output: UTF-8, LF line ends (tools/extract/release.py).

Usage: python tools/extract/capabilities.py NMC-60-abridged.csv [data/capabilities.csv]
"""

from __future__ import annotations

from pathlib import Path

from release import cow_country_years, run  # noqa: E402 - the sibling module when run as a script

BLOB_SHA1 = "b29f18f911908f2db15b32a70cfda49c2dbda6c3"
HEADER = ["stateabb", "ccode", "year", "milex", "milper", "irst", "pec", "tpop", "upop", "cinc", "version"]
VERSION = "2021"
CCODES = ("2", "365", "740")
YEARS = (1900, 1991)
COLUMNS = [*HEADER[:-1], "sources"]
SOURCES = "cow_nmc_v6;singer_bremer_stuckey_1972"
OUT_DEFAULT = Path(__file__).resolve().parents[2] / "data" / "capabilities.csv"


def extract(path: Path) -> list[list[str]]:
    """The selected rows of the release file at ``path`` (its blob hash checked first), values as text."""
    rows = cow_country_years(path, {BLOB_SHA1}, HEADER, CCODES, YEARS, VERSION)
    return [[*record[:-1], SOURCES] for record in rows]  # the constant version column dropped


if __name__ == "__main__":
    run(__doc__, extract, COLUMNS, OUT_DEFAULT)
