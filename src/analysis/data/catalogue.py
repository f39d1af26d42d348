"""Tables about the data itself, for the appendix: the data dictionary (from the
descriptor, never written twice), the datasets, the seed restored, the environment.
"""

from __future__ import annotations

import json
import platform
from importlib import metadata
from pathlib import Path

import pandas as pd

from analysis import paths
from analysis.data.datapackage import read_bibtex


def descriptor(data_dir: Path | None = None) -> dict:
    """The data package descriptor (``data/datapackage.json``) as a dict."""
    with open(Path(data_dir or paths.data_dir()) / "datapackage.json", encoding="utf-8") as handle:
        return json.load(handle)


def _constraints(field: dict) -> str:
    rules = []
    constraints = field.get("constraints", {})
    if constraints.get("required"):
        rules.append("required")
    if constraints.get("unique"):
        rules.append("unique")
    if "minimum" in constraints or "maximum" in constraints:
        rules.append(f"{constraints.get('minimum', '')}…{constraints.get('maximum', '')}")
    if "enum" in constraints:
        rules.append("one of " + ", ".join(str(value) for value in constraints["enum"]))
    if "pattern" in constraints:
        rules.append(f"pattern {constraints['pattern']}")
    if "x-separator" in field:
        rules.append(f"list separated by '{field['x-separator']}'")
    return "; ".join(rules)


def data_dictionary(package: dict) -> pd.DataFrame:
    """One row per column of every tabular resource: table, column, type, meaning and unit, rules, key."""
    rows = []
    for resource in package["resources"]:
        if resource.get("format") == "bibtex":
            continue
        schema = resource["schema"]
        primary = schema.get("primaryKey", [])
        primary = [primary] if isinstance(primary, str) else primary
        foreign = {}
        for key in schema.get("foreignKeys", []):
            target = key["reference"]["resource"]
            fields = key["fields"] if isinstance(key["fields"], str) else ",".join(key["fields"])
            foreign[fields] = f"→ {target}"
        for field in schema["fields"]:
            links = [
                link
                for link in ("primary key" if field["name"] in primary else "", foreign.get(field["name"], ""))
                if link
            ]
            rows.append(
                {
                    "table": resource["path"],
                    "column": field["name"],
                    "type": field.get("type", "string"),
                    "meaning and unit": field.get("description", ""),
                    "rules": _constraints(field),
                    "keys": "; ".join(links),
                }
            )
    return pd.DataFrame(rows)


def datasets(package: dict, data_dir: Path | None = None) -> pd.DataFrame:
    """One row per table: file, title, rows, description."""
    data_dir = Path(data_dir or paths.data_dir())
    rows = []
    for resource in package["resources"]:
        path = data_dir / resource["path"]
        if resource.get("format") == "bibtex":
            count = len(read_bibtex(path.read_text(encoding="utf-8")).entries)
        else:
            count = max(0, len(pd.read_csv(path, dtype=str, keep_default_na=False)))
        rows.append(
            {
                "file": resource["path"],
                "title": resource.get("title", resource["name"]),
                "rows": count,
                "description": resource.get("description", ""),
            }
        )
    return pd.DataFrame(rows)


def seed_restored(claims: pd.DataFrame, events: pd.DataFrame, figures: pd.DataFrame) -> pd.DataFrame:
    """Each gapped statement of the seed with its restored value, the data row and the row's sources."""
    event_rows = events.set_index("id")
    figure_rows = figures.set_index("id")
    rows = []
    for _, claim in claims.iterrows():
        table, row_id = claim["table"], claim["row_id"]
        if pd.isna(row_id):
            row_text, sources = "—", claim["sources"] if not pd.isna(claim["sources"]) else ""
        elif table == "events":
            row = event_rows.loc[row_id]
            row_text, sources = f"events/{row_id}: {row['title']}", row["sources"]
        else:
            row = figure_rows.loc[row_id]
            row_text, sources = f"key_figures/{row_id}: {row['quantity']}", row["sources"]
        rows.append(
            {
                "claim": claim["id"],
                "the seed's words": claim["seed_text"],
                "stripped": claim["missing"],
                "restored": claim["restored_value"] if not pd.isna(claim["restored_value"]) else "not confirmed",
                "kind": claim["kind"],
                "data row": row_text,
                "sources": str(sources).replace(";", "; "),
                "note": claim["note"] if not pd.isna(claim["note"]) else "",
            }
        )
    return pd.DataFrame(rows)


def environment(
    packages=(
        "pandas",
        "numpy",
        "matplotlib",
        "pyproj",
        "basemap-data",
        "nbclient",
        "nbconvert",
        "ipykernel",
        "playwright",
    ),
) -> pd.DataFrame:
    """Python and the versions of the packages that made the report (from the locked environment)."""
    rows = [{"component": "Python", "version": platform.python_version()}]
    for name in packages:
        try:
            rows.append({"component": name, "version": metadata.version(name)})
        except metadata.PackageNotFoundError:
            rows.append({"component": name, "version": "not installed"})
    return pd.DataFrame(rows)


def coding_rules(protocol: Path | None = None) -> pd.DataFrame:
    """The numbered rules of the events coding protocol (``docs/coding-protocol.md``): rule, title, text.

    Read from the protocol itself, so the appendix and the document cannot disagree.
    """
    import re

    path = Path(protocol or paths.project_root() / "docs" / "coding-protocol.md")
    body = path.read_text(encoding="utf-8").split("\n## ", 2)[1]  # the "Rules" section
    rows = []
    for match in re.finditer(r"^(\d+)\. \*\*(.+?)\*\*(.*?)(?=^\d+\. \*\*|^\*\*|\Z)", body, flags=re.M | re.S):
        text = " ".join(match.group(3).split())
        rows.append({"rule": int(match.group(1)), "title": match.group(2).rstrip("."), "text": text})
    return pd.DataFrame(rows, columns=["rule", "title", "text"])
