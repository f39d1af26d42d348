"""Corrupted copies of the data: each gives a clear error naming file, row, column and rule.

The matrix covers malformed and out-of-range dates, unknown codes and keys, duplicates,
weights out of range, missing and extra columns, an empty file, bad bytes and a broken quote.
"""

from __future__ import annotations

import csv
import subprocess
import sys
from pathlib import Path

import pytest

from analysis.data.validate import validate


def _rewrite(path: Path, change) -> None:
    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    change(rows)
    with open(path, "w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows(rows)


def _set(file: str, column: str, value: str, row: int = 1):
    def corrupt(data_dir: Path) -> None:
        def change(rows):
            rows[row][rows[0].index(column)] = value

        _rewrite(data_dir / file, change)

    return corrupt


def _duplicate_first_row(file: str):
    def corrupt(data_dir: Path) -> None:
        _rewrite(data_dir / file, lambda rows: rows.insert(2, list(rows[1])))

    return corrupt


def _drop_column(file: str, column: str):
    def corrupt(data_dir: Path) -> None:
        def change(rows):
            index = rows[0].index(column)
            for row in rows:
                del row[index]

        _rewrite(data_dir / file, change)

    return corrupt


def _add_column(file: str):
    def corrupt(data_dir: Path) -> None:
        def change(rows):
            for number, row in enumerate(rows):
                row.append("surprise" if number == 0 else "x")

        _rewrite(data_dir / file, change)

    return corrupt


def _write_bytes(file: str, content: bytes):
    def corrupt(data_dir: Path) -> None:
        (data_dir / file).write_bytes(content)

    return corrupt


def _append_bytes(file: str, content: bytes):
    def corrupt(data_dir: Path) -> None:
        with open(data_dir / file, "ab") as handle:
            handle.write(content)

    return corrupt


def _prepend_bytes(file: str, content: bytes):
    def corrupt(data_dir: Path) -> None:
        path = data_dir / file
        path.write_bytes(content + path.read_bytes())

    return corrupt


def _corrupt_first_linked_claim(data_dir: Path) -> None:
    def change(rows):
        header = rows[0]
        first = next(row for row in rows[1:] if row[header.index("row_id")])
        first[header.index("restored_value")] = "1066"

    _rewrite(data_dir / "seed_claims.csv", change)


CASES = {
    # name: (corruption, file, row or None, column or None, rule)
    # hostile bytes and values that used to pass
    "byte-order mark": (_prepend_bytes("events.csv", b"\xef\xbb\xbf"), "events.csv", 1, None, "encoding"),
    "NUL byte in a title": (
        _set("events.csv", "title", "Pearl\x00Harbor"),
        "events.csv",
        2,
        "title",
        "control-character",
    ),
    "date with a leading space": (_set("events.csv", "date", " 1901-09-07"), "events.csv", 2, "date", "whitespace"),
    "negative count of persons": (_set("key_figures.csv", "value", "-40236"), "key_figures.csv", 2, "value", "minimum"),
    # the relationship record: one case per extract, and the historiography table
    "WEIS event before the release": (
        _set("weis_events.csv", "date", "1950-01-01"),
        "weis_events.csv",
        2,
        "date",
        "minimum",
    ),
    "COPDAB score off Azar's scale": (
        _set("copdab_us_ussr.csv", "us2ussr", "150"),
        "copdab_us_ussr.csv",
        2,
        "us2ussr",
        "maximum",
    ),
    "MID release unknown": (
        _set("mid_dyad_years.csv", "dataset", "mid_9.9"),
        "mid_dyad_years.csv",
        2,
        "dataset",
        "enum",
    ),
    "war with a state outside the three": (_set("wars.csv", "ccode1", "710"), "wars.csv", 2, "ccode1", "enum"),
    "crisis actor outside the three": (_set("crises.csv", "cracid", "710"), "crises.csv", 2, "cracid", "enum"),
    "alliance obligation not a flag": (_set("alliances.csv", "defense", "2"), "alliances.csv", 2, "defense", "enum"),
    "diplomatic exchange not a flag": (
        _set("diplomatic_exchange.csv", "DE", "5"),
        "diplomatic_exchange.csv",
        2,
        "DE",
        "enum",
    ),
    "negative trade flow": (_set("dyadic_trade.csv", "flow1", "-5"), "dyadic_trade.csv", 2, "flow1", "minimum"),
    "debate outside the five": (
        _set("historiography.csv", "debate", "1066"),
        "historiography.csv",
        2,
        "debate",
        "enum",
    ),
    "historian's work not in the bibliography": (
        _set("historiography.csv", "work_key", "nobody_2099"),
        "historiography.csv",
        2,
        "work_key",
        "foreign-key",
    ),
    "malformed date": (_set("events.csv", "date", "1941-13-45"), "events.csv", 2, "date", "type-date"),
    "date out of range": (_set("events.csv", "date", "1700-01-01"), "events.csv", 2, "date", "minimum"),
    "unknown country code": (_set("events.csv", "source_actor", "XXX"), "events.csv", 2, "source_actor", "foreign-key"),
    "unknown event type": (_set("events.csv", "event_type", "tea_party"), "events.csv", 2, "event_type", "foreign-key"),
    "unknown source key": (_set("events.csv", "sources", "nobody_2099"), "events.csv", 2, "sources", "foreign-key"),
    "duplicate id": (_duplicate_first_row("events.csv"), "events.csv", 3, "id", "unique"),
    "weight out of range": (
        _set("event_types.csv", "goldstein_weight", "11.5"),
        "event_types.csv",
        2,
        "goldstein_weight",
        "maximum",
    ),
    "missing column": (_drop_column("events.csv", "title"), "events.csv", 1, "title", "missing-column"),
    "extra unknown column": (_add_column("key_figures.csv"), "key_figures.csv", 1, "surprise", "extra-column"),
    "empty file": (_write_bytes("actors.csv", b""), "actors.csv", None, None, "not-empty"),
    "non-UTF-8 bytes": (
        _append_bytes("places.csv", b"tokyo2,T\xf4ky\xf4,,city,35.6,139.7,JPN,,wikipedia_tokyo\n"),
        "places.csv",
        None,
        None,
        "encoding",
    ),
    "broken quote": (
        _append_bytes("events.csv", b'1999-x,1999-01-01,day,,USA,JPN,negotiate,"unclosed title,desc,src\n'),
        "events.csv",
        None,
        None,
        "csv-syntax",
    ),
    "upop above tpop": (_set("capabilities.csv", "upop", "99999999"), "capabilities.csv", 2, "upop", "upop<=tpop"),
    "seed claim disagrees with its row": (
        _corrupt_first_linked_claim,
        "seed_claims.csv",
        None,
        "restored_value",
        "seed-matches-data",
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_each_corruption_is_reported_clearly(case, data_copy):
    corrupt, file, row, column, rule = CASES[case]
    corrupt(data_copy)
    problems = validate(data_copy)
    matching = [p for p in problems if p.file == file and p.rule == rule]
    assert matching, f"{case}: expected a {rule} problem in {file}, got {[str(p) for p in problems]}"
    problem = matching[0]
    if row is not None:
        assert problem.row == row
    if column is not None:
        assert problem.column == column
    text = str(problem)
    assert file in text and f"[{rule}]" in text


def test_the_real_data_is_valid():
    assert validate() == []


def test_all_problems_are_reported_at_once(data_copy):
    _set("events.csv", "date", "not-a-date", row=1)(data_copy)
    _set("events.csv", "source_actor", "ZZZ", row=2)(data_copy)
    _set("key_figures.csv", "as_of", "1800-01-01", row=3)(data_copy)
    problems = validate(data_copy)
    assert {(p.file, p.row) for p in problems} >= {("events.csv", 2), ("events.csv", 3), ("key_figures.csv", 4)}


def test_a_table_not_in_the_descriptor_fails(data_copy):
    (data_copy / "stray.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    problems = validate(data_copy)
    assert any(p.file == "stray.csv" and p.rule == "described" for p in problems)


def test_a_described_table_missing_from_data_fails(data_copy):
    (data_copy / "places.csv").unlink()
    problems = validate(data_copy)
    assert any(p.file == "places.csv" and p.rule == "file-exists" for p in problems)


def test_an_unused_bibliography_entry_fails(data_copy):
    with open(data_copy / "references.bib", "a", encoding="utf-8") as handle:
        handle.write("\n@misc{never_cited_2026,\n  title = {Never cited},\n}\n")
    problems = validate(data_copy)
    assert any(p.rule == "cited" and "never_cited_2026" in p.message for p in problems)


@pytest.mark.parametrize("case", ["broken quote", "non-UTF-8 bytes", "empty file"])
def test_command_line_exits_non_zero_without_traceback(case, data_copy):
    CASES[case][0](data_copy)
    result = subprocess.run(
        [sys.executable, "-m", "analysis.data.validate", str(data_copy)], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert CASES[case][1] in result.stderr


def test_a_duplicate_id_is_reported_once(data_copy):
    _duplicate_first_row("events.csv")(data_copy)
    problems = [p for p in validate(data_copy) if p.file == "events.csv" and p.row == 3]
    assert len(problems) == 1 and problems[0].rule == "unique"
