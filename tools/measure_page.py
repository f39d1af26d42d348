"""How heavy the built report is and how fast a browser opens it from disk.

    .venv/bin/python tools/measure_page.py [reports/report.html] [--runs N]

prints the HTML's and the PDF's sizes and the HTML's load time in headless Chromium (the median of N
fresh loads after one warm-up, each in a new browser context with an empty cache: navigation start to the
end of the load event, from the page's own Navigation Timing entry), at a laptop and a phone width. ``measure`` returns
the same numbers for ``tools/bench.py`` to write into its report. Limits of issue 10: HTML at most 5 MB,
PDF at most 10 MB, load under 1 s.
"""

from __future__ import annotations

import statistics
import sys
from pathlib import Path

from analysis.report.pdf import launch

LIMITS = {"html_mb": 5.0, "pdf_mb": 10.0, "load_s": 1.0}
WIDTHS = (1280, 390)
LOAD_TIME = (
    "(() => { const n = performance.getEntriesByType('navigation')[0];"
    " return [n.loadEventEnd - n.startTime, n.domContentLoadedEventEnd - n.startTime]; })()"
)


def load_times(html: Path, runs: int = 5, width: int = 1280) -> list[tuple[float, float]]:
    """(load event end, DOMContentLoaded end) in seconds for each of ``runs`` fresh loads of ``html`` from disk."""
    from playwright.sync_api import sync_playwright

    url = html.resolve().as_uri()
    times = []
    with sync_playwright() as playwright:
        browser = launch(playwright)
        try:
            for run in range(runs + 1):  # the first load, in a browser just started, warms it up and is not counted
                context = browser.new_context(viewport={"width": width, "height": 900})
                page = context.new_page()
                page.goto(url, wait_until="load")
                load, ready = page.evaluate(LOAD_TIME)
                if run:
                    times.append((load / 1000, ready / 1000))
                context.close()
        finally:
            browser.close()
    return times


def measure(html: Path, pdf: Path | None = None, runs: int = 5) -> dict:
    """Sizes (MB) and median load times (s) of the report, with the limits, for a benchmark table."""
    pdf = pdf if pdf is not None else html.with_suffix(".pdf")
    result: dict = {"html_mb": html.stat().st_size / 1e6, "pdf_mb": pdf.stat().st_size / 1e6 if pdf.exists() else None}
    for width in WIDTHS:
        times = load_times(html, runs, width)
        result[f"load_s_{width}"] = statistics.median(load for load, _ in times)
        result[f"ready_s_{width}"] = statistics.median(ready for _, ready in times)
        result[f"load_s_{width}_max"] = max(load for load, _ in times)
    result["load_s"] = max(result[f"load_s_{width}"] for width in WIDTHS)
    result["within_limits"] = all(
        result[key] is not None and result[key] <= limit for key, limit in LIMITS.items() if key in result
    )
    return result


def report_lines(result: dict) -> list[str]:
    """The measurement as short lines (for the terminal or a Markdown list)."""
    lines = [
        f"HTML {result['html_mb']:.2f} MB (limit {LIMITS['html_mb']:.0f} MB)",
        f"PDF {result['pdf_mb']:.2f} MB (limit {LIMITS['pdf_mb']:.0f} MB)" if result["pdf_mb"] is not None else "PDF -",
    ]
    for width in WIDTHS:
        lines.append(
            f"load from disk at {width} px: {result[f'load_s_{width}']:.2f} s median, "
            f"{result[f'load_s_{width}_max']:.2f} s slowest (DOM ready {result[f'ready_s_{width}']:.2f} s; "
            f"limit {LIMITS['load_s']:.0f} s)"
        )
    return lines


def main(argv: list[str]) -> int:
    """Command line: [HTML] [--runs N]; exit status 1 when a limit is exceeded."""
    runs = 5
    if "--runs" in argv:
        index = argv.index("--runs")
        runs = int(argv[index + 1])
        argv = argv[:index] + argv[index + 2 :]
    html = Path(argv[0]) if argv else Path("reports/report.html")
    result = measure(html, runs=runs)
    print("\n".join(report_lines(result)))
    return 0 if result["within_limits"] else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
