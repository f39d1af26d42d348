"""Validation of the whole data package: every schema first, then the cross-table rules.

``python -m analysis.data.validate [DATA_DIR]`` prints every problem at once.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

from analysis import paths
from analysis.data import rules
from analysis.data.datapackage import DataValidationError, Problem, check_schemas, read_descriptor


def _digest(data_dir: Path) -> str:
    """SHA-256 of every file of the data folder and of the validation code itself."""
    digest = hashlib.sha256()
    code = Path(__file__).resolve().parent
    for path in sorted(data_dir.iterdir()) + sorted(code.glob("*.py")):
        if path.is_file():
            digest.update(path.name.encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def validate(data_dir: Path | None = None) -> list[Problem]:
    """All problems of ``data/`` (empty when valid); the rules run only on tables that passed their schemas.

    A package already found valid, byte for byte, is not validated again: the project's own data folder records
    its valid digests in ``.cache/validated/`` (every build and every chapter otherwise paid a second or more).
    Only the one rule that reads the chapters, that every bibliography entry is cited, is checked each time, from
    the entries no row cites (kept with the digest) and the chapters' citations: editing a chapter costs no
    second validation of the tables.
    """
    data_dir = Path(data_dir or paths.data_dir())
    own = data_dir.resolve() == paths.data_dir().resolve()
    marker = paths.cache_dir() / "validated" / _digest(data_dir) if own else None
    if marker is not None and marker.exists():
        try:
            bib_file, candidates = json.loads(marker.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            marker.unlink(missing_ok=True)  # an unreadable record: validate again, in full
        else:
            return rules.uncited_entries(bib_file, candidates, rules.chapter_citations(data_dir.parent / "notebooks"))
    tables: dict = {}
    problems = check_schemas(data_dir, tables)
    if not problems:
        problems = rules.check(data_dir, read_descriptor(data_dir), tables)
    if not problems and marker is not None:
        try:
            marker.parent.mkdir(parents=True, exist_ok=True)
            marker.write_text(
                json.dumps(rules.keys_not_cited_by_rows(data_dir, read_descriptor(data_dir))), encoding="utf-8"
            )
        except OSError:
            pass  # a read-only cache only costs time
    return problems


def main(argv: list[str] | None = None) -> int:
    """Validate and print every problem; exit status 1 when there is any."""
    argv = sys.argv[1:] if argv is None else argv
    data_dir = Path(argv[0]) if argv else paths.data_dir()
    problems = validate(data_dir)
    if problems:
        print(DataValidationError(problems), file=sys.stderr)
        return 1
    print(f"data OK: {len(read_descriptor(data_dir)['resources'])} resources in {data_dir}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
