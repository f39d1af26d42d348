"""Tests of analysis.measures.power: shares, relative capability, ratios and growth (hand-computed expectations)."""

import pandas as pd
import pytest

from analysis.measures import power


def _capabilities():
    rows = []
    for year, usa, jpn, rus in [(1940, (100, 10), (50, 30), (50, 60)), (1941, (200, 20), (100, 20), (100, 60))]:
        for abb, (irst, tpop) in zip(("USA", "JPN", "RUS"), (usa, jpn, rus)):
            rows.append(
                {
                    "stateabb": abb,
                    "year": year,
                    "milex": irst,
                    "milper": irst,
                    "irst": irst,
                    "pec": irst,
                    "tpop": tpop,
                    "upop": tpop,
                }
            )
    frame = pd.DataFrame(rows)
    for column in power.COMPONENTS:
        frame[column] = frame[column].astype("Float64")
    return frame


def test_component_shares_are_shares_of_the_three():
    shares = power.component_shares(_capabilities()).set_index(["year", "stateabb"])
    assert shares.loc[(1940, "USA"), "irst"] == pytest.approx(0.5)  # 100 / 200
    assert shares.loc[(1941, "JPN"), "tpop"] == pytest.approx(0.2)  # 20 / 100


def test_component_share_is_missing_when_a_country_lacks_it():
    frame = _capabilities()
    frame.loc[(frame["year"] == 1940) & (frame["stateabb"] == "RUS"), "milex"] = pd.NA
    shares = power.component_shares(frame).set_index(["year", "stateabb"])
    assert pd.isna(shares.loc[(1940, "USA"), "milex"])
    assert shares.loc[(1941, "USA"), "milex"] == pytest.approx(0.5)


def test_relative_capability_is_the_mean_of_shares():
    relative = power.relative_capability(_capabilities()).set_index(["year", "stateabb"])["capability_share"]
    # USA 1940: four components at 0.5 and two at 10/100 = 0.1 -> (4*0.5 + 2*0.1) / 6
    assert relative[(1940, "USA")] == pytest.approx((4 * 0.5 + 2 * 0.1) / 6)
    assert relative.groupby(level="year").sum().tolist() == pytest.approx([1.0, 1.0])


def test_ratio_and_growth():
    caps = _capabilities()
    assert power.ratio(caps, 1941, "USA", "JPN", "irst") == pytest.approx(2.0)
    assert power.ratios(caps, 1941, "USA", "RUS")["tpop"] == pytest.approx(20 / 60)
    assert power.growth_factor(caps, "JPN", "irst", 1940, 1941) == pytest.approx(2.0)
