"""The printed contents carries page numbers, and they agree with the PDF's own outline."""

from __future__ import annotations

import html
import io
import re
import subprocess

import pikepdf
import pytest

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


def _printed_with_numbers(tmp_path):
    """A two-chapter page printed by the report's own printer: (Chromium's bytes, the numbered PDF)."""
    from playwright.sync_api import sync_playwright

    from analysis import paths
    from analysis.report.pdf import launch, normalise

    css = (paths.package_dir() / "report" / "report.css").read_text(encoding="utf-8")
    chapters = "".join(
        f'<section class="chapter" id="{slug}"><h1>{slug.title()}</h1><p>Text.</p></section>' for slug in ("one", "two")
    )
    page_html = (
        f"<!DOCTYPE html><html><head><meta charset='utf-8'><style>{css} #two {{ break-before: page; }}</style></head>"
        '<body><nav class="toc" id="contents"><h2>Contents</h2><ol class="toc-chapters">'
        '<li class="toc-chapter"><a href="#one">1. One</a></li><li class="toc-chapter"><a href="#two">2. Two</a></li>'
        f"</ol></nav><main>{chapters}</main></body></html>"
    )
    source = tmp_path / "page.html"
    source.write_text(page_html, encoding="utf-8")
    with sync_playwright() as playwright:
        browser = launch(playwright)
        try:
            page = browser.new_page(java_script_enabled=False)
            page.goto(source.as_uri(), wait_until="load")
            printed = normalise(page.pdf(format="A4", prefer_css_page_size=True, tagged=True, outline=True))
        finally:
            browser.close()
    return printed, number_contents(printed, page_html)


def test_the_numbers_are_an_incremental_update_that_readers_accept(tmp_path):
    printed, numbered = _printed_with_numbers(tmp_path)
    # Appended, never rewritten: Chromium's bytes are kept whole, and the update is clean PDF syntax.
    assert numbered.startswith(printed) and len(numbered) > len(printed)
    with pikepdf.open(io.BytesIO(numbered)) as pdf:
        assert pdf.check_pdf_syntax() == []
        assert len(pdf.pages) == 3
    assert numbered == number_contents(printed, (tmp_path / "page.html").read_text(encoding="utf-8"))
    # The update's cross-reference section, read by the letter of the format: 20-byte entries, each offset at
    # its object's "N G obj", the trailer pointing back to Chromium's table.
    update = numbered[len(printed) :]
    xref_at = int(re.search(rb"startxref\n(\d+)\n%%EOF\n$", update).group(1))
    section = numbered[xref_at:].split(b"trailer")[0].split(b"\n", 1)[1]
    entries = 0
    while section.strip():
        header, section = section.split(b"\n", 1)
        first, count = map(int, header.split())
        for number in range(first, first + count):
            entry, section = section[:20], section[20:]
            assert re.fullmatch(rb"\d{10} \d{5} n \n", entry), entry
            assert numbered[int(entry[:10]) :].startswith(f"{number} {int(entry[11:16])} obj".encode())
            entries += 1
    assert entries == 9  # two fonts of three objects each, the "q" and the numbers streams, the contents page
    previous = re.search(rb"startxref\s+(\d+)\s+%%EOF\s*$", printed).group(1)
    assert f"/Prev {previous.decode()} ".encode() in update
    text = subprocess.run(
        ["pdftotext", "-layout", "-f", "1", "-l", "1", "-", "-"], input=numbered, capture_output=True, check=True
    ).stdout.decode()
    lines = [" ".join(line.split()) for line in text.splitlines() if line.strip()]
    assert "1. One 2" in lines and "2. Two 3" in lines, lines


def test_a_pdf_without_a_classic_cross_reference_table_is_refused(tmp_path):
    printed, _ = _printed_with_numbers(tmp_path)
    with pikepdf.open(io.BytesIO(printed)) as pdf:
        rewritten = io.BytesIO()
        pdf.save(rewritten, object_stream_mode=pikepdf.ObjectStreamMode.generate)  # an xref stream instead
    with pytest.raises(ValueError, match="classic cross-reference table"):
        number_contents(rewritten.getvalue(), (tmp_path / "page.html").read_text(encoding="utf-8"))
