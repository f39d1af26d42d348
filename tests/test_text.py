import pandas as pd
import pytest

from analysis.measures import key_figures as kf
from analysis.present import text


def test_number_formats():
    assert text.number(1234567) == "1,234,567"
    assert text.number(2.345, 1) == "2.3"
    assert text.approx(54_000_000) == "54 million"
    assert text.approx(1_577_725) == "1.58 million"
    assert text.approx(999) == "999"
    assert text.ratio(5.26) == "5.3 to 1"
    assert text.times(3.04) == "3.0 times"
    assert text.percent(0.8) == "80%"
    assert text.value_range(60000, 80000) == "60,000–80,000"
    assert text.day("1945-09-02") == "2 September 1945"
    assert text.month("1941-07-26") == "July 1941"


def test_number_refuses_missing():
    with pytest.raises(ValueError):
        text.number(float("nan"))


FIGURES = pd.DataFrame(
    {
        "id": ["deaths", "yield"],
        "quantity": ["deaths", "yield"],
        "value": [140000.0, None],
        "value_low": [90000.0, 12.0],
        "value_high": [166000.0, 18.0],
        "unit": ["persons", "kilotons_tnt"],
        "sources": ["a;b", "b;c"],
    }
)


def test_key_figure_lookups():
    assert kf.value(FIGURES, "deaths") == 140000.0
    assert kf.bounds(FIGURES, "deaths") == (90000.0, 166000.0)
    assert kf.bounds(FIGURES, "yield") == (12.0, 18.0)
    with pytest.raises(ValueError):
        kf.value(FIGURES, "yield")
    with pytest.raises(KeyError, match="nothing"):
        kf.get(FIGURES, "nothing")
    assert kf.sources(FIGURES, "deaths", "yield") == ["a", "b", "c"]
    table = kf.table(FIGURES, ["deaths", "yield"], labels=["D", "Y"])
    assert list(table["label"]) == ["D", "Y"] and table.loc[1, "low"] == 12.0


def test_counted_puts_the_noun_in_the_right_number():
    from analysis.present import text

    assert text.counted(1, "event") == "1 event"
    assert text.counted(0, "event") == "0 events"
    assert text.counted(2, "crisis", "crises") == "2 crises"


def _figure(low, high, value=None, unit="persons"):
    from analysis.measures.key_figures import Figure

    return Figure("f", "q", low, high, unit, pd.Timestamp("1945-01-01"), ("s",), value)


def test_value_range_options_replace_string_surgery():
    assert text.value_range(9780, 12031, sep=" and ") == "9,780 and 12,031"
    assert text.value_range(2_600_000, 3_760_000, sep=" to ", approx=True) == "2.6 to 3.76 million"
    assert text.value_range(900_000, 1_100_000, sep=" to ", approx=True) == "900,000 to 1.1 million"
    assert text.value_range(47, 50, unit="%") == "47–50%" and text.value_range(12, 18, unit="kt") == "12–18 kt"
    assert text.value_range(5556, 5556, collapse=True) == "5,556" and text.value_range(1, 2, collapse=True) == "1–2"
    assert text.value_range(9780, 12031, -3, sep=" to ") == "10,000 to 12,000"


def test_figure_phrases():
    assert text.spread(_figure(12, 18, 15), unit="kilotons") == "12 to 18 kilotons around 15"
    assert text.spread(_figure(18.9, 23.1, 21), 1) == "18.9 to 23.1 around 21"
    assert text.estimate(_figure(560_000, 900_000)) == "560,000–900,000"
    assert text.estimate(_figure(1958, 1958, 1958, unit="year")) == "1958"
    assert text.quantity(_figure(48, 48, 48, unit="long_tons")) == "48 long tons"


def test_small_formats():
    assert text.signed(-10.0) == "−10" and text.signed(2.0) == "+2"
    assert text.dollars(1.99e9) == "$1.99 billion" and text.dollars(463e6) == "$463 million"
    assert text.year_spans([1920, 1925, 1930], runs=False) == "1920, 1925 and 1930"
    assert text.year_spans([1920, 1921, 1922], runs=False) == "1920, 1921 and 1922"
    assert text.year_spans([1920, 1921, 1922]) == "1920–1922"


def test_year_spans():
    from analysis.present import text

    assert text.year_spans([1940, 1935, 1938, 1939]) == "1935 and 1938–1940"
    assert text.year_spans([1970]) == "1970"
    assert text.year_spans([1901, 1903, 1905, 1906]) == "1901, 1903 and 1905–1906"
    with pytest.raises(ValueError):
        text.year_spans([])


def test_from_slug():
    assert text.from_slug(["cold-war-design", "domestic"]) == ["Cold war design", "Domestic"]


def test_in_words_spells_small_counts_and_keeps_figures_for_larger_ones():
    assert [text.in_words(n) for n in (0, 1, 6, 12)] == ["zero", "one", "six", "twelve"]
    assert text.in_words(13) == "13" and text.in_words(1250) == "1,250"
