"""Validation of ``data/`` against its Frictionless descriptor, ``data/datapackage.json``.

The validator implements the part of the Table Schema standard this project
uses: field types (string, integer, number, date, year), the constraints
``required``, ``unique``, ``minimum``, ``maximum``, ``enum``, ``pattern``,
``minLength``/``maxLength``, ``primaryKey``, ``foreignKeys`` and
``missingValues``. Two project extensions are written as ``x-`` properties,
which the standard allows:

- ``x-separator`` on a field: the cell holds a list (e.g. bibliography keys
  separated by ``;``); constraints and foreign keys apply to each item.
- a resource with ``"format": "bibtex"`` (``references.bib``) whose keys are
  the field ``key``, so other tables can reference bibliography entries.

Every problem names the file, the row (the line number in the file, the
header being line 1), the column and the rule, and all problems are
reported at once. Nothing here writes anything but a memo of parsed BibTeX in ``.cache/``.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from analysis import memo, paths


@dataclass(frozen=True)
class Problem:
    """One validation failure: where it is and which rule it breaks."""

    file: str
    row: int | None
    column: str | None
    rule: str
    message: str

    def __str__(self) -> str:
        where = self.file
        if self.row is not None:
            where += f", row {self.row}"
        if self.column:
            where += f", column '{self.column}'"
        return f"{where}: [{self.rule}] {self.message}"


class DataValidationError(Exception):
    """Raised with every problem found; ``str()`` lists them one a line."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        lines = [f"data validation failed with {len(problems)} problem(s):"]
        lines += [f"  - {problem}" for problem in problems]
        super().__init__("\n".join(lines))


@dataclass
class Table:
    """A resource read as text: header and rows (each with its line number)."""

    name: str
    file: str
    header: list[str]
    rows: list[tuple[int, dict[str, str]]]


# --------------------------------------------------------------------------- reading


def read_descriptor(data_dir: Path) -> dict[str, Any]:
    """The descriptor of the package in ``data_dir`` as a dict."""
    with open(data_dir / "datapackage.json", encoding="utf-8") as handle:
        return json.load(handle)


@dataclass(frozen=True)
class BibTeX:
    """A BibTeX text as pybtex reads it: entries by key (kind, raw fields with lower-case names), every key in file
    order (a repeated key twice) and the syntax errors met, as text."""

    entries: dict[str, tuple[str, dict[str, str]]]
    order: list[str]
    errors: list[str]


BIBTEX_MEMOS = 8


def read_bibtex(text: str) -> BibTeX:
    """Parse BibTeX with pybtex, the one parser of ``references.bib`` (validation, catalogue and citations).

    Fields stay raw (braces kept, names not split into persons), so the citation style decides how to read them;
    a repeated key or a syntax error is recorded, never raised, so validation can name every problem at once.

    pybtex needs most of a second for the bibliography, and every chapter's kernel reads it: the result is kept
    in ``.cache/bibtex/`` under the SHA-256 of the text, of this module and of pybtex's version, and read back
    from there."""
    import hashlib
    from importlib.metadata import version

    parser = f"pybtex {version('pybtex')}".encode()
    digest = hashlib.sha256(text.encode("utf-8") + Path(__file__).read_bytes() + parser).hexdigest()
    path = paths.cache_dir() / "bibtex" / f"{digest}.json"
    stored = memo.read(path)
    if stored is not None:
        try:
            entries, order, errors = json.loads(stored)
            return BibTeX({key: (kind, fields) for key, (kind, fields) in entries.items()}, order, errors)
        except (ValueError, TypeError):
            pass  # an unreadable memo: parse again
    parsed = _parse_bibtex(text)
    # Tests parse many small bibliographies: only the most recent memos are kept.
    memo.write(path, json.dumps([parsed.entries, parsed.order, parsed.errors]).encode("utf-8"), keep=BIBTEX_MEMOS)
    return parsed


def _parse_bibtex(text: str) -> BibTeX:
    from pybtex.database.input.bibtex import Parser

    order: list[str] = []
    errors: list[str] = []

    class _Reader(Parser):
        def process_entry(self, entry_type, key, fields):
            order.append(key)
            if key not in self.data.entries:
                super().process_entry(entry_type, key, fields)

        def handle_error(self, error):
            errors.append(str(error))

    data = _Reader(person_fields=()).parse_string(text)
    entries = {
        key: (entry.type.lower(), {name.lower(): value for name, value in entry.fields.items()})
        for key, entry in data.entries.items()
    }
    return BibTeX(entries, order, errors)


def bibliography_keys(text: str) -> list[str]:
    """Keys of the entries of a BibTeX text, in file order (a repeated key twice; ``@string``, ``@preamble`` and
    ``@comment`` are not entries)."""
    return read_bibtex(text).order


def _decode(raw: bytes, file: str, problems: list[Problem]) -> str | None:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        problems.append(
            Problem(
                file, line, None, "encoding", f"not valid UTF-8 (byte 0x{raw[error.start]:02x} at offset {error.start})"
            )
        )
        return None


def read_table(data_dir: Path, resource: dict[str, Any], problems: list[Problem]) -> Table | None:
    """Read one CSV resource strictly; append problems and return None when unreadable."""
    file = resource["path"]
    path = data_dir / file
    if not path.exists():
        problems.append(
            Problem(file, None, None, "file-exists", "described in datapackage.json but missing from data/")
        )
        return None
    text = _decode(path.read_bytes(), file, problems)
    if text is None:
        return None
    if text.startswith("\ufeff"):
        problems.append(
            Problem(
                file, 1, None, "encoding", "starts with a UTF-8 byte-order mark; save the file as UTF-8 without BOM"
            )
        )
        return None
    if not text.strip():
        problems.append(Problem(file, None, None, "not-empty", "the file is empty (a header row is required)"))
        return None
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    rows: list[tuple[int, list[str]]] = []
    try:
        header = next(reader)
        for cells in reader:
            if cells:
                rows.append((reader.line_num, cells))
    except csv.Error as error:
        problems.append(
            Problem(file, reader.line_num, None, "csv-syntax", f"malformed CSV ({error}); check the quotes")
        )
        return None
    fields = [field["name"] for field in resource["schema"]["fields"]]
    missing = [name for name in fields if name not in header]
    extra = [name for name in header if name not in fields]
    for name in missing:
        problems.append(
            Problem(file, 1, name, "missing-column", "column described in datapackage.json is absent from the header")
        )
    for name in extra:
        problems.append(Problem(file, 1, name, "extra-column", "column is not described in datapackage.json"))
    if missing or extra:
        return None
    table_rows = []
    for line, cells in rows:
        if len(cells) != len(header):
            problems.append(
                Problem(file, line, None, "row-length", f"{len(cells)} cells where the header has {len(header)}")
            )
            continue
        table_rows.append((line, dict(zip(header, cells))))
    return Table(resource["name"], file, header, table_rows)


# --------------------------------------------------------------------------- cells


def _parse_integer(text: str) -> int:
    if not re.fullmatch(r"-?\d+", text):
        raise ValueError("not an integer")
    return int(text)


def _parse_number(text: str) -> float:
    if not re.fullmatch(r"-?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?", text):
        raise ValueError("not a number")
    return float(text)


def _parse_date(text: str) -> date:
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        raise ValueError("not an ISO 8601 date (YYYY-MM-DD)")
    return date.fromisoformat(text)


# NUL and the other C0 controls except tab, line feed and carriage return (allowed inside quoted text).
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")

PARSERS: dict[str, Callable[[str], Any]] = {
    "string": str,
    "integer": _parse_integer,
    "number": _parse_number,
    "year": _parse_integer,
    "date": _parse_date,
}


def _check_cell(
    table: Table, line: int, field: dict[str, Any], text: str, missing_values: set[str], problems: list[Problem]
) -> Any:
    name, constraints = field["name"], field.get("constraints", {})
    control = CONTROL_CHARACTERS.search(text)
    if control:
        problems.append(
            Problem(
                table.file,
                line,
                name,
                "control-character",
                f"holds the invisible character U+{ord(control.group()):04X}",
            )
        )
        return None
    if text != text.strip():
        # The loader reads cells as written: a value the validator would strip must not pass.
        problems.append(Problem(table.file, line, name, "whitespace", f"{text!r} has leading or trailing whitespace"))
        return None
    if text in missing_values:
        if constraints.get("required"):
            problems.append(Problem(table.file, line, name, "required", "value is required"))
        return None
    items = text.split(field["x-separator"]) if "x-separator" in field else [text]
    parsed_items = []
    for item in items:
        item = item.strip()
        try:
            value = PARSERS[field.get("type", "string")](item)
        except ValueError as error:
            problems.append(
                Problem(table.file, line, name, f"type-{field.get('type', 'string')}", f"{item!r}: {error}")
            )
            continue
        comparable = value.isoformat() if isinstance(value, date) else value
        if "minimum" in constraints and comparable < constraints["minimum"]:
            problems.append(
                Problem(table.file, line, name, "minimum", f"{item!r} is below the minimum {constraints['minimum']!r}")
            )
        if "maximum" in constraints and comparable > constraints["maximum"]:
            problems.append(
                Problem(table.file, line, name, "maximum", f"{item!r} is above the maximum {constraints['maximum']!r}")
            )
        if "enum" in constraints and item not in [str(option) for option in constraints["enum"]]:
            problems.append(Problem(table.file, line, name, "enum", f"{item!r} is not one of {constraints['enum']}"))
        if "pattern" in constraints and not re.fullmatch(constraints["pattern"], item):
            problems.append(
                Problem(table.file, line, name, "pattern", f"{item!r} does not match {constraints['pattern']}")
            )
        if "minLength" in constraints and len(item) < constraints["minLength"]:
            problems.append(
                Problem(table.file, line, name, "minLength", f"shorter than {constraints['minLength']} characters")
            )
        if "maxLength" in constraints and len(item) > constraints["maxLength"]:
            problems.append(
                Problem(table.file, line, name, "maxLength", f"longer than {constraints['maxLength']} characters")
            )
        parsed_items.append(item)
    return parsed_items


def _key_of(row: dict[str, str], fields: list[str]) -> tuple[str, ...]:
    return tuple(row[field] for field in fields)


def _as_list(value: str | list[str]) -> list[str]:
    return [value] if isinstance(value, str) else list(value)


# --------------------------------------------------------------------------- package


def check_schemas(data_dir: Path | None = None, tables_read: dict | None = None) -> list[Problem]:
    """Check every resource against its schema; return all problems (empty when valid).

    ``tables_read``, if given, receives each table's rows as read, {name: [(line, row), ...]}, so the
    cross-table rules need not read the files again.
    """
    data_dir = Path(data_dir or paths.data_dir())
    problems: list[Problem] = []
    try:
        descriptor = read_descriptor(data_dir)
    except (OSError, json.JSONDecodeError) as error:
        return [Problem("datapackage.json", None, None, "descriptor", f"cannot be read: {error}")]

    resources = descriptor.get("resources", [])
    described = {resource["path"] for resource in resources}
    for path in sorted(data_dir.glob("*.csv")) + sorted(data_dir.glob("*.bib")):
        if path.name not in described:
            problems.append(
                Problem(
                    path.name,
                    None,
                    None,
                    "described",
                    "table is in data/ but not described in datapackage.json (add a resource)",
                )
            )

    tables: dict[str, Table] = {}
    key_sets: dict[str, dict[tuple[str, ...], int]] = {}
    for resource in resources:
        if resource.get("format") == "bibtex":
            path = data_dir / resource["path"]
            if not path.exists():
                problems.append(
                    Problem(
                        resource["path"],
                        None,
                        None,
                        "file-exists",
                        "described in datapackage.json but missing from data/",
                    )
                )
                continue
            text = _decode(path.read_bytes(), resource["path"], problems)
            if text is None:
                continue
            bib = read_bibtex(text)
            problems.extend(Problem(resource["path"], None, None, "bibtex", error) for error in bib.errors)
            seen: dict[tuple[str, ...], int] = {}
            for key in bib.order:
                if (key,) in seen:
                    problems.append(
                        Problem(resource["path"], None, "key", "unique", f"bibliography key {key!r} appears twice")
                    )
                seen[(key,)] = 0
            key_sets[resource["name"]] = seen
            continue
        table = read_table(data_dir, resource, problems)
        if table is None:
            continue
        tables[resource["name"]] = table
        schema = resource["schema"]
        missing_values = set(schema.get("missingValues", descriptor.get("missingValues", [""])))
        unique_values: dict[str, dict[str, int]] = {}
        for line, row in table.rows:
            for field in schema["fields"]:
                _check_cell(table, line, field, row[field["name"]], missing_values, problems)
                if field.get("constraints", {}).get("unique") and row[field["name"]] not in missing_values:
                    seen_at = unique_values.setdefault(field["name"], {})
                    if row[field["name"]] in seen_at:
                        problems.append(
                            Problem(
                                table.file,
                                line,
                                field["name"],
                                "unique",
                                f"{row[field['name']]!r} already used at row {seen_at[row[field['name']]]}",
                            )
                        )
                    else:
                        seen_at[row[field["name"]]] = line
        primary = _as_list(schema.get("primaryKey", []))
        # A one-column key whose column is declared unique was checked above: report a duplicate once.
        already_unique = len(primary) == 1 and any(
            f["name"] == primary[0] and f.get("constraints", {}).get("unique") for f in schema["fields"]
        )
        keys: dict[tuple[str, ...], int] = {}
        for line, row in table.rows:
            if not primary:
                break
            key = _key_of(row, primary)
            if key in keys and not already_unique:
                problems.append(
                    Problem(
                        table.file,
                        line,
                        ",".join(primary),
                        "primary-key",
                        f"duplicate key {'/'.join(key)!r} (first at row {keys[key]})",
                    )
                )
            keys[key] = line
        key_sets[resource["name"]] = keys

    fields_by_resource = {
        resource["name"]: {field["name"]: field for field in resource.get("schema", {}).get("fields", [])}
        for resource in resources
    }
    for resource in resources:
        table = tables.get(resource["name"])
        if table is None:
            continue
        missing_values = set(resource["schema"].get("missingValues", descriptor.get("missingValues", [""])))
        for foreign in resource["schema"].get("foreignKeys", []):
            local = _as_list(foreign["fields"])
            target = foreign["reference"]["resource"] or resource["name"]
            target_keys = key_sets.get(target)
            if target_keys is None:
                continue  # the target table itself failed and was reported
            for line, row in table.rows:
                if len(local) == 1:
                    field = fields_by_resource[resource["name"]][local[0]]
                    cell = row[local[0]]
                    if cell in missing_values:
                        continue
                    values = (
                        [item.strip() for item in cell.split(field["x-separator"])]
                        if "x-separator" in field
                        else [cell]
                    )
                    for value in values:
                        if (value,) not in target_keys:
                            problems.append(
                                Problem(
                                    table.file, line, local[0], "foreign-key", f"{value!r} is not a key of {target}"
                                )
                            )
                else:
                    key = _key_of(row, local)
                    if key not in target_keys:
                        problems.append(
                            Problem(
                                table.file,
                                line,
                                ",".join(local),
                                "foreign-key",
                                f"{'/'.join(key)!r} is not a key of {target}",
                            )
                        )

    if tables_read is not None:
        tables_read.update({name: table.rows for name, table in tables.items()})
    return problems
