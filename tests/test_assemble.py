import nbformat
import pytest

from analysis.report.assemble import AssemblyError, _fill_facts, _first_sentence, render_chapter
from analysis.report.chapters import Chapter

CHAPTER = Chapter(1, "demo", "Demo")


def test_facts_fill_placeholders_escaped():
    text = _fill_facts(
        "In {eval}`year`, {eval}`name` said so.", {"year": "1945", "name": "<b>Tōgō</b> *bold*"}, CHAPTER, 3
    )
    assert text == "In 1945, &lt;b&gt;Tōgō&lt;/b&gt; &#42;bold&#42; said so."


def test_an_unpublished_placeholder_names_chapter_and_cell():
    with pytest.raises(AssemblyError, match=r"chapter 'demo', cell 3: inline value \{eval\}`missing`"):
        _fill_facts("{eval}`missing`", {}, CHAPTER, 3)


def test_first_sentence_for_contents():
    assert _first_sentence("Stockpiles by year. The USSR caught up.") == "Stockpiles by year."
    assert _first_sentence("word " * 60).endswith("…")


def _notebook(tmp_path, *markdown: str):
    import nbformat

    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell(text) for text in ("# Demo", *markdown)]
    path = tmp_path / "demo.ipynb"
    nbformat.write(nb, path)
    return path


def test_a_number_typed_into_the_narrative_stops_the_report_naming_chapter_cell_and_number(tmp_path):
    from analysis.report.assemble import render_chapter

    path = _notebook(tmp_path, "In 1941 Japan had 2 fleets and `37` in code.", "It built 47 carriers.")
    with pytest.raises(
        AssemblyError, match=r"chapter 'demo', cell 3: numbers or dates not from the data in the narrative: 47;"
    ):
        render_chapter(CHAPTER, path, include_code=False, used_ids=set())
    _, outline = render_chapter(CHAPTER, path, include_code=False, used_ids=set(), draft=True)
    assert outline.typed == [(3, ["47"])]


def test_a_date_in_prose_that_no_row_holds_stops_the_report(tmp_path):
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell("# Demo"), nbformat.v4.new_markdown_cell("It happened on 31 May 1901.")]
    path = tmp_path / "demo.ipynb"
    nbformat.write(nb, path)
    with pytest.raises(
        AssemblyError, match=r"cell 2: numbers or dates not from the data.*'31 May 1901' read as 1901-05-31"
    ):
        render_chapter(CHAPTER, path, include_code=False, used_ids=set())
    _, outline = render_chapter(CHAPTER, path, include_code=False, used_ids=set(), draft=True)
    assert outline.typed and "1901-05-31" in outline.typed[0][1][0]
