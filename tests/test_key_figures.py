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
