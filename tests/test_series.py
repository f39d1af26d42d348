"""Tests of analysis.measures.series: UN alignment, ideal points, US forces in Japan, stockpiles, trade totals
(hand-computed expectations)."""

import math

import pandas as pd

from analysis.measures import series


def _agreement():
    return pd.DataFrame(
        {
            "year": [1960, 1960, 1960, 1962],
            "ccode1": [2, 740, 740, 2],
            "ccode2": [365, 2, 365, 365],
            "IdealPointAll_1": [2.0, 1.0, 1.0, 3.0],
            "IdealPointAll_2": [-2.0, 2.0, -2.0, -1.0],
        }
    )


def test_ideal_points_reads_both_sides_and_keeps_gap_years():
    table = series.ideal_points(_agreement())
    assert list(table.columns) == ["USA", "JPN", "RUS"]
    assert list(table.index) == [1960, 1961, 1962]
    assert table.loc[1960, "USA"] == 2.0 and table.loc[1960, "JPN"] == 1.0 and table.loc[1960, "RUS"] == -2.0
    assert math.isnan(table.loc[1961, "USA"])
    assert math.isnan(table.loc[1962, "JPN"]) and table.loc[1962, "RUS"] == -1.0


def test_relative_position():
    table = pd.DataFrame({"USA": [2.0, 3.0], "JPN": [1.0, 3.0], "RUS": [-2.0, -1.0]}, index=[1960, 1961])
    position = series.relative_position(table, "JPN", "RUS", "USA")
    # (1 - -2) / (2 - -2) = 0.75; (3 - -1) / (3 - -1) = 1.0
    assert position.loc[1960] == 0.75
    assert position.loc[1961] == 1.0


def test_masked_blanks_only_given_years_and_column():
    table = pd.DataFrame({"RUS": [10, 1, 2, 12], "JPN": [5, 6, 7, 8]}, index=[1959, 1960, 1961, 1962])
    out = series.masked(table, "RUS", range(1960, 1962))
    assert out.loc[1959, "RUS"] == 10 and out.loc[1962, "RUS"] == 12
    assert math.isnan(out.loc[1960, "RUS"]) and math.isnan(out.loc[1961, "RUS"])
    assert list(out["JPN"]) == [5, 6, 7, 8]
    assert table.loc[1960, "RUS"] == 1  # the input is not changed


def test_first_year_above():
    table = pd.DataFrame({"A": [1.0, 3.0, 2.0, 5.0], "B": [2.0, 2.0, 4.0, 4.0]}, index=[1970, 1971, 1972, 1973])
    assert series.first_year_above(table, "A", "B") == 1971
    assert series.first_year_above(table, "A", "B", start=1972) == 1973
    assert series.first_year_above(table, "B", "A", start=1973) is None


FORCES = pd.DataFrame(
    {
        "year": [1950, 1951, 1952, 1953, 1974],
        "troops": [100, 150, 150, 200, 50],
        "note": [
            "Includes the Ryukyu Islands/Okinawa",
            "value interpolated, not reported; Okinawa",
            "interpolated",
            "June report",
            "Total Ashore; excludes personnel afloat",
        ],
    }
)


def test_troops_flags_reads_the_notes():
    flags = series.troops_flags(FORCES)
    assert list(flags["interpolated"]) == [False, True, True, False, False]
    assert list(flags["includes_okinawa"]) == [True, True, False, False, False]
    assert list(flags["ashore_only"]) == [False, False, False, False, True]


def test_troops_segments_bridge_the_interpolated_years():
    segments = series.troops_segments(FORCES)
    assert math.isnan(segments.loc[1951, "reported"]) and segments.loc[1950, "reported"] == 100
    assert list(segments["interpolated"].dropna().index) == [1950, 1951, 1952, 1953]
    assert math.isnan(segments.loc[1974, "interpolated"])


def test_alignment_pivots_pairs_and_keeps_missing_years():
    agreement = pd.DataFrame(
        {"year": [1960, 1960, 1962], "ccode1": [740, 2, 740], "ccode2": [2, 365, 365], "agree": [0.8, 0.3, 0.5]}
    )
    table = series.alignment(agreement)
    assert table.loc[1960, "USA-JPN"] == 0.8
    assert table.loc[1962, "JPN-RUS"] == 0.5
    assert 1961 in table.index and table.loc[1961].isna().all()


def test_period_means_and_trade_totals():
    table = pd.DataFrame({"a": [1.0, 3.0, None]}, index=[1, 2, 3])
    assert series.period_means(table, {"p": (1, 3)}).loc["p", "a"] == 2.0
    trade = pd.DataFrame(
        {"stateabb": ["USA", "JPN"], "year": [1950, 1950], "imports": [1.5, None], "exports": [2.0, 4.0]}
    )
    totals = series.trade_totals(trade)
    assert totals.loc[1950, "USA"] == 3.5
    assert pd.isna(totals.loc[1950, "JPN"])


def test_stockpiles_and_troops():
    nuclear = pd.DataFrame({"year": [1950, 1950], "country_code": ["USA", "RUS"], "warheads": [299, 5]})
    assert series.stockpiles(nuclear).loc[1950, "RUS"] == 5
    troops = pd.DataFrame({"year": [1950], "troops": [136554]})
    assert series.troops(troops)[1950] == 136554
