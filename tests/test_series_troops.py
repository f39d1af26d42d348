"""Tests of series.troops_flags and troops_segments, and events.directed_index (hand-computed expectations)."""

import math

import pandas as pd
import pytest

from analysis.measures import events as ev
from analysis.measures import series

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


def test_directed_index_splits_by_actor_and_smooths():
    weighted = pd.DataFrame(
        {
            "source_actor": ["USA", "USA", "JPN"],
            "target_actor": ["JPN", "JPN", "USA"],
            "goldstein_weight": [4.0, -2.0, 6.0],
            "year": [1950, 1951, 1951],
            "dyad": ["USA-JPN"] * 3,
        }
    )
    table = ev.directed_index(weighted, "USA-JPN", 1950, 1952, window=3)
    # US acting: 1950 = 4, 1951 = -2, 1952 = 0 -> centred 3-year means 1.0, 0.6667, -1.0
    assert table["USA"].tolist() == pytest.approx([1.0, 2 / 3, -1.0])
    # Japan acting: 0, 6, 0 -> 3, 2, 3
    assert table["JPN"].tolist() == pytest.approx([3.0, 2.0, 3.0])
