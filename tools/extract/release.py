"""What every extraction script shares: the check that the file read is the release file named in
data/README.md (its git blob hash), and the command line that writes the extract as CSV."""

from __future__ import annotations

import csv
import hashlib
import sys
from collections.abc import Callable, Sequence
from pathlib import Path


def git_blob_sha1(data: bytes) -> str:
    """The git blob hash of a file's bytes: the id under which the release file was read."""
    return hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()


def write_rows(out: Path, columns: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
    """Write the extract deterministically: header, rows as given, LF line ends, UTF-8."""
    with out.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows(rows)


def run(doc: str, extract: Callable[[Path], list], columns: Sequence[str], out_default: Path, argv=None) -> None:
    """``script.py ORIGINAL [OUT]``: extract from the original file and write the CSV (default: data/)."""
    argv = sys.argv if argv is None else argv
    if len(argv) not in (2, 3):
        raise SystemExit(doc)
    out = Path(argv[2]) if len(argv) == 3 else out_default
    rows = extract(Path(argv[1]))
    write_rows(out, columns, rows)
    print(f"{out}: {len(rows)} rows")
