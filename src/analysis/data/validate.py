"""Validation of the whole data package: every schema first, then the cross-table rules.

``python -m analysis.data.validate [DATA_DIR]`` prints every problem at once.
"""

from __future__ import annotations

import sys
from pathlib import Path

from analysis import paths
from analysis.data import rules
from analysis.data.datapackage import DataValidationError, Problem, check_schemas, read_descriptor


def validate(data_dir: Path | None = None) -> list[Problem]:
    """All problems of ``data/`` (empty when valid); the rules run only on tables that passed their schemas."""
    data_dir = Path(data_dir or paths.data_dir())
    problems = check_schemas(data_dir)
    if not problems:
        problems = rules.check(data_dir, read_descriptor(data_dir))
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
