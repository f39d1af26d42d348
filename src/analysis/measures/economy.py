"""The economy: Maddison Project Database 2020, GDP per capita and GDP.

``gdppc`` is real GDP per capita in 2011 international dollars; ``pop`` is
population in thousands. The report's RUS is Maddison's ``SUN`` (former
USSR) series, which covers the Soviet territory throughout; Maddison's ``RUS``
(the Russian Federation alone) overlaps it from 1950 and is never added to it.
"""

from __future__ import annotations

import pandas as pd

REPORT_CODES = {"USA": "USA", "JPN": "JPN", "SUN": "RUS"}


def for_report(economy: pd.DataFrame) -> pd.DataFrame:
    """Rows of USA, JPN and the former USSR, with ``country`` in the report's codes."""
    frame = economy[economy["countrycode"].isin(REPORT_CODES)].copy()
    frame["country"] = frame["countrycode"].map(REPORT_CODES)
    return frame


def with_gdp(economy: pd.DataFrame) -> pd.DataFrame:
    """Adds ``gdp_million_2011usd``: gdppc (2011 int. $) x pop (thousands) / 1000, in millions of 2011 int. $."""
    frame = economy.copy()
    frame["gdp_million_2011usd"] = frame["gdppc"].astype(float) * frame["pop"].astype(float) / 1000
    return frame


def wide(frame: pd.DataFrame, column: str) -> pd.DataFrame:
    """``column`` by year (rows) and report country (columns)."""
    return frame.pivot(index="year", columns="country", values=column).astype(float)


def relative_to(frame: pd.DataFrame, column: str = "gdppc", base: str = "USA") -> pd.DataFrame:
    """``column`` of each country divided by the ``base`` country's in the same year (unitless)."""
    table = wide(frame, column)
    return table.div(table[base], axis=0)


def ratio(
    frame: pd.DataFrame, year: int, numerator: str, denominator: str, column: str = "gdp_million_2011usd"
) -> float:
    """``numerator``'s ``column`` over ``denominator``'s in ``year`` (unitless); ``frame`` from for_report (and with_gdp for GDP)."""
    table = wide(frame, column)
    top, bottom = table.loc[year, numerator], table.loc[year, denominator]
    if pd.isna(top) or pd.isna(bottom):
        raise ValueError(f"{column} missing for {numerator} or {denominator} in {year}")
    return float(top) / float(bottom)


def annual_growth(frame: pd.DataFrame, country: str, start: int, end: int, column: str = "gdppc") -> float:
    """Compound annual growth rate of ``column`` from ``start`` to ``end`` (a share per year, 0.05 = 5%)."""
    table = wide(frame, column)
    first, last = table.loc[start, country], table.loc[end, country]
    if pd.isna(first) or pd.isna(last):
        raise ValueError(f"{column} missing for {country} in {start} or {end}")
    return (last / first) ** (1 / (end - start)) - 1
