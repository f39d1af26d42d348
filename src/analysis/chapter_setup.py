"""What every chapter imports in its first code cell: ``from analysis.chapter_setup import *``.

It applies the house style and brings the library's modules and the loader
under short, stable names, so chapters start the same way and stay thin.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from analysis.data.load import load
from analysis.measures import economy, power, record, series
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
    "weis_events",
    "copdab_us_ussr",
    "mid_dyad_years",
    "wars",
    "crises",
    "alliances",
    "diplomatic_exchange",
    "dyadic_trade",
    "historiography",
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
    weis_events: pd.DataFrame
    copdab_us_ussr: pd.DataFrame
    mid_dyad_years: pd.DataFrame
    wars: pd.DataFrame
    crises: pd.DataFrame
    alliances: pd.DataFrame
    diplomatic_exchange: pd.DataFrame
    dyadic_trade: pd.DataFrame
    historiography: pd.DataFrame


def record_panel(data: Data, start: int = 1900, end: int = 1991) -> pd.DataFrame:
    """The relationship record of the three pairs, one row per pair and year (see ``analysis.measures.record``)."""
    index = ev.dyad_year_index(ev.with_weights(data.events, data.event_types), start, end)
    parts = [
        index,
        record.war_years(data.wars, data.actors),
        record.mid_years(data.mid_dyad_years, data.actors),
        record.crisis_years(data.crises, data.actors),
        record.alliance_years(data.alliances, data.actors),
        record.diplomatic_years(data.diplomatic_exchange, data.actors),
        record.trade_years(data.dyadic_trade, data.actors),
        record.weis_years(data.weis_events, data.actors),
        record.copdab_years(data.copdab_us_ussr),
    ]
    return record.panel(parts, start, end)


def load_all() -> Data:
    """Load and validate all tables at once."""
    return Data(**{name: load(name) for name in TABLES})


def key_figures_of(data: Data) -> kf.KeyFigures:
    """The key figures bound to their table: ``K = key_figures_of(data)``, then ``K["little_boy_yield"].bounds``."""
    return kf.KeyFigures(data.key_figures)


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
    "key_figures_of",
    "maps",
    "power",
    "record",
    "record_panel",
    "series",
    "text",
    "pd",
]
