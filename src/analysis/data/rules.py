"""Cross-table rules of truth that a schema cannot express.

Run by ``validate.validate`` once every table has passed its schema, so
the rules can trust types. Each returns ``Problem`` rows naming file, row,
column and rule.

- capabilities: ``upop <= tpop``; years contiguous per country.
- economy: years contiguous per country.
- events: ``end_date`` not before ``date``; a date at month or year precision
  sits on the first of its month or year; source and target differ.
- seed_claims: each restored value matches the row it names (a date prefix,
  or the number).
- references: every key used by a table exists (foreign keys) and every
  entry of the bibliography is used somewhere.
- key_figures: ``value_low <= value <= value_high``.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path
from typing import Any

from analysis.data.datapackage import Problem, bibliography_keys


def _rows(data_dir: Path, file: str) -> list[tuple[int, dict[str, str]]]:
    with open(data_dir / file, encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        return [(reader.line_num, row) for row in reader]


def _resource_files(descriptor: dict[str, Any]) -> dict[str, str]:
    return {resource["name"]: resource["path"] for resource in descriptor["resources"]}


def _contiguous_years(
    file: str, rows, group_column: str, known_gaps: dict[str, list[int]] | None = None
) -> list[Problem]:
    """Years follow one another per group, except a gap the descriptor declares (``x-known-gaps``)."""
    problems = []
    known_gaps = known_gaps or {}
    years_by_group: dict[str, list[tuple[int, int]]] = {}
    for line, row in rows:
        years_by_group.setdefault(row[group_column], []).append((int(row["year"]), line))
    for group, years in years_by_group.items():
        years.sort()
        for (previous, _), (year, line) in zip(years, years[1:]):
            declared = known_gaps.get(group)
            if declared and previous + 1 == declared[0] and year - 1 == declared[1]:
                continue
            if year != previous + 1:
                problems.append(
                    Problem(
                        file,
                        line,
                        "year",
                        "contiguous-years",
                        f"{group}: {year} follows {previous}; years must be contiguous (keep a row with missing values instead of a gap)",
                    )
                )
    return problems


def check_capabilities(file: str, rows, known_gaps=None, missing=("",)) -> list[Problem]:
    """Capabilities: urban population within total population, contiguous years except declared gaps.

    ``missing``: the descriptor's missing-value codes (e.g. COW's -9), never typed here.
    """
    problems = []
    for line, row in rows:
        upop, tpop = row["upop"], row["tpop"]
        if upop not in missing and tpop not in missing and float(upop) > float(tpop):
            problems.append(
                Problem(file, line, "upop", "upop<=tpop", f"urban population {upop} exceeds total population {tpop}")
            )
    return problems + _contiguous_years(file, rows, "ccode", known_gaps)


def check_events(file: str, rows) -> list[Problem]:
    """Events: an end date not before the start, dates written as their precision says, source and target differ."""
    problems = []
    for line, row in rows:
        if row["end_date"] and row["end_date"] < row["date"]:
            problems.append(
                Problem(
                    file, line, "end_date", "end-after-start", f"{row['end_date']} is before the start {row['date']}"
                )
            )
        precision, day = row["date_precision"], row["date"]
        if precision == "month" and not day.endswith("-01"):
            problems.append(
                Problem(file, line, "date", "precision", "a month-precision date is written as the first of the month")
            )
        if precision == "year" and not day[5:] == "01-01":
            problems.append(Problem(file, line, "date", "precision", "a year-precision date is written as 1 January"))
        if row["source_actor"] == row["target_actor"]:
            problems.append(Problem(file, line, "target_actor", "directed", "source and target are the same actor"))
    return problems


def check_key_figures(file: str, rows) -> list[Problem]:
    """Key figures: a range holds its value (low <= value <= high)."""
    problems = []
    for line, row in rows:
        low, value, high = (float(row[c]) if row[c] else None for c in ("value_low", "value", "value_high"))
        if value is None and (low is None or high is None):
            problems.append(
                Problem(file, line, "value", "value-or-range", "give a value, or both value_low and value_high")
            )
        if low is not None and high is not None and low > high:
            problems.append(Problem(file, line, "value_low", "range-order", f"{low} is above value_high {high}"))
        if value is not None and low is not None and value < low:
            problems.append(Problem(file, line, "value", "within-range", f"{value} is below value_low {low}"))
        if value is not None and high is not None and value > high:
            problems.append(Problem(file, line, "value", "within-range", f"{value} is above value_high {high}"))
    return problems


def _number_matches(restored: str, cell: str) -> bool:
    try:
        return float(restored) == float(cell)
    except ValueError:
        return False


def check_seed_claims(file: str, rows, tables: dict[str, dict[str, dict[str, str]]]) -> list[Problem]:
    """Seed claims: the restored value matches the data row it cites."""
    problems = []
    for line, row in rows:
        if not row["row_id"]:
            if row["restored_value"] and not row.get("sources"):
                problems.append(
                    Problem(
                        file,
                        line,
                        "sources",
                        "seed-evidence",
                        "a restored value without a data row cites its evidence in sources",
                    )
                )
            if row["kind"] == "gap" and row["restored_value"]:
                problems.append(Problem(file, line, "kind", "seed-gap", "a gap has no restored value"))
            continue
        target = tables.get(row["table"], {}).get(row["row_id"])
        if target is None:
            problems.append(
                Problem(file, line, "row_id", "seed-row", f"{row['row_id']!r} is not an id of {row['table']}")
            )
            continue
        cell = target.get(row["field"])
        if cell is None:
            problems.append(
                Problem(file, line, "field", "seed-field", f"{row['table']} has no column {row['field']!r}")
            )
            continue
        restored = row["restored_value"]
        if row["field"] in ("date", "end_date", "as_of") and restored.endswith("s"):
            ok = restored[:-1].isdigit() and cell[:3] == restored[:3]  # a decade: '1920s' holds 1920-1929
        elif row["field"] in ("date", "end_date", "as_of"):
            ok = bool(restored) and cell.startswith(restored)
        else:
            ok = _number_matches(restored, cell)
        if not ok:
            problems.append(
                Problem(
                    file,
                    line,
                    "restored_value",
                    "seed-matches-data",
                    f"{restored!r} does not match {row['table']}/{row['row_id']}.{row['field']} = {cell!r}",
                )
            )
    return problems


CITATION_ROLE = re.compile(r"\{cite\}`([^`]*)`")


def check_bibliography_used(data_dir: Path, descriptor: dict[str, Any]) -> list[Problem]:
    """Every entry of references.bib is cited: by a row (any field keyed to the bibliography) or by a chapter."""
    bib_file, candidates = keys_not_cited_by_rows(data_dir, descriptor)
    return uncited_entries(bib_file, candidates, chapter_citations(data_dir.parent / "notebooks"))


def keys_not_cited_by_rows(data_dir: Path, descriptor: dict[str, Any]) -> tuple[str, list[str]]:
    """(the bibliography's file name, its keys, in file order, that no row of any table cites)."""
    files = _resource_files(descriptor)
    used: set[str] = set()
    for resource in descriptor["resources"]:
        if resource.get("format") == "bibtex":
            continue
        fields = {field["name"]: field for field in resource["schema"]["fields"]}
        keyed = [
            fields[foreign["fields"]]
            for foreign in resource["schema"].get("foreignKeys", [])
            if foreign["reference"]["resource"] == "references" and isinstance(foreign["fields"], str)
        ]
        if not keyed:
            continue
        for _, row in _rows(data_dir, resource["path"]):
            for field in keyed:
                cell = row[field["name"]]
                values = cell.split(field["x-separator"]) if "x-separator" in field else [cell]
                used.update(value.strip() for value in values if value.strip())
    bib_file = files.get("references", "references.bib")
    keys = bibliography_keys((data_dir / bib_file).read_text(encoding="utf-8"))
    return bib_file, [key for key in keys if key not in used]


def chapter_citations(notebooks_dir: Path) -> set[str]:
    """Every key the chapters cite with the MyST role {cite}`key1,key2` (chapters sit beside data/ in notebooks/)."""
    cited: set[str] = set()
    for chapter in sorted(notebooks_dir.glob("*.md")):
        for match in CITATION_ROLE.finditer(chapter.read_text(encoding="utf-8")):
            cited.update(key.strip() for key in match.group(1).split(",") if key.strip())
    return cited


def uncited_entries(bib_file: str, candidates: list[str], cited: set[str]) -> list[Problem]:
    """A problem for each candidate key that the chapters do not cite either."""
    return [
        Problem(bib_file, None, "key", "cited", f"entry {key!r} is cited by no row of any table and by no chapter")
        for key in candidates
        if key not in cited
    ]


def _known_gaps(descriptor: dict[str, Any], name: str) -> dict[str, list[int]]:
    for resource in descriptor["resources"]:
        if resource["name"] == name:
            return resource.get("x-known-gaps", {})
    return {}


def check(data_dir: Path, descriptor: dict[str, Any], tables: dict | None = None) -> list[Problem]:
    """Every cross-table rule, on a package whose tables passed their schemas (``tables``: rows already read)."""
    files = _resource_files(descriptor)
    problems: list[Problem] = []
    tables = tables or {}
    loaded = {
        name: tables[name] if name in tables else _rows(data_dir, path)
        for name, path in files.items()
        if path.endswith(".csv")
    }
    if "capabilities" in loaded:
        capabilities = next(r for r in descriptor["resources"] if r["name"] == "capabilities")
        missing = tuple(capabilities["schema"].get("missingValues", descriptor.get("missingValues", [""])))
        problems += check_capabilities(
            files["capabilities"], loaded["capabilities"], _known_gaps(descriptor, "capabilities"), missing
        )
    if "economy" in loaded:
        problems += _contiguous_years(
            files["economy"], loaded["economy"], "countrycode", _known_gaps(descriptor, "economy")
        )
    if "events" in loaded:
        problems += check_events(files["events"], loaded["events"])
    if "key_figures" in loaded:
        problems += check_key_figures(files["key_figures"], loaded["key_figures"])
    if "seed_claims" in loaded:
        by_id = {
            name: {row["id"]: row for _, row in loaded[name]} for name in ("events", "key_figures") if name in loaded
        }
        problems += check_seed_claims(files["seed_claims"], loaded["seed_claims"], by_id)
    if "references" in files:
        problems += check_bibliography_used(data_dir, descriptor)
    return problems
