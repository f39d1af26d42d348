"""Tests of events.sources, economy.ratio and text.year_spans (hand-computed expectations)."""

import pandas as pd
import pytest

from analysis.measures import economy, events


def test_sources_unique_in_row_order():
    frame = pd.DataFrame({"sources": ["a;b", "b; c", None, "a"]})
    assert events.sources(frame) == ["a", "b", "c"]


def test_economy_ratio_of_gdp():
    frame = pd.DataFrame(
        {"country": ["USA", "JPN"], "year": [1941, 1941], "gdppc": [10.0, 4.0], "pop": [3000.0, 1500.0]}
    )
    gdp = economy.with_gdp(frame)  # USA 30, JPN 6 (millions)
    assert economy.ratio(gdp, 1941, "USA", "JPN") == pytest.approx(5.0)
    assert economy.ratio(gdp, 1941, "USA", "JPN", column="gdppc") == pytest.approx(2.5)


def test_economy_ratio_missing_raises():
    frame = pd.DataFrame(
        {"country": ["USA", "JPN"], "year": [1941, 1941], "gdppc": [10.0, float("nan")], "pop": [1.0, 1.0]}
    )
    with pytest.raises(ValueError):
        economy.ratio(frame, 1941, "USA", "JPN", column="gdppc")


def test_year_spans():
    from analysis.present import text

    assert text.year_spans([1940, 1935, 1938, 1939]) == "1935 and 1938–1940"
    assert text.year_spans([1970]) == "1970"
    assert text.year_spans([1901, 1903, 1905, 1906]) == "1901, 1903 and 1905–1906"
    with pytest.raises(ValueError):
        text.year_spans([])
