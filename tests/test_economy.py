"""Tests of analysis.measures.economy (hand-computed expectations)."""

import pandas as pd
import pytest

from analysis.measures import economy


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


def _economy():
    return pd.DataFrame(
        {
            "countrycode": ["USA", "USA", "JPN", "JPN", "SUN", "SUN", "RUS"],
            "year": [1950, 1960, 1950, 1960, 1950, 1960, 1960],
            "gdppc": [10000.0, 12100.0, 2000.0, 4000.0, 3000.0, 3300.0, 9999.0],
            "pop": [150000.0, 180000.0, 80000.0, 90000.0, 180000.0, 210000.0, 1.0],
        }
    )


def test_for_report_maps_sun_to_rus_and_drops_the_federation():
    frame = economy.for_report(_economy())
    assert set(frame["country"]) == {"USA", "JPN", "RUS"}
    assert 9999.0 not in set(frame["gdppc"])


def test_gdp_relative_and_growth():
    frame = economy.with_gdp(economy.for_report(_economy()))
    gdp = economy.wide(frame, "gdp_million_2011usd")
    assert gdp.loc[1950, "USA"] == pytest.approx(1_500_000.0)  # 10,000 $ x 150,000 thousand / 1000
    relative = economy.relative_to(frame)
    assert relative.loc[1960, "JPN"] == pytest.approx(4000 / 12100)
    assert economy.annual_growth(frame, "USA", 1950, 1960) == pytest.approx(1.21**0.1 - 1)
