"""No number shown to readers is typed by hand: Markdown narrative and the caption, alt text
and note of every figure and table carry numbers only through published facts or computed
f-string fields. Allowed as typed: years and decades, 1-3 as words of counting ("two panels"),
version numbers, article numbers and ordinals ("38th parallel"), and quotations of the seed.
"""

from __future__ import annotations

import ast
import re

from conftest import chapter_cells

ALLOWED = [
    r"\b1[89]\d\d(s|–\d\d(\d\d)?)?\b",  # years, decades, year ranges
    r"\b20[0-2]\d\b",
    r"\b\d{1,2}((–| to )\d{1,2})?\s+(January|February|March|April|May|June|July|August|September|October|November|December)\b",  # dates
    r"\b(January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{1,2}\b",
    r"\b(v|version |Version )\d+(\.\d+)+",
    r"\b(Article|Articles|Art\.|session|Session|No\.|Order No\.) \d+\b",
    r"\b\d+(st|nd|rd|th)\b",
    r"\b[A-Z][A-Za-z]*-\d+[A-Za-z]*\b",  # designations: B-17, MiG-25, U-2
    r"−?\+?10\b",  # the ends of the Goldstein scale, defined in the event vocabulary
    r"\b[123]\b",
    r"\"[^\"]*\"",  # quotations (of the seed or a source)
    r"“[^”]*”",
]


def _strip_allowed(text: str) -> str:
    for pattern in ALLOWED:
        text = re.sub(pattern, "", text)
    return text


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
            left = re.findall(r"\d[\d,.]*\d|\d", _strip_allowed(text))
            if left:
                offenders.append(f"{slug} cell {number} {kind}: {left}")
    assert not offenders, "numbers typed into captions, alt text or notes:\n" + "\n".join(offenders)


def test_no_typed_numbers_in_the_narrative():
    offenders = []
    for slug, number, cell in chapter_cells("markdown"):
        text = re.sub(r"\{eval\}`[^`]*`|`[^`]*`", "", cell.source)
        left = re.findall(r"\d[\d,.]*\d|\d", _strip_allowed(text))
        if left:
            offenders.append(f"{slug} cell {number}: {left}")
    assert not offenders, "numbers typed into the narrative:\n" + "\n".join(offenders)
