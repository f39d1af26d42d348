"""Tests of analysis.present.bibliography: parsing references.bib and the house citation style."""

from analysis.present import bibliography

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


def test_one_parser_reads_keys_repeats_and_errors():
    from analysis.data.datapackage import bibliography_keys, read_bibtex

    text = BIB + "@string{x = {y}}\n@comment{not an entry}\n@misc{web_x, title = {Again}}\n@misc{broken, title = {x}"
    bib = read_bibtex(text)
    assert bibliography_keys(text) == ["web_x", "smith_2001", "web_x", "broken"]  # file order, the repeat kept
    assert list(bib.entries) == ["web_x", "smith_2001", "broken"]
    assert bib.entries["web_x"][1]["title"] == r"A page with {Braces} \& ampersand"  # raw: the style cleans it
    assert bib.errors  # the unclosed entry is reported, not raised
    kind, fields = bib.entries["smith_2001"]
    assert kind == "article" and fields["author"] == "Smith, Jane and Doe, John and Roe, Richard"


def test_a_debate_cites_its_works_first_then_their_sources():
    import pandas as pd

    rows = pd.DataFrame({"work_key": ["hara_2001", "hill_1995", "hara_2001"], "sources": ["a;b", "b", None]})
    assert bibliography.works_and_sources(rows) == ["hara_2001", "hill_1995", "a", "b"]


def test_one_authors_works_of_one_year_are_told_apart_by_letter(monkeypatch):
    from analysis.present import bibliography

    text = (
        "@book{later_title, author = {Goh, Evelyn}, title = {Zeta: a book}, year = {2005}}\n"
        "@article{earlier_title, author = {Goh, Evelyn}, title = {Alpha: an article}, year = {2005}}\n"
        "@book{alone, author = {Goh, Evelyn}, title = {Another year}, year = {2010}}\n"
    )
    parsed = bibliography.parse(text)
    monkeypatch.setattr(bibliography, "entries", lambda path=None: parsed)
    bibliography.year_labels.cache_clear()
    try:
        cited = [bibliography.short_citation(key) for key in ("earlier_title", "later_title", "alone")]
        assert cited == ["Goh 2005a", "Goh 2005b", "Goh 2010"]
        assert bibliography.full_citation(parsed["later_title"]).startswith("Goh, Evelyn (2005b). Zeta")
    finally:
        bibliography.year_labels.cache_clear()
