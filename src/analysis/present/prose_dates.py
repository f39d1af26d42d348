"""Dates written in a chapter's prose must match the data.

Each full date in Markdown ('2 September 1945', '9 to 20 August 1945', or '28 August' after a year written
earlier in the cell) must be the date or end date of an event row, the as-of date of a key figure, a date a
row's description states (in that row's year), or a day the commissioning document itself writes (quoted to be
discussed). The build and the tests read this one module.
"""

from __future__ import annotations

import re

import pandas as pd

MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
MONTHS_ANY = MONTHS + "|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
# A day and month, with the year written after it or, when absent, the last year written before it in the cell.
DAY_MONTH = re.compile(rf"\b(\d{{1,2}})(?:(?:–|\s+to\s+|\s+and\s+)(\d{{1,2}}))?\s+({MONTHS})(?:,?\s+(\d{{4}}))?\b")
YEAR = re.compile(r"\b(1[89]\d\d)\b")
# In sources' own style: 'February 5', '10 Aug'.
ANY_STYLE = re.compile(rf"\b(?:(\d{{1,2}})\s+({MONTHS_ANY})\b|({MONTHS_ANY})\.?\s+(\d{{1,2}})\b)")
INLINE_VALUE = re.compile(r"\{eval\}`[^`]*`")


def day_months(text: str) -> set[tuple[int, int]]:
    """(day, month number) pairs written in any common style."""
    pairs = set()
    for day_a, month_a, month_b, day_b in ANY_STYLE.findall(text):
        day, month = (day_a, month_a) if day_a else (day_b, month_b)
        pairs.add((int(day), pd.Timestamp(f"1 {month[:3]} 2000").month))
    return pairs


def known_dates(events: pd.DataFrame, key_figures: pd.DataFrame, seed_claims: pd.DataFrame) -> tuple[set, set]:
    """(ISO dates the data holds, (day, month) pairs the commissioning document writes)."""
    known = set(events["date"].dt.strftime("%Y-%m-%d")) | set(events["end_date"].dropna().dt.strftime("%Y-%m-%d"))
    known |= set(key_figures["as_of"].dt.strftime("%Y-%m-%d"))
    for frame, column in ((events, "date"), (key_figures, "as_of")):
        for text, when in zip(frame["description"], frame[column]):
            known |= {f"{when.year}-{month:02d}-{day:02d}" for day, month in day_months(str(text))}
    seed_days = set().union(*(day_months(str(text)) for text in seed_claims["seed_text"]))
    return known, seed_days


def unmatched_dates(markdown: str, known: set[str], seed_days: set[tuple[int, int]]) -> list[str]:
    """The full dates of a Markdown text that no data row holds, as "'9 August 1945' read as 1945-08-09"."""
    text = INLINE_VALUE.sub("", markdown)
    unknown = []
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
                unknown.append(f"{match.group(0)!r} read as {iso}")
    return unknown
