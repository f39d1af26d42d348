import pytest

from analysis.report.assemble import AssemblyError, _fill_facts, _first_sentence
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
