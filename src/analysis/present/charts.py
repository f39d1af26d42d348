"""The report's chart types, drawn in the house style. Each returns a matplotlib figure
(in the build, a ``chart_memo.LazyFigure`` that stands for one).

Chapters pass tables from the library and hand the figure to
``figures.show_figure`` with its caption, alt text and sources.
"""

from __future__ import annotations

import textwrap

import matplotlib.dates as mdates
import pandas as pd

from analysis.present.chart_memo import memoised
from analysis.present.figures import COUNTRY_COLOURS, DYAD_COLOURS, DYAD_NAMES, country_names, figure, shade_periods


def _colour(key: str, index: int) -> str:
    palette = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9"]
    return COUNTRY_COLOURS.get(key) or DYAD_COLOURS.get(key) or palette[index % len(palette)]


def _plain_log(axis) -> None:
    """Log-scale ticks as plain numbers ('1,000', '0.1'): chart text is never mathtext in this report."""
    from matplotlib.ticker import FuncFormatter

    axis.set_major_formatter(FuncFormatter(lambda value, _: f"{value:,.0f}" if value >= 1 else f"{value:g}"))
    axis.set_minor_formatter(FuncFormatter(lambda value, _: ""))


def _tooltip(fig, artist, text: str) -> None:
    """Give a marker a native hover tooltip in the SVG (an SVG <title>, no script): date and title of the event."""
    tips = fig.__dict__.setdefault("tooltips", {})
    gid = f"tip-{len(tips) + 1}"
    artist.set_gid(gid)
    tips[gid] = text


def _when(row, day_format: str = "%d %B %Y") -> str:
    """An event's date as its precision allows: '1945', 'August 1945' or '9 August 1945'."""
    stamp = pd.Timestamp(row["date"])
    precision = row.get("date_precision", "day")
    if precision == "year":
        return stamp.strftime("%Y")
    if precision == "month":
        return stamp.strftime("%b %Y" if "%b" in day_format else "%B %Y")
    return stamp.strftime(day_format).lstrip("0")


def _event_tip(row) -> str:
    """A marker's tooltip: the event's full date and its title."""
    return f"{_when(row)}: {row['title']}"


def _year_bars(ax, years, heights, colour: str, alpha: float, width: float = 0.9) -> None:
    """Vertical bars from zero, one per year, drawn as a single collection: what ``ax.bar`` draws, without an
    artist per bar (a ninety-year series is ninety artists to lay out, draw and write into the SVG)."""
    from matplotlib.collections import PolyCollection

    half = width / 2
    verts = [
        [(year - half, 0), (year - half, height), (year + half, height), (year + half, 0)]
        for year, height in zip(years, heights)
        if pd.notna(height)
    ]
    bars = PolyCollection(verts, facecolors=colour, alpha=alpha, linewidths=0)
    bars.sticky_edges.y.append(0)  # as with ax.bar: the axis does not pad below a zero baseline
    ax.add_collection(bars)
    ax.autoscale_view()


def _label(key: str) -> str:
    return country_names().get(key) or DYAD_NAMES.get(key) or key


@memoised
def lines(
    wide: pd.DataFrame,
    ylabel: str,
    periods=(),
    height: float = 3.4,
    labels: dict | None = None,
    zero_line: bool = False,
    percent: bool = False,
    log: bool = False,
    markers: bool = False,
    styles: dict | None = None,
):
    """One line per column of ``wide`` (index: year), coloured by country or dyad.
    ``styles``: optional matplotlib keywords per column (e.g. ``{"est": {"color": "#0072B2", "linestyle": "--"}}``)."""
    fig, ax = figure(height=height)
    shade_periods(ax, periods)
    for index, column in enumerate(wide.columns):
        style = {"color": _colour(column, index), "marker": "o" if markers else None, "markersize": 2.5}
        style.update((styles or {}).get(column, {}))
        ax.plot(wide.index, wide[column], label=(labels or {}).get(column, _label(column)), **style)
    if zero_line:
        ax.axhline(0, color="#333333", lw=0.8)
    if percent:
        ax.yaxis.set_major_formatter(lambda value, _: f"{value:.0%}")
    if log:
        ax.set_yscale("log")
        _plain_log(ax.yaxis)
    ax.set_ylabel(ylabel)
    ax.legend(loc="best")
    ax.margins(x=0.01)
    return fig


@memoised
def dyad_index(
    smoothed: pd.DataFrame,
    raw_column: str,
    smooth_column: str,
    periods=(),
    ylabel: str = "Goldstein score, sum per year",
    turning_points: dict[str, list[int]] | None = None,
):
    """The three dyads' index on one common scale: yearly bars faint, smoothed lines strong, war years shaded;
    one panel per dyad; ``turning_points`` (years per dyad) drawn as dotted lines and labelled."""
    from analysis.measures.events import DYADS

    dyads = [dyad for dyad in DYADS if dyad in set(smoothed["dyad"])]
    fig, axes = figure(nrows=len(dyads), height=1.9 * len(dyads) + 0.4, sharex=True, sharey=True)
    for ax, dyad in zip(axes, dyads):
        for year in (turning_points or {}).get(dyad, []):
            ax.axvline(year, color="#333333", lw=0.8, ls=":")
            ax.annotate(str(year), (year, 1), xycoords=("data", "axes fraction"), fontsize=7, ha="center", va="bottom")
        part = smoothed[smoothed["dyad"] == dyad]
        shade_periods(ax, periods)
        _year_bars(ax, part["year"], part[raw_column], DYAD_COLOURS[dyad], alpha=0.35)
        ax.plot(part["year"], part[smooth_column], color=DYAD_COLOURS[dyad], lw=1.8)
        ax.axhline(0, color="#333333", lw=0.7)
        ax.set_title(DYAD_NAMES[dyad], fontsize=9)
        ax.set_ylabel("score")
    axes[-1].set_xlabel("")
    fig.supylabel(ylabel, fontsize=8)
    return fig


@memoised
def stacked_shares(
    shares: pd.DataFrame, ylabel: str = "share of the three powers' capabilities", legend_below: bool = False
):
    """Stacked areas of each country's share (columns sum to 1 by year); ``legend_below`` puts the key under the axes."""
    fig, ax = figure(height=3.2)
    years = shares.index
    ax.stackplot(
        years,
        [shares[c] for c in shares.columns],
        colors=[_colour(c, i) for i, c in enumerate(shares.columns)],
        labels=[_label(c) for c in shares.columns],
        alpha=0.85,
    )
    ax.set_ylim(0, 1)
    ax.yaxis.set_major_formatter(lambda value, _: f"{value:.0%}")
    ax.set_ylabel(ylabel)
    if legend_below:
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.1), ncols=3, frameon=False)
    else:
        ax.legend(loc="upper left", ncols=3)
    ax.margins(x=0)
    return fig


@memoised
def timeline(
    events: pd.DataFrame,
    colour_column: str = "source_actor",
    width: float = 7.2,
    label_width: int = 62,
    date_format: str = "%d %b %Y",
):
    """Events as a dated list: one row each, a dot coloured by actor, date and title beside it."""
    frame = events.sort_values("date").reset_index(drop=True)
    fig, ax = figure(height=0.28 * len(frame) + 0.7, width=width)
    ax.grid(False)
    ax.set_axis_off()
    count = len(frame)
    for position, row in frame.iterrows():
        y = count - position
        colour = _colour(row[colour_column], 0)
        _tooltip(fig, ax.scatter([0], [y], color=colour, s=28, zorder=3), _event_tip(row))
        ax.text(0.15, y, _when(row, date_format), va="center", fontsize=7.5, color="#333333")
        ax.text(1.45, y, textwrap.shorten(str(row["title"]), label_width, placeholder="…"), va="center", fontsize=7.5)
    ax.plot([0, 0], [0.5, count + 0.5], color="#bbbbbb", lw=1, zorder=1)
    ax.set_xlim(-0.2, 7)
    ax.set_ylim(0.3, count + 0.7)
    actors = list(dict.fromkeys(frame[colour_column]))
    handles = [ax.scatter([], [], color=_colour(a, 0), s=28, label=_label(a)) for a in actors]
    ax.legend(handles=handles, loc="upper right", fontsize=7, title="acting", title_fontsize=7)
    return fig


@memoised
def event_strip(events: pd.DataFrame, start: str, end: str, lanes: list[str], lane_column: str = "source_actor"):
    """Events on a true time axis, one lane per actor, labelled; for a dense period (days to months)."""
    frame = events.sort_values("date").reset_index(drop=True)
    fig, ax = figure(height=0.5 + 0.9 * len(lanes) + 0.16 * len(frame))
    ax.grid(axis="x")
    ax.grid(axis="y", visible=False)
    offsets: dict[str, int] = {}
    for _, row in frame.iterrows():
        lane = lanes.index(row[lane_column]) if row[lane_column] in lanes else len(lanes) - 1
        step = offsets.get(row[lane_column], 0)
        offsets[row[lane_column]] = step + 1
        y = lane + 0.12 + 0.16 * (step % 5)
        _tooltip(
            fig, ax.scatter(row["date"], lane, color=_colour(row[lane_column], lane), s=24, zorder=3), _event_tip(row)
        )
        ax.annotate(
            textwrap.shorten(str(row["title"]), 46, placeholder="…"),
            (row["date"], lane),
            xytext=(row["date"], y),
            fontsize=6.5,
            ha="left",
            va="bottom",
            arrowprops={"arrowstyle": "-", "color": "#aaaaaa", "lw": 0.5},
        )
    ax.set_yticks(range(len(lanes)), [_label(lane) for lane in lanes])
    ax.set_ylim(-0.5, len(lanes) + 0.3)
    ax.set_xlim(pd.Timestamp(start), pd.Timestamp(end))
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%d %b"))
    return fig


def _draw_ranges(
    ax, frame: pd.DataFrame, colours: list[str] | None, xlabel: str, log: bool, from_zero: bool = True
) -> None:
    """Draw ``ranges`` rows (label, value, low, high) on one axes."""
    ax.grid(axis="x")
    ax.grid(axis="y", visible=False)
    for position, row in frame.iterrows():
        y = len(frame) - 1 - position
        colour = (colours or ["#555555"] * len(frame))[position]
        if row["high"] > row["low"]:
            ax.plot([row["low"], row["high"]], [y, y], color=colour, lw=6, alpha=0.45, solid_capstyle="butt")
        marker = row["value"] if row["value"] is not None and not pd.isna(row["value"]) else None
        if marker is not None:
            ax.scatter([marker], [y], color=colour, s=30, zorder=3)
        elif row["high"] == row["low"]:
            ax.scatter([row["low"]], [y], color=colour, s=30, zorder=3)
    ax.set_yticks(range(len(frame)), list(frame["label"])[::-1])
    ax.set_ylim(-0.6, len(frame) - 0.4)
    ax.set_xlabel(xlabel)
    if log:
        ax.set_xscale("log")
        _plain_log(ax.xaxis)
    elif from_zero:
        ax.set_xlim(left=0)
        ax.locator_params(axis="x", nbins=6)
    ax.xaxis.set_major_formatter(lambda value, _: f"{value:,.0f}")


@memoised
def range_panels(
    panels: list[tuple[pd.DataFrame, str]],
    colours: list[list[str]] | None = None,
    log: list[bool] | None = None,
    width: float = 7.2,
):
    """Several ``ranges`` charts stacked, one per (table, xlabel) pair, each on its own scale and unit
    (e.g. bomb yields in kilotons above death tolls in persons); ``colours``/``log`` are per panel."""
    heights = [0.42 * len(table) + 0.55 for table, _ in panels]
    fig, axes = figure(
        nrows=len(panels), height=sum(heights) + 0.3, width=width, gridspec_kw={"height_ratios": heights}
    )
    axes = list(axes) if len(panels) > 1 else [axes]
    for index, (ax, (table, xlabel)) in enumerate(zip(axes, panels)):
        _draw_ranges(
            ax,
            table.reset_index(drop=True),
            (colours or [None] * len(panels))[index],
            xlabel,
            (log or [False] * len(panels))[index],
        )
    fig.tight_layout()
    return fig


@memoised
def line_panels(
    panels: dict[str, pd.DataFrame],
    ylabels: dict[str, str],
    log: tuple[str, ...] = (),
    periods=(),
    ncols: int = 1,
    height_each: float = 1.9,
    markers: bool = True,
):
    """Small multiples: one panel per entry of ``panels`` (title -> wide table, index year, one column per
    country), one line per country in its colour, shared x axis; titles in ``log`` on a log scale."""
    nrows = -(-len(panels) // ncols)
    fig, axes = figure(nrows=nrows, ncols=ncols, height=height_each * nrows + 0.5, sharex=True, squeeze=False)
    flat = [ax for row in axes for ax in row]
    for ax, (title, wide) in zip(flat, panels.items()):
        shade_periods(ax, periods)
        for index, column in enumerate(wide.columns):
            ax.plot(
                wide.index,
                wide[column],
                color=_colour(column, index),
                label=_label(column),
                marker="o" if markers else None,
                markersize=2.5,
            )
        if title in log:
            ax.set_yscale("log")
            _plain_log(ax.yaxis)
        else:
            ax.yaxis.set_major_formatter(lambda value, _: f"{value:,.0f}")
        ax.set_title(title, fontsize=9)
        ax.set_ylabel(ylabels.get(title, ""), fontsize=8)
    for ax in flat[len(panels) :]:
        ax.set_axis_off()
    flat[0].legend(loc="upper left", ncols=3, fontsize=7)
    return fig


@memoised
def ranges(
    table: pd.DataFrame, xlabel: str, colours: list[str] | None = None, log: bool = False, from_zero: bool = False
):
    """Horizontal bars from ``low`` to ``high`` with a dot at ``value`` where given; one row per label.
    ``from_zero`` starts the axis at 0 (for durations and counts compared by length)."""
    frame = table.reset_index(drop=True)
    fig, ax = figure(height=0.45 * len(frame) + 0.9)
    _draw_ranges(ax, frame, colours, xlabel, log, from_zero)
    return fig


@memoised
def ratio_bars(values: pd.Series, xlabel: str, reference: float = 1.0, colour: str = "#0072B2"):
    """Horizontal bars of ratios with a reference line (parity at 1)."""
    fig, ax = figure(height=0.42 * len(values) + 0.8)
    ax.grid(axis="x")
    ax.grid(axis="y", visible=False)
    labels = list(values.index)[::-1]
    numbers = list(values.values)[::-1]
    ax.barh(labels, numbers, color=colour, alpha=0.85)
    for y, number in enumerate(numbers):
        ax.text(number, y, f"  {number:.1f}×", va="center", fontsize=7.5)
    ax.axvline(reference, color="#333333", lw=0.8)
    ax.set_xlabel(xlabel)
    ax.set_xlim(0, max(max(numbers), reference) * 1.18)  # the reference line stays in view
    return fig


@memoised
def paired_bars(
    table: pd.DataFrame, left: str, right: str, left_label: str, right_label: str, xlabel: str, log: bool = True
):
    """Two sides compared per category (rows of ``table``), e.g. an order of battle; log scale by default."""
    fig, ax = figure(height=0.55 * len(table) + 0.9)
    ax.grid(axis="x")
    ax.grid(axis="y", visible=False)
    positions = range(len(table))[::-1]
    ax.barh([p + 0.2 for p in positions], table[left], height=0.38, color=COUNTRY_COLOURS["RUS"], label=left_label)
    ax.barh([p - 0.2 for p in positions], table[right], height=0.38, color=COUNTRY_COLOURS["JPN"], label=right_label)
    for p, (a, b) in zip(positions, zip(table[left], table[right])):
        ax.text(a, p + 0.2, f" {a:,.0f}", va="center", fontsize=7)
        ax.text(b, p - 0.2, f" {b:,.0f}", va="center", fontsize=7)
    ax.set_yticks(list(positions), list(table.index))
    if log:
        ax.set_xscale("log")
        _plain_log(ax.xaxis)
    ax.set_xlabel(xlabel)
    ax.legend(loc="lower right")
    return fig


def chronicle_layout(
    events: pd.DataFrame,
    lanes: list[str],
    start: str,
    end: str,
    lane_column: str = "source_actor",
    empty_day: float = 0.3,
    day_gap: float = 0.35,
) -> tuple[pd.DataFrame, list[tuple[float, pd.Timestamp]]]:
    """Positions for ``chronicle``: each event of ``lanes`` dated ``start``..``end`` gets a column (its lane's
    index) and a row y (in label units, growing downwards). A day with events takes as many units as its busiest
    lane has events, plus ``day_gap``; a day without events takes ``empty_day``, so time still reads as time.
    Returns the events with ``column`` and ``y`` added, and (y, day) for each day that has events."""
    frame = events[events[lane_column].isin(lanes)]
    frame = frame[(frame["date"] >= pd.Timestamp(start)) & (frame["date"] <= pd.Timestamp(end))].sort_values(
        ["date", "id"]
    )
    placed, ticks, y = [], [], 0.0
    for day in pd.date_range(start, end, freq="D"):
        today = frame[frame["date"] == day]
        if today.empty:
            y += empty_day
            continue
        ticks.append((y, day))
        for lane, group in today.groupby(lane_column, sort=False):
            for slot, (_, row) in enumerate(group.iterrows()):
                placed.append({**row.to_dict(), "column": lanes.index(lane), "y": y + slot})
        y += float(today.groupby(lane_column).size().max()) + day_gap
    return pd.DataFrame(placed), ticks


@memoised
def chronicle(
    events: pd.DataFrame,
    lanes: list[str],
    start: str,
    end: str,
    lane_column: str = "source_actor",
    wrap: int = 36,
    unit_height: float = 0.27,
    width: float = 7.2,
):
    """A day-by-day chronicle of a dense period: one column per actor (``lanes``), days running down the page,
    each event a dot in its actor's colour with its title (wrapped to two lines). Quiet days are compressed."""
    placed, ticks = chronicle_layout(events, lanes, start, end, lane_column)
    total = max(placed["y"].max() + 1.2, 1.0) if not placed.empty else 1.0
    fig, ax = figure(height=unit_height * total + 0.7, width=width)
    ax.grid(False)
    for spine in ax.spines.values():
        spine.set_visible(False)
    ax.set_xlim(-0.02, len(lanes))
    ax.set_ylim(total, -0.9)
    for y, _ in ticks:
        ax.axhline(y - 0.35, color="#e6e6e6", lw=0.6, zorder=0)
    for column, lane in enumerate(lanes):
        ax.text(
            column + 0.02,
            -0.55,
            _label(lane),
            fontsize=8.5,
            fontweight="bold",
            color=_colour(lane, column),
            va="center",
        )
    for _, row in placed.iterrows():
        colour = _colour(lanes[row["column"]], row["column"])
        _tooltip(fig, ax.scatter([row["column"] + 0.04], [row["y"]], color=colour, s=18, zorder=3), _event_tip(row))
        label = "\n".join(textwrap.wrap(str(row["title"]), wrap)[:2])
        if len(textwrap.wrap(str(row["title"]), wrap)) > 2:
            label = label.rstrip() + "…"
        ax.text(row["column"] + 0.09, row["y"], label, fontsize=6.6, va="center", linespacing=1.05)
    ax.set_yticks([y for y, _ in ticks], [f"{day.day} {day.strftime('%b')}" for _, day in ticks], fontsize=7.5)
    ax.tick_params(axis="y", length=0)
    ax.set_xticks([])
    return fig


# Rows of the relationship record strip, top to bottom: (panel column, label).
RECORD_ROWS = (
    ("war", "War (COW)"),
    ("hostility", "Disputes (MID)"),
    ("crises", "Crises (ICB)"),
    ("alliance", "Alliance (ATOP)"),
    ("DE", "Diplomats (COW)"),
)
_ALLIANCE_SHADE = {"defense": 1.0, "offense": 1.0, "neutral": 0.6, "nonagg": 0.6, "consul": 0.3}


@memoised
def relationship_record(panel: pd.DataFrame, dyad: str, index_column: str = "weight_sum"):
    """One pair's record, 1900-1991: a strip of war, disputes (shade by MID hostility 1-5), crises,
    alliance (shade by the strongest ATOP obligation), diplomatic exchange (COW's observed years);
    beneath, total trade (millions of current US dollars, log scale) and the curated index (Goldstein sum)."""
    part = panel[panel["dyad"] == dyad].sort_values("year")
    colour = DYAD_COLOURS[dyad]
    fig, axes = figure(nrows=3, height=4.6, sharex=True, gridspec_kw={"height_ratios": [2.2, 1.1, 1.3]})
    strip, trade, index = axes
    years = part["year"].to_numpy()
    for row, (column, _label_text) in enumerate(RECORD_ROWS):
        y = len(RECORD_ROWS) - 1 - row
        if column == "alliance":
            shade = part[list(_ALLIANCE_SHADE)].mul(pd.Series(_ALLIANCE_SHADE)).max(axis=1).to_numpy()
        elif column == "hostility":
            shade = (part["hostility"].fillna(0).astype(float) / 5).to_numpy()
        elif column == "DE":
            observed = part["DE"].notna().to_numpy()
            exchanged = part["DE"][observed].to_numpy() == 1
            for marker, chosen in (("o", exchanged), ("x", ~exchanged)):
                if chosen.any():
                    strip.scatter(
                        years[observed][chosen], [y] * int(chosen.sum()), marker=marker, color="#333333", s=14, lw=1
                    )
            continue
        else:
            shade = (part[column].fillna(0).astype(float) > 0).astype(float).to_numpy()
        # One collection per shade, not one per year: the same marks at a fraction of the drawing time.
        for alpha in sorted(set(shade[shade > 0])):
            spans = [(year - 0.5, 1) for year in years[shade == alpha]]
            strip.broken_barh(spans, (y - 0.38, 0.76), color=colour, alpha=float(alpha), lw=0)
    strip.set_yticks(range(len(RECORD_ROWS)), [label for _, label in reversed(RECORD_ROWS)])
    strip.set_ylim(-0.6, len(RECORD_ROWS) - 0.4)
    strip.grid(False)
    strip.set_title(DYAD_NAMES[dyad], fontsize=9)
    trade.plot(part["year"], part["total"].where(part["total"] > 0), color=colour, lw=1.4)  # log scale: zero is a gap
    trade.set_yscale("log")
    _plain_log(trade.yaxis)
    trade.set_ylabel("trade, $m", fontsize=8)
    _year_bars(index, part["year"], part[index_column], colour, alpha=0.7)
    index.axhline(0, color="#333333", lw=0.7)
    index.set_ylabel("index", fontsize=8)
    index.set_xlim(1899, 1992)
    return fig


@memoised
def agreement_panels(panel: pd.DataFrame, pairs: list[tuple[str, str, str, tuple[int, int]]]):
    """Standardised yearly series side by side, one panel per (dyad, column, other column, years):
    z-scores (unitless) of the curated index and of an independent record over the years both cover."""
    fig, axes = figure(nrows=len(pairs), height=1.7 * len(pairs) + 0.4, sharex=False)
    axes = axes if len(pairs) > 1 else [axes]
    for ax, (dyad, first, second, (start, end)) in zip(axes, pairs):
        part = panel[(panel["dyad"] == dyad) & panel["year"].between(start, end)].dropna(subset=[first, second])
        for column, style in (
            (first, {"color": DYAD_COLOURS[dyad], "lw": 1.8}),
            (second, {"color": "#555555", "lw": 1.2, "ls": "--"}),
        ):
            values = part[column].astype(float)
            ax.plot(part["year"], (values - values.mean()) / values.std(), label=column, **style)
        ax.axhline(0, color="#333333", lw=0.6)
        ax.set_title(f"{DYAD_NAMES[dyad]}, {start}–{end}", fontsize=9)
        ax.set_ylabel("z-score", fontsize=8)
    return fig
