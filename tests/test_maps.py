import numpy as np
import pytest
from matplotlib.path import Path

from analysis.present import maps


def test_projection_centre_and_round_trip():
    projection = maps.MapProjection(lon_0=149.0, lat_0=47.5, width_m=1.7e6, height_m=1.3e6)
    x, y = projection(149.0, 47.5)
    assert (x, y) == pytest.approx((0.0, 0.0), abs=1e-6)
    lon, lat = projection(*projection(145.8, 43.6), inverse=True)
    assert (lon, lat) == pytest.approx((145.8, 43.6))
    (west, east), (south, north) = projection.extent()
    assert west < 140 and east > 158 and south < 42 and north > 53


def test_read_shapes_finds_hokkaido_and_skips_far_away_land():
    shapes = maps.read_shapes("gshhs", "i", (139.0, 146.0), (41.0, 46.0))
    sapporo = (141.35, 43.06)
    assert any(shape.level == 1 and Path(shape.points).contains_point(sapporo) for shape in shapes)
    # nothing from the Americas or Africa reaches this box
    assert all(shape.points[:, 0].max() >= 139.0 for shape in shapes)


def test_area_threshold_drops_small_islands():
    box = ((145.0, 147.5), (42.8, 44.2))  # the Habomai islets and Shikotan
    everything = maps.read_shapes("gshhs", "i", *box, min_area_km2=0)
    large_only = maps.read_shapes("gshhs", "i", *box, min_area_km2=200)
    assert len(large_only) < len(everything)
    assert all(shape.area_km2 >= 200 or shape.area_km2 < 0 for shape in large_only)


def test_region_map_frame_and_parallel():
    fig, ax, projection = maps.region_map(lon_0=137.0, lat_0=30.0, width_km=2900, height_km=2100, resolution="l")
    assert ax.get_xlim() == pytest.approx((-1.45e6, 1.45e6))
    lines_before = len(ax.lines)
    projection.drawparallels([29], color="#0072B2")
    assert len(ax.lines) == lines_before + 1
    xs, ys = ax.lines[-1].get_data()
    lons, lats = projection(np.asarray(xs), np.asarray(ys), inverse=True)
    assert np.allclose(lats, 29)
