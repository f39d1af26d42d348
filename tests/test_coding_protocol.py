"""The event table follows its written coding protocol (docs/coding-protocol.md): the rules the referee's
face-validity problems broke are checked on the rows themselves."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.data import catalogue
from analysis.data.load import load


@pytest.fixture(scope="module")
def events() -> pd.DataFrame:
    return load("events")


def test_the_protocol_is_read_whole_by_the_appendix():
    rules = catalogue.coding_rules()
    assert rules["rule"].tolist() == list(range(1, len(rules) + 1)) and len(rules) >= 16
    assert (rules["text"].str.len() > 40).all()


def test_surrender_is_kept_for_surrenders_withdrawals_are_de_escalation(events):
    # Rule 9: a withdrawal or evacuation is never coded as a military surrender (+10).
    surrenders = events[events["event_type"] == "surrender"]
    withdrawn = surrenders[surrenders["title"].str.contains("withdraw|evacuat", case=False)]
    assert withdrawn.empty, withdrawn["id"].tolist()


def test_private_acts_are_not_acts_of_state(events):
    # Rule 13: Toshiba Machine's sale is not Japanese state cooperation with the USSR.
    sale = events[
        events["title"].str.contains("Toshiba", case=False)
        & (events["source_actor"] == "JPN")
        & (events["target_actor"] == "RUS")
    ]
    assert sale.empty, sale["id"].tolist()


def test_third_party_incidents_count_between_the_powers_only_through_their_own_acts(events):
    # Rule 11: the shooting down of KAL 007 is coded against Korea; US and Japanese acts towards the USSR follow it.
    shootdown = events[events["id"] == "1983-kal007-shootdown"].iloc[0]
    assert (shootdown["source_actor"], shootdown["target_actor"]) == ("RUS", "KOR")
    reactions = events[
        (events["date"].dt.year == 1983)
        & events["title"].str.contains("KAL", case=False)
        & (events["target_actor"] == "RUS")
    ]
    assert set(reactions["source_actor"]) >= {"USA", "JPN"}


def test_a_crisis_is_coded_as_the_chain_of_both_sides_acts(events):
    # Rule 12: the Cuban missile crisis holds conflictual acts by both superpowers in October 1962.
    october = events[(events["date"] >= "1962-10-01") & (events["date"] <= "1962-10-31")]
    types = load("event_types").set_index("event_type")["goldstein_weight"]
    hostile = october[october["event_type"].map(types) < 0]
    pairs = set(zip(hostile["source_actor"], hostile["target_actor"]))
    assert {("USA", "RUS"), ("RUS", "USA")} <= pairs


def test_both_sides_acts_are_recorded_in_a_war(events):
    # Rule 10: after Midway Japan still attacked; its acts against the United States are in the table.
    types = load("event_types").set_index("event_type")["goldstein_weight"]
    japanese = events[
        (events["source_actor"] == "JPN")
        & (events["target_actor"] == "USA")
        & events["date"].between("1942-07-01", "1945-08-15")
    ]
    assert (japanese["event_type"].map(types) < 0).sum() >= 3
