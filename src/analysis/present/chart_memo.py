"""Charts kept drawn between builds, so that re-running a chapter after an edit redraws only what changed.

Drawing a chart and writing it out as SVG is most of a chapter's running time. The build tells the chapters'
kernels the fingerprint of everything a chart can depend on besides its arguments (data/, this package and the
lock file) in the environment variable ``USRJ_INPUTS``. A chart function decorated with ``memoised`` then
returns a ``LazyFigure`` keyed on that fingerprint, the function, its pickled arguments and matplotlib's
settings, and ``show_figure`` takes the finished drawing from ``.cache/charts/`` when one is stored under the key.

A figure that a chapter changes after the call (a legend title, say) no longer matches its key: any use of the
figure's own attributes draws it from the arguments as they were at the call, and that drawing is not stored.
Outside the build (JupyterLab, tests) no fingerprint is set, and the functions return plain figures.
"""

from __future__ import annotations

import functools
import hashlib
import os
import pickle
from collections.abc import Callable

from analysis import memo, paths

INPUTS_ENV = "USRJ_INPUTS"
# About four builds' worth of charts; the least recently used go first.
CHART_MEMOS = 400


def memo_dir():
    """Where finished drawings are kept: ``.cache/charts/<key>.svg`` or ``.png``."""
    return paths.cache_dir() / "charts"


class LazyFigure:
    """A chart returned by a ``memoised`` function in the build: its stored drawing, or its figure once drawn.

    Attribute access is passed on to the figure (drawn then, if it was not), so chapter code may treat it as one.
    """

    __slots__ = ("memo_key", "memo_image", "_figure", "_redraw")

    def __init__(self, key: str, image: str | bytes | None, figure, redraw: Callable):
        self.memo_key = key
        self.memo_image = image
        self._figure = figure
        self._redraw = redraw

    def drawn_figure(self):
        """The matplotlib figure, drawn now if only the stored drawing was known."""
        if self._figure is None:
            self._figure = self._redraw()
        return self._figure

    def __getattr__(self, name: str):
        # Used as a figure, it may be changed: the stored drawing no longer stands for it, nor it for the key.
        self.memo_key, self.memo_image = None, None
        return getattr(self.drawn_figure(), name)


def _settings_digest() -> bytes:
    import matplotlib

    return repr(sorted((name, repr(value)) for name, value in matplotlib.rcParams.items())).encode()


def key_of(draw: Callable, args: tuple, kwargs: dict, inputs: str) -> tuple[str, bytes] | None:
    """The memo key of ``draw(*args, **kwargs)`` under the inputs fingerprint, with the pickled arguments; None if
    the arguments cannot be pickled (a lambda, say), which leaves the chart to be drawn every time."""
    try:
        pickled = pickle.dumps((args, kwargs), protocol=5)
    except (pickle.PicklingError, TypeError, AttributeError):
        return None
    digest = hashlib.sha256(inputs.encode())
    digest.update(f"\0{draw.__module__}.{draw.__qualname__}\0".encode())
    digest.update(pickled)
    digest.update(_settings_digest())
    return digest.hexdigest(), pickled


def stored_drawing(key: str) -> str | bytes | None:
    """The drawing kept under ``key``: SVG text or PNG bytes; None if there is none."""
    svg = memo.read(memo_dir() / f"{key}.svg")
    if svg is not None:
        return svg.decode("utf-8")
    return memo.read(memo_dir() / f"{key}.png")


def memoised(draw: Callable) -> Callable:
    """Decorate a chart function (one that returns a matplotlib figure) so the build can reuse its drawing."""

    @functools.wraps(draw)
    def chart(*args, **kwargs):
        inputs = os.environ.get(INPUTS_ENV)
        keyed = key_of(draw, args, kwargs, inputs) if inputs else None
        if keyed is None:
            return draw(*args, **kwargs)
        key, pickled = keyed

        def redraw():
            # The arguments as they were at the call, even if the chapter has changed its tables since.
            old_args, old_kwargs = pickle.loads(pickled)
            return draw(*old_args, **old_kwargs)

        image = stored_drawing(key)
        if image is not None:
            return LazyFigure(key, image, None, redraw)
        return LazyFigure(key, None, draw(*args, **kwargs), redraw)

    return chart


def drawing(fig, render: Callable) -> str | bytes:
    """The finished drawing of ``fig`` (a figure or a ``LazyFigure``): the stored one if its key has one, else
    ``render(figure)``, which is then stored under the key."""
    if not isinstance(fig, LazyFigure):
        return render(fig)
    if fig.memo_image is not None:
        return fig.memo_image
    key = fig.memo_key
    image = render(fig.drawn_figure())
    if key is not None:
        payload, suffix = (image.encode("utf-8"), ".svg") if isinstance(image, str) else (image, ".png")
        memo.write(memo_dir() / f"{key}{suffix}", payload, keep=CHART_MEMOS)
    return image
