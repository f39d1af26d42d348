"""The printed contents carries page numbers, and they agree with the PDF's own outline."""

from __future__ import annotations

import html
import re
import subprocess

import pikepdf

from analysis.report.page_numbers import contents_links, number_contents

CONTENTS = (
    '<p>before <a href="#x">not in the contents</a></p>'
    '<nav class="toc" id="contents"><h2>Contents</h2><ol class="toc-chapters">'
    '<li class="toc-chapter"><a href="#chapter-one">1. One</a><ol class=toc-sections>'
    '<li><a href="#one--a">A</a></li></ol><ul class=toc-figures><li class="toc-figure"><a href="#fig-f">Figure 1. F</a>'
    "</li></ul></li></ol></nav><nav><a href='#y'>elsewhere</a></nav>"
)


def test_the_contents_links_are_read_in_order_with_chapters_marked():
    links = contents_links(CONTENTS)
    assert links.targets == ["chapter-one", "one--a", "fig-f"]
    assert links.chapters == {"chapter-one"}


def test_a_page_without_contents_is_left_as_it_is():
    assert number_contents(b"%PDF-1.7 not parsed", "<p>no contents here</p>") == b"%PDF-1.7 not parsed"


def _outline(pdf: pikepdf.Pdf) -> list[tuple[str, int]]:
    """(title, page number from 1) of every outline item, read from the outline's own page references."""
    page_number = {page.objgen: index + 1 for index, page in enumerate(pdf.pages)}
    items = []
    with pdf.open_outline() as outline:
        stack = list(outline.root)
        while stack:
            item = stack.pop(0)
            destination = item.destination
            if isinstance(destination, pikepdf.Array) and len(destination):
                items.append((item.title, page_number[destination[0].objgen]))
            stack = list(item.children) + stack
    return items


def test_every_contents_entry_carries_the_page_the_outline_gives(built_project):
    pdf_file = built_project / "reports" / "report.pdf"
    with pikepdf.open(pdf_file) as pdf:
        outline = _outline(pdf)
    contents_page = dict(outline)["Contents"]
    first_body_page = min(page for _, page in outline if page > contents_page)
    text = subprocess.run(
        ["pdftotext", "-layout", "-f", str(contents_page), "-l", str(first_body_page - 1), str(pdf_file), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    lines = [re.sub(r"\s+", " ", line).strip() for line in text.splitlines() if line.strip()]
    page_html = (built_project / "reports" / "report.html").read_text(encoding="utf-8")
    nav = page_html[page_html.index('<nav class="toc"') : page_html.index("</nav>")]
    listed = {
        " ".join(html.unescape(re.sub(r"<[^>]+>", "", text)).split()) for text in re.findall(r"<a [^>]*>(.*?)</a>", nav)
    }
    checked = 0
    for title, page in outline:
        if page < first_body_page or not any(entry.endswith(title) for entry in listed):
            continue  # the title page, the contents themselves, and headings the contents do not list
        key = re.sub(r"\s+", " ", title).strip()[:40]
        found = [index for index, line in enumerate(lines) if key in line]
        assert found, f"outline entry {title!r} (page {page}) is not in the printed contents"
        # A long entry wraps: its number ends the entry's last line.
        index = found[0]
        while not re.search(r"\s\d+$", lines[index]) and index + 1 < len(lines):
            index += 1
        number = int(lines[index].rsplit(" ", 1)[1])
        assert number == page, f"contents gives page {number} for {title!r}, the outline page {page}"
        checked += 1
    assert checked >= 40, f"only {checked} outline entries were checked"
