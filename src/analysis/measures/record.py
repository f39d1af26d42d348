"""The relationship record: one row per pair and year, from the field's own dyadic data.

Each published dataset keeps its release's coding (Correlates of War state numbers, the release's
variables); this module only maps the three pairs to the report's dyad keys (``USA-JPN``,
``USA-RUS``, ``JPN-RUS``, through ``data/actors.csv``) and summarises each record by pair and year.
Every function is pure and returns a frame with ``dyad`` and ``year`` columns; ``panel`` joins them.

Units: war, crisis and alliance columns are 0/1 flags or counts; MID hostility is the MID ``hostlev``
code (1 no militarized action ... 5 war); diplomatic exchange is COW's ``DE`` (0/1, observed years
only); trade flows are millions of current US dollars; WEIS and the curated index are Goldstein
(1992) units (-10 ... +10) summed or averaged over a year's events; COPDAB is Azar's weighted scale
(-102 ... +92) averaged over the year's months.
"""

from __future__ import annotations

import pandas as pd

from analysis.measures.events import DYADS


def cow_dyads(actors: pd.DataFrame) -> dict[tuple[int, int], str]:
    """(lower COW code, higher COW code) -> dyad key, for the three pairs, from the actors table."""
    cow = actors.dropna(subset=["cow_code"]).set_index("code")["cow_code"].astype(int)
    out = {}
    for dyad in DYADS:
        first, second = dyad.split("-")
        out[tuple(sorted((int(cow[first]), int(cow[second]))))] = dyad
    return out


def _with_dyad(
    frame: pd.DataFrame, actors: pd.DataFrame, first: str = "ccode1", second: str = "ccode2"
) -> pd.DataFrame:
    """Rows of the three pairs, in either order of the codes, with a ``dyad`` column."""
    mapping = cow_dyads(actors)
    keys = [tuple(sorted((int(a), int(b)))) for a, b in zip(frame[first], frame[second])]
    out = frame.assign(dyad=[mapping.get(key) for key in keys])
    return out[out["dyad"].notna()]


def war_years(wars: pd.DataFrame, actors: pd.DataFrame) -> pd.DataFrame:
    """Years in which a pair fought on opposite sides of a COW inter-state war: dyad, year, war (1), war_name."""
    frame = _with_dyad(wars, actors)
    frame = frame[frame["Side1"] != frame["Side2"]]
    grouped = frame.groupby(["dyad", "year"])
    return pd.DataFrame({"war": 1, "war_name": grouped["WarName"].first()}).reset_index()


def mid_years(mids: pd.DataFrame, actors: pd.DataFrame, dataset: str = "cow_mid_5.0") -> pd.DataFrame:
    """Disputes of one MID release by pair and year: dyad, year, disputes (count), hostility (highest hostlev, 1-5).

    Hostility is the higher of the two sides' levels in each dispute, then the highest over the year's disputes.
    """
    frame = _with_dyad(mids[mids["dataset"] == dataset], actors)
    level = frame[["hostlev1", "hostlev2"]].max(axis=1)
    grouped = frame.assign(level=level).groupby(["dyad", "year"])
    return pd.DataFrame({"disputes": grouped["dispnum"].nunique(), "hostility": grouped["level"].max()}).reset_index()


def crisis_years(crises: pd.DataFrame, actors: pd.DataFrame) -> pd.DataFrame:
    """ICB crises between a pair, by year of trigger: dyad, year, crises (count), crisis_names.

    A crisis counts for a pair when both are crisis actors, or when one triggered the other's crisis.
    """
    mapping = cow_dyads(actors)
    rows = []
    for crisno, group in crises.groupby("crisno"):
        actors_in = set(group["cracid"].astype(int))
        pairs = {tuple(sorted(p)) for p in mapping if set(p) <= actors_in}
        for _, row in group.iterrows():
            trigger = row["trigent"]
            if pd.notna(trigger):
                pair = tuple(sorted((int(row["cracid"]), int(trigger))))
                if pair in mapping:
                    pairs.add(pair)
        year = int(group["yrtrig"].min())
        name = str(group["crisname"].iloc[0]).strip().title()
        rows += [{"dyad": mapping[pair], "year": year, "crisno": crisno, "crisis_name": name} for pair in sorted(pairs)]
    frame = pd.DataFrame(rows, columns=["dyad", "year", "crisno", "crisis_name"])
    grouped = frame.groupby(["dyad", "year"])
    return pd.DataFrame(
        {"crises": grouped["crisno"].nunique(), "crisis_names": grouped["crisis_name"].agg("; ".join)}
    ).reset_index()


ALLIANCE_COLUMNS = ("defense", "offense", "neutral", "nonagg", "consul")


def alliance_years(alliances: pd.DataFrame, actors: pd.DataFrame, dataset: str = "atop_5.1") -> pd.DataFrame:
    """ATOP obligations of a pair by year (either direction): dyad, year, defense, offense, neutral, nonagg, consul (0/1)."""
    frame = _with_dyad(alliances[alliances["dataset"] == dataset], actors)
    grouped = frame.groupby(["dyad", "year"])[list(ALLIANCE_COLUMNS)].max()
    return grouped.astype(int).reset_index()


def diplomatic_years(exchange: pd.DataFrame, actors: pd.DataFrame) -> pd.DataFrame:
    """COW diplomatic exchange in the release's observed years: dyad, year, DE (0/1), represented (sides with any)."""
    frame = _with_dyad(exchange, actors)
    frame = frame.assign(represented=(frame["DR_at_1"] > 0).astype(int) + (frame["DR_at_2"] > 0).astype(int))
    grouped = frame.groupby(["dyad", "year"])
    return pd.DataFrame({"DE": grouped["DE"].max(), "represented": grouped["represented"].max()}).reset_index()


def trade_years(trade: pd.DataFrame, actors: pd.DataFrame) -> pd.DataFrame:
    """Trade of a pair both ways, millions of current US dollars.

    Columns: dyad, year, imports_first (imports of the dyad's first country from the second),
    imports_second, total. The release's ``flow1`` is ccode1's imports from ccode2.
    """
    frame = _with_dyad(trade, actors)
    cow = actors.dropna(subset=["cow_code"]).set_index("code")["cow_code"].astype(int)
    first_code = frame["dyad"].str.split("-").str[0].map(cow)
    first_is_1 = frame["ccode1"].astype(int) == first_code
    out = pd.DataFrame(
        {
            "dyad": frame["dyad"],
            "year": frame["year"],
            "imports_first": frame["flow1"].where(first_is_1, frame["flow2"]),
            "imports_second": frame["flow2"].where(first_is_1, frame["flow1"]),
        }
    )
    out["total"] = out["imports_first"] + out["imports_second"]
    return out.reset_index(drop=True)


def weis_years(weis: pd.DataFrame, actors: pd.DataFrame) -> pd.DataFrame:
    """WEIS events of a pair by year, both directions: dyad, year, weis_events, weis_sum, weis_mean (Goldstein units)."""
    frame = _with_dyad(weis, actors, "srccc", "targcc")
    grouped = frame.groupby(["dyad", "year"])["gscale"]
    return pd.DataFrame(
        {"weis_events": grouped.size(), "weis_sum": grouped.sum(), "weis_mean": grouped.mean()}
    ).reset_index()


def copdab_years(copdab: pd.DataFrame) -> pd.DataFrame:
    """The Lebo-Moore COPDAB series by year: dyad ('USA-RUS'), year, copdab_us, copdab_ussr, copdab_mean.

    Yearly means of the monthly values (Azar's weighted scale); copdab_mean averages both directions.
    """
    years = copdab["date"].dt.year
    grouped = copdab.assign(year=years).groupby("year")
    out = pd.DataFrame({"copdab_us": grouped["us2ussr"].mean(), "copdab_ussr": grouped["ussr2us"].mean()})
    out["copdab_mean"] = (out["copdab_us"] + out["copdab_ussr"]) / 2
    return out.reset_index().assign(dyad="USA-RUS")


def panel(parts: list[pd.DataFrame], start: int, end: int) -> pd.DataFrame:
    """Join per-pair yearly frames on a full grid of the three dyads and ``start``..``end`` (inclusive).

    Flags and counts absent from a record in a year are 0 (wars, disputes, crises, alliance obligations);
    measured values stay missing (hostility, DE, trade, WEIS, COPDAB, index means).
    """
    grid = pd.MultiIndex.from_product([DYADS, range(start, end + 1)], names=["dyad", "year"]).to_frame(index=False)
    out = grid
    for part in parts:
        out = out.merge(part, on=["dyad", "year"], how="left")
    zero = ["war", "disputes", "crises", *ALLIANCE_COLUMNS, "weis_events"]
    for column in zero:
        if column in out:
            out[column] = out[column].fillna(0).astype(int)
    if "weis_events" in out:
        # WEIS covers 1966-1992 only: outside it, no count is a missing record, not zero events.
        out.loc[(out["year"] < 1966) | (out["year"] > 1992), "weis_events"] = pd.NA
    return out


def agreement(table: pd.DataFrame, first: str, second: str) -> dict[str, float | int]:
    """Rank (Spearman) and linear (Pearson) correlation of two columns over the rows where both are present.

    Returns {'spearman', 'pearson', 'years'}; unitless coefficients in [-1, 1].
    """
    both = table[[first, second]].dropna().astype(float)
    ranks = both.rank()
    return {
        "spearman": float(ranks[first].corr(ranks[second])),
        "pearson": float(both[first].corr(both[second])),
        "years": int(len(both)),
    }


def sharpest_disagreements(table: pd.DataFrame, first: str, second: str, n: int = 3) -> pd.DataFrame:
    """The ``n`` years where the two columns' percentile ranks differ most: year, both values, rank_gap (0-1)."""
    both = table[["year", first, second]].dropna()
    ranks = both[[first, second]].astype(float).rank(pct=True)
    both = both.assign(rank_gap=(ranks[first] - ranks[second]).abs())
    return both.sort_values(["rank_gap", "year"], ascending=[False, True]).head(n).reset_index(drop=True)


def dispute_counts(mids: pd.DataFrame, actors: pd.DataFrame, dataset: str = "cow_mid_5.0") -> dict[str, int]:
    """Distinct militarized disputes of each pair over the whole extract, in one MID release (count)."""
    frame = _with_dyad(mids[mids["dataset"] == dataset], actors)
    counts = frame.groupby("dyad")["dispnum"].nunique()
    return {dyad: int(counts.get(dyad, 0)) for dyad in DYADS}


def disagreement_years(
    table: pd.DataFrame, weighted: pd.DataFrame, dyad: str, first: str, second: str, n: int = 3
) -> pd.DataFrame:
    """The ``n`` years in which two yearly measures of one pair disagree most, with the curated events behind them.

    ``table``: one pair's rows of the panel; ``weighted``: events with weights (``events.with_weights``).
    Columns: year, the two measures, rank_gap (0-1), events (the year's curated events of the pair as
    'title (weight)', most conflictual first; Goldstein units).
    """
    worst = sharpest_disagreements(table, first, second, n)
    pair = weighted[weighted["dyad"] == dyad].sort_values(["goldstein_weight", "date"])
    listed = {
        year: "; ".join(f"{title} ({weight:+g})" for title, weight in zip(group["title"], group["goldstein_weight"]))
        for year, group in pair.groupby("year")
    }
    return worst.assign(events=[listed.get(int(year), "none curated") for year in worst["year"]])
