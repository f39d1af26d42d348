"""The bibliography (``data/references.bib``): parsed, cited and rendered in one style.

The style: author or organisation, year, *title*, publisher or site, address.
Short citations (for source lines) are "Author Year" or the short title.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from analysis import paths
from analysis.data.datapackage import read_bibtex


@dataclass(frozen=True)
class Entry:
    """One BibTeX entry: its key, its kind and its fields."""

    key: str
    kind: str
    fields: dict[str, str] = field(default_factory=dict)

    def get(self, name: str) -> str:
        """A field's value, or an empty string."""
        return self.fields.get(name, "")


# LaTeX accents that occur in titles (macron for Japanese long vowels, acute, grave...).
ACCENTS = {"=": "\u0304", "'": "\u0301", "`": "\u0300", "^": "\u0302", '"': "\u0308", "~": "\u0303"}


def _accents(value: str) -> str:
    import unicodedata

    def replace(match: re.Match) -> str:
        return unicodedata.normalize("NFC", match.group(2) + ACCENTS[match.group(1)])

    return re.sub(r"\\([=\'`^\"~])\{?([A-Za-z])\}?", replace, value)


LIGATURES = {"ae": "æ", "AE": "Æ", "oe": "œ", "OE": "Œ", "ss": "ß", "o": "ø", "O": "Ø", "aa": "å", "AA": "Å"}


def _clean(value: str) -> str:
    value = _accents(value)
    value = re.sub(r"\\url\{([^}]*)\}", r"\1", value)
    value = re.sub(r"\\textit\{([^}]*)\}", r"\1", value)
    value = re.sub(r"\\&", "&", value)
    value = re.sub(r"\\(ae|AE|oe|OE|ss|aa|AA|o(?![A-Za-z])|O(?![A-Za-z]))\s?", lambda m: LIGATURES[m.group(1)], value)
    value = value.replace("{", "").replace("}", "").replace("---", "—").replace("--", "–")
    value = (
        value.replace("``", "“").replace("''", "”").replace("`", "‘")
    )  # LaTeX quotes: a backtick would open a code span
    value = value.replace("\\_", "_")
    return re.sub(r"\s+", " ", value).strip()


def parse(text: str) -> dict[str, Entry]:
    """BibTeX text as entries by key, read by pybtex (``analysis.data.datapackage.read_bibtex``), fields cleaned."""
    entries: dict[str, Entry] = {}
    for key, (kind, fields) in read_bibtex(text).entries.items():
        values = {}
        for name, value in fields.items():
            if name == "author" and value.strip().startswith("{") and value.strip().endswith("}"):
                values["author_is_corporate"] = "yes"  # {{Correlates of War Project}}: one name, not a surname
            values[name] = _clean(value)
        entries[key] = Entry(key, kind, values)
    return entries


def works_and_sources(rows) -> list[str]:
    """Bibliography keys of historiography rows for a source line: each row's work (``work_key``) first, then the
    keys of its ``sources`` column, each once."""
    from analysis.measures.events import sources

    return list(dict.fromkeys(list(rows["work_key"]) + sources(rows)))


@lru_cache(maxsize=2)
def entries(path: Path | None = None) -> dict[str, Entry]:
    """Every entry of the bibliography, by key (parsed once per process)."""
    path = path or paths.bibliography_file()
    return parse(path.read_text(encoding="utf-8"))


def _authors(entry: Entry) -> str:
    names = entry.get("author") or entry.get("organization") or entry.get("publisher") or entry.get("institution")
    if entry.get("author_is_corporate") or not entry.get("author"):
        return names
    people = [name.strip() for name in names.split(" and ") if name.strip()]
    surnames = [person.split(",")[0].strip() if "," in person else person.split()[-1] for person in people]
    if len(surnames) > 2:
        return f"{surnames[0]} et al."
    return " and ".join(surnames)


SHORT_TITLE_WORDS = 6


def short_title(title: str) -> str:
    """A title cut for an in-text citation: before its first colon or bracket, at most a few words."""
    head = re.split(r"\s?[(\[]|:\s|\s[–—]\s", title, maxsplit=1)[0].strip()
    words = head.split()
    return " ".join(words[:SHORT_TITLE_WORDS]) + ("…" if len(words) > SHORT_TITLE_WORDS else "")


@lru_cache(maxsize=1)
def year_labels() -> dict[str, str]:
    """The year as citations show it, where one author has several works of a year: '2005a', '2005b', ordered by
    title, as author-date styles tell them apart (keys of the other entries are absent: their year is enough)."""
    groups: dict[tuple[str, str], list[Entry]] = {}
    for entry in entries().values():
        who, year = _authors(entry), entry.get("year")
        if who and year:
            groups.setdefault((who, year), []).append(entry)
    labels = {}
    for (_, year), group in groups.items():
        if len(group) > 1:
            ordered = sorted(group, key=lambda entry: ((entry.get("title") or "").lower(), entry.key))
            labels.update({entry.key: f"{year}{chr(ord('a') + index)}" for index, entry in enumerate(ordered)})
    return labels


def short_citation(key: str) -> str:
    """'Singer et al. 1972' style: author (or organisation) and year; else a shortened title, with the year if any."""
    entry = entries().get(key)
    if entry is None:
        raise KeyError(f"bibliography key {key!r} is not in data/references.bib")
    who, year = _authors(entry), year_labels().get(key, entry.get("year"))
    if who and year:
        return f"{who} {year}"
    title = short_title(entry.get("title")) if entry.get("title") else ""
    who = short_title(re.split(r"[;,]", who)[0]) if who else ""
    if who:
        return f"{who}, {title}" if title else who
    if title:
        return title if not year or year in title else f"{title} {year}"
    return key


def full_citation(entry: Entry) -> str:
    """The one citation style of the report, as plain text."""
    parts = []
    who = entry.get("author") or entry.get("organization")
    if who:
        parts.append(who.replace(" and ", ", ", max(0, who.count(" and ") - 1)).rstrip("."))
    if entry.get("year"):
        parts.append(f"({year_labels().get(entry.key, entry.get('year'))})")
    head = " ".join(parts)
    pieces = [head + "." if head else ""]
    if entry.get("title"):
        pieces.append(entry.get("title").rstrip(".") + ".")
    container = entry.get("journal") or entry.get("booktitle") or entry.get("publisher") or entry.get("howpublished")
    if container and container != entry.get("url"):
        detail = container
        if entry.get("volume"):
            detail += f" {entry.get('volume')}"
            if entry.get("number"):
                detail += f"({entry.get('number')})"
        if entry.get("pages"):
            detail += f": {entry.get('pages')}"
        pieces.append(detail.rstrip(".") + ".")
    if entry.get("version"):
        pieces.append(f"Version {entry.get('version')}.")
    if entry.get("url"):
        pieces.append(entry.get("url"))
    if entry.get("note"):
        pieces.append(f"({entry.get('note').rstrip('.')})")
    return " ".join(piece for piece in pieces if piece)


def sort_key(entry: Entry) -> tuple[str, str]:
    """Order of the reference list: first author (or organisation, or title), then year."""
    who = entry.get("author") or entry.get("organization") or entry.get("title")
    return (who.lower(), entry.get("year"))


URL = re.compile(r"https?://[^\s<>\"]+?(?=[.,;)]*(?:\s|$))")


def _linked(escaped: str) -> str:
    """Web addresses in an escaped citation made into links (the text of the link is the address itself)."""
    return URL.sub(lambda match: f'<a href="{match.group(0)}">{match.group(0)}</a>', escaped)


def references_html(keys: set[str] | None = None) -> str:
    """The reference list as HTML (escaped), each entry once, sorted by author; ``keys`` limits it."""
    chosen = [entry for entry in entries().values() if keys is None or entry.key in keys]
    items = "".join(
        f'<li id="ref-{html.escape(entry.key)}">{_linked(html.escape(full_citation(entry)))}</li>'
        for entry in sorted(chosen, key=sort_key)
    )
    return f'<ol class="references">{items}</ol>'


def show_references() -> None:
    """Display the full reference list (for the appendix)."""
    from IPython.display import HTML, display

    display(HTML(references_html()))
