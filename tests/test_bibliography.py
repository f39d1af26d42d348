"""Tests of analysis.present.bibliography: parsing references.bib and the house citation style."""

from collections import defaultdict

import pytest

from analysis.present import bibliography


def _use(monkeypatch, text: str) -> dict:
    """Make ``text`` the bibliography for one test (the caches derived from it cleared before and after)."""
    parsed = bibliography.parse(text)
    monkeypatch.setattr(bibliography, "entries", lambda path=None: parsed)
    bibliography.year_labels.cache_clear()
    bibliography.short_citations.cache_clear()
    return parsed


@pytest.fixture(autouse=True)
def _fresh_caches():
    yield
    bibliography.year_labels.cache_clear()
    bibliography.short_citations.cache_clear()


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
        assert len(short) <= 130, (key, short)  # the longest: titles alike, run on until they differ


def test_latex_accents_become_unicode():
    entries = bibliography.parse(r"@misc{k, title = {Amami \=Oshima, Ry\=uky\=u and caf\'{e}}}")
    assert entries["k"].get("title") == "Amami Ōshima, Ryūkyū and café"


def test_corporate_authors_are_one_name():
    entries = bibliography.parse("@misc{c, author = {{Correlates of War Project}}, year = {2021}, title = {NMC}}")
    assert bibliography._authors(entries["c"]) == "Correlates of War Project"


def test_a_short_citation_without_author_uses_a_short_title_and_year(monkeypatch):
    _use(
        monkeypatch,
        "@misc{a, title = {The Spectator, 7 January 1905 (Port Arthur: the capitulation)}, year = {1905}}\n"
        "@misc{b, title = {One two three four five six seven eight}}\n"
        "@misc{c, organization = {Office of the Historian}, title = {Milestones: 1899-1913}}\n",
    )
    assert bibliography.short_citation("a") == "The Spectator, 7 January 1905"
    assert bibliography.short_citation("b") == "One two three four five six…"
    assert bibliography.short_citation("c") == "Office of the Historian, Milestones"


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
    parsed = _use(
        monkeypatch,
        "@book{later_title, author = {Goh, Evelyn}, title = {Zeta: a book}, year = {2005}}\n"
        "@article{earlier_title, author = {Goh, Evelyn}, title = {Alpha: an article}, year = {2005}}\n"
        "@book{alone, author = {Goh, Evelyn}, title = {Another year}, year = {2010}}\n",
    )
    cited = [bibliography.short_citation(key) for key in ("earlier_title", "later_title", "alone")]
    assert cited == ["Goh 2005a", "Goh 2005b", "Goh 2010"]
    assert bibliography.full_citation(parsed["later_title"]).startswith("Goh, Evelyn (2005b). Zeta")


def test_no_two_entries_of_the_bibliography_share_a_short_citation():
    # The real data/references.bib: a reader must find the one entry a citation stands for.
    keys_of = defaultdict(list)
    for key in bibliography.entries():
        keys_of[bibliography.short_citation(key)].append(key)
    shared = {short: keys for short, keys in keys_of.items() if len(keys) > 1}
    assert not shared, f"{len(shared)} short citations stand for several entries: {shared}"


def test_a_title_is_never_cut_before_the_number_of_its_document_or_page(monkeypatch):
    office = "organization = {Office of the Historian, U.S. Department of State}"
    _use(
        monkeypatch,
        f"@misc{{d116, {office}, title = {{FRUS, Japan 1931-1941, Vol. II, Doc. 116: The Charge to the Secretary}}}}\n"
        f"@misc{{d123, {office}, title = {{FRUS, Japan 1931-1941, Vol. II, Doc. 123: The Ambassador to the Secretary}}}}\n"
        f"@misc{{d585, {office}, title = {{FRUS, Conference of Berlin (Potsdam) 1945, Vol. I, Doc. 585: Togo to Sato}}}}\n"
        f"@misc{{d1226, {office}, title = {{FRUS, Conference of Berlin (Potsdam) 1945, Vol. II, Doc. 1226: Sato}}}}\n"
        "@misc{p96, author = {Rotter, Andrew J.}, title = {Hiroshima: The World's Bomb, online copy, page 96 (June)}}\n"
        "@misc{p133, author = {Rotter, Andrew J.}, title = {Hiroshima: The World's Bomb, online copy, page 133}}\n"
        "@misc{ch9, title = {Edward S. Miller, Bankrupting the Enemy, chapter 9 'An Aborted Freeze' (online copy)}}\n",
    )
    cited = {key: bibliography.short_citation(key) for key in bibliography.entries()}
    assert cited == {
        "d116": "Office of the Historian, FRUS, Japan 1931-1941, Vol. II, Doc. 116",
        "d123": "Office of the Historian, FRUS, Japan 1931-1941, Vol. II, Doc. 123",
        "d585": "Office of the Historian, FRUS, Conference of Berlin, Vol. I, Doc. 585",
        "d1226": "Office of the Historian, FRUS, Conference of Berlin, Vol. II, Doc. 1226",
        "p96": "Rotter, Hiroshima, page 96",
        "p133": "Rotter, Hiroshima, page 133",
        "ch9": "Edward S. Miller, Bankrupting the Enemy, chapter 9",  # cut at its numbered part: no ellipsis
    }


def test_titles_alike_run_on_until_they_differ_then_take_an_aside_then_the_site(monkeypatch):
    def web(key, who, title, url):
        return f"@misc{{{key}, organization = {{{who}}}, title = {{{title}}}, url = {{{url}}}}}\n"

    _use(
        monkeypatch,
        web("k1", "Kirkus Reviews", "Review: Embracing Defeat (Norton, 1999)", "https://kirkus.example/1")
        + web("k2", "Kirkus Reviews", "Review: Remaking Japan: The American Occupation", "https://kirkus.example/2")
        + web("s1", "Wikipedia", "Shandong Problem", "https://en.wikipedia.org/wiki/Shandong_Problem")
        + web("s2", "Wikipedia", "Shandong Problem (revision of 28 June 2010)", "https://en.wikipedia.org/w?oldid=1")
        + web("m1", "Wikipedia", "Joint Communique", "https://en.wikipedia.org/wiki/Joint_Communique")
        + web("m2", "Wikipedia", "Joint Communique", "https://www.mirror.example/Joint_Communique")
        + web(
            "t1",
            "Office",
            "A Long Title of Many More Words Than Six (the milestone text, read via a copy)",
            "https://a.example",
        )
        + web(
            "t2",
            "Office",
            "A Long Title of Many More Words Than Six (the milestone text, read via a blog)",
            "https://b.example",
        )
        + web("alone", "Office", "Another Title: Its Subtitle (aside)", "https://c.example"),
    )
    cited = {key: bibliography.short_citation(key) for key in bibliography.entries()}
    assert cited == {
        "k1": "Kirkus Reviews, Review: Embracing Defeat",  # one more subtitle each, until they differ
        "k2": "Kirkus Reviews, Review: Remaking Japan",
        "s1": "Wikipedia, Shandong Problem",  # nothing to add: stays as it was
        "s2": "Wikipedia, Shandong Problem (revision of 28 June 2010)",  # a short aside of the title
        "m1": "Wikipedia, Joint Communique (en.wikipedia.org)",  # the same title: the web site
        "m2": "Wikipedia, Joint Communique (mirror.example)",
        "t1": "Office, A Long Title of Many More… (a.example)",  # asides too long to quote: the site
        "t2": "Office, A Long Title of Many More… (b.example)",
        "alone": "Office, Another Title",  # not shared: the shortest form
    }


def test_entries_alike_in_everything_are_told_apart_by_letter(monkeypatch):
    same = "organization = {Guampedia}, title = {Timeline: 30 May 1943 (Attu retaken)}, url = {https://g.example/t}"
    _use(
        monkeypatch,
        f"@misc{{second, {same}}}\n@misc{{first, {same}}}\n@misc{{smith_1999, author = {{Smith, J.}}, "
        "title = {Timeline}, year = {1999}}\n",
    )
    assert [bibliography.short_citation(key) for key in ("first", "second", "smith_1999")] == [
        "Guampedia, Timeline (a)",
        "Guampedia, Timeline (b)",
        "Smith 1999",
    ]


def test_an_unknown_key_is_named():
    with pytest.raises(KeyError, match="no_such_key"):
        bibliography.short_citation("no_such_key")
