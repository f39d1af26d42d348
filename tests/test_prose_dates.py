"""Dates written in the narrative must match the data: each full date in a Markdown cell
('2 September 1945', '2–5 September 1945') is the date or end date of an event row, or
the as-of date of a key figure."""

from __future__ import annotations

import re

import pandas as pd

from analysis.load import load
from conftest import chapter_cells

MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
FULL_DATE = re.compile(rf"\b(\d{{1,2}})(?:–(\d{{1,2}}))? ({MONTHS}) (\d{{4}})\b")


def _known_dates() -> set[str]:
    events, figures = load("events"), load("key_figures")
    known = set(events["date"].dt.strftime("%Y-%m-%d")) | set(events["end_date"].dropna().dt.strftime("%Y-%m-%d"))
    return known | set(figures["as_of"].dt.strftime("%Y-%m-%d"))


def test_every_full_date_in_the_narrative_is_in_the_data():
    known = _known_dates()
    unknown = []
    for slug, number, cell in chapter_cells("markdown"):
        for match in FULL_DATE.finditer(cell.source):
            day, last_day, month, year = match.groups()
            for value in filter(None, (day, last_day)):
                iso = pd.Timestamp(f"{value} {month} {year}").strftime("%Y-%m-%d")
                if iso not in known:
                    unknown.append(f"{slug} cell {number}: {match.group(0)}")
    assert not unknown, "dates in prose with no matching data row:\n" + "\n".join(unknown)
