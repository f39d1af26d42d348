import pandas as pd
import pytest

from analysis.present import bibliography, figures

BIB = r"""
@misc{web_x,
  title = {A page with {Braces} \& ampersand},
  organization = {Office of the Historian},
  url = {https://example.org/x},
  howpublished = {\url{https://example.org/x}},
}
@article{smith_2001,
  author = {Smith, Jane and Doe, John and Roe, Richard},
  title = {Counting things},
  journal = {Journal of Counts},
  volume = {3}, number = {2}, pages = {1--20},
  year = {2001},
}
"""


def test_parse_and_cite():
    entries = bibliography.parse(BIB)
    assert set(entries) == {"web_x", "smith_2001"}
    assert entries["web_x"].get("title") == "A page with Braces & ampersand"
    assert entries["smith_2001"].get("pages") == "1–20"
    text = bibliography.full_citation(entries["smith_2001"])
    assert "(2001)" in text and "Journal of Counts 3(2): 1–20." in text


def test_every_real_entry_has_a_short_readable_citation():
    # Independent expectations: never the bare key, never a LaTeX remnant, short enough to stand in a sentence.
    for key in bibliography.entries():
        short = bibliography.short_citation(key)
        assert short and short != key, key
        assert not any(mark in short for mark in ("{", "}", "\\", "`")), (key, short)
        assert len(short) <= 120, (key, short)


def test_figure_html_escapes_text_from_data_and_requires_metadata():
    fig, ax = figures.figure()
    ax.plot([1, 2], [3, 4])
    png = figures.png_bytes(fig)
    markup = figures.figure_html(png, "t", "A <script>alert(1)</script> caption", 'alt "quoted"', ["cow_nmc_v6"])
    assert "<script>" not in markup and "&lt;script&gt;" in markup
    assert 'alt="alt &quot;quoted&quot;"' in markup
    assert 'id="fig-t"' in markup and "Source: " in markup
    with pytest.raises(ValueError):
        figures.figure_html(png, "t", "", "alt", ["cow_nmc_v6"])
    with pytest.raises(ValueError):
        figures.figure_html(png, "t", "caption", "alt", [])


def test_png_bytes_are_deterministic():
    def draw():
        fig, ax = figures.figure()
        ax.plot([1, 2, 3], [3, 1, 2])
        return figures.png_bytes(fig)

    assert draw() == draw()


def test_table_html_escapes_cells():
    markup = figures.table_html(pd.DataFrame({"title": ["<b>bold</b>"]}), "x", "caption", ["cow_nmc_v6"])
    assert "<b>bold</b>" not in markup and "&lt;b&gt;bold&lt;/b&gt;" in markup


def test_latex_accents_become_unicode():
    entries = bibliography.parse(r"@misc{k, title = {Amami \=Oshima, Ry\=uky\=u and caf\'{e}}}")
    assert entries["k"].get("title") == "Amami Ōshima, Ryūkyū and café"


def test_corporate_authors_are_one_name():
    entries = bibliography.parse("@misc{c, author = {{Correlates of War Project}}, year = {2021}, title = {NMC}}")
    assert bibliography._authors(entries["c"]) == "Correlates of War Project"


def test_a_short_citation_without_author_uses_a_short_title_and_year():
    entries = bibliography.parse(
        "@misc{a, title = {The Spectator, 7 January 1905 (Port Arthur: the capitulation)}, year = {1905}}\n"
        "@misc{b, title = {One two three four five six seven eight}}\n"
        "@misc{c, organization = {Office of the Historian}, title = {Milestones: 1899-1913}}\n"
    )
    bibliography.entries.cache_clear()
    try:
        original = bibliography.entries
        bibliography.entries = lambda path=None: entries
        assert bibliography.short_citation("a") == "The Spectator, 7 January 1905"
        assert bibliography.short_citation("b") == "One two three four five six…"
        assert bibliography.short_citation("c") == "Office of the Historian, Milestones"
    finally:
        bibliography.entries = original


def test_a_figure_offers_its_data_as_csv_from_the_page_itself():
    import base64

    import pandas as pd

    from analysis.present import figures

    frame = pd.DataFrame({"year": [1941, 1942], "value": [-52.5, 3.0]})
    page = figures.figure_html(b"png", "demo", "A caption.", "An alt text.", ["goldstein_1992"], data=frame)
    link = page.split('href="data:text/csv;charset=utf-8;base64,')[1].split('"')[0]
    assert base64.b64decode(link).decode("utf-8") == "year,value\n1941,-52.5\n1942,3.0\n"
    assert 'download="demo.csv"' in page
