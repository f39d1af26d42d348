"""Dates written in the narrative must match the data (the rule of ``analysis.present.prose_dates``, which the
build applies too)."""

from __future__ import annotations

import pandas as pd
from conftest import chapter_cells

from analysis.data.load import load
from analysis.present import prose_dates


def test_every_full_date_in_the_narrative_is_in_the_data():
    known, seed_days = prose_dates.known_dates(load("events"), load("key_figures"), load("seed_claims"))
    unknown = [
        f"{slug} cell {number}: {found}"
        for slug, number, cell in chapter_cells("markdown")
        for found in prose_dates.unmatched_dates(cell.source, known, seed_days)
    ]
    assert not unknown, "dates in prose with no matching data row:\n" + "\n".join(unknown)


def test_a_date_is_read_with_the_year_written_before_it_and_ranges_count_both_days():
    known = {"1945-08-09", "1945-08-20"}
    text = "In August 1945 the war ended: on 9 August the second bomb fell; talks ran 9 to 21 August."
    assert prose_dates.unmatched_dates(text, known, set()) == ["'9 to 21 August' read as 1945-08-21"]
    assert prose_dates.unmatched_dates("On 3 May 1946.", set(), {(3, 5)}) == []


def test_dates_stated_in_a_row_description_count_in_that_rows_year():
    events = pd.DataFrame(
        {
            "date": pd.to_datetime(["1941-07-01"]),
            "end_date": pd.to_datetime([None]),
            "description": ["Decided on 2 July."],
        }
    )
    figures = pd.DataFrame({"as_of": pd.to_datetime([]), "description": []})
    seed = pd.DataFrame({"seed_text": ["on September 2"]})
    known, seed_days = prose_dates.known_dates(events, figures, seed)
    assert "1941-07-02" in known and (2, 9) in seed_days
