"""Printing the HTML report to PDF with Debian's headless Chromium, via Playwright.

A4, page numbers in the footer, backgrounds printed. Chromium stamps
``/CreationDate`` and ``/ModDate`` with the clock; both are rewritten to a
fixed date of the same length so two builds give identical bytes.
"""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
# Flags that let Chromium run as root with no network and no stray connections.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
    "--font-render-hinting=none",
]
FIXED_PDF_DATE = b"D:20000101000000+00'00'"
FOOTER = '<div style="width:100%;font-size:8px;color:#666;text-align:center;font-family:DejaVu Sans,sans-serif;"><span class="pageNumber"></span> / <span class="totalPages"></span></div>'


def launch(playwright):
    """Debian's Chromium under Playwright (never Playwright's own browser download)."""
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)


def fix_dates(pdf: bytes) -> bytes:
    """Rewrite the PDF's creation and modification dates to a fixed value of equal length."""

    def replace(match: re.Match) -> bytes:
        original = match.group(2)
        fixed = FIXED_PDF_DATE[: len(original)].ljust(len(original), b" ")
        return match.group(1) + fixed + b")"

    return re.sub(rb"(/(?:CreationDate|ModDate) ?\()([^)]*)\)", replace, pdf)


def print_pdf(html_file: Path, pdf_file: Path) -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright, tempfile.TemporaryDirectory():
        browser = launch(playwright)
        try:
            page = browser.new_page()
            page.goto(html_file.resolve().as_uri(), wait_until="load")
            pdf = page.pdf(
                format="A4",
                print_background=True,
                display_header_footer=True,
                header_template="<span></span>",
                footer_template=FOOTER,
                prefer_css_page_size=True,
                tagged=True,
                outline=True,
            )
        finally:
            browser.close()
    pdf_file.write_bytes(fix_dates(pdf))
