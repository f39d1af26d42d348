"""Events and the cooperation-conflict index of the three dyads.

An event is directed (``source_actor`` acts on ``target_actor``) and typed;
its weight is the Goldstein (1992) score of its type (unitless, -10 most
conflictual ... +10 most cooperative), taken from ``event_types`` so each
weight is defined once. The index of a dyad in a year is the sum (and the
mean) of the weights of the events between its two members, in either
direction or one.
"""

from __future__ import annotations

import pandas as pd

THREE = ("USA", "JPN", "RUS")
# Canonical order of the pairs: the first code names the dyad.
DYADS = ("USA-JPN", "USA-RUS", "JPN-RUS")


# The wars and armed interventions among the three powers, as (first event id, last event id) of
# data/events.csv, for shading with ``periods_from_events``: the span ends at the last event's end_date.
WAR_SPANS = {
    "Russo-Japanese War": ("1904-port-arthur-attack", "1905-portsmouth-treaty"),
    "Siberian intervention": ("1918-japan-lands-marines-vladivostok", "1922-japan-evacuates-vladivostok"),
    "Nomonhan": ("1939-nomonhan", "1939-nomonhan"),
    "Pacific War": ("1941-pearl-harbor", "1945-instrument-of-surrender"),
}


def dyad_of(actor_a: str, actor_b: str) -> str | None:
    """The dyad key of two actors ('USA-JPN', 'USA-RUS', 'JPN-RUS'), or None for other pairs."""
    for dyad in DYADS:
        first, second = dyad.split("-")
        if {actor_a, actor_b} == {first, second}:
            return dyad
    return None


def with_weights(events: pd.DataFrame, event_types: pd.DataFrame) -> pd.DataFrame:
    """Events with ``goldstein_weight``, ``year`` and ``dyad`` (None outside the three pairs) added."""
    weights = event_types.set_index("event_type")["goldstein_weight"].astype(float)
    unknown = set(events["event_type"]) - set(weights.index)
    if unknown:
        raise ValueError(f"events use types missing from event_types: {sorted(unknown)}")
    out = events.copy()
    out["goldstein_weight"] = out["event_type"].map(weights).astype(float)
    out["year"] = out["date"].dt.year
    out["dyad"] = [dyad_of(a, b) for a, b in zip(out["source_actor"], out["target_actor"])]
    return out


def dyad_year_index(weighted: pd.DataFrame, start: int, end: int, direction: str = "both") -> pd.DataFrame:
    """Yearly index of each dyad, ``start``..``end`` inclusive, every year present.

    ``direction``: 'both' (either actor acts), or 'forward' (the dyad's first
    code acts on the second: e.g. USA on JPN) or 'backward'.
    Columns: dyad, year, events (count), weight_sum and weight_mean (Goldstein units;
    the mean is NaN in a year without events).
    """
    frame = weighted[weighted["dyad"].notna()].copy()
    if direction != "both":
        first = frame["dyad"].str.split("-").str[0]
        keep = frame["source_actor"] == first if direction == "forward" else frame["source_actor"] != first
        frame = frame[keep]
    grid = pd.MultiIndex.from_product([DYADS, range(start, end + 1)], names=["dyad", "year"])
    grouped = frame.groupby(["dyad", "year"])["goldstein_weight"]
    table = pd.DataFrame({"events": grouped.size(), "weight_sum": grouped.sum(), "weight_mean": grouped.mean()})
    table = table.reindex(grid)
    table["events"] = table["events"].fillna(0).astype(int)
    table["weight_sum"] = table["weight_sum"].fillna(0.0)
    return table.reset_index()


def directed_index(weighted: pd.DataFrame, dyad: str, start: int, end: int, window: int = 5) -> pd.DataFrame:
    """One dyad's yearly index split by who acts, smoothed: index year ``start``..``end``, one column per
    acting country (e.g. 'USA' = the US acting on Japan, 'JPN' = Japan acting on the US), values the
    centred ``window``-year rolling mean of the weight sum (Goldstein units per year)."""
    first, second = dyad.split("-")
    columns = {}
    for direction, actor in (("forward", first), ("backward", second)):
        table = dyad_year_index(weighted, start, end, direction=direction)
        part = smoothed(table[table["dyad"] == dyad], "weight_sum", window)
        columns[actor] = part.set_index("year")["weight_sum_smooth"]
    return pd.DataFrame(columns)


def smoothed(index: pd.DataFrame, column: str = "weight_sum", window: int = 5) -> pd.DataFrame:
    """Centred rolling mean of ``column`` per dyad over ``window`` years (ends use the years available)."""
    out = index.sort_values(["dyad", "year"]).copy()
    out[f"{column}_smooth"] = out.groupby("dyad")[column].transform(
        lambda s: s.rolling(window, center=True, min_periods=1).mean()
    )
    return out


def period_summary(index: pd.DataFrame, periods: dict[str, tuple[int, int]]) -> pd.DataFrame:
    """Events and mean yearly weight sum per dyad in named periods (inclusive years)."""
    rows = []
    for name, (first, last) in periods.items():
        part = index[(index["year"] >= first) & (index["year"] <= last)]
        for dyad, group in part.groupby("dyad"):
            rows.append(
                {
                    "period": name,
                    "dyad": dyad,
                    "events": int(group["events"].sum()),
                    "weight_sum_per_year": group["weight_sum"].mean(),
                }
            )
    return pd.DataFrame(rows)


def coverage(weighted: pd.DataFrame) -> pd.DataFrame:
    """Number of events per dyad and decade (1900 = the 1900s); shows where the curation is thin."""
    frame = weighted[weighted["dyad"].notna()].copy()
    frame["decade"] = frame["year"] // 10 * 10
    return frame.pivot_table(index="decade", columns="dyad", values="id", aggfunc="count", fill_value=0).reindex(
        columns=list(DYADS), fill_value=0
    )


def between(events: pd.DataFrame, start: str, end: str, actors: tuple[str, ...] | None = None) -> pd.DataFrame:
    """Events dated ``start``..``end`` (ISO, inclusive), optionally only those where both actors are in ``actors``; sorted by date."""
    frame = events[(events["date"] >= pd.Timestamp(start)) & (events["date"] <= pd.Timestamp(end))]
    if actors:
        frame = frame[frame["source_actor"].isin(actors) & frame["target_actor"].isin(actors)]
    return frame.sort_values(["date", "id"]).reset_index(drop=True)


def sources(events: pd.DataFrame) -> list[str]:
    """Bibliography keys cited by the given event rows (``sources`` column, ';'-separated), each once, in row order."""
    keys: list[str] = []
    for cell in events["sources"].dropna():
        for key in str(cell).split(";"):
            if key.strip() and key.strip() not in keys:
                keys.append(key.strip())
    return keys


def extremes(weighted: pd.DataFrame, dyad: str, start: int, end: int, n: int = 3) -> pd.DataFrame:
    """The ``n`` most conflictual and ``n`` most cooperative events of a dyad in ``start``..``end``."""
    part = weighted[(weighted["dyad"] == dyad) & weighted["year"].between(start, end)].sort_values(
        ["goldstein_weight", "date"]
    )
    return pd.concat([part.head(n), part.tail(n)])


def decimal_year(timestamp) -> float:
    """A date as a fractional year (1945-08-09 -> 1945.6), for shading on yearly axes."""
    stamp = pd.Timestamp(timestamp)
    start = pd.Timestamp(year=stamp.year, month=1, day=1)
    return stamp.year + (stamp - start).days / 365.25


def periods_from_events(events: pd.DataFrame, spans: dict[str, tuple[str, str]]) -> list[tuple[float, float, str]]:
    """Shading periods from event rows: ``{label: (start event id, end event id)}``; the span runs
    from the start event's date to the end event's end_date (or date)."""
    by_id = events.set_index("id")
    periods = []
    for label, (first, last) in spans.items():
        start = by_id.loc[first, "date"]
        end = by_id.loc[last, "end_date"] if not pd.isna(by_id.loc[last, "end_date"]) else by_id.loc[last, "date"]
        periods.append((decimal_year(start), decimal_year(end), label))
    return periods


def tone_by_year(weighted: pd.DataFrame, start: int, end: int) -> pd.DataFrame:
    """Cooperative and conflictual events counted apart, per dyad and year ``start``..``end``.

    Columns: dyad, year, cooperative (events with weight > 0), conflictual (weight < 0), events (all),
    net_share = (cooperative - conflictual) / events, in -1 ... +1 (NaN in a year without events): the
    balance of the year normalised by its volume, so a year dense with events weighs no more than a thin one.
    """
    frame = weighted[weighted["dyad"].notna()]
    grid = pd.MultiIndex.from_product([DYADS, range(start, end + 1)], names=["dyad", "year"])
    grouped = frame.groupby(["dyad", "year"])["goldstein_weight"]
    table = pd.DataFrame(
        {
            "cooperative": grouped.apply(lambda w: int((w > 0).sum())),
            "conflictual": grouped.apply(lambda w: int((w < 0).sum())),
            "events": grouped.size(),
        }
    ).reindex(grid, fill_value=0)
    table = table.astype(int)
    table["net_share"] = (table["cooperative"] - table["conflictual"]) / table["events"].where(table["events"] > 0)
    return table.reset_index()


def turning_point_shift(weighted: pd.DataFrame, dyad: str, year: int, window: int = 5) -> float:
    """Change in a dyad's mean yearly index across a turning point (Goldstein units per year):
    mean over ``year``..``year+window-1`` minus mean over ``year-window``..``year-1``, years without events at 0."""
    part = dyad_year_index(weighted, year - window, year + window - 1)
    part = part[part["dyad"] == dyad].set_index("year")["weight_sum"]
    return float(part.loc[year:].mean() - part.loc[: year - 1].mean())


def turning_point_sensitivity(weighted: pd.DataFrame, dyad: str, year: int, window: int = 5) -> dict:
    """Leave-one-out check of a turning point: the shift with every event, and its range when each event of
    the two windows is dropped in turn. Returns shift, low, high (Goldstein units per year), events (in the
    windows), robust (True when no single event's removal changes the sign of the shift)."""
    shift = turning_point_shift(weighted, dyad, year, window)
    inside = weighted[(weighted["dyad"] == dyad) & weighted["year"].between(year - window, year + window - 1)]
    shifts = [turning_point_shift(weighted.drop(index=label), dyad, year, window) for label in inside.index]
    low, high = (min(shifts), max(shifts)) if shifts else (shift, shift)
    robust = bool(shifts) and all((value > 0) == (shift > 0) and value != 0 for value in shifts)
    return {"shift": shift, "low": low, "high": high, "events": len(inside), "robust": robust}


def co_movement(index: pd.DataFrame, first: str, second: str, start: int, end: int, column: str = "weight_sum") -> dict:
    """Rank correlation of two dyads' yearly values ``start``..``end`` (unitless, -1 ... 1), and the number of years."""
    wide = index[index["year"].between(start, end)].pivot(index="year", columns="dyad", values=column)
    both = wide[[first, second]].dropna().astype(float)
    ranks = both.rank()
    return {"spearman": float(ranks[first].corr(ranks[second])), "years": int(len(both))}
