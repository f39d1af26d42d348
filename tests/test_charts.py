"""Tests of key_figures.ratio_range, maps.lonlat and route_arrows, and the range, line-panel and chronicle charts."""

import matplotlib.pyplot as plt
import pandas as pd
import pytest

from analysis.measures import key_figures
from analysis.present import charts, maps


def _figures():
    return pd.DataFrame(
        {
            "id": ["red_men", "blue_men", "zero"],
            "value": [1500.0, None, 0.0],
            "value_low": [1400.0, 500.0, None],
            "value_high": [1600.0, 800.0, None],
        }
    )


def test_ratio_range_uses_opposite_bounds():
    low, high = key_figures.ratio_range(_figures(), "red_men", "blue_men")
    assert low == pytest.approx(1400 / 800)  # 1.75
    assert high == pytest.approx(1600 / 500)  # 3.2


def test_ratio_range_rejects_zero_denominator():
    with pytest.raises(ValueError):
        key_figures.ratio_range(_figures(), "red_men", "zero")


def _places():
    return pd.DataFrame({"id": ["a", "b"], "longitude": [120.0, 126.5], "latitude": [47.0, 45.75]})


def test_lonlat_reads_the_row():
    assert maps.lonlat(_places(), "b") == (126.5, 45.75)
    with pytest.raises(KeyError):
        maps.lonlat(_places(), "nowhere")


def test_route_arrows_returns_each_place_once():
    class Identity:
        def __call__(self, lon, lat):
            return lon, lat

    fig, ax = plt.subplots()
    used = maps.route_arrows(ax, Identity(), _places(), [("a", "b", "#009E73", 2.0), ("b", "a", "#009E73", 1.0)])
    assert used == ["a", "b"]
    assert len(ax.texts) == 2  # one annotation per arrow
    plt.close(fig)


def test_range_panels_one_axes_per_table():
    table = pd.DataFrame({"label": ["x", "y"], "value": [2.0, None], "low": [1.0, 3.0], "high": [3.0, 5.0]})
    fig = charts.range_panels([(table, "kt"), (table, "persons")], log=[False, True])
    assert len(fig.axes) == 2
    assert fig.axes[1].get_xscale() == "log"
    plt.close(fig)


def test_line_panels_draws_one_line_per_country():
    wide = pd.DataFrame({"USA": [1.0, 2.0], "JPN": [3.0, 4.0]}, index=[1941, 1942])
    fig = charts.line_panels({"a": wide, "b": wide}, {"a": "units"}, log=("b",))
    assert len(fig.axes[0].lines) == 2
    assert fig.axes[1].get_yscale() == "log"
    plt.close(fig)


def test_chronicle_layout_compresses_quiet_days_and_stacks_busy_lanes():
    events = pd.DataFrame(
        {
            "id": ["a", "b", "c", "d"],
            "date": pd.to_datetime(["1945-08-06", "1945-08-08", "1945-08-08", "1945-08-08"]),
            "source_actor": ["USA", "RUS", "RUS", "JPN"],
            "title": ["w", "x", "y", "z"],
        }
    )
    placed, ticks = charts.chronicle_layout(
        events, ["USA", "RUS", "JPN"], "1945-08-06", "1945-08-08", empty_day=0.3, day_gap=0.35
    )
    # 6 Aug at y=0 (one event: 1 + 0.35), 7 Aug empty (+0.3), 8 Aug starts at 1.65; RUS has two events there.
    assert [round(y, 2) for y, _ in ticks] == [0.0, 1.65]
    by_id = placed.set_index("id")
    assert by_id.loc["a", "y"] == 0.0 and by_id.loc["a", "column"] == 0
    assert by_id.loc["b", "y"] == pytest.approx(1.65) and by_id.loc["c", "y"] == pytest.approx(2.65)
    assert by_id.loc["d", "column"] == 2 and by_id.loc["d", "y"] == pytest.approx(1.65)
    fig = charts.chronicle(events, ["USA", "RUS", "JPN"], "1945-08-06", "1945-08-08")
    assert len(fig.axes[0].collections) == 4
    plt.close(fig)


def test_event_markers_carry_native_tooltips_in_the_svg():
    import pandas as pd

    from analysis.present import charts, figures

    events = pd.DataFrame(
        {
            "date": pd.to_datetime(["1905-09-05", "1941-12-07"]),
            "date_precision": ["day", "day"],
            "title": ["Treaty of Portsmouth & <peace>", "Pearl Harbor"],
            "source_actor": ["USA", "JPN"],
        }
    )
    svg = figures.svg_text(charts.timeline(events))
    assert "<title>5 September 1905: Treaty of Portsmouth &amp; &lt;peace&gt;</title>" in svg
    assert "<title>7 December 1941: Pearl Harbor</title>" in svg
