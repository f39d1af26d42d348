"""Page numbers in the printed contents, written into the PDF after one print.

Chromium cannot resolve ``target-counter()``, so a browser-printed contents has no page numbers. A second
print with the numbers filled in would double the printing time. Instead, the PDF Chromium writes already
holds the answer: every contents entry is a link annotation whose named destination sits on a page. The
page number of that destination is drawn at the right edge of the entry's last line, in the contents' own
typeface (DejaVu Sans, a digits-only subset embedded once), marked as an artifact so the tagged structure
is unchanged. The contents list reserves that strip in the print style (``.toc-chapters`` has right padding).
The additions are appended as an incremental update, so the printed bytes are neither parsed whole nor
rewritten (a fifth of a second, where rewriting the whole file took more than a second).

The numbers are the physical page numbers, those the footer prints and a PDF viewer's outline shows.
"""

from __future__ import annotations

import hashlib
import html
import html.parser
import io
import re
import zlib
from decimal import Decimal
from functools import cache
from pathlib import Path

# The contents' typeface (report.css sets .toc in DejaVu Sans; chapter entries are bold), from fonts-dejavu-core.
FONT_FILES = {
    "regular": Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
    "bold": Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"),
}
DIGITS = "0123456789"
# An inline link's rectangle is its font's content area: ascent + descent = 1.164 em in DejaVu Sans, the
# baseline 0.236 em above its bottom.
CONTENT_AREA_EM = 1.164
DESCENT_EM = 0.236
RIGHT_MARGIN_PT = 16 / 25.4 * 72  # @page margin-right in report.css (16 mm)


class ContentsLinks(html.parser.HTMLParser):
    """The targets of the contents' links, in order, and which of them are chapters (set bold)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.targets: list[str] = []
        self.chapters: set[str] = set()
        self._depth = 0  # > 0 while inside <nav class="toc">
        self._chapter_item = False

    def handle_starttag(self, tag, attrs):
        """Enter the contents; record each link's target."""
        attributes = dict(attrs)
        if self._depth:
            if tag == "nav":
                self._depth += 1
            if tag == "li":
                self._chapter_item = "toc-chapter" in (attributes.get("class") or "").split()
            if tag == "a" and (attributes.get("href") or "").startswith("#"):
                target = attributes["href"][1:]
                self.targets.append(target)
                if self._chapter_item:
                    self.chapters.add(target)
                    self._chapter_item = False
        elif tag == "nav" and "toc" in (attributes.get("class") or "").split():
            self._depth = 1

    def handle_endtag(self, tag):
        """Leave the contents at its closing tag."""
        if self._depth and tag == "nav":
            self._depth -= 1


def contents_links(page_html: str) -> ContentsLinks:
    """Parse the report's HTML for its contents links."""
    parser = ContentsLinks()
    start = page_html.find('<nav class="toc"')
    # Only the contents block is parsed: the whole page is megabytes of figures.
    parser.feed(page_html[start : page_html.find("</nav>", start) + len("</nav>")] if start != -1 else "")
    return parser


@cache
def _digits_font(weight: str) -> tuple[bytes, tuple[int, ...], dict]:
    """A digits-only subset of the contents' typeface: (font file, widths of '0'-'9' in 1/1000 em, metrics)."""
    from fontTools import subset
    from fontTools.ttLib import TTFont

    path = FONT_FILES[weight]
    if not path.exists():
        raise FileNotFoundError(f"{path} is missing: run `make system-deps` (fonts-dejavu-core)")
    font = TTFont(path, recalcTimestamp=False)  # no clock in the bytes: rebuilds stay identical
    scale = 1000 / font["head"].unitsPerEm
    cmap = font.getBestCmap()
    widths = tuple(round(font["hmtx"][cmap[ord(d)]][0] * scale) for d in DIGITS)
    head, os2 = font["head"], font["OS/2"]
    metrics = {
        "bbox": [round(v * scale) for v in (head.xMin, head.yMin, head.xMax, head.yMax)],
        "ascent": round(font["hhea"].ascent * scale),
        "descent": round(font["hhea"].descent * scale),
        "cap_height": round(getattr(os2, "sCapHeight", 0) * scale) or 729,
    }
    options = subset.Options()
    options.layout_features = []
    options.name_IDs = [1, 2, 3, 4, 6]
    options.drop_tables += ["FFTM"]  # FontForge's timestamps: nothing a PDF viewer reads
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=DIGITS)
    subsetter.subset(font)
    buffer = io.BytesIO()
    font.save(buffer)
    return buffer.getvalue(), widths, metrics


def prepare_fonts() -> None:
    """Subset the digits' fonts ahead of time (half a second), e.g. while the chapters execute."""
    for weight in FONT_FILES:
        _digits_font(weight)


def _font_objects(weight: str, first_number: int) -> list[bytes]:
    """The embedded digits font as three new objects, numbered from ``first_number``: the font file (FontFile2,
    deflated), its descriptor and the simple TrueType font dictionary that the contents pages name."""
    import pikepdf

    data, widths, metrics = _digits_font(weight)
    name = {"regular": "/USRJPN+DejaVuSans", "bold": "/USRJPN+DejaVuSans-Bold"}[weight]
    font_file, descriptor = first_number, first_number + 1
    deflated = zlib.compress(data, 9)
    descriptor_dict = pikepdf.Dictionary(
        Type=pikepdf.Name.FontDescriptor,
        FontName=pikepdf.Name(name),
        Flags=32,  # non-symbolic
        FontBBox=metrics["bbox"],
        ItalicAngle=0,
        Ascent=metrics["ascent"],
        Descent=metrics["descent"],
        CapHeight=metrics["cap_height"],
        StemV=80 if weight == "regular" else 140,
        FontFile2=_reference(font_file),
    )
    font_dict = pikepdf.Dictionary(
        Type=pikepdf.Name.Font,
        Subtype=pikepdf.Name.TrueType,
        BaseFont=pikepdf.Name(name),
        FirstChar=ord("0"),
        LastChar=ord("9"),
        Widths=list(widths),
        Encoding=pikepdf.Name.WinAnsiEncoding,
        FontDescriptor=_reference(descriptor),
    )
    return [
        _stream(deflated, f"/Filter /FlateDecode /Length1 {len(data)}"),
        descriptor_dict.unparse(),
        font_dict.unparse(),
    ]


def number_contents(pdf_bytes: bytes, page_html: str) -> bytes:
    """Write each contents entry's page number at the right edge of its last line; return the new PDF.

    The numbers, their font and the repaired bookmark titles are appended to Chromium's PDF as an incremental
    update (PDF 32000-1, 7.5.6): the printed bytes stay as they are, and nothing else is parsed or rewritten.
    Raises ``ValueError`` when a contents entry has no link or no destination in the PDF (the numbers
    would then be incomplete, which the reader could not tell).
    """
    import pikepdf

    links = contents_links(page_html)
    if not links.targets:
        return pdf_bytes
    pdf = pikepdf.open(io.BytesIO(pdf_bytes))
    page_of = {page.objgen: index for index, page in enumerate(pdf.pages)}
    destinations = pdf.Root.get("/Dests", pikepdf.Dictionary())
    target_page: dict[str, int] = {}
    for target in links.targets:
        destination = destinations.get("/" + target)
        if destination is None:
            raise ValueError(f"contents entry #{target} has no destination in the PDF")
        array = destination.get("/D") if isinstance(destination, pikepdf.Dictionary) else destination
        target_page[target] = page_of[array[0].objgen]
    first_chapter_page = min(target_page.values())
    wanted = set(links.targets)
    # The last line of each entry: the lowest link rectangle with that destination on the contents pages.
    last_line: dict[str, tuple[int, list[float]]] = {}
    for index in range(first_chapter_page):
        for annotation in pdf.pages[index].obj.get("/Annots", []):
            name = str(annotation.get("/Dest", ""))[1:]
            if annotation.get("/Subtype") != pikepdf.Name.Link or name not in wanted:
                continue
            rect = [float(value) for value in annotation.Rect]
            if name not in last_line or (index, -rect[1]) > (last_line[name][0], -last_line[name][1][1]):
                last_line[name] = (index, rect)
    missing = [target for target in links.targets if target not in last_line]
    if missing:
        raise ValueError(f"contents entries without a link in the printed contents: {', '.join(missing[:5])}")
    by_page: dict[int, list[str]] = {}
    for target in links.targets:
        index, rect = last_line[target]
        weight = "bold" if target in links.chapters else "regular"
        size = (rect[3] - rect[1]) / CONTENT_AREA_EM
        if not 5 <= size <= 14:  # the print style no longer sets contents links inline: say so, never guess
            raise ValueError(f"contents entry #{target}: a link box {rect[3] - rect[1]:.1f} pt high is not one line")
        label = str(target_page[target] + 1)
        width = sum(_digits_font(weight)[1][DIGITS.index(d)] for d in label) / 1000 * size
        right = float(pdf.pages[index].mediabox[2]) - RIGHT_MARGIN_PT
        baseline = rect[1] + DESCENT_EM * size
        by_page.setdefault(index, []).append(
            f"BT /USRJ{weight} {_num(size)} Tf 1 0 0 1 {_num(right - width)} {_num(baseline)} Tm ({label}) Tj ET"
        )
    # New objects are numbered after the last one Chromium wrote; the objects that change keep their numbers.
    new: list[bytes] = []
    next_number = int(pdf.trailer.Size)
    fonts = {}
    for weight in ("regular", "bold"):
        new += _font_objects(weight, next_number + len(new))
        fonts[weight] = next_number + len(new) - 1
    opening = next_number + len(new)
    new.append(_stream(b"q\n"))
    changed: dict[tuple[int, int], object] = {}
    for index, commands in by_page.items():
        page = pdf.pages[index].obj
        # Page numbers in a contents are layout, not text to read out: an artifact outside the structure tree.
        # The page's own drawing is wrapped in q ... Q so that whatever transform it leaves does not move the numbers.
        numbers = next_number + len(new)
        new.append(_stream(("Q q 0 g /Artifact BMC\n" + "\n".join(commands) + "\nEMC Q\n").encode("ascii")))
        contents = page.get("/Contents")
        drawn = list(contents) if isinstance(contents, pikepdf.Array) else [contents]
        page.Contents = pikepdf.Array([_reference(opening), *drawn, _reference(numbers)])
        resources = page.get("/Resources")
        if resources is None:
            raise ValueError(f"contents page {index + 1} has no /Resources of its own")
        if "/Font" not in resources:
            resources.Font = pikepdf.Dictionary()
        for weight, number in fonts.items():
            resources.Font[f"/USRJ{weight}"] = _reference(number)
        for holder in (page, resources, resources.Font):
            if holder.is_indirect:
                changed[holder.objgen] = holder
    for item in _repair_outline_titles(pdf, page_html):
        changed[item.objgen] = item
    bodies = {
        objgen: pikepdf.Dictionary({key: obj[key] for key in obj.keys()}).unparse() for objgen, obj in changed.items()
    }
    bodies.update({(next_number + offset, 0): body for offset, body in enumerate(new)})
    return _append_update(pdf_bytes, pdf, bodies, next_number + len(new))


def _reference(number: int):
    """A stand-in for a reference to a new object ``number`` (pikepdf makes references only to objects it has
    added, which would cost a parse of the whole document); ``_append_update`` writes ``number 0 R``."""
    import pikepdf

    return pikepdf.Name(f"/USRJref{number}")


_REFERENCE = re.compile(rb"/USRJref(\d+)")


def _stream(data: bytes, entries: str = "") -> bytes:
    """A stream object's body."""
    return f"<< /Length {len(data)} {entries}>>\nstream\n".encode("ascii") + data + b"\nendstream"


def _append_update(original: bytes, pdf, bodies: dict[tuple[int, int], bytes], size: int) -> bytes:
    """``original`` with an incremental update: the given objects, a cross-reference section for them and a
    trailer pointing back to the original's (whose own cross-reference table must be a classic one)."""
    found = re.search(rb"startxref\s+(\d+)\s+%%EOF\s*$", original[-1024:])
    if found is None or original[int(found.group(1)) : int(found.group(1)) + 4] != b"xref":
        raise ValueError("the PDF does not end in a classic cross-reference table (as Chromium writes)")
    out = bytearray(original if original.endswith(b"\n") else original + b"\n")
    offsets = {}
    for (number, generation), body in sorted(bodies.items()):
        offsets[number] = (len(out), generation)
        out += f"{number} {generation} obj\n".encode("ascii")
        out += _REFERENCE.sub(rb"\1 0 R", body) + b"\nendobj\n"
    xref_at = len(out)
    out += b"xref\n"
    numbers = sorted(offsets)
    runs: list[list[int]] = []
    for number in numbers:
        if runs and number == runs[-1][-1] + 1:
            runs[-1].append(number)
        else:
            runs.append([number])
    for run in runs:
        out += f"{run[0]} {len(run)}\n".encode("ascii")
        for number in run:
            offset, generation = offsets[number]
            out += f"{offset:010d} {generation:05d} n \n".encode("ascii")  # 20 bytes, as the format wants
    # The file identifier is derived from the bytes, never from the clock, so two builds stay identical.
    identifier = hashlib.md5(original, usedforsecurity=False).hexdigest()
    info = f" /Info {pdf.trailer.Info.objgen[0]} 0 R" if "/Info" in pdf.trailer else ""
    out += (
        f"trailer\n<< /Size {size} /Root {pdf.Root.objgen[0]} 0 R{info} /Prev {found.group(1).decode()} "
        f"/ID [<{identifier}> <{identifier}>] >>\nstartxref\n{xref_at}\n%%EOF\n"
    ).encode("ascii")
    return bytes(out)


def _repair_outline_titles(pdf, page_html: str) -> list:
    """Chromium builds bookmark titles from a heading's lines and drops the space where a heading wraps
    ("the SovietUnion"); each title is restored from the heading whose text, spaces aside, it equals.
    Returns the outline items changed."""
    headings = {}
    for inner in re.findall(r"<h[1-3][^>]*>(.*?)</h[1-3]>", page_html, flags=re.S):
        inner = re.sub(r'<a class="permalink".*?</a>', "", inner, flags=re.S)
        text = " ".join(html.unescape(re.sub(r"<[^>]+>", "", inner)).split())
        headings.setdefault(re.sub(r"\s+", "", text), text)
    import pikepdf

    # The outline dictionaries are edited in place (only /Title), so everything else in them stays as printed.
    outlines = pdf.Root.get("/Outlines")
    stack = [outlines.get("/First")] if outlines is not None else []
    changed = []
    while stack:
        item = stack.pop()
        if item is None:
            continue
        title = str(item.get("/Title", ""))
        restored = headings.get(re.sub(r"\s+", "", title))
        if restored and restored != title:
            item.Title = pikepdf.String(restored)
            changed.append(item)
        stack.extend([item.get("/Next"), item.get("/First")])
    return changed


def _num(value: float) -> str:
    """A PDF number with two decimals, never in exponent form."""
    return format(Decimal(value).quantize(Decimal("0.01")), "f")
