"""What every extraction script shares: the check that the file read is the release file named in
data/README.md (its git blob hash), and the command line that writes the extract as CSV."""

from __future__ import annotations

import csv
import hashlib
import io
import sys
from collections.abc import Callable, Collection, Sequence
from pathlib import Path


def git_blob_sha1(data: bytes) -> str:
    """The git blob hash of a file's bytes: the id under which the release file was read."""
    return hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()


def read_release(path: Path, blobs: Collection[str]) -> bytes:
    """The bytes of the file at ``path``, refused unless its git blob hash is one of ``blobs`` (the files read)."""
    data = path.read_bytes()
    blob = git_blob_sha1(data)
    if blob not in blobs:
        raise SystemExit(f"{path}: not a release file read (git blob {blob})")
    return data


def release_csv_rows(path: Path, blobs: Collection[str]) -> list[dict[str, str]]:
    """The rows of the release CSV at ``path`` (blob hash checked), cells as the release writes them."""
    return list(csv.DictReader(io.StringIO(read_release(path, blobs).decode("utf-8"), newline="")))


def cow_country_years(
    path: Path,
    blobs: Collection[str],
    header: Sequence[str],
    ccodes: Sequence[str],
    years: tuple[int, int],
    version: str,
) -> list[list[str]]:
    """The records of a COW country-year release CSV with ``ccode`` in ``ccodes`` and ``year`` within ``years``,
    as text, ordered by ``ccodes`` then year. Refuses another header, a short line, another version, or a
    country-year given twice."""
    header_read, *body = csv.reader(io.StringIO(read_release(path, blobs).decode("utf-8"), newline=""))
    if header_read != list(header):
        raise SystemExit(f"{path}: header {header_read} != {list(header)}")
    rows: dict[tuple[int, int], list[str]] = {}
    for number, record in enumerate(body, start=2):
        if len(record) != len(header):
            raise SystemExit(f"{path}: line {number} has {len(record)} fields, not {len(header)}")
        field = dict(zip(header, record))
        if field["ccode"] not in ccodes or not years[0] <= int(field["year"]) <= years[1]:
            continue
        if field["version"] != version:
            raise SystemExit(f"{path}: line {number} has version {field['version']!r}, not {version}")
        key = (ccodes.index(field["ccode"]), int(field["year"]))
        if key in rows:
            raise SystemExit(f"{path}: line {number} repeats ccode {field['ccode']} year {field['year']}")
        rows[key] = record
    return [rows[key] for key in sorted(rows)]


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
