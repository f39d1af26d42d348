"""Tests of analysis.present.figures: the figure and table HTML, deterministic images, the country palette and names."""

import pandas as pd
import pytest

from analysis.present import figures


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


def test_a_figure_offers_its_data_as_csv_from_the_page_itself():
    import base64

    import pandas as pd

    from analysis.present import figures

    frame = pd.DataFrame({"year": [1941, 1942], "value": [-52.5, 3.0]})
    page = figures.figure_html(b"png", "demo", "A caption.", "An alt text.", ["goldstein_1992"], data=frame)
    link = page.split('href="data:text/csv;charset=utf-8;base64,')[1].split('"')[0]
    assert base64.b64decode(link).decode("utf-8") == "year,value\n1941,-52.5\n1942,3.0\n"
    assert 'download="demo.csv"' in page


def test_the_palette_and_the_names_are_keyed_by_actor_codes():
    from analysis.data.load import load
    from analysis.measures import events as ev

    codes = set(load("actors")["code"])
    assert set(figures.COUNTRY_COLOURS) <= codes
    assert set(figures.country_names()) <= codes
    assert set(figures.COUNTRY_COLOURS) <= set(figures.country_names())  # every coloured actor has a chart name
    assert figures.country_name("RUS") == "Russia / USSR" and figures.country_name("GBR") == "Britain"
    assert figures.country_name("VNM") == "VNM"  # no short name: shown by its code
    assert set(figures.DYAD_COLOURS) == set(figures.DYAD_NAMES) == set(ev.DYADS)


def test_one_pair_key_convention():
    # Events, the relationship record, UN alignment and the chart dictionaries all key a pair "USA-JPN",
    # "USA-RUS", "JPN-RUS"; the COW codes behind the alignment pairs are those of data/actors.csv.
    from analysis.data.load import load
    from analysis.measures import events as ev
    from analysis.measures import record, series

    actors = load("actors")
    assert ev.dyad_of("JPN", "USA") == ev.dyad_of("USA", "JPN") == "USA-JPN"
    assert set(record.cow_dyads(actors).values()) == set(ev.DYADS)
    assert {tuple(sorted(key)): dyad for key, dyad in series.ALIGNMENT_PAIRS.items()} == record.cow_dyads(actors)
    cow = dict(zip(actors["code"], actors["cow_code"]))
    assert {code: cow[name] for code, name in series.IDEAL_POINT_CODES.items()} == {
        code: code for code in series.IDEAL_POINT_CODES
    }


def test_a_source_line_links_each_short_citation_and_reads_as_the_plain_line():
    import html as html_module
    import re

    from analysis.present.figures import source_line, source_line_html

    for sources, note in ((["goldstein_1992"], ""), (["goldstein_1992", "cow_trade_v4"], "Index: a sum.")):
        linked = source_line_html(sources, note)
        assert linked.count('class="citation"') == len(sources)
        assert '<a class="citation" href="#ref-goldstein_1992">' in linked
        assert html_module.unescape(re.sub(r"<[^>]+>", "", linked)) == source_line(sources, note)
