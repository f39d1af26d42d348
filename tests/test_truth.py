"""Checks of truth that can be made mechanically on the real data."""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis.data.load import load, resource
from analysis.measures import events as ev

SEED = Path(__file__).resolve().parents[2] / "shared" / "seed" / "000_842e35cf92cb639e.txt"


def test_urban_population_never_exceeds_total():
    caps = load("capabilities")
    both = caps.dropna(subset=["upop", "tpop"])
    assert (both["upop"] <= both["tpop"]).all()


def test_capability_years_cover_the_period_apart_from_the_gaps_the_descriptor_declares():
    # The gaps come from the descriptor (x-known-gaps), not restated here: each country has every year of
    # 1900-1991 except the inclusive spans declared for it.
    gaps = resource("capabilities")["x-known-gaps"]
    caps = load("capabilities")
    for ccode, group in caps.groupby("ccode"):
        first, last = gaps.get(str(ccode), (None, None))
        missing = set(range(first, last + 1)) if first is not None else set()
        assert set(group["year"]) == set(range(1900, 1992)) - missing, ccode


def test_hand_picked_events_carry_their_known_weights():
    # Independent expectations: rows read by hand in data/events.csv and data/event_types.csv.
    known = {
        "1941-pearl-harbor": ("use_military_force", -10.0),
        "1945-hiroshima": ("nuclear_attack", -10.0),
        "1951-san-francisco-treaty": ("sign_formal_agreement", 8.0),
        "1956-soviet-japanese-joint-declaration": ("sign_formal_agreement", 8.0),
        "1906-japan-protests-school-order": ("complain_officially", -2.0),
    }
    weighted = ev.with_weights(load("events"), load("event_types")).set_index("id")
    for event_id, (event_type, weight) in known.items():
        assert weighted.loc[event_id, "event_type"] == event_type, event_id
        assert weighted.loc[event_id, "goldstein_weight"] == weight, event_id


def test_every_decade_has_events_for_each_pair():
    table = ev.coverage(ev.with_weights(load("events"), load("event_types")))
    for decade in range(1900, 1991, 10):
        for dyad in ev.DYADS:
            assert table.loc[decade, dyad] > 0, (decade, dyad)


def test_there_are_at_least_300_events_spanning_the_period():
    events = load("events")
    assert len(events) >= 300
    assert events["date"].min().year <= 1900 and events["date"].max().year >= 1991


@pytest.mark.skipif(not SEED.exists(), reason="../shared/seed is not beside the project")
def test_seed_claims_quote_the_seed_exactly():
    seed = SEED.read_text(encoding="utf-8")
    claims = load("seed_claims")
    missing = [claim for claim in claims["seed_text"] if claim not in seed]
    assert not missing, missing[:3]


def test_seed_claims_restore_what_their_rows_hold():
    claims, events, figures = load("seed_claims"), load("events").set_index("id"), load("key_figures").set_index("id")
    linked = claims.dropna(subset=["row_id"])
    assert len(linked) >= 50
    for _, claim in linked.iterrows():
        if claim["table"] == "events":
            cell = events.loc[claim["row_id"], claim["field"]].strftime("%Y-%m-%d")
            restored = str(claim["restored_value"])
            assert cell.startswith(restored) or (restored.endswith("s") and cell[:3] == restored[:3]), claim["id"]
        else:
            assert float(figures.loc[claim["row_id"], claim["field"]]) == float(claim["restored_value"]), claim["id"]


def test_ranges_enclose_their_values():
    figures = load("key_figures")
    both = figures.dropna(subset=["value", "value_low", "value_high"])
    assert ((both["value_low"] <= both["value"]) & (both["value"] <= both["value_high"])).all()
