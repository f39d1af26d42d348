"""The chart memo: a chart whose inputs are unchanged is taken from .cache/charts, drawn exactly as before."""

import matplotlib
import pandas as pd
import pytest
from matplotlib.figure import Figure

from analysis.present import chart_memo, charts, figures

RATIOS = pd.Series({"Army": 2.5, "Navy": 1.25}, name="ratio")


@pytest.fixture
def in_build(tmp_path, monkeypatch):
    """As in a chapter's kernel during the build: a project root of its own and the inputs' fingerprint set."""
    monkeypatch.setenv("USRJ_ROOT", str(tmp_path))
    monkeypatch.setenv(chart_memo.INPUTS_ENV, "fingerprint-one")
    return tmp_path / ".cache" / "charts"


@pytest.fixture
def counted():
    """A chart function that counts how often it really draws."""
    calls = []

    @chart_memo.memoised
    def bars(values: pd.Series, title: str = ""):
        calls.append(title)
        fig, ax = figures.figure(height=2)
        ax.bar(list(values.index), list(values.values))
        ax.set_title(title)
        return fig

    return bars, calls


def test_outside_the_build_a_chart_is_a_plain_figure(monkeypatch):
    monkeypatch.delenv(chart_memo.INPUTS_ENV, raising=False)
    fig = charts.ratio_bars(RATIOS, "ratio")
    assert isinstance(fig, Figure)
    matplotlib.pyplot.close(fig)


def test_a_stored_drawing_is_byte_identical_to_a_fresh_one(in_build, monkeypatch):
    first = chart_memo.drawing(charts.ratio_bars(RATIOS, "ratio"), figures.rendered)
    assert len(list(in_build.glob("*.svg"))) == 1
    again = charts.ratio_bars(RATIOS, "ratio")
    assert isinstance(again, chart_memo.LazyFigure) and again.memo_image is not None
    assert chart_memo.drawing(again, figures.rendered) == first
    monkeypatch.delenv(chart_memo.INPUTS_ENV)
    assert figures.rendered(charts.ratio_bars(RATIOS, "ratio")) == first


def test_unchanged_inputs_are_not_drawn_again(in_build, counted):
    bars, calls = counted
    first = chart_memo.drawing(bars(RATIOS, title="a"), figures.rendered)
    second = chart_memo.drawing(bars(RATIOS, title="a"), figures.rendered)
    assert calls == ["a"] and second == first


@pytest.mark.parametrize(
    "change",
    ["argument", "keyword", "fingerprint", "settings"],
)
def test_any_changed_input_draws_again(in_build, counted, monkeypatch, change):
    bars, calls = counted
    chart_memo.drawing(bars(RATIOS, title="a"), figures.rendered)
    values, title = RATIOS, "a"
    if change == "argument":
        values = RATIOS * 2
    elif change == "keyword":
        title = "b"
    elif change == "fingerprint":
        monkeypatch.setenv(chart_memo.INPUTS_ENV, "fingerprint-two")
    else:
        monkeypatch.setitem(matplotlib.rcParams, "lines.linewidth", 3.0)
    chart_memo.drawing(bars(values, title=title), figures.rendered)
    assert len(calls) == 2
    assert len(list(in_build.glob("*.svg"))) == 2


def test_a_figure_changed_after_the_call_is_neither_taken_nor_stored(in_build, counted):
    bars, calls = counted
    plain = chart_memo.drawing(bars(RATIOS, title="a"), figures.rendered)
    changed = bars(RATIOS, title="a")  # a hit: nothing drawn yet
    changed.axes[0].set_title("changed by the chapter")  # drawn now, from the call's arguments
    image = chart_memo.drawing(changed, figures.rendered)
    assert "changed by the chapter" in image and image != plain
    assert calls == ["a", "a"]
    assert len(list(in_build.glob("*.svg"))) == 1
    assert chart_memo.drawing(bars(RATIOS, title="a"), figures.rendered) == plain


def test_a_figure_drawn_late_uses_the_arguments_of_the_call(in_build, counted):
    bars, _ = counted
    chart_memo.drawing(bars(RATIOS, title="a"), figures.rendered)
    table = RATIOS.copy()
    hit = bars(table, title="a")
    table["Army"] = 99.0  # the chapter changes its table after the call
    assert max(patch.get_height() for patch in hit.axes[0].patches) == 2.5


def test_arguments_that_cannot_be_pickled_leave_the_chart_undrawn_by_the_memo(in_build):
    @chart_memo.memoised
    def with_formatter(values: pd.Series, formatter):
        fig, ax = figures.figure(height=2)
        ax.plot(list(values.values))
        ax.yaxis.set_major_formatter(formatter)
        return fig

    fig = with_formatter(RATIOS, lambda value, _: f"{value:.0f}")
    assert isinstance(fig, Figure)
    chart_memo.drawing(fig, figures.rendered)
    assert not in_build.exists()


def test_a_large_chart_is_stored_and_taken_back_as_png(in_build, monkeypatch, counted):
    bars, calls = counted
    monkeypatch.setattr(figures, "SVG_MAX_BYTES", 10)
    first = chart_memo.drawing(bars(RATIOS), figures.rendered)
    assert isinstance(first, bytes) and first.startswith(b"\x89PNG")
    assert chart_memo.drawing(bars(RATIOS), figures.rendered) == first
    assert calls == [""] and len(list(in_build.glob("*.png"))) == 1


def test_every_chart_function_is_memoised():
    import inspect

    public = {
        name: function
        for name, function in vars(charts).items()
        if inspect.isfunction(function) and function.__module__ == charts.__name__ and not name.startswith("_")
    }
    figure_makers = {name for name, function in public.items() if name != "chronicle_layout"}
    assert figure_makers and all(hasattr(public[name], "__wrapped__") for name in figure_makers), sorted(
        name for name in figure_makers if not hasattr(public[name], "__wrapped__")
    )


def test_a_damaged_drawing_is_drawn_again(in_build, counted):
    bars, calls = counted
    first = chart_memo.drawing(bars(RATIOS), figures.rendered)
    (stored,) = in_build.glob("*.svg")
    stored.write_bytes(stored.read_bytes().replace(b"<svg", b"<svX", 1))
    assert chart_memo.drawing(bars(RATIOS), figures.rendered) == first
    assert len(calls) == 2
