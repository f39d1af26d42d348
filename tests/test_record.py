"""The relationship record on small hand-built tables: pair mapping, summaries by year, the panel, agreement."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.measures import record

ACTORS = pd.DataFrame({"code": ["USA", "JPN", "RUS", "CHN"], "cow_code": [2, 740, 365, 710]})


def test_pairs_map_from_the_actors_table_in_either_order():
    assert record.cow_dyads(ACTORS) == {(2, 740): "USA-JPN", (2, 365): "USA-RUS", (365, 740): "JPN-RUS"}


def test_war_years_keep_only_opposite_sides():
    wars = pd.DataFrame(
        {
            "WarName": ["A", "A", "B"],
            "year": [1904, 1905, 1942],
            "ccode1": [365, 740, 2],
            "ccode2": [740, 365, 365],
            "Side1": [1, 2, 1],
            "Side2": [2, 1, 1],
        }
    )
    out = record.war_years(wars, ACTORS)
    assert out.to_dict("records") == [
        {"dyad": "JPN-RUS", "year": 1904, "war": 1, "war_name": "A"},
        {"dyad": "JPN-RUS", "year": 1905, "war": 1, "war_name": "A"},
    ]


def test_mid_years_count_disputes_and_take_the_highest_hostility_of_one_release():
    mids = pd.DataFrame(
        {
            "dataset": ["cow_mid_5.0", "cow_mid_5.0", "gml_mid_2.2.1", "cow_mid_5.0"],
            "dispnum": [1, 2, 1, 3],
            "year": [1960, 1960, 1960, 1961],
            "ccode1": [365, 365, 365, 2],
            "ccode2": [740, 740, 740, 710],
            "hostlev1": [2, 4, 5, 3],
            "hostlev2": [3, 1, 5, 3],
        }
    )
    out = record.mid_years(mids, ACTORS)
    assert out.to_dict("records") == [{"dyad": "JPN-RUS", "year": 1960, "disputes": 2, "hostility": 4}]


def test_crises_count_for_both_actors_or_a_trigger_between_the_pair():
    crises = pd.DataFrame(
        {
            "crisno": [1, 1, 2, 3],
            "cracid": [2, 365, 740, 2],
            "trigent": [365, 2, 365, 710],
            "yrtrig": [1962, 1962, 1939, 1950],
            "crisname": ["CUBAN MISSILES", "CUBAN MISSILES", "NOMONHAN", "OTHER"],
        }
    )
    out = record.crisis_years(crises, ACTORS).sort_values("year").to_dict("records")
    assert out == [
        {"dyad": "JPN-RUS", "year": 1939, "crises": 1, "crisis_names": "Nomonhan"},
        {"dyad": "USA-RUS", "year": 1962, "crises": 1, "crisis_names": "Cuban Missiles"},
    ]


def test_trade_years_orient_flows_to_the_dyad_key():
    trade = pd.DataFrame(
        {"ccode1": [2, 365], "ccode2": [740, 740], "year": [1985, 1985], "flow1": [72.0, 3.0], "flow2": [26.0, 1.0]}
    )
    out = record.trade_years(trade, ACTORS).set_index("dyad")
    # USA-JPN: the first country is the US, ccode1 = 2: flow1 (US imports from Japan) stays first.
    assert out.loc["USA-JPN", ["imports_first", "imports_second", "total"]].tolist() == [72.0, 26.0, 98.0]
    # JPN-RUS: the first country is Japan, ccode2 = 740: Japan's imports are flow2.
    assert out.loc["JPN-RUS", ["imports_first", "imports_second"]].tolist() == [1.0, 3.0]


def test_panel_fills_flags_with_zero_but_keeps_weis_missing_outside_its_span():
    wars = pd.DataFrame({"dyad": ["USA-JPN"], "year": [1942], "war": [1], "war_name": ["WWII"]})
    weis = pd.DataFrame(
        {"dyad": ["USA-RUS"], "year": [1970], "weis_events": [5], "weis_sum": [1.0], "weis_mean": [0.2]}
    )
    out = record.panel([wars, weis], 1941, 1970)
    assert len(out) == 3 * 30
    usjp = out[out["dyad"] == "USA-JPN"].set_index("year")
    assert usjp.loc[1942, "war"] == 1 and usjp.loc[1943, "war"] == 0
    assert pd.isna(usjp.loc[1950, "weis_events"]) and usjp.loc[1970, "weis_events"] == 0


def test_agreement_and_disagreement_on_known_series():
    table = pd.DataFrame({"year": [1, 2, 3, 4], "a": [1.0, 2.0, 3.0, 4.0], "b": [10.0, 20.0, 40.0, 30.0]})
    result = record.agreement(table, "a", "b")
    assert result["years"] == 4 and result["spearman"] == pytest.approx(0.8)
    worst = record.sharpest_disagreements(table, "a", "b", n=1)
    assert worst["year"].tolist() == [3]


def test_copdab_years_average_months_and_directions():
    copdab = pd.DataFrame(
        {"date": pd.to_datetime(["1950-01-01", "1950-02-01"]), "us2ussr": [-10.0, -20.0], "ussr2us": [0.0, 10.0]}
    )
    out = record.copdab_years(copdab)
    assert out.loc[0, ["copdab_us", "copdab_ussr", "copdab_mean"]].tolist() == [-15.0, 5.0, -5.0]


def test_disagreement_years_list_the_curated_events_behind_them():
    table = pd.DataFrame({"year": [1970, 1971, 1972], "a": [5.0, -1.0, 0.0], "b": [-50.0, 10.0, 0.0]})
    weighted = pd.DataFrame(
        {
            "dyad": ["USA-RUS", "USA-RUS", "USA-JPN"],
            "year": [1970, 1970, 1970],
            "title": ["Treaty", "Protest", "Other"],
            "goldstein_weight": [8.0, -2.0, 1.0],
            "date": pd.to_datetime(["1970-05-01", "1970-02-01", "1970-01-01"]),
        }
    )
    out = record.disagreement_years(table, weighted, "USA-RUS", "a", "b", n=1)
    assert out["year"].tolist() == [1970]
    assert out["events"].tolist() == ["Protest (-2); Treaty (+8)"]
