"""The printed report's layout, read back from the PDF the build printed (poppler and pikepdf, no browser).

No table runs off the right margin, no heading is left alone at the foot of a page, and no page is more
than half empty except where a chapter (or the title page, or the contents) ends. Both files stay small:
HTML at most 5 MB, PDF at most 10 MB (their load time is measured by tools/measure_page.py, not asserted).
"""

from __future__ import annotations

import html
import re
import subprocess
import tempfile
from pathlib import Path

import pikepdf
import pytest
from PIL import Image

pytestmark = [pytest.mark.slow]

MM = 72 / 25.4  # PDF points per millimetre
RIGHT_MARGIN_MM = 16  # report.css: @page margin 18mm 16mm 20mm 16mm
TOP_MM, BOTTOM_MM = 18, 20


def _text(node: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", node)).split())


def _squeeze(text: str) -> str:
    """Text without any white space, for comparing text that lines may break anywhere."""
    return re.sub(r"\s+", "", text)


def _pdftotext(pdf: Path, *options: str) -> str:
    return subprocess.run(["pdftotext", *options, str(pdf), "-"], capture_output=True, text=True, check=True).stdout


@pytest.fixture(scope="module")
def printed(built_project):
    """(HTML text, PDF path, pages' text in layout mode) of the built report."""
    page_html = (built_project / "reports" / "report.html").read_text(encoding="utf-8")
    pdf = built_project / "reports" / "report.pdf"
    pages = _pdftotext(pdf, "-layout").split("\f")
    return page_html, pdf, pages[:-1] if pages and not pages[-1].strip() else pages


def _headings(page_html: str) -> list[str]:
    main = page_html[page_html.index('<main id="main">') :]
    found = []
    for inner in re.findall(r"<h[1-3][^>]*>(.*?)</h[1-3]>", main, re.S):
        inner = re.sub(r'<a class="permalink".*?</a>', "", inner)
        found.append(_text(inner))
    return [heading for heading in found if heading]


def _body_lines(page_text: str) -> list[str]:
    """A page's lines without the footer's 'N / M'."""
    lines = [" ".join(line.split()) for line in page_text.splitlines() if line.strip()]
    return [line for line in lines if not re.fullmatch(r"\d+ / \d+", line)]


def test_the_last_column_of_every_table_is_printed_inside_the_page(printed):
    page_html, pdf, _ = printed
    text = _squeeze(_pdftotext(pdf, "-raw"))
    tables = re.findall(r'<figure class="report-table-wrap" id="(tab-[^"]+)">.*?<thead>(.*?)</thead>', page_html, re.S)
    assert tables
    missing = []
    for name, head in tables:
        last_row = re.findall(r"<tr[^>]*>(.*?)</tr>", head, re.S)[-1]
        last_header = _text(re.findall(r"<th[^>]*>(.*?)</th>", last_row, re.S)[-1])
        if _squeeze(last_header) not in text:
            missing.append(f"{name}: {last_header!r}")
    assert missing == [], f"last column header not in the PDF's text: {missing}"
    # And nothing is set beyond the right margin (a table too wide is cut there, or its text runs off the page).
    beyond = []
    layout = _pdftotext(pdf, "-bbox")
    for number, (width, words) in enumerate(re.findall(r'<page width="([\d.]+)"[^>]*>(.*?)</page>', layout, re.S), 1):
        limit = float(width) - RIGHT_MARGIN_MM * MM / 2
        for x_max, word in re.findall(
            r'<word xMin="[\d.]+" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">(.*?)</word>', words
        ):
            if float(x_max) > limit:
                beyond.append(f"page {number}: {html.unescape(word)!r} ends at {float(x_max):.0f} pt")
    assert beyond == [], f"text beyond the right margin: {beyond[:20]}"


def test_no_page_ends_with_a_heading(printed):
    page_html, _, pages = printed
    headings = {_squeeze(heading) for heading in _headings(page_html)}
    alone = []
    for number, page in enumerate(pages[:-1], start=1):
        lines = _body_lines(page)
        tail = ""
        for line in reversed(lines[-3:]):  # a heading may wrap onto two or three lines
            tail = _squeeze(line) + tail
            if tail in headings:
                alone.append(f"page {number}: {' '.join(lines[-3:])!r}")
                break
    assert alone == [], f"headings left alone at the foot of a page: {alone}"


def _chapter_final_pages(pdf: Path, page_html: str, page_count: int) -> set[int]:
    """The pages after which a chapter (or the title page, or the contents) ends: before each chapter's first page,
    before the contents, and the last page; read from the PDF's outline."""
    titles = {_text(inner) for inner in re.findall(r'<section class="chapter"[^>]*><h1[^>]*>(.*?)</h1>', page_html)}
    titles.add("Contents")
    starts = set()
    with pikepdf.open(pdf) as document:
        page_number = {page.objgen: index + 1 for index, page in enumerate(document.pages)}
        with document.open_outline() as outline:
            stack = list(outline.root)
            while stack:
                item = stack.pop(0)
                destination = item.destination
                if _text(item.title) in titles and isinstance(destination, pikepdf.Array) and len(destination):
                    starts.add(page_number[destination[0].objgen])
                stack = list(item.children) + stack
    assert len(starts) == len(titles), f"chapters found in the outline: {sorted(starts)} of {sorted(titles)}"
    return {start - 1 for start in starts} | {page_count}


def page_fill(pdf: Path) -> list[float]:
    """How far down each page's body the ink reaches (0 empty, 1 full), from a 30 dpi greyscale rendering."""
    fills = []
    with tempfile.TemporaryDirectory() as folder:
        subprocess.run(["pdftoppm", "-r", "30", "-gray", str(pdf), f"{folder}/page"], check=True)
        for image_file in sorted(Path(folder).glob("page-*.pgm"), key=lambda path: int(path.stem.split("-")[-1])):
            image = Image.open(image_file)
            width, height = image.size
            top, bottom = round(height * TOP_MM / 297), round(height * (1 - BOTTOM_MM / 297))
            body = image.crop((0, top, width, bottom)).point(lambda value: 255 if value < 200 else 0)
            box = body.getbbox()  # the ink's bounding box within the page's body
            fills.append(0.0 if box is None else box[3] / (bottom - top))
    return fills


def test_no_page_is_more_than_half_empty_except_where_a_chapter_ends(printed):
    page_html, pdf, pages = printed
    fills = page_fill(pdf)
    assert len(fills) == len(pages)
    exempt = _chapter_final_pages(pdf, page_html, len(fills))
    half_empty = [
        f"page {number}: {fill:.0%} filled, ends {(_body_lines(pages[number - 1]) or [''])[-1]!r}"
        for number, fill in enumerate(fills, start=1)
        if fill < 0.5 and number not in exempt
    ]
    assert half_empty == [], f"{len(half_empty)} page(s) more than half empty: {half_empty}"


def test_the_html_and_the_pdf_stay_within_their_size_limits(built_project):
    reports = built_project / "reports"
    sizes = {name: (reports / name).stat().st_size / 1e6 for name in ("report.html", "report.pdf")}
    assert sizes["report.html"] <= 5.0 and sizes["report.pdf"] <= 10.0, sizes


def test_every_page_ends_with_its_number_out_of_the_total(printed):
    """The footer (an @page margin box in report.css) numbers every page 'N / total', in order."""
    _, _, pages = printed
    footers = [([" ".join(line.split()) for line in page.splitlines() if line.strip()] or [""])[-1] for page in pages]
    expected = [f"{number} / {len(pages)}" for number in range(1, len(pages) + 1)]
    wrong = [(number, found) for number, (found, want) in enumerate(zip(footers, expected), start=1) if found != want]
    assert wrong == [], f"pages without their number in the footer: {wrong[:5]}"
