"""The one loader: typed DataFrames from ``data/``, validated on first use.

``load("events")`` validates the whole package once per process (all
problems at once, see ``datapackage``) and returns the table typed by its
schema: integers as ``Int64``, numbers as ``Float64``, dates as
``datetime64``, missing values (the schema's ``missingValues``, e.g. the
Correlates of War code ``-9``) as ``NA``.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pandas as pd

from analysis import paths
from analysis.data.datapackage import DataValidationError, read_descriptor
from analysis.data.validate import validate


@lru_cache(maxsize=4)
def _validated(data_dir: Path) -> dict:
    problems = validate(data_dir)
    if problems:
        raise DataValidationError(problems)
    return read_descriptor(data_dir)


def resource(name: str, data_dir: Path | None = None) -> dict:
    """The descriptor entry of one table."""
    descriptor = _validated(Path(data_dir or paths.data_dir()))
    for entry in descriptor["resources"]:
        if entry["name"] == name:
            return entry
    raise KeyError(f"no resource named {name!r} in datapackage.json")


def load(name: str, data_dir: Path | None = None) -> pd.DataFrame:
    """Load table ``name`` as a typed DataFrame (validating the package first)."""
    data_dir = Path(data_dir or paths.data_dir())
    descriptor = _validated(data_dir)
    entry = resource(name, data_dir)
    schema = entry["schema"]
    missing = schema.get("missingValues", descriptor.get("missingValues", [""]))
    frame = pd.read_csv(data_dir / entry["path"], dtype=str, keep_default_na=False, encoding="utf-8")
    frame = frame.replace({value: pd.NA for value in missing})
    for field in schema["fields"]:
        column, kind = field["name"], field.get("type", "string")
        if kind == "date":
            frame[column] = pd.to_datetime(frame[column], format="%Y-%m-%d")
        elif kind in ("integer", "year"):
            frame[column] = pd.to_numeric(frame[column]).astype("Int64")
        elif kind == "number":
            frame[column] = pd.to_numeric(frame[column]).astype("Float64")
        else:
            frame[column] = frame[column].astype("string")
    return frame
