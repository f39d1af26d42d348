"""What every chapter imports in its first code cell: ``from analysis.chapter_setup import *``.

It applies the house style and brings the library's modules and the loader
under short, stable names, so chapters start the same way and stay thin.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from analysis.data.load import load
from analysis.measures import economy, power, series
from analysis.measures import events as ev
from analysis.measures import key_figures as kf
from analysis.present import bibliography, charts, figures, maps, text
from analysis.present.figures import show_figure, show_table, use_house_style
from analysis.present.text import publish

use_house_style()

TABLES = (
    "events",
    "event_types",
    "actors",
    "key_figures",
    "places",
    "capabilities",
    "economy",
    "trade",
    "alignment",
    "us_forces_japan",
    "nuclear_stockpiles",
    "seed_claims",
)


@dataclass(frozen=True)
class Data:
    """Every table of data/, typed and validated (attribute per table)."""

    events: pd.DataFrame
    event_types: pd.DataFrame
    actors: pd.DataFrame
    key_figures: pd.DataFrame
    places: pd.DataFrame
    capabilities: pd.DataFrame
    economy: pd.DataFrame
    trade: pd.DataFrame
    alignment: pd.DataFrame
    us_forces_japan: pd.DataFrame
    nuclear_stockpiles: pd.DataFrame
    seed_claims: pd.DataFrame


def load_all() -> Data:
    """Load and validate all tables at once."""
    return Data(**{name: load(name) for name in TABLES})


__all__ = [
    "Data",
    "load_all",
    "load",
    "publish",
    "show_figure",
    "show_table",
    "use_house_style",
    "bibliography",
    "charts",
    "economy",
    "ev",
    "figures",
    "kf",
    "maps",
    "power",
    "series",
    "text",
    "pd",
]
