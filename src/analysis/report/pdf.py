"""Printing the HTML report to PDF with Debian's headless Chromium, via Playwright.

A4, page numbers in the footer (an ``@page`` margin box in report.css), backgrounds printed. Chromium stamps
``/CreationDate`` and ``/ModDate`` with the clock; both are rewritten to a
fixed date of the same length so two builds give identical bytes.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

CHROMIUM = os.environ.get("USRJ_CHROMIUM", "/usr/bin/chromium")  # the tests point it elsewhere to check the refusal
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


def renumber_structure_ids(pdf: bytes) -> bytes:
    """Renumber the tagged PDF's element ids (``node00000238``, taken from Blink's DOM node
    counter, which varies from run to run) in order of first appearance, at equal length."""
    mapping: dict[bytes, bytes] = {}

    def replace(match: re.Match) -> bytes:
        original = match.group(0)
        if original not in mapping:
            mapping[original] = b"node" + str(len(mapping)).zfill(len(original) - 4).encode()
        return mapping[original]

    return re.sub(rb"node\d{8}", replace, pdf)


def normalise(pdf: bytes) -> bytes:
    """Everything that would make two prints of the same page differ: dates and element ids."""
    return renumber_structure_ids(fix_dates(pdf))


def print_with(browser, html_file: Path, pdf_file: Path) -> None:
    """Print one HTML file to PDF with an open browser: A4, page numbers, fixed dates."""
    # The report is a document, never a program: it is printed with JavaScript disabled.
    page = browser.new_page(java_script_enabled=False)
    try:
        page.goto(html_file.resolve().as_uri(), wait_until="load")
        pdf = page.pdf(
            format="A4",
            print_background=True,
            prefer_css_page_size=True,
            tagged=True,
            outline=True,
        )
    finally:
        page.close()
    from analysis.report.page_numbers import number_contents

    pdf_file.write_bytes(number_contents(normalise(pdf), html_file.read_text(encoding="utf-8")))


def print_pdf(html_file: Path, pdf_file: Path) -> None:
    """Start Chromium, print one file, stop (for tools and one-off prints)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = launch(playwright)
        try:
            print_with(browser, html_file, pdf_file)
        finally:
            browser.close()


class EarlyPrinter:
    """Starts Chromium in a background thread while the chapters execute, then prints on demand.

    Playwright's sync API belongs to the thread that started it, so the whole print
    runs in that one thread; ``print_pdf`` hands it the HTML and waits for the result.
    """

    def __init__(self) -> None:
        import queue
        import threading

        self._jobs: queue.Queue = queue.Queue()
        self._results: queue.Queue = queue.Queue()
        self._thread = threading.Thread(target=self._run, name="pdf-printer", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            from playwright.sync_api import sync_playwright

            with sync_playwright() as playwright:
                browser = launch(playwright)
                from analysis.report.page_numbers import prepare_fonts

                prepare_fonts()  # while the chapters execute, not after
                try:
                    while (job := self._jobs.get()) is not None:
                        html_file, pdf_file = job
                        try:
                            print_with(browser, html_file, pdf_file)
                            self._results.put(None)
                        except Exception as error:  # reported to the caller's thread
                            self._results.put(error)
                finally:
                    browser.close()
        except Exception as error:
            self._results.put(error)
            while self._jobs.get() is not None:
                self._results.put(error)

    def print_pdf(self, html_file: Path, pdf_file: Path) -> None:
        """Print ``html_file`` to ``pdf_file`` in the browser thread; raise on failure."""
        self._jobs.put((html_file, pdf_file))
        error = self._results.get()
        if error is not None:
            raise RuntimeError(f"printing the PDF failed: {error}") from error

    def close(self) -> None:
        """Stop the browser thread."""
        self._jobs.put(None)
        self._thread.join(timeout=30)
