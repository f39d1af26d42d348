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
    assert _first_sentence("Four boundaries in the Kurils: 1855 to 1945.") == "Four boundaries in the Kurils"
    # Abbreviations and initials do not end a sentence.
    assert _first_sentence("Forces in Manchuria, c. 1945, as B. N. Slavinsky counts them. More.") == (
        "Forces in Manchuria, c. 1945, as B. N. Slavinsky counts them."
    )
    # Nor does a full stop inside brackets or quotes.
    assert (
        _first_sentence("Losses (est. by the staff. Vol. 2) by year. Next.")
        == "Losses (est. by the staff. Vol. 2) by year."
    )
    assert _first_sentence("word " * 60).endswith("…")  # no phrase at all: cut between words


def test_long_contents_entries_end_at_a_phrase_boundary_never_inside_brackets_or_quotes():
    long_captions = [
        "The islands held by the United States under Article 3 of the peace treaty, south of latitude 29 degrees "
        "north (the Ryukyu and Bonin islands, returned later). More.",
        "The years in which the curated index and WEIS disagree most for the United States and the Soviet Union, "
        "with the curated events behind them.",
        "A long caption (which has, inside its parentheses, commas and a “quoted phrase, with commas”) that goes on "
        "and on without any other break at all until the very end of a line that is much too long",
        "Shares of the three powers' combined total – component by component – in the first year of the Pacific "
        "war and in the last year of the Soviet Union, as the sources give them",
    ]
    expected_ends = ["peace treaty…", "the Soviet Union…", "goes on and on…", "component by component…"]
    for caption, end in zip(long_captions, expected_ends, strict=True):
        entry = _first_sentence(caption)
        assert len(entry) <= 120 and entry.endswith(end), entry
        body = entry.removesuffix("…")
        assert body.count("(") == body.count(")") and body.count("“") == body.count("”"), entry
        assert caption.startswith(body)


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


def test_the_first_citation_of_a_work_is_anchored_and_its_reference_links_back():
    from analysis.report.assemble import _backlinks

    body = (
        '<p><a class="citation" href="#ref-a">A 1990</a>, <a class="citation" href="#ref-a">A 1990</a></p>'
        '<ol class="references"><li id="ref-a">A. <i>Book</i>. 1990.</li><li id="ref-b">B. Never cited.</li></ol>'
    )
    out = _backlinks(body)
    assert out.count('id="cite-a"') == 1  # the first citation only
    assert '<li id="ref-a">A. <i>Book</i>. 1990. <a class="backlink" href="#cite-a"' in out
    assert '<li id="ref-b">B. Never cited.</li>' in out  # nothing to go back to
