"""Notebook hygiene: the chapter list and the notebooks agree; no outputs are committed."""

from __future__ import annotations

import json

import nbformat

from analysis import paths
from analysis.report.chapters import read_chapters


def test_every_listed_chapter_has_a_notebook_and_no_notebook_is_unlisted():
    listed = {chapter.slug for chapter in read_chapters()}
    present = {path.stem for path in paths.notebooks_dir().glob("*.ipynb")}
    assert listed == present


def test_notebooks_carry_no_outputs_or_execution_counts():
    for path in paths.notebooks_dir().glob("*.ipynb"):
        nb = json.loads(path.read_text(encoding="utf-8"))
        for number, cell in enumerate(nb["cells"], start=1):
            if cell["cell_type"] == "code":
                assert cell.get("outputs") == [], f"{path.name} cell {number} has outputs"
                assert cell.get("execution_count") is None, f"{path.name} cell {number} has an execution count"


def test_each_chapter_opens_with_its_title_and_the_standard_import():
    for chapter in read_chapters():
        nb = nbformat.read(chapter.notebook, as_version=4)
        assert nb.cells[0].cell_type == "markdown" and nb.cells[0].source.strip() == f"# {chapter.title}"
        first_code = next(cell for cell in nb.cells if cell.cell_type == "code")
        assert "from analysis.chapter_setup import *" in first_code.source


def test_no_function_is_defined_in_a_notebook():
    for path in paths.notebooks_dir().glob("*.ipynb"):
        nb = nbformat.read(path, as_version=4)
        for cell in nb.cells:
            if cell.cell_type == "code":
                assert "def " not in cell.source and "lambda" not in cell.source, path.name
