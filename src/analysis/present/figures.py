"""The house style and the one way to show a figure or a table.

Every chart goes through ``show_figure``: it renders the figure to PNG
(deterministic bytes), wraps it in an HTML ``<figure>`` with an id, alt text,
a caption and a source line built from bibliography keys, and displays it.
The report build numbers the figures in reading order and lists them in the
table of contents. Text from data is HTML-escaped here.
"""

from __future__ import annotations

import base64
import functools
import html
import io
from collections.abc import Iterable, Sequence

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402

from analysis import paths  # noqa: E402
from analysis.present import chart_memo  # noqa: E402
from analysis.present.text import ITEM_METADATA  # noqa: E402

STYLE_FILE = paths.package_dir() / "present" / "style" / "report.mplstyle"

# One colour per country, everywhere (Okabe-Ito palette, colour-blind safe). The palette is house style, like
# report.mplstyle, so it lives in code; its keys are codes of data/actors.csv (a test keeps them so), and the
# names come from that file (``country_name``).
COUNTRY_COLOURS = {
    "USA": "#0072B2",
    "JPN": "#D55E00",
    "RUS": "#009E73",
    "CHN": "#E69F00",
    "GBR": "#56B4E9",
    "DEU": "#555555",
    "ALL": "#999999",
}  # ALL: the Allied Powers acting together, neutral grey
# The three dyads: the mix of their two countries' hues would be muddy, so each has its own.
DYAD_COLOURS = {"USA-JPN": "#CC79A7", "USA-RUS": "#0072B2", "JPN-RUS": "#E69F00"}
DYAD_NAMES = {"USA-JPN": "US–Japan", "USA-RUS": "US–USSR", "JPN-RUS": "USSR–Japan"}
WAR_SHADE = "#bbbbbb"


@functools.cache
def country_names() -> dict[str, str]:
    """Actor code -> the name charts and tables use (``short_name`` of data/actors.csv; actors without one are left
    out, and shown by their code)."""
    from analysis.data.load import load

    actors = load("actors").dropna(subset=["short_name"])
    return dict(zip(actors["code"], actors["short_name"]))


def country_name(code: str) -> str:
    """The name of an actor in charts and tables: ``country_name("RUS") == 'Russia / USSR'``; an unknown code as is."""
    return country_names().get(code, code)


def use_house_style() -> None:
    """Apply the report's matplotlib style (idempotent)."""
    plt.style.use(str(STYLE_FILE))


def figure(nrows: int = 1, ncols: int = 1, height: float = 3.6, width: float = 7.2, **kwargs):
    """A new figure in the house style: ``fig, ax = figure()``."""
    use_house_style()
    return plt.subplots(nrows, ncols, figsize=(width, height), **kwargs)


# Inline SVG keeps charts crisp at any size and their text as text; a map with thousands of coastline
# vertices would make the page heavy, so past this size a figure is embedded as PNG instead.
SVG_MAX_BYTES = 400_000


def svg_text(fig) -> str:
    """The figure as an SVG element (text as text, no date, stable ids), without the XML prolog; closes the figure."""
    import matplotlib

    buffer = io.StringIO()
    with matplotlib.rc_context({"svg.fonttype": "none", "svg.hashsalt": "usrj-report"}):
        fig.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None})
    text = buffer.getvalue()
    text = text[text.index("<svg") :]
    for gid, tip in getattr(fig, "tooltips", {}).items():
        # Event markers carry their date and title as an SVG <title>: a native tooltip, no script.
        text = text.replace(f'<g id="{gid}">', f'<g id="{gid}"><title>{html.escape(tip)}</title>', 1)
    start, end = text.find(" <metadata>"), text.find("</metadata>")
    return text[:start] + text[end + len("</metadata>") + 1 :] if start != -1 and end != -1 else text


def png_bytes(fig) -> bytes:
    """The figure as PNG bytes, without a software or date tag, so builds are byte-identical."""
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", metadata={"Software": None})
    plt.close(fig)
    return buffer.getvalue()


def source_line(sources: Sequence[str], note: str = "") -> str:
    """'Source: ...' text from bibliography keys (short citations) and a note."""
    from analysis.present.bibliography import short_citation

    cited = "; ".join(short_citation(key) for key in dict.fromkeys(sources))
    parts = [part for part in (cited, note) if part]
    return "Source: " + ". ".join(parts) + ("" if parts and parts[-1].endswith(".") else ".")


def source_line_html(sources: Sequence[str], note: str = "") -> str:
    """The source line as escaped HTML, each short citation a link to its entry in the references."""
    from analysis.present.bibliography import short_citation

    keys = list(dict.fromkeys(sources))
    cited = "; ".join(
        f'<a class="citation" href="#ref-{html.escape(key)}">{html.escape(short_citation(key))}</a>' for key in keys
    )
    parts = [part for part in (cited, html.escape(note)) if part]
    last = note or "; ".join(short_citation(key) for key in keys)  # as in source_line: no stop after a stop
    return "Source: " + ". ".join(parts) + ("" if parts and last.endswith(".") else ".")


def data_link(frame: pd.DataFrame, name: str) -> str:
    """A link that downloads ``frame`` as ``<name>.csv`` from the page itself (a data: URL: no request, no script)."""
    csv_text = frame.to_csv(index=False, lineterminator="\n")
    encoded = base64.b64encode(csv_text.encode("utf-8")).decode("ascii")
    return (
        f'<a class="figure-data" download="{html.escape(name)}.csv" '
        f'href="data:text/csv;charset=utf-8;base64,{encoded}">Data behind this figure (CSV)</a>'
    )


def figure_html(
    image: bytes | str,
    name: str,
    caption: str,
    alt: str,
    sources: Sequence[str],
    note: str = "",
    data: pd.DataFrame | None = None,
) -> str:
    """The HTML of one report figure: ``image`` is PNG bytes or an SVG element. ``name`` becomes the anchor
    ``fig-<name>``; ``data``, if given, is offered as CSV."""
    if not (caption.strip() and alt.strip() and sources):
        raise ValueError(f"figure {name!r}: caption, alt text and at least one source are required")
    if isinstance(image, str):
        drawing = image.replace("<svg ", f'<svg role="img" aria-label="{html.escape(alt)}" ', 1)
    else:
        drawing = (
            f'<img src="data:image/png;base64,{base64.b64encode(image).decode("ascii")}" alt="{html.escape(alt)}">'
        )
    download = data_link(data, name) if data is not None else ""
    return (
        f'<figure class="report-figure" id="fig-{html.escape(name)}">'
        f'<a class="figure-zoom" href="#fig-{html.escape(name)}">View full size</a>'
        f'<a class="figure-close" href="#main">Close</a>{drawing}'
        f'<figcaption><span class="figure-label">Figure</span> {html.escape(caption)}'
        f'<span class="figure-source">{source_line_html(sources, note)}</span>{download}</figcaption></figure>'
    )


def rendered(fig) -> str | bytes:
    """The figure as it goes into the page: inline SVG, or PNG bytes past ``SVG_MAX_BYTES``; closes the figure."""
    image = svg_text(fig)
    if len(image.encode("utf-8")) > SVG_MAX_BYTES:
        image = png_bytes(fig)
    plt.close(fig)
    return image


def show_figure(
    fig, name: str, caption: str, alt: str, sources: Sequence[str], note: str = "", data: pd.DataFrame | None = None
) -> None:
    """Display a figure with its caption, alt text, source line and, given ``data``, a CSV of it (the one way to do it)."""
    from IPython.display import HTML, display

    image = chart_memo.drawing(fig, rendered)
    display(
        HTML(figure_html(image, name, caption, alt, sources, note, data)), metadata=item_metadata("fig", name, caption)
    )


def table_html(
    frame: pd.DataFrame, name: str, caption: str, sources: Sequence[str], note: str = "", index: bool = False
) -> str:
    """An escaped HTML table with a caption and source line (cells from data are text, never markup).

    A table about the project itself (its own data dictionary) may have no bibliography
    source, but then it needs a ``note`` saying where it comes from.
    """
    if not caption.strip() or not (sources or note.strip()):
        raise ValueError(f"table {name!r}: a caption and a source (bibliography keys or a note) are required")
    body = frame.to_html(index=index, escape=True, border=0, classes="report-table", na_rep="–")
    return (
        f'<figure class="report-table-wrap" id="tab-{html.escape(name)}">'
        f'<figcaption><span class="table-label">Table</span> {html.escape(caption)}</figcaption>'
        f'<div class="table-scroll">{body}</div>'
        f'<p class="figure-source">{source_line_html(sources, note)}</p></figure>'
    )


def show_table(
    frame: pd.DataFrame, name: str, caption: str, sources: Sequence[str], note: str = "", index: bool = False
) -> None:
    """Display a table with its number, caption and source line; every cell is escaped."""
    from IPython.display import HTML, display

    display(HTML(table_html(frame, name, caption, sources, note, index)), metadata=item_metadata("tab", name, caption))


def item_metadata(kind: str, name: str, caption: str) -> dict:
    """The output metadata of a figure (``kind`` 'fig') or table ('tab'): anchor, caption, and its label element."""
    word, css_class = ("Figure", "figure-label") if kind == "fig" else ("Table", "table-label")
    return {
        ITEM_METADATA: {
            "kind": kind,
            "anchor": f"{kind}-{html.escape(name)}",
            "caption": caption,
            "word": word,
            "label": f'<span class="{css_class}">{word}</span>',
        }
    }


def shade_periods(ax, periods: Iterable[tuple[float, float, str]], label_y: float | None = None) -> None:
    """Grey bands for wars or other periods: (start year, end year, label)."""
    for start, end, label in periods:
        ax.axvspan(start, end, color=WAR_SHADE, alpha=0.35, lw=0, zorder=0)
        if label and label_y is not None:
            ax.text((start + end) / 2, label_y, label, ha="center", va="top", fontsize=7, color="#444444")
