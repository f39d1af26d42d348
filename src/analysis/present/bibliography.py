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

# Where a title's head ends: its first colon, bracket or spaced dash.
_CUT = re.compile(r"\s?[(\[]|:\s|\s[–—]\s")
# Where a title's later sections (subtitles) begin: a colon or a spaced dash; the separator is kept.
_SECTION = re.compile(r"(:\s|\s[–—]\s)")
# A numbered part of a work, with its number: "Vol. II", "Part 1", "Doc. 116", "Document 12", "No. 5",
# "chapter 9", "p. 214", "page 96", "Appendix D" (a number, a Roman numeral or one capital letter).
NUMBERED_PART = re.compile(
    r"\b(?i:vol|volume|part|doc|document|no|chapter|ch|p|pp|page|pages|appendix)(?:\.\s*|\s+)"
    r"(?:\d+(?:[–-]\d+)?[a-z]?|[IVXLC]+|[A-Z])\b"
)
_ASIDE = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")


def _head(text: str) -> str:
    """A text up to its first colon, bracket or spaced dash."""
    return _CUT.split(text, maxsplit=1)[0].strip()


def _closed(text: str) -> str:
    """A cut text with the quotation it leaves open closed after it: “The Russian…” rather than “The Russian…."""
    if text.count("“") > text.count("”"):
        return text + "”"
    if text.count('"') % 2:
        return text + '"'
    opened = re.findall(r"(?:^|(?<=\s))(['‘])", text)
    closed = re.findall(r"(?<=\S)['’](?=[\s,.;:!?…]|$)", text)
    return text + ("’" if opened[-1] == "‘" else "'") if len(opened) > len(closed) else text


def _words(text: str) -> list[str]:
    """A text's words, a lone dash joined to the word before it (it is not counted as a word)."""
    tokens = text.split()
    if "-" not in tokens and "–" not in tokens and "—" not in tokens:
        return tokens
    words: list[str] = []
    for token in tokens:
        if words and token in ("-", "–", "—"):
            words[-1] += " " + token
        else:
            words.append(token)
    return words


def _cut_words(text: str, limit: int = SHORT_TITLE_WORDS) -> str:
    """At most ``limit`` words of ``text``; an ellipsis marks a cut (after any comma or colon the cut leaves)."""
    words = _words(text)
    if len(words) <= limit:
        return " ".join(words)
    return _closed(" ".join(words[:limit]).rstrip(" ,;:–—-") + "…")


def _without_asides(title: str) -> str:
    """A title without its bracketed asides (nested ones too)."""
    if "(" not in title and "[" not in title:
        return title
    while True:
        bare = _ASIDE.sub(" ", title)
        if bare == title:
            return re.sub(r"\s+([,.;:])", r"\1", re.sub(r"\s+", " ", bare)).strip()
        title = bare


def numbered_parts(title: str) -> list[str]:
    """The numbered parts a title names ('Vol. II', 'Doc. 116', 'p. 214'), from its first section (split at colons
    and spaced dashes, bracketed asides left out) that names any: the parts of the work the entry cites."""
    if not NUMBERED_PART.search(title):
        return []
    for section in _SECTION.split(_without_asides(title))[::2]:
        found = [match.group(0) for match in NUMBERED_PART.finditer(section)]
        if found:
            return found
    return []


def _cut_title(title: str) -> tuple[str, list[str]]:
    """A title's head cut for a citation, and the numbered parts to name after it."""
    head = _head(title)
    if not NUMBERED_PART.search(title):  # most titles: no numbered part anywhere
        return _cut_words(head), []
    inside = list(NUMBERED_PART.finditer(head))
    if not inside:
        return _cut_words(head), numbered_parts(title)
    words = _words(head)
    needed = len(_words(head[: inside[-1].end()]))
    if needed <= 2 * SHORT_TITLE_WORDS:  # the cut moves on to the end of the numbered parts if need be
        limit = max(SHORT_TITLE_WORDS, needed)
        cut = " ".join(words[:limit]).rstrip(" ,;:–—-")
        at_part = any(cut.endswith(match.group(0)) for match in inside)
        return (cut if at_part or len(words) <= limit else _closed(cut + "…")), []
    cut = len(" ".join(words[:SHORT_TITLE_WORDS]))  # a long head: cut at six words, the parts named after it
    cut = min([cut, *[match.start() for match in inside if match.start() < cut < match.end()]])
    shown = _closed(head[:cut].rstrip(" ,;:–—-") + "…")
    return shown, [match.group(0) for match in inside if match.end() > cut]


def short_title(title: str) -> str:
    """A title cut for an in-text citation: before its first colon or bracket, at most six words, but never before
    a numbered part of the work: it runs on to the end of the numbered parts in the head, and ends there, if that
    makes at most twelve words ('FRUS, Japan 1931-1941, Vol. II, Doc. 116'; a cut right after a numbered part
    needs no ellipsis: the part is the place cited); numbered parts further on (in a longer head, or in the first
    later section that names any) follow the cut title after a comma ('Hiroshima, page 96')."""
    shown, parts = _cut_title(title)
    return ", ".join([shown, *parts])


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


def _site(entry: Entry) -> str:
    """The web site of an entry's address ('en.wikipedia.org'), or an empty string."""
    from urllib.parse import urlsplit

    host = (urlsplit(entry.get("url")).hostname or "") if entry.get("url") else ""
    return host.removeprefix("www.").rstrip(".")


def _sections(title: str) -> list[str]:
    """A title's separators and subtitles after its head, alternating: [': ', 'Embracing Defeat', ...]."""
    return _SECTION.split(_without_asides(title))[1:] if title else []


def _ladder(entry: Entry, sections: int = 0, first: bool = False) -> list[str]:
    """An entry's short citations from the shortest to the most specific, one per step of the rule in
    ``short_citations``: the short title, then one more subtitle at each of ``sections`` steps (an entry with fewer
    repeats its last), then the first bracketed aside, then the web site in its place (only the first if ``first``)."""
    who, year = _authors(entry), year_labels().get(entry.key, entry.get("year"))
    if who and year:
        return [f"{who} {year}"] * (1 if first else sections + 3)
    title = entry.get("title")
    who = _cut_words(_head(re.split(r"[;,]", who)[0])) if who else ""

    def cite(shown: str) -> str:
        if who:
            return f"{who}, {shown}" if shown else who
        if shown:
            return shown if not year or year in shown else f"{shown} {year}"
        return entry.key

    shown, parts = _cut_title(title) if title else ("", [])
    titles = [", ".join([shown, *parts])]
    if first:
        return [cite(titles[0])]
    pieces = _sections(title)
    for separator, section in zip(pieces[::2], pieces[1::2]):
        shown += separator + _cut_words(section)
        titles.append(", ".join([shown, *[part for part in parts if part not in shown]]))
    titles += [titles[-1]] * (sections + 1 - len(titles))
    fullest = titles[-1]
    aside = next((match.group(0) for match in _ASIDE.finditer(title)), "") if title else ""
    asided = f"{fullest} {aside}" if aside and len(aside.split()) <= SHORT_TITLE_WORDS else fullest
    site = _site(entry)
    return [cite(shown) for shown in titles] + [cite(asided), f"{cite(fullest)} ({site})" if site else cite(fullest)]


@lru_cache(maxsize=1)
def short_citations() -> dict[str, str]:
    """Every entry's short citation, by key, each told apart from all the others (derived once per process).

    The rule, as a reader meets it:

    - A work with an author (or organisation) and a year: 'Singer et al. 1972'; one author's works of one year
      are told apart by letter, ordered by title ('Goh 2005a', 'Goh 2005b'; ``year_labels``).
    - Otherwise the author or organisation (its name up to a comma) and the title cut short (``short_title``:
      before its first colon or bracket, at most six words, never cut before a numbered part such as 'Doc. 116'
      or 'page 96'), with the year if any: 'Office of the Historian, FRUS, Japan 1931-1941, Vol. II, Doc. 116'.
    - Where the citations of several entries are still the same, the title of each runs on, one subtitle (after a
      colon or a spaced dash, at most six words) at a time, until they differ: 'Kirkus Reviews, Review: Embracing
      Defeat'; then it takes its first bracketed aside of at most six words: 'Wikipedia, Shandong Problem
      (revision of 28 June 2010)'; then, in place of the aside, the web site of its address: '... (dailyhistory.org)'.
      Entries that differ at a step stop there; only those still alike go on.
    - Entries alike in all of these (an entry repeated) are told apart by a letter after their shortest form,
      ordered by title and key: 'Guampedia, Timeline (a)', 'Guampedia, Timeline (b)'.
    """
    known = entries()
    cited = {key: _ladder(entry, first=True)[0] for key, entry in known.items()}
    sections = 0
    ladders: dict[str, list[str]] = {}  # only for the entries that share a citation
    step: dict[str, int] = {}
    lettered: set[str] = set()
    while True:
        alike: dict[str, list[str]] = {}
        for key, text in cited.items():
            alike.setdefault(text, []).append(key)
        groups = [keys for keys in alike.values() if len(keys) > 1]
        if not groups:
            return cited
        if not ladders:
            sections = max(len(_SECTION.findall(entry.get("title"))) for entry in known.values())  # at least as many
        for keys in groups:
            for key in keys:
                if key not in ladders:
                    ladders[key], step[key] = _ladder(known[key], sections), 0
            movable = [key for key in keys if key not in lettered and step[key] < len(ladders[key]) - 1]
            if movable:
                for key in movable:
                    step[key] += 1
                    cited[key] = ladders[key][step[key]]
            elif not lettered.intersection(keys):
                ordered = sorted(keys, key=lambda key: ((known[key].get("title") or "").lower(), key))
                for index, key in enumerate(ordered):
                    cited[key] = f"{ladders[key][0]} ({chr(ord('a') + index)})"
                lettered.update(keys)
            else:
                raise ValueError(f"bibliography: short citation {cited[keys[0]]!r} is shared by {sorted(keys)}")


def short_citation(key: str) -> str:
    """The in-text citation of an entry, unique in the bibliography (the rule is in ``short_citations``)."""
    try:
        return short_citations()[key]
    except KeyError:
        raise KeyError(f"bibliography key {key!r} is not in data/references.bib") from None


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
