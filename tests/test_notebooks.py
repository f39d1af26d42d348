"""Notebook hygiene: one MyST Markdown source per chapter, listed, without outputs, opening as JupyterLab expects."""

from __future__ import annotations

import jupytext

from analysis import paths
from analysis.report.chapters import notebook_text, read_chapters, read_notebook


def test_every_listed_chapter_has_its_source_and_no_source_is_unlisted():
    listed = {chapter.slug for chapter in read_chapters()}
    present = {path.stem for path in paths.notebooks_dir().glob("*.md")}
    assert listed == present


def test_each_chapter_has_one_source_only():
    # The MyST Markdown file is the only committed form: no .ipynb twin can fall out of step with it.
    twins = sorted(
        path.name for path in paths.notebooks_dir().rglob("*.ipynb") if ".ipynb_checkpoints" not in path.parts
    )
    assert not twins, f"notebooks/ must hold only the .md sources, found {twins}"


def test_sources_are_in_jupytext_canonical_form():
    # What jupytext writes back is what is committed: JupyterLab saves never produce a spurious diff.
    for chapter in read_chapters():
        text = chapter.notebook.read_text(encoding="utf-8")
        assert notebook_text(read_notebook(chapter.notebook)) == text, f"{chapter.notebook.name} is not canonical"


def test_sources_open_with_the_project_kernel_and_carry_no_outputs():
    for chapter in read_chapters():
        nb = jupytext.read(chapter.notebook)
        assert nb.metadata["kernelspec"]["name"] == "usrj", chapter.notebook.name
        for number, cell in enumerate(nb.cells, start=1):
            if cell.cell_type == "code":
                assert not cell.get("outputs"), f"{chapter.notebook.name} cell {number} has outputs"


def test_each_chapter_opens_with_its_title_and_the_standard_import():
    for chapter in read_chapters():
        nb = read_notebook(chapter.notebook)
        assert nb.cells[0].cell_type == "markdown" and nb.cells[0].source.strip() == f"# {chapter.title}"
        first_code = next(cell for cell in nb.cells if cell.cell_type == "code")
        assert "from analysis.chapter_setup import *" in first_code.source


def test_no_function_is_defined_in_a_notebook():
    for chapter in read_chapters():
        for cell in read_notebook(chapter.notebook).cells:
            if cell.cell_type == "code":
                assert "def " not in cell.source and "lambda" not in cell.source, chapter.notebook.name


def test_the_introduction_names_every_chapter_it_organises():
    # The introduction's "How the report is organised" is prose; this keeps it from drifting from chapters.toml.
    chapters = read_chapters()
    introduction = " ".join(chapters[0].notebook.read_text(encoding="utf-8").split())
    missing = [c.title for c in chapters[1:] if c.slug != "appendix" and f"*{c.title}*" not in introduction]
    assert not missing, f"add a sentence on each to the introduction's 'How the report is organised': {missing}"
