"""Tests of key_figures months-of-supply and ratio helpers (hand-computed expectations)."""

import pandas as pd
import pytest

from analysis.measures import key_figures as kf

FIGURES = pd.DataFrame(
    {
        "id": ["stock", "use", "us_tonnage", "jp_tonnage"],
        "value": [40.0, 120.0, 500.0, 300.0],
        "value_low": [40.0, float("nan"), float("nan"), float("nan")],
        "value_high": [60.0, float("nan"), float("nan"), float("nan")],
        "sources": ["s1", "s2", "s3", "s3"],
    }
)


def test_months_of_supply():
    assert kf.months_of_supply(40, 120) == pytest.approx(4.0)
    with pytest.raises(ValueError):
        kf.months_of_supply(40, 0)


def test_supply_months_range_uses_stock_bounds():
    assert kf.supply_months_range(FIGURES, "stock", "use") == pytest.approx((4.0, 6.0))


def test_ratio_of_two_figures():
    assert kf.ratio(FIGURES, "jp_tonnage", "us_tonnage") == pytest.approx(0.6)


def test_bound_table_gives_figures_by_id():
    figures = kf.KeyFigures(FIGURES.assign(quantity="q", unit="barrels", as_of=pd.Timestamp("1941-12-01")))
    stock = figures["stock"]
    assert stock.bounds == (40.0, 60.0) and stock.is_range and stock.value == 40.0
    assert figures["use"].bounds == (120.0, 120.0) and not figures["use"].is_range
    assert figures.ratio("jp_tonnage", "us_tonnage") == pytest.approx(0.6)
    assert figures.sources("jp_tonnage", "us_tonnage", "stock") == ["s3", "s1"]
    assert len(figures) == 4 and "use" in figures
    with pytest.raises(KeyError, match="nope"):
        _ = figures["nope"]


def test_a_figure_with_only_a_range_has_no_single_value():
    frame = FIGURES.assign(quantity="q", unit="u", as_of=pd.NaT)
    frame.loc[frame["id"] == "stock", "value"] = float("nan")
    with pytest.raises(ValueError, match="only a range"):
        _ = kf.KeyFigures(frame)["stock"].value
