"""Material power: Correlates of War National Material Capabilities, shares and ratios.

Components (COW NMC v6.0 units): ``milex`` military expenditure (thousands of
current pounds to 1913, thousands of current US dollars from 1914; within
a year all three are in the same currency, so shares and ratios are
meaningful, levels across 1913/14 are not), ``milper`` military personnel
(thousands), ``irst`` iron and steel (thousands of tons), ``pec`` primary
energy (thousands of coal-ton equivalents), ``tpop``/``upop`` total and
urban population (thousands).
"""

from __future__ import annotations

import pandas as pd

COMPONENTS = ("milex", "milper", "irst", "pec", "tpop", "upop")
COMPONENT_NAMES = {
    "milex": "military expenditure",
    "milper": "military personnel",
    "irst": "iron and steel production",
    "pec": "primary energy consumption",
    "tpop": "total population",
    "upop": "urban population",
}


def component_shares(capabilities: pd.DataFrame) -> pd.DataFrame:
    """Each country's share (0-1) of the three countries' combined total of each component, by year.

    Rows: year, stateabb, and one column per component; a share is NaN when
    any of the three lacks the component that year (the denominator would lie).
    """
    frame = capabilities.set_index(["year", "stateabb"])[list(COMPONENTS)].astype("Float64")
    by_year = frame.groupby(level="year")
    # Where fewer than three values are present the sum is a partial one; those shares are masked.
    shares = (frame / by_year.transform("sum")).where(by_year.transform("count") == 3)
    return shares.reset_index()


def relative_capability(capabilities: pd.DataFrame) -> pd.DataFrame:
    """The three-country analogue of CINC: mean of the six component shares, by year and country (0-1).

    Years where Japan has no row (1946-1951 in the release) are left out, since
    shares of a pair are not shares of the three.
    """
    shares = component_shares(capabilities)
    counts = shares.groupby("year")["stateabb"].transform("count")
    shares = shares[counts == 3].copy()
    shares["capability_share"] = shares[list(COMPONENTS)].astype(float).mean(axis=1, skipna=True)
    return shares[["year", "stateabb", "capability_share"]].reset_index(drop=True)


def ratio(capabilities: pd.DataFrame, year: int, numerator: str, denominator: str, component: str) -> float:
    """``numerator``'s ``component`` divided by ``denominator``'s in ``year`` (unitless)."""
    frame = capabilities.set_index(["stateabb", "year"])
    top, bottom = frame.loc[(numerator, year), component], frame.loc[(denominator, year), component]
    if pd.isna(top) or pd.isna(bottom):
        raise ValueError(f"{component} missing for {numerator} or {denominator} in {year}")
    return float(top) / float(bottom)


def ratios(capabilities: pd.DataFrame, year: int, numerator: str, denominator: str, components=COMPONENTS) -> pd.Series:
    """Ratios of every component for one year, indexed by component name."""
    return pd.Series(
        {component: ratio(capabilities, year, numerator, denominator, component) for component in components},
        name=f"{numerator}/{denominator} {year}",
    )


def series(capabilities: pd.DataFrame, component: str) -> pd.DataFrame:
    """A component as a wide table: index year, columns USA / JPN / RUS (original units)."""
    return capabilities.pivot(index="year", columns="stateabb", values=component)


def growth_factor(capabilities: pd.DataFrame, country: str, component: str, start: int, end: int) -> float:
    """How many times a component grew from ``start`` to ``end`` (unitless)."""
    wide = series(capabilities, component)
    return float(wide.loc[end, country]) / float(wide.loc[start, country])
