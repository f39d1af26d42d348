"""Other yearly series: nuclear stockpiles, US forces in Japan, UN voting alignment, trade totals.

Each function takes the table as loaded and returns a wide table by year.
"""

from __future__ import annotations

import pandas as pd

ALIGNMENT_PAIRS = {(740, 2): "USA-JPN", (740, 365): "JPN-RUS", (2, 365): "USA-RUS"}  # the dyad keys of events.DYADS


def stockpiles(nuclear: pd.DataFrame) -> pd.DataFrame:
    """Warheads (count) by year, columns USA and RUS."""
    return nuclear.pivot(index="year", columns="country_code", values="warheads").astype(float)


def troops(us_forces: pd.DataFrame) -> pd.Series:
    """US military personnel in Japan (persons) by year."""
    return us_forces.set_index("year")["troops"].astype(float)


def troops_flags(us_forces: pd.DataFrame) -> pd.DataFrame:
    """Kane's coverage quirks per year, read from the ``note`` column: columns year, troops (persons),
    ``interpolated`` (no DoD report; value is a mean of neighbours), ``includes_okinawa`` (the note says the
    Ryukyus/Okinawa are in the total) and ``ashore_only`` (the note says personnel afloat are excluded)."""
    notes = us_forces["note"].fillna("").str.lower()
    return (
        pd.DataFrame(
            {
                "year": us_forces["year"].astype(int).values,
                "troops": us_forces["troops"].astype(float).values,
                "interpolated": notes.str.contains("interpolated").values,
                "includes_okinawa": notes.str.contains("okinawa").values,
                "ashore_only": notes.str.contains("excludes personnel afloat").values,
            }
        )
        .sort_values("year")
        .reset_index(drop=True)
    )


def troops_segments(us_forces: pd.DataFrame) -> pd.DataFrame:
    """US personnel in Japan (persons) by year split for drawing: ``reported`` (NaN in interpolated years) and
    ``interpolated`` (the interpolated years plus the reported year on each side, so a dashed line joins them)."""
    flags = troops_flags(us_forces).set_index("year")
    reported = flags["troops"].where(~flags["interpolated"])
    bridge = (
        flags["interpolated"]
        | flags["interpolated"].shift(1, fill_value=False)
        | flags["interpolated"].shift(-1, fill_value=False)
    )
    return pd.DataFrame({"reported": reported, "interpolated": flags["troops"].where(bridge)})


def alignment(agreement: pd.DataFrame) -> pd.DataFrame:
    """UNGA agreement (0-1) by year, columns USA-JPN, JPN-RUS, USA-RUS; years without votes stay NaN."""
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


IDEAL_POINT_CODES = {2: "USA", 740: "JPN", 365: "RUS"}


def ideal_points(agreement: pd.DataFrame) -> pd.DataFrame:
    """UNGA ideal points (Bailey, Strezhnev & Voeten; unitless, positive = nearer the US-led order)
    by year, columns USA / JPN / RUS, read from both sides of every pair row; years without votes stay NaN."""
    rows = []
    for _, row in agreement.iterrows():
        for side in ("1", "2"):
            code = IDEAL_POINT_CODES.get(int(row[f"ccode{side}"]))
            if code and not pd.isna(row[f"IdealPointAll_{side}"]):
                rows.append({"year": int(row["year"]), "country": code, "point": float(row[f"IdealPointAll_{side}"])})
    frame = pd.DataFrame(rows).drop_duplicates(["year", "country"])
    table = frame.pivot(index="year", columns="country", values="point")
    table = table.reindex(columns=[c for c in ("USA", "JPN", "RUS") if c in table.columns])
    return table.reindex(range(int(table.index.min()), int(table.index.max()) + 1))


def relative_position(table: pd.DataFrame, target: str, low: str, high: str) -> pd.Series:
    """Where ``target`` lies on the line from ``low`` (0) to ``high`` (1), by row (unitless;
    0.5 = midway, above 1 or below 0 = beyond an end). E.g. Japan's ideal point between the USSR and the US."""
    return (table[target] - table[low]) / (table[high] - table[low])


def masked(table: pd.DataFrame, column: str, years) -> pd.DataFrame:
    """A copy of a wide yearly table with ``column`` set to NaN in ``years`` (values judged unreliable,
    e.g. COW trade RUS 1960-1962); other cells unchanged, units unchanged."""
    out = table.copy()
    out[column] = out[column].astype(float)
    out.loc[out.index.isin(list(years)), column] = float("nan")
    return out


def first_year_above(table: pd.DataFrame, upper: str, lower: str, start: int | None = None) -> int | None:
    """The first year (index) from ``start`` on in which column ``upper`` exceeds column ``lower``
    (both present); None if it never does. Same units in both columns."""
    part = table if start is None else table.loc[start:]
    above = part[upper].astype(float) > part[lower].astype(float)
    hits = above[above].index
    return int(hits[0]) if len(hits) else None
