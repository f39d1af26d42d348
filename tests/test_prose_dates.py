"""Dates written in the narrative must match the data: each full date in a Markdown cell
('2 September 1945', '9 to 20 August 1945', or '28 August' after a year written earlier in
the cell) is the date or end date of an event row, the as-of date of a key figure, a date a
row's description states, or a day the seed itself writes (quoted to be discussed)."""

from __future__ import annotations

import re

import pandas as pd
from conftest import chapter_cells

from analysis.data.load import load

MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
MONTHS_ANY = MONTHS + "|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
# A day and month, with the year written after it or, when absent, the last year written before it in the cell.
DAY_MONTH = re.compile(rf"\b(\d{{1,2}})(?:(?:–|\s+to\s+|\s+and\s+)(\d{{1,2}}))?\s+({MONTHS})(?:,?\s+(\d{{4}}))?\b")
YEAR = re.compile(r"\b(1[89]\d\d)\b")
# In sources' own style: 'February 5', '10 Aug'.
ANY_STYLE = re.compile(rf"\b(?:(\d{{1,2}})\s+({MONTHS_ANY})\b|({MONTHS_ANY})\.?\s+(\d{{1,2}})\b)")


def _known_dates() -> set[str]:
    """Dates the data holds: row dates, and dates a row's description states (in that row's year)."""
    events, figures = load("events"), load("key_figures")
    known = set(events["date"].dt.strftime("%Y-%m-%d")) | set(events["end_date"].dropna().dt.strftime("%Y-%m-%d"))
    known |= set(figures["as_of"].dt.strftime("%Y-%m-%d"))
    for frame, column in ((events, "date"), (figures, "as_of")):
        for text, when in zip(frame["description"], frame[column]):
            known |= {f"{when.year}-{month:02d}-{day:02d}" for day, month in _day_months(str(text))}
    return known


def _day_months(text: str) -> set[tuple[int, int]]:
    """(day, month number) pairs written in any common style."""
    pairs = set()
    for day_a, month_a, month_b, day_b in ANY_STYLE.findall(text):
        day, month = (day_a, month_a) if day_a else (day_b, month_b)
        pairs.add((int(day), pd.Timestamp(f"1 {month[:3]} 2000").month))
    return pairs


def _seed_days() -> set[tuple[int, int]]:
    """(day, month) pairs the seed itself writes: the report may quote them to discuss them."""
    return set().union(*(_day_months(str(text)) for text in load("seed_claims")["seed_text"]))


def test_every_full_date_in_the_narrative_is_in_the_data():
    known, seed_days = _known_dates(), _seed_days()
    unknown = []
    for slug, number, cell in chapter_cells("markdown"):
        text = re.sub(r"\{eval\}`[^`]*`", "", cell.source)
        for match in DAY_MONTH.finditer(text):
            day, last_day, month, year = match.groups()
            if year is None:
                before = YEAR.findall(text[: match.start()])
                if not before:
                    continue
                year = before[-1]
            for value in filter(None, (day, last_day)):
                iso = pd.Timestamp(f"{value} {month} {year}").strftime("%Y-%m-%d")
                if iso not in known and (int(value), pd.Timestamp(iso).month) not in seed_days:
                    unknown.append(f"{slug} cell {number}: {match.group(0)!r} read as {iso}")
    assert not unknown, "dates in prose with no matching data row:\n" + "\n".join(unknown)
