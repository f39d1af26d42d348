"""Numbers for prose, and the facts a chapter publishes to its narrative.

A chapter computes its numbers with the library and publishes them with
``publish(name=value, ...)``; its Markdown cells say ``{eval}`name```. The
report build fills the placeholders from the published facts (HTML-escaped)
and refuses to build when a placeholder has no fact. So no number in the
narrative is typed by hand.

What may still be typed in prose is listed once, in ``PROSE_NUMBER_ALLOWED``:
``typed_numbers`` returns the numbers a text carries outside it. The tests
apply it to every chapter's Markdown and to figure captions, alt text and
notes; the report build applies it to the Markdown and refuses a chapter
that types a number.
"""

from __future__ import annotations

import html
import math
import re

import pandas as pd

from analysis.measures.key_figures import Figure

FACTS_MIME = "application/vnd.usrj.facts+json"
# The display output of a figure or table carries, under this metadata key, what the report build needs to number
# it and list it in the contents: kind ('fig' or 'tab'), anchor, caption, and the label element to number.
ITEM_METADATA = "usrj_item"

_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"

# The numbers prose may carry as typed text (regular expressions, removed before looking for numbers).
PROSE_NUMBER_ALLOWED: tuple[str, ...] = (
    r"\b1[89]\d\d(s|–\d\d(\d\d)?)?\b",  # years, decades, year ranges: 1905, 1930s, 1941–45, 1950–1953
    r"\b20[0-2]\d\b",  # years of this century (editions, publications)
    rf"\b\d{{1,2}}((–| to )\d{{1,2}})?\s+({_MONTHS})\b",  # dates: 2 September, 6–9 August
    rf"\b({_MONTHS})\s+\d{{1,2}}\b",  # dates: September 2
    r"\b(v|version |Version )\d+(\.\d+)+",  # version numbers of datasets: v6.0, version 5.1
    r"\b(Article|Articles|Art\.|session|Session|No\.|Order No\.) \d+\b",  # articles, sessions, numbered orders
    r"\b\d+(st|nd|rd|th)\b",  # ordinals: 38th parallel, 20th century
    r"\b[A-Z][A-Za-z]*-\d+[A-Za-z]*\b",  # designations: B-29, MiG-25, U-2
    r"(?<![\d.,])[−-]?\+?10\b(?![.,]\d)",  # the ends of the Goldstein scale, defined in the event vocabulary
    r"\b[123]\b",  # the digits 1-3, for counting ("2 panels" reads as "two panels")
    r"\"[^\"]*\"",  # quotations (of the seed or a source)
    r"“[^”]*”",
)
_ALLOWED = [re.compile(pattern) for pattern in PROSE_NUMBER_ALLOWED]
_NUMBER = re.compile(r"\d[\d,.]*\d|\d")
# Inline values {eval}`name`, citations {cite}`key` and code spans: not prose, never checked.
_MARKUP = re.compile(r"\{(?:eval|cite)\}`[^`]*`|`[^`]*`")


def number(value: float, digits: int = 0) -> str:
    """Thousands separated, ``digits`` decimals, a true minus sign: ``number(-1234.5, 1) == '−1,234.5'``.

    Negative ``digits`` round to tens, hundreds, thousands: ``number(12031, -3) == '12,000'``."""
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA:
        raise ValueError("cannot format a missing value for prose")
    if digits < 0:
        value, digits = round(value, digits), 0
    text = f"{value:,.{digits}f}"
    if text.startswith("-") and text.strip("-0.,") == "":
        text = text[1:]  # a value that rounds to zero is never shown as '−0.0'
    return text.replace("-", "−", 1) if text.startswith("-") else text


def approx(value: float) -> str:
    """A rounded figure for prose in words: 1_550_000 -> '1.55 million', 54_000_000 -> '54 million'."""
    magnitude = abs(value)
    for size, word in ((1e9, "billion"), (1e6, "million")):
        if magnitude >= size:
            scaled = value / size
            text = f"{scaled:.2f}".rstrip("0").rstrip(".")
            return f"{text} {word}"
    return number(value)


_approx = approx


def ratio(value: float, digits: int = 1) -> str:
    """A ratio for prose: ``ratio(5.26) == '5.3 to 1'``."""
    return f"{number(value, digits)} to 1"


def times(value: float, digits: int = 1) -> str:
    """A multiple for prose: ``times(3.04) == '3.0 times'``."""
    return f"{number(value, digits)} times"


def percent(share: float, digits: int = 0) -> str:
    """A share (0..1) as a percentage: ``percent(0.8) == '80%'``."""
    return f"{number(100 * share, digits)}%"


def value_range(
    low: float,
    high: float,
    digits: int = 0,
    unit: str = "",
    sep: str = "–",
    approx: bool = False,
    collapse: bool = False,
) -> str:
    """A range for prose: ``value_range(60000, 80000) == '60,000–80,000'`` (en dash).

    ``sep=" to "`` or ``" and "`` for running text ('between 9,780 and 12,031'); ``approx=True`` rounds both ends
    to words and says a shared word once (``'2.6 to 3.76 million'``); ``collapse=True`` gives one number when both
    ends read the same; a ``unit`` follows after a space, except ``%`` (``'47–50%'``)."""
    if approx:
        first, second = _approx(low), _approx(high)
        word = second.rpartition(" ")[2] if " " in second else ""
        if word and first.endswith(" " + word):
            first = first[: -len(word) - 1]
    else:
        first, second = number(low, digits), number(high, digits)
    text = first if collapse and first == second else f"{first}{sep}{second}"
    if not unit:
        return text
    return f"{text}{unit}" if unit == "%" else f"{text} {unit}"


def spread(figure: Figure, digits: int = 0, unit: str = "", value_digits: int = 0) -> str:
    """A key figure's range and most cited value for alt text: '12 to 18 kilotons around 15'."""
    text = value_range(figure.low, figure.high, digits, sep=" to ")
    return f"{text}{' ' + unit if unit else ''} around {number(figure.value, value_digits)}"


def estimate(figure: Figure, digits: int = 0) -> str:
    """A key figure as the sources give it: its range ('560,000–900,000'), or one number when they agree
    (a year as a year: '1958')."""
    if figure.unit == "year" and not figure.is_range:
        return str(int(figure.low))
    return value_range(figure.low, figure.high, digits, collapse=True)


def quantity(figure: Figure, digits: int = 0) -> str:
    """A key figure's value with its unit in words: '48 states', '525,000 long tons'."""
    return f"{number(figure.value, digits)} {figure.unit.replace('_', ' ')}"


def from_slug(slugs) -> list[str]:
    """Slugs as labels for a table: ``from_slug(["cold-war-design"]) == ['Cold war design']``."""
    return [str(slug).replace("-", " ").capitalize() for slug in slugs]


def signed(value: float) -> str:
    """A value with its sign, a true minus and no needless decimals: ``signed(-10) == '−10'``, ``signed(2) == '+2'``."""
    return f"{value:+g}".replace("-", "−")


def dollars(value: float) -> str:
    """A sum of US dollars rounded to words: ``dollars(1.99e9) == '$1.99 billion'``."""
    return f"${approx(value)}"


def year_spans(years, runs: bool = True) -> str:
    """Years as runs for prose: ``year_spans([1935, 1938, 1939, 1940]) == '1935 and 1938–1940'`` (en dash, sorted);
    ``runs=False`` names every year: ``'1935, 1938, 1939 and 1940'`` (e.g. the five-yearly observations of a series)."""
    ordered = sorted({int(year) for year in years})
    if not ordered:
        raise ValueError("no years to describe")
    spans: list[list[int]] = []
    for year in ordered:
        if runs and spans and year == spans[-1][-1] + 1:
            spans[-1].append(year)
        else:
            spans.append([year])
    parts = [str(run[0]) if len(run) == 1 else f"{run[0]}–{run[-1]}" for run in spans]
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


def day(timestamp) -> str:
    """A date for prose, in the report's style: '2 September 1945'."""
    stamp = pd.Timestamp(timestamp)
    return f"{stamp.day} {stamp.strftime('%B %Y')}"


def month(timestamp) -> str:
    """A date as month and year for prose, e.g. 'August 1945'."""
    stamp = pd.Timestamp(timestamp)
    return stamp.strftime("%B %Y")


class Fact(str):
    """A formatted fact: a string that JupyterLab shows as text, not as a quoted repr."""

    def _repr_html_(self) -> str:
        return html.escape(str(self))

    def _repr_markdown_(self) -> str:
        return html.escape(str(self))


def publish(**facts) -> None:
    """Publish formatted facts (strings or numbers) for the chapter's inline values ``{eval}`name```.

    The build fills them from the published output; in JupyterLab the same names are set in the
    kernel, so jupyterlab-myst shows the numbers after the cell runs. A fact may not reuse the name
    of a chapter variable that is not itself a fact.
    """
    from IPython import get_ipython
    from IPython.display import display

    shell = get_ipython()
    namespace = shell.user_ns if shell is not None else {}
    clean = {}
    for name, value in facts.items():
        if not name.isidentifier():
            raise ValueError(f"fact name {name!r} must be an identifier")
        if name in namespace and not isinstance(namespace[name], Fact):
            raise ValueError(f"fact name {name!r} is already a variable of the chapter; choose another name")
        clean[name] = value if isinstance(value, str) else number(value)
    for name, value in clean.items():
        namespace[name] = Fact(value)
    display({FACTS_MIME: clean, "text/plain": ""}, raw=True)


_SMALL_NUMBERS = "zero one two three four five six seven eight nine ten eleven twelve".split()


def in_words(count: int) -> str:
    """A small count as a word, as prose spells it (zero to twelve), larger ones in figures: ``in_words(6) == 'six'``."""
    return _SMALL_NUMBERS[count] if 0 <= count < len(_SMALL_NUMBERS) else number(count)


def counted(count: int, singular: str, plural: str | None = None) -> str:
    """A count with its noun in the right number: counted(1, "event") -> '1 event', counted(3, "event") -> '3 events'."""
    noun = singular if count == 1 else (plural or singular + "s")
    return f"{number(count)} {noun}"


def prose_of(markdown: str) -> str:
    """The prose of a Markdown text: inline values ``{eval}`...```, citations ``{cite}`...``` and code spans removed."""
    return _MARKUP.sub("", markdown)


def typed_numbers(text: str) -> list[str]:
    """The numbers typed into ``text`` that ``PROSE_NUMBER_ALLOWED`` does not allow, in order: a caption, or the
    prose of a Markdown cell (``prose_of``). ``typed_numbers("In 1941 Japan had 2 of 9 carriers") == ['9']``."""
    for pattern in _ALLOWED:
        text = pattern.sub("", text)
    return _NUMBER.findall(text)
