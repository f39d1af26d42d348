"""No number shown to readers is typed by hand: Markdown narrative and the caption, alt text
and note of every figure and table carry numbers only through published facts or computed
f-string fields. Allowed as typed: years and decades, 1-3 as words of counting ("two panels"),
version numbers, article numbers and ordinals ("38th parallel"), designations ("B-29") and
quotations; the list is ``analysis.present.text.PROSE_NUMBER_ALLOWED``, applied by ``typed_numbers``
(the report build applies the same rule to the Markdown).
"""

from __future__ import annotations

import ast

from conftest import chapter_cells

from analysis.present.text import prose_of, typed_numbers


def _literal_text(node: ast.AST) -> str:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(part.value for part in node.values if isinstance(part, ast.Constant))
    if isinstance(node, ast.BinOp):
        return _literal_text(node.left) + " " + _literal_text(node.right)
    return ""


def _figure_texts(source: str):
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", "")) in (
            "show_figure",
            "show_table",
        ):
            for keyword in node.keywords:
                if keyword.arg in ("caption", "alt", "note"):
                    yield keyword.arg, _literal_text(keyword.value)
            for position, argument in enumerate(node.args[2:4], start=2):
                yield ("caption" if position == 2 else "alt"), _literal_text(argument)


def test_no_typed_numbers_in_captions_alt_text_and_notes():
    offenders = []
    for slug, number, cell in chapter_cells("code"):
        for kind, text in _figure_texts(cell.source):
            left = typed_numbers(text)
            if left:
                offenders.append(f"{slug} cell {number} {kind}: {left}")
    assert not offenders, "numbers typed into captions, alt text or notes:\n" + "\n".join(offenders)


def test_no_typed_numbers_in_the_narrative():
    offenders = []
    for slug, number, cell in chapter_cells("markdown"):
        left = typed_numbers(prose_of(cell.source))
        if left:
            offenders.append(f"{slug} cell {number}: {left}")
    assert not offenders, "numbers typed into the narrative:\n" + "\n".join(offenders)


def test_typed_numbers_keeps_what_prose_may_carry_and_returns_the_rest():
    assert typed_numbers("In 1941, 2 of the 9 carriers") == ["9"]
    assert typed_numbers("the 1930s, 1941–45, 2 September 1945, the 38th parallel, a B-29, COW v6.0") == []
    assert typed_numbers('Article 9 and session 25, as "12 divisions" says') == []
    assert typed_numbers("54,000,000 tons and 4.5 times, 80%") == ["54,000,000", "4.5", "80"]
    assert typed_numbers(prose_of("{eval}`n_events` events {cite}`cow_2017` and `1234` code, but 17 typed")) == ["17"]
