import numpy as np
import pandas as pd
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


# --- boundaries, shaded land, legends and scale bars (small synthetic inputs) -------------------------------------


def _square(lon: float, lat: float, half: float) -> np.ndarray:
    return np.array(
        [[lon - half, lat - half], [lon + half, lat - half], [lon + half, lat + half], [lon - half, lat + half]]
    )


def _island(lon: float, lat: float, half: float, area_km2: float = 100.0) -> maps.Shape:
    return maps.Shape(level=1, area_km2=area_km2, points=_square(lon, lat, half))


def test_great_circle_distance_of_one_degree_of_latitude():
    one_degree_km = np.pi * maps.SPHERE_RADIUS_M / 1000 / 180
    assert float(maps.great_circle_km(140.0, 40.0, 140.0, 41.0)) == pytest.approx(one_degree_km)
    assert float(maps.great_circle_km(140.0, 40.0, 140.0, 40.0)) == 0.0


def test_land_at_picks_containing_polygons_and_small_ones_nearby():
    big, islet, far = (
        _island(140.0, 40.0, 1.0, 20000.0),
        _island(141.3, 40.0, 0.05, 5.0),
        _island(150.0, 40.0, 0.05, 5.0),
    )
    lake = maps.Shape(level=2, area_km2=10.0, points=_square(140.0, 40.0, 0.1))
    shapes = [big, islet, far, lake]
    assert maps.land_at(shapes, [(140.0, 40.0)]) == [big]
    assert maps.land_at(shapes, [(140.0, 40.0)], radius_km=120, max_area_km2=100) == [big, islet]
    assert maps.land_at(shapes, [(145.0, 40.0)]) == []


def test_clip_to_latitude_keeps_the_southern_part():
    clipped = maps.clip_to_latitude(_square(142.0, 49.0, 2.0), north=50.0)
    assert clipped[:, 1].max() == pytest.approx(50.0)
    assert clipped[:, 1].min() == pytest.approx(47.0)
    assert set(np.round(clipped[:, 0], 6)) == {140.0, 144.0}
    assert len(maps.clip_to_latitude(_square(142.0, 49.0, 0.5), north=45.0)) == 0
    band = maps.clip_to_latitude(_square(142.0, 49.0, 2.0), north=50.0, south=48.0)
    assert (band[:, 1].min(), band[:, 1].max()) == pytest.approx((48.0, 50.0))


def test_parallel_across_land_pairs_crossings_west_to_east():
    assert maps.parallel_across_land(_square(142.0, 49.0, 2.0), 50.0) == [pytest.approx((140.0, 144.0))]
    assert maps.parallel_across_land(_square(142.0, 49.0, 2.0), 52.0) == []
    # a U-shaped island: the parallel crosses land twice
    u_shape = np.array([[0, 0], [3, 0], [3, 3], [2, 3], [2, 1], [1, 1], [1, 3], [0, 3]], dtype=float)
    assert maps.parallel_across_land(u_shape, 2.0) == [pytest.approx((0.0, 1.0)), pytest.approx((2.0, 3.0))]


def test_along_parallel_and_polyline_follow_their_vertices():
    (line,) = maps.along_parallel(50.0, [(142.0, 144.0)], step_deg=0.5)
    assert np.allclose(line[:, 1], 50.0) and (line[0, 0], line[-1, 0]) == (142.0, 144.0) and len(line) == 5
    places = pd.DataFrame({"id": ["a", "b", "c"], "longitude": [140.0, 150.0, 150.0], "latitude": [40.0, 40.0, 45.0]})
    route = maps.polyline(places, ["a", "b", "c"], points_per_leg=10)
    assert len(route) == 1 + 2 * (10 + 1)
    assert tuple(route[0]) == (140.0, 40.0) and tuple(route[11]) == (150.0, 40.0) and tuple(route[-1]) == (150.0, 45.0)
    assert route[5, 1] > 40.0  # a great circle between two points on a northern parallel bows poleward


def test_median_line_runs_midway_through_a_strait_and_stops_where_coasts_are_far():
    projection = maps.MapProjection(lon_0=150.0, lat_0=45.0, width_m=1e6, height_m=1e6)
    west, east = _island(149.6, 45.0, 0.3), _island(150.4, 45.0, 0.3)  # a channel about 16 km wide at 150°E
    lines = maps.median_line(projection, [west], [east], max_distance_km=30, step_km=1.0)
    assert lines
    points = np.vstack(lines)
    assert np.allclose(points[:, 0], 150.0, atol=0.02)
    assert points[:, 1].min() > 44.4 and points[:, 1].max() < 45.6  # only where both coasts are within reach
    assert maps.median_line(projection, [west], [east], max_distance_km=5) == []  # the channel is wider than 2 x 5 km


def test_scale_bar_length_is_true_at_the_centre():
    projection = maps.MapProjection(lon_0=149.0, lat_0=47.5, width_m=1.7e6, height_m=1.3e6)
    length = maps.scale_bar_length_m(projection, 200)
    assert length == pytest.approx(200_000, rel=0.01)
    assert maps.scale_bar_length_m(projection, 400) == pytest.approx(2 * length, rel=1e-3)


def test_drawing_helpers_return_legend_handles_and_draw():
    fig, ax, projection = maps.region_map(lon_0=149.0, lat_0=47.5, width_km=1700, height_km=1300, resolution="c")
    collections, lines = len(ax.collections), len(ax.lines)
    shaded = maps.shade_land(ax, projection, [_island(142.0, 49.0, 2.0)], "#D55E00", "Karafuto", north=50.0)
    drawn = maps.draw_lines(
        ax, projection, maps.along_parallel(50.0, [(142.0, 144.0)]), "#222222", "1905", linestyle="--"
    )
    places = pd.DataFrame({"id": ["x"], "name": ["X"], "longitude": [145.0], "latitude": [44.0]})
    hollow = maps.mark_places(ax, projection, places, "#D55E00", filled=False, label="lost")
    maps.scale_bar(ax, projection, 200)
    legend = maps.map_legend(ax, [shaded, drawn, hollow])
    assert [text.get_text() for text in legend.get_texts()] == ["Karafuto", "1905", "lost"]
    assert len(ax.collections) == collections + 2  # the shaded polygon and the place dot
    assert len(ax.lines) > lines + 1  # the parallel plus the scale bar and its ticks
    assert hollow.get_markerfacecolor() == "white"


def test_land_at_places_uses_the_rows_coordinates():
    shapes = [_island(140.0, 40.0, 1.0), _island(150.0, 40.0, 1.0)]
    places = pd.DataFrame({"id": ["a", "b"], "longitude": [150.2, 170.0], "latitude": [40.1, 10.0]})
    assert maps.land_at_places(shapes, places, ["a"]) == [shapes[1]]
    assert maps.land_at_places(shapes, places, ["b"]) == []
    with pytest.raises(KeyError, match="nowhere"):
        maps.land_at_places(shapes, places, ["nowhere"])


def test_name_areas_writes_each_name_at_its_projected_position():
    import matplotlib.pyplot as plt

    from analysis.present import maps

    fig, ax = plt.subplots()
    maps.name_areas(ax, lambda lon, lat: (lon * 2, lat * 3), [("Sea of Okhotsk", 148.0, 49.0), ("KOREA", 128.0, 36.0)])
    written = {text.get_text(): text.get_position() for text in ax.texts}
    plt.close(fig)
    assert written == {"Sea of Okhotsk": (296.0, 147.0), "KOREA": (256.0, 108.0)}
