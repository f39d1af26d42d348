"""Key figures of single episodes: look-ups by id, and ranges for prose and charts.

Chapters bind the table once, ``K = KeyFigures(data.key_figures)`` (``key_figures_of(data)`` in the
chapter set-up), and read ``K["pearl_harbor_us_killed"].value``, ``K["little_boy_yield"].bounds`` or
``K.sources("little_boy_yield", "fat_man_yield")``; ``analysis.present.text`` formats the figures.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass

import pandas as pd


def get(figures: pd.DataFrame, figure_id: str) -> pd.Series:
    """One row by id (KeyError naming the id when absent)."""
    match = figures[figures["id"] == figure_id]
    if match.empty:
        raise KeyError(f"key figure {figure_id!r} is not in data/key_figures.csv")
    return match.iloc[0]


def value(figures: pd.DataFrame, figure_id: str) -> float:
    """The single value of a figure (its unit is in the row)."""
    row = get(figures, figure_id)
    if pd.isna(row["value"]):
        raise ValueError(f"key figure {figure_id!r} has only a range; use bounds()")
    return float(row["value"])


def bounds(figures: pd.DataFrame, figure_id: str) -> tuple[float, float]:
    """(low, high) of a figure; a single value gives (value, value)."""
    row = get(figures, figure_id)
    low = row["value_low"] if not pd.isna(row["value_low"]) else row["value"]
    high = row["value_high"] if not pd.isna(row["value_high"]) else row["value"]
    return float(low), float(high)


def ratio(figures: pd.DataFrame, numerator_id: str, denominator_id: str) -> float:
    """Value of one figure divided by another's (unitless when both share a unit, e.g. Japan's
    treaty tonnage over the US's)."""
    return value(figures, numerator_id) / value(figures, denominator_id)


def months_of_supply(stock: float, annual_use: float) -> float:
    """How many months a stock lasts at a yearly rate of use (same unit, e.g. barrels and barrels a year)."""
    if annual_use <= 0:
        raise ValueError("annual use must be positive")
    return 12 * stock / annual_use


def supply_months_range(figures: pd.DataFrame, stock_id: str, annual_use_id: str) -> tuple[float, float]:
    """(low, high) months a stock figure lasts at an annual-use figure: low stock over high use, high stock over low use."""
    stock_low, stock_high = bounds(figures, stock_id)
    use_low, use_high = bounds(figures, annual_use_id)
    return months_of_supply(stock_low, use_high), months_of_supply(stock_high, use_low)


def ratio_range(figures: pd.DataFrame, numerator_id: str, denominator_id: str) -> tuple[float, float]:
    """(low, high) of one figure over another where both may be ranges (unitless if the units match):
    low = numerator low / denominator high, high = numerator high / denominator low."""
    top_low, top_high = bounds(figures, numerator_id)
    bottom_low, bottom_high = bounds(figures, denominator_id)
    if bottom_low <= 0:
        raise ValueError(f"{denominator_id!r} must be positive")
    return top_low / bottom_high, top_high / bottom_low


def sources(figures: pd.DataFrame, *figure_ids: str) -> list[str]:
    """Bibliography keys of the given figures, each once, in order."""
    keys: list[str] = []
    for figure_id in figure_ids:
        for key in str(get(figures, figure_id)["sources"]).split(";"):
            if key.strip() and key.strip() not in keys:
                keys.append(key.strip())
    return keys


def table(figures: pd.DataFrame, figure_ids: list[str], labels: list[str] | None = None) -> pd.DataFrame:
    """Rows for a chart or table: label, value, low, high, unit."""
    rows = []
    for index, figure_id in enumerate(figure_ids):
        row = get(figures, figure_id)
        low, high = bounds(figures, figure_id)
        rows.append(
            {
                "label": labels[index] if labels else row["quantity"],
                "value": float(row["value"]) if not pd.isna(row["value"]) else None,
                "low": low,
                "high": high,
                "unit": row["unit"],
            }
        )
    return pd.DataFrame(rows)


@dataclass(frozen=True)
class Figure:
    """One key figure: its single value (if any), its range, unit, date and sources."""

    id: str
    quantity: str
    low: float
    high: float
    unit: str
    as_of: pd.Timestamp
    sources: tuple[str, ...]
    single: float | None

    @property
    def value(self) -> float:
        """The single value (ValueError naming the figure when it has only a range)."""
        if self.single is None:
            raise ValueError(f"key figure {self.id!r} has only a range; use .bounds")
        return self.single

    @property
    def bounds(self) -> tuple[float, float]:
        """(low, high); a single value gives (value, value)."""
        return self.low, self.high

    @property
    def is_range(self) -> bool:
        """True when the sources give a spread (low differs from high)."""
        return self.low != self.high


class KeyFigures(Mapping[str, Figure]):
    """The key-figure table bound once: ``K["id"]`` is a ``Figure``; ratios, sources and chart rows by id."""

    def __init__(self, figures: pd.DataFrame) -> None:
        self.frame = figures
        self._ids = list(figures["id"])

    def __getitem__(self, figure_id: str) -> Figure:
        row = get(self.frame, figure_id)
        low, high = bounds(self.frame, figure_id)
        return Figure(
            id=figure_id,
            quantity=str(row["quantity"]),
            low=low,
            high=high,
            unit=str(row["unit"]),
            as_of=row["as_of"],
            sources=tuple(sources(self.frame, figure_id)),
            single=None if pd.isna(row["value"]) else float(row["value"]),
        )

    def __iter__(self) -> Iterator[str]:
        return iter(self._ids)

    def __len__(self) -> int:
        return len(self._ids)

    def ratio(self, numerator_id: str, denominator_id: str) -> float:
        """One figure's value over another's (see ``ratio``)."""
        return ratio(self.frame, numerator_id, denominator_id)

    def ratio_range(self, numerator_id: str, denominator_id: str) -> tuple[float, float]:
        """(low, high) of one figure over another (see ``ratio_range``)."""
        return ratio_range(self.frame, numerator_id, denominator_id)

    def sources(self, *figure_ids: str) -> list[str]:
        """Bibliography keys of the given figures, each once, in order."""
        return sources(self.frame, *figure_ids)

    def table(self, figure_ids: list[str], labels: list[str] | None = None) -> pd.DataFrame:
        """Rows for a chart or table: label, value, low, high, unit (see ``table``)."""
        return table(self.frame, figure_ids, labels)
