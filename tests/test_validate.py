"""Validation of the whole package, and its cache: tables validated once per content, citations every time."""

from __future__ import annotations

import json

import pytest
from conftest import copy_project

from analysis.data import datapackage, rules, validate


def _drop_citation(text: str, key: str) -> str:
    """The chapter's text with ``key`` removed from every {cite} role."""

    def without(match):
        keys = [part.strip() for part in match.group(1).split(",") if part.strip() and part.strip() != key]
        return "{cite}`" + ",".join(keys) + "`"

    return rules.CITATION_ROLE.sub(without, text)


def test_a_chapter_edit_is_checked_for_citations_without_validating_the_tables_again(tmp_path, monkeypatch):
    root = copy_project(tmp_path / "project")
    monkeypatch.setenv("USRJ_ROOT", str(root))
    assert validate.validate() == []
    (marker,) = (root / ".cache" / "validated").iterdir()
    bib_file, candidates = json.loads(marker.read_text(encoding="utf-8"))
    assert bib_file == "references.bib" and candidates  # entries that only chapters cite
    key = candidates[0]
    for chapter in (root / "notebooks").glob("*.md"):
        chapter.write_text(_drop_citation(chapter.read_text(encoding="utf-8"), key), encoding="utf-8")

    def tables_read_again(*args, **kwargs):
        raise AssertionError("the tables were validated again although data/ did not change")

    monkeypatch.setattr(validate, "check_schemas", tables_read_again)
    problems = validate.validate()
    assert [(p.file, p.column, p.rule) for p in problems] == [("references.bib", "key", "cited")]
    assert repr(key) in problems[0].message


def test_an_unreadable_validation_record_means_a_full_validation(tmp_path, monkeypatch):
    root = copy_project(tmp_path / "project")
    monkeypatch.setenv("USRJ_ROOT", str(root))
    assert validate.validate() == []
    (marker,) = (root / ".cache" / "validated").iterdir()
    marker.write_text("", encoding="utf-8")  # e.g. a record from an older version, or a crash while writing
    calls = []
    original = validate.check_schemas
    monkeypatch.setattr(validate, "check_schemas", lambda *a, **k: calls.append(1) or original(*a, **k))
    assert validate.validate() == []
    assert calls == [1]
    assert json.loads(marker.read_text(encoding="utf-8"))[0] == "references.bib"


@pytest.mark.parametrize("cited_by_a_row", [True, False])
def test_the_split_rule_agrees_with_the_whole_rule(cited_by_a_row, tmp_path):
    """check_bibliography_used is the composition of the two halves the cache uses."""
    root = copy_project(tmp_path / "project")
    data_dir = root / "data"
    descriptor = validate.read_descriptor(data_dir)
    bib_file, candidates = rules.keys_not_cited_by_rows(data_dir, descriptor)
    if not cited_by_a_row:
        for chapter in (root / "notebooks").glob("*.md"):
            chapter.write_text(_drop_citation(chapter.read_text(encoding="utf-8"), candidates[0]), encoding="utf-8")
    whole = rules.check_bibliography_used(data_dir, descriptor)
    split = rules.uncited_entries(bib_file, candidates, rules.chapter_citations(root / "notebooks"))
    assert whole == split and len(whole) == (0 if cited_by_a_row else 1)


BIBTEX = """@book{alpha, title = {A {Title}}, year = {1999}}
@misc{beta, title = {Second}, note = {n}}
@misc{alpha, title = {Repeated}}
"""


def test_parsed_bibtex_is_read_back_from_its_memo_with_the_same_result(tmp_path, monkeypatch):
    monkeypatch.setenv("USRJ_ROOT", str(tmp_path))
    parsed = datapackage.read_bibtex(BIBTEX)
    assert parsed.order == ["alpha", "beta", "alpha"] and parsed.entries["alpha"][1]["title"] == "A {Title}"
    (memo,) = (tmp_path / ".cache" / "bibtex").glob("*.json")

    def no_parse(text):
        raise AssertionError("parsed again although the memo holds the result")

    monkeypatch.setattr(datapackage, "_parse_bibtex", no_parse)
    assert datapackage.read_bibtex(BIBTEX) == parsed
    memo.write_text("{not json", encoding="utf-8")  # a damaged memo is parsed again, and replaced
    monkeypatch.undo()
    monkeypatch.setenv("USRJ_ROOT", str(tmp_path))
    assert datapackage.read_bibtex(BIBTEX) == parsed
    assert json.loads(memo.read_text(encoding="utf-8").partition("\n")[2])[1] == parsed.order


def test_a_changed_bibliography_is_parsed_again(tmp_path, monkeypatch):
    monkeypatch.setenv("USRJ_ROOT", str(tmp_path))
    datapackage.read_bibtex(BIBTEX)
    changed = datapackage.read_bibtex(BIBTEX.replace("Second", "Changed"))
    assert changed.entries["beta"][1]["title"] == "Changed"
    assert len(list((tmp_path / ".cache" / "bibtex").glob("*.json"))) == 2


def test_a_new_pybtex_parses_again(tmp_path, monkeypatch):
    monkeypatch.setenv("USRJ_ROOT", str(tmp_path))
    datapackage.read_bibtex(BIBTEX)
    monkeypatch.setattr("importlib.metadata.version", lambda name: "0.0-other")
    datapackage.read_bibtex(BIBTEX)
    assert len(list((tmp_path / ".cache" / "bibtex").glob("*.json"))) == 2
