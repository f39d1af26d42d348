"""Assembling executed chapters into one self-contained, offline HTML report.

The page is written by this module, not by nbconvert's lab template, so it
carries no JavaScript, no CDN link and no timestamp: title page, table of
contents (chapters, sections, figures, tables), the chapters in order,
figures and tables numbered in reading order. Markdown placeholders
``{{ name }}`` are filled from the facts each chapter published; an unknown
placeholder, a leftover scaffold marker, a number typed into the Markdown
(``analysis.present.text.typed_numbers``) or a link to a missing anchor stops
the build with a message naming the chapter.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import nbformat
import nh3
from nbconvert.filters.highlight import Highlight2HTML
from nbconvert.filters.markdown import markdown2html

from analysis import paths
from analysis.present import bibliography, prose_dates
from analysis.present.text import FACTS_MIME, ITEM_METADATA, prose_of, typed_numbers
from analysis.report.chapters import Chapter

# MyST inline expression, as JupyterLab (jupyterlab-myst) renders it: {eval}`name`.
PLACEHOLDER = re.compile(r"\{eval\}`\s*([A-Za-z_][A-Za-z0-9_]*)\s*`")
SCAFFOLD_MARKER = "TODO(author)"
REPORT_TITLE = "The United States, the Soviet Union and Japan, 1900–1991"
REPORT_SUBTITLE = "Rivalry, war and alliance in a triangle of powers: a reproducible, data-driven history"


class AssemblyError(Exception):
    """The report cannot be assembled; the message names the chapter and what is wrong."""


@dataclass
class Outline:
    """A chapter's sections, figures and tables, collected while it is rendered."""

    chapter: Chapter
    sections: list[tuple[str, str]] = field(default_factory=list)  # (anchor, title)
    figures: list[tuple[str, str]] = field(default_factory=list)  # (anchor, caption)
    tables: list[tuple[str, str]] = field(default_factory=list)
    labels: dict[str, str] = field(default_factory=dict)  # anchor -> label element of a figure or table
    drafts: list[int] = field(default_factory=list)  # cells still holding the scaffold marker (draft builds)
    typed: list[tuple[int, list[str]]] = field(default_factory=list)  # (cell, numbers typed in its Markdown), drafts


def _slugify(text: str) -> str:
    text = re.sub(r"<[^>]+>", "", html.unescape(text)).lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")[:60]


# Markdown in chapters is prose: raw HTML in it is shown as text, and the rendered HTML passes an
# allow-list sanitiser (nh3) as well, so no script, handler, active URL, frame, form or style sheet
# can reach the page.
MARKDOWN_TAGS = {
    "a", "abbr", "blockquote", "br", "code", "dd", "del", "dl", "dt", "em", "h1", "h2", "h3", "h4", "h5", "h6",
    "hr", "li", "ol", "p", "pre", "span", "strong", "sub", "sup", "table", "tbody", "td", "th", "thead", "tr", "ul",
}  # fmt: skip
MARKDOWN_ATTRIBUTES = {
    "a": {"href", "class", "title"},
    "span": {"class"},
    "code": {"class"},
    "th": {"align"},
    "td": {"align"},
}
URL_SCHEMES = {"http", "https", "mailto"}
CODE = re.compile(r"(```.*?```|`[^`\n]*`)", re.S)
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; img-src data:; style-src 'unsafe-inline'; font-src data:; "
    "script-src 'none'; object-src 'none'; frame-src 'none'; base-uri 'none'; form-action 'none'"
)


def _escape_raw_html(source: str) -> str:
    """Raw HTML in Markdown becomes visible text: '<' outside code spans and blocks is escaped."""
    parts = CODE.split(source)
    return "".join(part if index % 2 else part.replace("<", "&lt;") for index, part in enumerate(parts))


def _sanitise(fragment: str) -> str:
    """The allow-list sanitiser every rendered Markdown cell passes through."""
    return nh3.clean(
        fragment,
        tags=MARKDOWN_TAGS,
        attributes=MARKDOWN_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel=None,  # the numbering of "Figure" and "Table" links reads them exactly as written
        strip_comments=True,
    )


def _fill_facts(source: str, facts: dict[str, str], chapter: Chapter, cell_number: int) -> str:
    def replace(match: re.Match) -> str:
        name = match.group(1)
        if name not in facts:
            raise AssemblyError(
                f"chapter '{chapter.slug}', cell {cell_number}: inline value {{eval}}`{name}` has no published fact (publish it with analysis.present.text.publish)"
            )
        # Facts are text for the reader, never markup; escape Markdown and HTML specials.
        return html.escape(str(facts[name])).replace("*", "&#42;").replace("_", "&#95;")

    return PLACEHOLDER.sub(replace, source)


# MyST citation role: {cite}`key` or {cite}`key1,key2` (keys of data/references.bib).
CITATION = re.compile(r"\{cite\}`([^`]*)`")


def _fill_citations(source: str, known: set[str], chapter: Chapter, cell_number: int) -> str:
    """Replace each citation role by linked short citations "(Author Year; ...)"; an unknown key stops the build."""

    def replace(match: re.Match) -> str:
        keys = [key.strip() for key in match.group(1).split(",") if key.strip()]
        unknown = [key for key in keys if key not in known]
        if not keys or unknown:
            raise AssemblyError(
                f"chapter '{chapter.slug}', cell {cell_number}: citation {match.group(0)} names no entry of data/references.bib: {unknown or 'empty'}"
            )
        links = "; ".join(
            f'<a class="citation" href="#ref-{html.escape(key)}">{html.escape(bibliography.short_citation(key))}</a>'
            for key in keys
        )
        return f"({links})"

    return CITATION.sub(replace, source)


def cited_keys(source: str) -> set[str]:
    """The bibliography keys cited by a Markdown text."""
    return {key.strip() for match in CITATION.finditer(source) for key in match.group(1).split(",") if key.strip()}


def _facts(nb) -> dict[str, str]:
    facts: dict[str, str] = {}
    for cell in nb.cells:
        for output in cell.get("outputs", []) if cell.cell_type == "code" else []:
            facts.update(output.get("data", {}).get(FACTS_MIME, {}))
    return facts


def _render_output(output) -> str:
    data = output.get("data", {})
    if FACTS_MIME in data:
        return ""
    if "text/html" in data:
        return data["text/html"] if isinstance(data["text/html"], str) else "".join(data["text/html"])
    if "image/png" in data:
        return f'<img class="plain-output" src="data:image/png;base64,{data["image/png"].strip()}" alt="">'
    if "text/markdown" in data:
        return markdown2html(data["text/markdown"])
    return ""


def _heading_ids(fragment: str, chapter: Chapter, outline: Outline, used: set[str]) -> str:
    """Give every h1/h2/h3 a stable id; the chapter's h1 gets the chapter anchor."""

    def replace(match: re.Match) -> str:
        level, inner = match.group(1), match.group(3)
        inner = re.sub(r'<a class="anchor-link".*?</a>', "", inner)
        if level == "1":
            anchor = chapter.anchor
            if anchor in used:
                raise AssemblyError(f"chapter '{chapter.slug}': more than one top-level '#' heading")
        else:
            anchor = f"{chapter.slug}--{_slugify(inner)}"
            while anchor in used:
                anchor += "-x"
            if level == "2":
                outline.sections.append((anchor, html.unescape(re.sub(r"<[^>]+>", "", inner))))
        used.add(anchor)
        permalink = (
            f'<a class="permalink" href="#{anchor}" aria-label="Link to this section">¶</a>' if level != "1" else ""
        )
        return f'<h{level} id="{anchor}">{inner}{permalink}</h{level}>'

    return re.sub(r"<h([123])([^>]*)>(.*?)</h\1>", replace, fragment, flags=re.S)


@lru_cache(maxsize=1)
def _known_dates() -> tuple[set, set]:
    """The dates the data holds, for the prose-date check (read once per build)."""
    from analysis.data.load import load

    return prose_dates.known_dates(load("events"), load("key_figures"), load("seed_claims"))


def prepare() -> None:
    """Read, ahead of assembly, what it reads once per build: the bibliography and the dates the data holds
    (about a second; the build calls this while the chapters execute, on the core the kernels leave free)."""
    bibliography.short_citations()  # every entry, and the short form of each
    _known_dates()


def render_chapter(
    chapter: Chapter, executed: Path, include_code: bool, used_ids: set[str], draft: bool = False
) -> tuple[str, Outline]:
    """The HTML of one executed chapter, and its outline for the table of contents.

    A scaffold marker stops the report; in a ``draft`` (one chapter previewed while it is written) it is
    highlighted instead, and the cells holding it are listed in the outline's ``drafts``. So does a number
    typed into a Markdown cell's prose (outside ``{eval}``, ``{cite}`` and code spans, and not allowed by
    ``analysis.present.text.PROSE_NUMBER_ALLOWED``); in a draft, such cells are listed in ``typed``.
    """
    nb = nbformat.read(executed, as_version=4)
    facts = _facts(nb)
    outline = Outline(chapter)
    highlight = Highlight2HTML(pygments_lexer="ipython3")
    parts: list[str] = []
    for number, cell in enumerate(nb.cells, start=1):
        if SCAFFOLD_MARKER in cell.source and draft:
            outline.drafts.append(number)
        elif SCAFFOLD_MARKER in cell.source:
            raise AssemblyError(
                f"chapter '{chapter.slug}', cell {number}: placeholder text '{SCAFFOLD_MARKER}' is still there; replace it before publishing"
            )
        if cell.cell_type == "markdown":
            typed = typed_numbers(prose_of(cell.source)) + [
                f"date {found}" for found in prose_dates.unmatched_dates(cell.source, *_known_dates())
            ]
            if typed and draft:
                outline.typed.append((number, typed))
            elif typed:
                raise AssemblyError(
                    f"chapter '{chapter.slug}', cell {number}: numbers or dates not from the data in the narrative: {', '.join(typed)}; "
                    "publish them from data in a code cell and write {eval}`name` (docs/writing-chapters.md)"
                )
            filled = _fill_facts(_escape_raw_html(cell.source), facts, chapter, number)
            cited = _fill_citations(filled, set(bibliography.entries()), chapter, number)
            body = _sanitise(markdown2html(cited))
            parts.append(_heading_ids(body, chapter, outline, used_ids))
        elif cell.cell_type == "code":
            if include_code and cell.source.strip():
                parts.append(f'<div class="code-input">{highlight(cell.source)}</div>')
            parts.extend(_render_item(output, outline) for output in cell.get("outputs", []))
    if chapter.anchor not in used_ids:
        raise AssemblyError(f"chapter '{chapter.slug}': the notebook needs one top-level '# Title' heading")
    html_body = "".join(parts)
    if outline.drafts:
        html_body = html_body.replace(SCAFFOLD_MARKER, f'<mark class="todo">{SCAFFOLD_MARKER}</mark>')
    return f'<section class="chapter" id="section-{chapter.slug}">{html_body}</section>', outline


ABBREVIATIONS = {"c", "ca", "cf", "e.g", "i.e", "vol", "no", "nos", "p", "pp", "st", "gen", "adm", "lt", "col", "vs"}
PAIRS = {"(": ")", "[": "]", "“": "”", "‘": "’", "«": "»"}


def _outer_marks(text: str, wanted: str = ".;:!?,–—") -> list[tuple[int, str]]:
    """(position, character) of the ``wanted`` characters standing outside every bracket and quotation."""
    marks, stack = [], []
    for position, char in enumerate(text):
        if char == '"':
            if stack and stack[-1] == '"':
                stack.pop()
            else:
                stack.append('"')
        elif char in PAIRS:
            stack.append(PAIRS[char])
        elif stack and char == stack[-1]:
            stack.pop()
        elif not stack and char in wanted:
            marks.append((position, char))
    return marks


def _first_sentence(caption: str, limit: int = 120) -> str:
    """The caption's first sentence for the table of contents, never cut inside a phrase, brackets or quotes.

    A sentence ends at '.', ';', ':', '!' or '?' followed by a space, outside brackets and quotes, and not
    after an abbreviation ("c.", "Vol.") or an initial ("B."). A sentence longer than ``limit`` ends at
    its last phrase boundary (',', a spaced dash) within the limit, marked '…'; only a sentence with no
    such boundary is cut between words (outside brackets and quotes)."""
    text = " ".join(caption.split())
    marks = _outer_marks(text)
    end = len(text)
    for position, char in marks:
        if char not in ".;:!?" or not text[position + 1 : position + 2].isspace():
            continue
        word = text[:position].rsplit(" ", 1)[-1].lower()
        if char == "." and (word in ABBREVIATIONS or (len(word) == 1 and word.isalpha())):
            continue
        end = position + (1 if char in ".!?" else 0)
        break
    sentence = text[:end]
    if len(sentence) <= limit:
        return sentence
    boundaries = [
        position
        for position, char in marks
        if position < limit - 1
        and (
            char == "," or (char in "–—" and text[position - 1 : position] == " " == text[position + 1 : position + 2])
        )
    ]
    if boundaries:
        return sentence[: boundaries[-1]].rstrip() + "…"
    spaces = [position for position, char in _outer_marks(sentence, " ") if position < limit - 1]
    return sentence[: spaces[-1]] + "…" if spaces else sentence


def _render_item(output, outline: Outline) -> str:
    """Render one output; a figure or table (``show_figure``/``show_table`` metadata) is recorded in the outline
    in reading order, its label left for ``_number_items`` to number."""
    rendered = _render_output(output)
    item = output.get("metadata", {}).get(ITEM_METADATA)
    if not item:
        return rendered
    (outline.figures if item["kind"] == "fig" else outline.tables).append((item["anchor"], item["caption"]))
    outline.labels[item["anchor"]] = item["label"]
    return rendered.replace(item["label"], _LABEL_SLOT.format(item["anchor"]), 1)


# A label waiting for its number: the anchor between two private-use characters, never in a caption.
_LABEL_SLOT = "\ue000{}\ue001"
_LABEL_SLOTS = re.compile("\ue000([^\ue001]+)\ue001")
_ITEM_LINKS = re.compile(r'<a href="#((?:fig|tab)-[^"]+)">(?:Figure|Table)</a>')


def _number_items(body: str, outlines: list[Outline]) -> str:
    """Number figures and tables in reading order from what their outputs declared (``_render_item``); fill the
    'Figure' and 'Table' links; give the outlines the numbered contents entries."""
    counters = {"fig": 0, "tab": 0}
    numbered: dict[str, tuple[str, str]] = {}  # anchor -> ("Figure 3", the numbered label)
    for outline in outlines:
        for entries in (outline.figures, outline.tables):
            for index, (anchor, caption) in enumerate(entries):
                kind = anchor.split("-", 1)[0]
                counters[kind] += 1
                word = "Figure" if kind == "fig" else "Table"
                label = outline.labels[anchor]
                name = f"{word} {counters[kind]}"
                numbered[anchor] = (name, label.replace(f">{word}</span>", f">{name}.</span>", 1))
                entries[index] = (anchor, f"{name}. {_first_sentence(caption)}")
    # One pass each over the page (megabytes), not one per figure: the slots, then the chapters'
    # [Figure](#fig-...) and [Table](#tab-...) links.
    body = _LABEL_SLOTS.sub(lambda match: numbered[match.group(1)][1], body)
    return _ITEM_LINKS.sub(
        lambda match: (
            f'<a href="#{match.group(1)}">{numbered[match.group(1)][0]}</a>'
            if match.group(1) in numbered
            else match.group(0)
        ),
        body,
    )


def _toc(outlines: list[Outline]) -> str:
    items = []
    for outline in outlines:
        chapter = outline.chapter
        sub = "".join(f'<li><a href="#{anchor}">{html.escape(title)}</a></li>' for anchor, title in outline.sections)
        figs = "".join(
            f'<li class="toc-figure"><a href="#{anchor}">{html.escape(text)}</a></li>'
            for anchor, text in outline.figures + outline.tables
        )
        items.append(
            f'<li class="toc-chapter" id="toc-{chapter.anchor}">'
            f'<a href="#{chapter.anchor}">{chapter.number}. {html.escape(chapter.title)}</a>'
            f"{f'<ol class=toc-sections>{sub}</ol>' if sub else ''}"
            f"{f'<ul class=toc-figures>{figs}</ul>' if figs else ''}</li>"
        )
    # A <details> folds the contents on a phone (no script); wider screens and paper always show them (report.css).
    return (
        '<nav class="toc" id="contents" aria-labelledby="contents-title"><details class="toc-details">'
        '<summary><h2 class="toc-title" id="contents-title">Contents</h2></summary>'
        f'<ol class="toc-chapters">{"".join(items)}</ol></details></nav>'
    )


def _current_chapter_css(outlines: list[Outline]) -> str:
    """On a wide screen the side contents show the sections of the chapter in view only, in CSS alone: each
    chapter names a view timeline (scroll-driven animations), and its section list is displayed while the
    chapter crosses the screen. Browsers without scroll-driven animations show every chapter's sections."""
    names = {outline.chapter.anchor: f"--usrj-{outline.chapter.anchor}" for outline in outlines}
    slugs = {outline.chapter.anchor: outline.chapter.slug for outline in outlines}  # the chapter's <section>
    if not names:
        return ""
    rules = "".join(
        f"#section-{slug}{{view-timeline-name:{names[anchor]}}}#toc-{anchor}>.toc-sections{{animation-timeline:{names[anchor]}}}"
        for anchor, slug in slugs.items()
    )
    return (
        # A display:none element runs no animation, so the lists are collapsed and hidden, not removed.
        "@keyframes usrj-in-view{from,to{max-height:none;visibility:visible}}"
        "@supports (animation-timeline: view()){@media screen and (min-width: 80rem){"
        f"body{{timeline-scope:{','.join(names.values())}}}"
        ".toc-chapter>.toc-sections{max-height:0;overflow:hidden;visibility:hidden;animation:usrj-in-view auto linear}"
        f"{rules}}}}}"
    )


def _backlinks(body: str) -> str:
    """The first citation of each work gets an anchor, and its entry in the references a link back to it."""
    first: set[str] = set()

    def anchor(match: re.Match) -> str:
        key = match.group(1)
        if key in first:
            return match.group(0)
        first.add(key)
        return f'<a class="citation" id="cite-{key}" href="#ref-{key}"'

    body = re.sub(r'<a class="citation" href="#ref-([^"]+)"', anchor, body)

    def back(match: re.Match) -> str:
        key = match.group(1)
        if key not in first:
            return match.group(0)
        return f'{match.group(0)} <a class="backlink" href="#cite-{key}" aria-label="Back to the first citation">↩</a>'

    return re.sub(r'<li id="ref-([^"]+)">.*?(?=</li>)', back, body, flags=re.S)


def _check_links(page: str) -> None:
    ids = set(re.findall(r'\sid="([^"]+)"', page))
    for target in re.findall(r'href="#([^"]*)"', page):
        if target not in ids:
            raise AssemblyError(f"internal link #{target} points to no element")


# A cell holding one number: sign (true minus or hyphen), thousands commas, decimals, a unit of percent or times.
NUMBER_CELL = re.compile(r"[−+±-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?\s?[%×]?")
EMPTY_CELLS = {"", "–", "—", "-", "…"}
CELL = re.compile(r"<(t[hd])([^>]*)>(.*?)</\1>", re.S)


def _cell_text(inner: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", inner)).strip()


def _numeric_columns(table: str) -> set[int]:
    """The columns of a table whose body cells are all numbers (or empty), with at least one number."""
    body = re.search(r"<tbody>(.*?)</tbody>", table, re.S)
    if body is None or "rowspan" in table:
        return set()
    seen: dict[int, bool] = {}
    for row in re.findall(r"<tr[^>]*>(.*?)</tr>", body.group(1), re.S):
        column = 0
        for _, attributes, inner in CELL.findall(row):
            span = int(re.search(r'colspan="(\d+)"', attributes).group(1)) if "colspan" in attributes else 1
            text = _cell_text(inner)
            if text not in EMPTY_CELLS:
                for index in range(column, column + span):
                    seen[index] = seen.get(index, True) and NUMBER_CELL.fullmatch(text) is not None
            column += span
    return {index for index, numeric in seen.items() if numeric}


def _mark_numeric(table: str, numeric: set[int]) -> str:
    """Add class="num" to every cell (head and body) standing wholly in a numeric column."""

    def row(match: re.Match) -> str:
        column = 0

        def cell(found: re.Match) -> str:
            nonlocal column
            tag, attributes, inner = found.groups()
            span = int(re.search(r'colspan="(\d+)"', attributes).group(1)) if "colspan" in attributes else 1
            covered = set(range(column, column + span))
            column += span
            if covered <= numeric:
                attributes = re.sub(r'\s?style="[^"]*"', "", attributes) + ' class="num"'
            return f"<{tag}{attributes}>{inner}</{tag}>"

        return match.group(1) + CELL.sub(cell, match.group(2)) + match.group(3)

    return re.sub(r"(<tr[^>]*>)(.*?)(</tr>)", row, table, flags=re.S)


def _table_markup(body: str) -> str:
    """Tables read well and are reachable: numeric columns marked ``num`` (right-aligned, tabular figures, in CSS);
    tables of many columns marked ``wide`` (set smaller on paper); each scroll frame a labelled region the
    keyboard can reach, since a wide table scrolls in it on a phone (WCAG 2.1.1)."""

    def figure(match: re.Match) -> str:
        block = match.group(0)
        caption = re.search(r'<figcaption><span class="table-label">(.*?)</span>(.*?)</figcaption>', block, re.S)
        label = (
            f"{_cell_text(caption.group(1))} {_first_sentence(_cell_text(caption.group(2)))}" if caption else "Table"
        )
        block = block.replace(
            '<div class="table-scroll">',
            f'<div class="table-scroll" tabindex="0" role="region" aria-label="{html.escape(label)}">',
            1,
        )

        def table(found: re.Match) -> str:
            text = found.group(0)
            head = re.search(r"<thead>.*?<tr[^>]*>(.*?)</tr>", text, re.S)
            columns = len(CELL.findall(head.group(1))) if head else 0
            text = _mark_numeric(text, _numeric_columns(text))
            if columns >= 7:
                text = text.replace('class="dataframe report-table"', 'class="dataframe report-table wide"', 1)
            return text

        return re.sub(r"<table[^>]*>.*?</table>", table, block, flags=re.S)

    return re.sub(r'<figure class="report-table-wrap" id="tab-[^"]+">.*?</figure>', figure, body, flags=re.S)


REPORT_AUTHORS = "The contributors to the US–USSR–Japan report"
REPORT_LICENCE = "Text and curated data: CC BY 4.0. Code: MIT. Extracts of published datasets: their producers' terms."


def _colophon(edition: str) -> str:
    """Authorship, licence and how to cite, on the title page."""
    cite = f"{REPORT_AUTHORS}, {REPORT_TITLE}" + (f" ({edition[0].lower()}{edition[1:]})" if edition else "")
    return (
        f'<p class="colophon">{html.escape(REPORT_AUTHORS)}. {html.escape(REPORT_LICENCE)}</p>'
        f'<p class="colophon">How to cite: {html.escape(cite)}. The data behind every chart and number are in the '
        "project's data/ folder, described in the appendix.</p>"
    )


def assemble(
    chapters: list[Chapter],
    executed: dict[str, Path],
    include_code: bool = False,
    edition: str = "",
    draft: bool = False,
    warn=None,
) -> str:
    """The whole report as one HTML string; a ``draft`` highlights scaffold markers and calls ``warn`` about them."""
    used_ids: set[str] = {"contents", "title-page"}
    bodies, outlines = [], []
    for chapter in chapters:
        body, outline = render_chapter(chapter, executed[chapter.slug], include_code, used_ids, draft)
        if outline.drafts and warn is not None:
            cells = ", ".join(str(number) for number in outline.drafts)
            warn(
                f"WARNING: chapter '{chapter.slug}' is a draft: {SCAFFOLD_MARKER} in cell(s) {cells}, highlighted; make report refuses it"
            )
        if outline.typed and warn is not None:
            cells = "; ".join(f"cell {number}: {', '.join(numbers)}" for number, numbers in outline.typed)
            warn(
                f"WARNING: chapter '{chapter.slug}' types numbers or dates not from the data into its narrative ({cells}); make report refuses it"
            )
        bodies.append(body)
        outlines.append(outline)
    body = _number_items("".join(bodies), outlines)
    body = _table_markup(body)
    # A chapter built alone has no appendix: its cited works are listed after it, so every citation resolves.
    cited = {key for key in re.findall(r'class="citation" href="#ref-([^"]+)"', body)}
    listed = set(re.findall(r'id="ref-([^"]+)"', body))
    missing = {html.unescape(key) for key in cited - listed}
    if missing:
        body += f'<section class="chapter" id="section-cited-works"><h2>Works cited</h2>{bibliography.references_html(missing)}</section>'
    body = _backlinks(body)
    css = (paths.package_dir() / "report" / "report.css").read_text(encoding="utf-8")
    highlight_css = ""
    if include_code:
        from pygments.formatters import HtmlFormatter

        highlight_css = HtmlFormatter(style="default").get_style_defs(".highlight")
    edition_line = f'<p class="edition">{html.escape(edition)}</p>' if edition else ""
    page = (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<meta http-equiv="Content-Security-Policy" content="{CONTENT_SECURITY_POLICY}">'
        f"<title>{html.escape(REPORT_TITLE)}</title>"
        f"<style>{css}{_current_chapter_css(outlines)}{highlight_css}</style></head><body>"
        f'<header class="title-page" id="title-page"><p class="kicker">A reproducible history report</p>'
        f'<h1 class="report-title">{html.escape(REPORT_TITLE)}</h1>'
        f'<p class="subtitle">{html.escape(REPORT_SUBTITLE)}</p>{edition_line}{_colophon(edition)}</header>'
        '<a class="skip-link" href="#main">Skip to the text</a>'
        f'{_toc(outlines)}<main id="main">{body}</main>'
        '<p class="back-to-top"><a href="#title-page">Back to the top</a></p></body></html>\n'
    )
    _check_links(page)
    return page
