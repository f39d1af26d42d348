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
