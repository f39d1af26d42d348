"""Tests of analysis.measures.events: weights, the pair index, tone, turning points, sources (hand-computed)."""

import math

import pandas as pd
import pytest

from analysis.measures import events as ev

TYPES = pd.DataFrame({"event_type": ["attack", "treaty", "protest"], "goldstein_weight": [-10.0, 8.0, -2.0]})


def _events(rows):
    frame = pd.DataFrame(rows, columns=["id", "date", "source_actor", "target_actor", "event_type"])
    frame["date"] = pd.to_datetime(frame["date"])
    frame["end_date"] = pd.NaT
    return frame


EVENTS = _events(
    [
        ("a", "1904-02-08", "JPN", "RUS", "attack"),
        ("b", "1905-09-05", "RUS", "JPN", "treaty"),
        ("c", "1905-10-01", "JPN", "RUS", "protest"),
        ("d", "1905-06-01", "USA", "JPN", "treaty"),
        ("e", "1905-06-02", "CHN", "JPN", "attack"),
    ]
)


def test_dyad_of_is_symmetric_and_ignores_third_parties():
    assert ev.dyad_of("JPN", "USA") == ev.dyad_of("USA", "JPN") == "USA-JPN"
    assert ev.dyad_of("RUS", "JPN") == "JPN-RUS"
    assert ev.dyad_of("CHN", "JPN") is None


def test_with_weights_maps_types_and_rejects_unknown():
    weighted = ev.with_weights(EVENTS, TYPES)
    assert list(weighted["goldstein_weight"]) == [-10.0, 8.0, -2.0, 8.0, -10.0]
    with pytest.raises(ValueError, match="tea"):
        ev.with_weights(_events([("x", "1900-01-01", "USA", "JPN", "tea")]), TYPES)


def test_dyad_year_index_sums_means_and_fills_empty_years():
    index = ev.dyad_year_index(ev.with_weights(EVENTS, TYPES), 1904, 1906).set_index(["dyad", "year"])
    # JPN-RUS 1905: treaty (+8) and protest (-2): sum 6, mean 3, 2 events
    assert index.loc[("JPN-RUS", 1905), "weight_sum"] == 6.0
    assert index.loc[("JPN-RUS", 1905), "weight_mean"] == 3.0
    assert index.loc[("JPN-RUS", 1905), "events"] == 2
    assert index.loc[("JPN-RUS", 1904), "weight_sum"] == -10.0
    # a year without events: 0 events, sum 0, mean undefined
    assert index.loc[("USA-RUS", 1906), "events"] == 0
    assert index.loc[("USA-RUS", 1906), "weight_sum"] == 0.0
    assert math.isnan(index.loc[("USA-RUS", 1906), "weight_mean"])
    # the CHN->JPN attack belongs to no dyad
    assert index.loc[("USA-JPN", 1905), "weight_sum"] == 8.0
    assert len(index) == 3 * 3


def test_direction_splits_the_pair():
    weighted = ev.with_weights(EVENTS, TYPES)
    forward = ev.dyad_year_index(weighted, 1905, 1905, direction="forward").set_index("dyad")
    backward = ev.dyad_year_index(weighted, 1905, 1905, direction="backward").set_index("dyad")
    # JPN-RUS forward = JPN acting on RUS: the protest (-2); backward = RUS acting: the treaty (+8)
    assert forward.loc["JPN-RUS", "weight_sum"] == -2.0
    assert backward.loc["JPN-RUS", "weight_sum"] == 8.0


def test_smoothed_is_a_centred_mean_per_dyad():
    index = pd.DataFrame({"dyad": ["USA-JPN"] * 3, "year": [1900, 1901, 1902], "weight_sum": [3.0, 0.0, 6.0]})
    out = ev.smoothed(index, window=3).set_index("year")["weight_sum_smooth"]
    assert out[1901] == 3.0  # (3 + 0 + 6) / 3
    assert out[1900] == 1.5  # ends use the years available: (3 + 0) / 2


def test_coverage_counts_events_per_decade():
    table = ev.coverage(ev.with_weights(EVENTS, TYPES))
    assert table.loc[1900, "JPN-RUS"] == 3
    assert table.loc[1900, "USA-JPN"] == 1
    assert table.loc[1900, "USA-RUS"] == 0


def test_periods_from_events_use_dates_and_end_dates():
    events = _events([("w1", "1904-02-08", "JPN", "RUS", "attack"), ("w2", "1905-09-05", "RUS", "JPN", "treaty")])
    events.loc[1, "end_date"] = pd.Timestamp("1905-12-31")
    ((start, end, label),) = ev.periods_from_events(events, {"war": ("w1", "w2")})
    assert label == "war"
    assert start == pytest.approx(1904 + 38 / 365.25)
    assert end == pytest.approx(1905 + 364 / 365.25)


def test_between_filters_dates_and_actors():
    out = ev.between(EVENTS, "1905-01-01", "1905-12-31", actors=("USA", "JPN", "RUS"))
    assert list(out["id"]) == ["d", "b", "c"]


def _weighted_toy():
    import pandas as pd

    from analysis.measures import events as ev_module

    rows = [
        ("USA", "JPN", "1950-01-01", 5.0),
        ("USA", "JPN", "1950-06-01", -2.0),
        ("JPN", "USA", "1951-01-01", -4.0),
        ("USA", "JPN", "1952-01-01", 8.0),
        ("RUS", "JPN", "1950-01-01", -10.0),
    ]
    frame = pd.DataFrame(rows, columns=["source_actor", "target_actor", "date", "goldstein_weight"])
    frame["date"] = pd.to_datetime(frame["date"])
    frame["year"] = frame["date"].dt.year
    frame["dyad"] = [ev_module.dyad_of(a, b) for a, b in zip(frame["source_actor"], frame["target_actor"])]
    frame["id"] = [f"e{i}" for i in range(len(frame))]
    return frame


def test_tone_counts_cooperation_and_conflict_apart_and_normalises_by_volume():
    from analysis.measures import events as ev_module

    tone = ev_module.tone_by_year(_weighted_toy(), 1950, 1953).set_index(["dyad", "year"])
    assert tone.loc[("USA-JPN", 1950), ["cooperative", "conflictual", "events"]].tolist() == [1, 1, 2]
    assert tone.loc[("USA-JPN", 1950), "net_share"] == 0
    assert tone.loc[("USA-JPN", 1951), "net_share"] == -1
    assert tone.loc[("JPN-RUS", 1950), "net_share"] == -1
    import math

    assert math.isnan(tone.loc[("USA-JPN", 1953), "net_share"])


def test_turning_point_shift_and_its_leave_one_out_range():
    from analysis.measures import events as ev_module

    weighted = _weighted_toy()
    # window 1: 1952 (8) minus 1951 (-4) = 12; dropping the 1951 event gives 8, dropping the 1952 event gives 4.
    result = ev_module.turning_point_sensitivity(weighted, "USA-JPN", 1952, window=1)
    assert result["shift"] == 12 and result["low"] == 4 and result["high"] == 8 and result["robust"]
    assert result["events"] == 2


def test_sources_unique_in_row_order():
    frame = pd.DataFrame({"sources": ["a;b", "b; c", None, "a"]})
    assert ev.sources(frame) == ["a", "b", "c"]


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
