"""Other yearly series: nuclear stockpiles, US forces in Japan, UN voting alignment, trade totals.

Each function takes the table as loaded and returns a wide table by year.
"""

from __future__ import annotations

import pandas as pd

ALIGNMENT_PAIRS = {(740, 2): "JPN-USA", (740, 365): "JPN-RUS", (2, 365): "USA-RUS"}


def stockpiles(nuclear: pd.DataFrame) -> pd.DataFrame:
    """Warheads (count) by year, columns USA and RUS."""
    return nuclear.pivot(index="year", columns="country_code", values="warheads").astype(float)


def troops(us_forces: pd.DataFrame) -> pd.Series:
    """US military personnel in Japan (persons) by year."""
    return us_forces.set_index("year")["troops"].astype(float)


def alignment(agreement: pd.DataFrame) -> pd.DataFrame:
    """UNGA agreement (0-1) by year, columns JPN-USA, JPN-RUS, USA-RUS; years without votes stay NaN."""
    frame = agreement.copy()
    frame["pair"] = [ALIGNMENT_PAIRS[(int(a), int(b))] for a, b in zip(frame["ccode1"], frame["ccode2"])]
    table = frame.pivot(index="year", columns="pair", values="agree").astype(float)
    return table.reindex(range(int(frame["year"].min()), int(frame["year"].max()) + 1))


def period_means(table: pd.DataFrame, periods: dict[str, tuple[int, int]]) -> pd.DataFrame:
    """Mean of each column over named inclusive year ranges (NaN years skipped)."""
    return pd.DataFrame({name: table.loc[first:last].mean() for name, (first, last) in periods.items()}).T


def trade_totals(trade: pd.DataFrame) -> pd.DataFrame:
    """Imports plus exports (millions of current US$) by year, columns USA / JPN / RUS; NaN where either is missing."""
    frame = trade.copy()
    frame["total"] = frame["imports"].astype(float) + frame["exports"].astype(float)
    return frame.pivot(index="year", columns="stateabb", values="total")
