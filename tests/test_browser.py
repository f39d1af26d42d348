"""The HTML report in a real headless browser (Debian's Chromium driven by Playwright)."""

from __future__ import annotations

import contextlib

import pytest

from analysis.report.pdf import launch

pytestmark = [pytest.mark.slow, pytest.mark.browser]

# The report lets the browser skip laying out chapters off screen (content-visibility); the checks below
# measure and inspect every chapter, so the test pages render them all.
RENDER_ALL = ".chapter { content-visibility: visible !important; }"


@contextlib.contextmanager
def report_in_browser(built_project):
    """(Chromium, the built report's file URL), the browser closed afterwards."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = launch(playwright)
        try:
            yield browser, (built_project / "reports" / "report.html").resolve().as_uri()
        finally:
            browser.close()


def test_report_in_headless_chromium(built_project):
    from playwright.sync_api import sync_playwright

    report = built_project / "reports" / "report.html"
    url = report.resolve().as_uri()
    requests, console_errors, page_errors = [], [], []
    with sync_playwright() as playwright:
        browser = launch(playwright)
        try:
            page = browser.new_page(viewport={"width": 1200, "height": 900}, bypass_csp=True)
            page.on("request", lambda request: requests.append(request.url))
            page.on("console", lambda message: console_errors.append(message.text) if message.type == "error" else None)
            page.on("pageerror", lambda error: page_errors.append(str(error)))
            page.goto(url, wait_until="load")
            page.wait_for_load_state("networkidle")
            page.add_style_tag(content=RENDER_ALL)
            images = page.evaluate("Array.from(document.images).map(i => [i.complete && i.naturalWidth > 0, i.alt])")
            drawings = page.evaluate(
                "Array.from(document.querySelectorAll('figure.report-figure > svg')).map(s => [s.getBoundingClientRect().width > 0, s.getAttribute('aria-label') || ''])"
            )
            broken_links = page.evaluate(
                "Array.from(document.querySelectorAll('a[href^=\"#\"]')).map(a => a.getAttribute('href').slice(1)).filter(id => !document.getElementById(id))"
            )
            figures_have_alt = page.evaluate(
                "Array.from(document.querySelectorAll('figure.report-figure img')).every(i => i.alt.trim().length > 0)"
                " && Array.from(document.querySelectorAll('figure.report-figure > svg')).every(s => (s.getAttribute('aria-label') || '').trim().length > 0)"
            )
            shot = built_project / "reports" / "screenshot.png"
            page.screenshot(path=str(shot), full_page=False)
        finally:
            browser.close()
    leaving = [address for address in requests if address != url and not address.startswith("data:")]
    assert leaving == [], leaving
    assert console_errors == [] and page_errors == []
    assert images or drawings
    assert all(ok for ok, _ in images) and all(shown for shown, _ in drawings)
    assert figures_have_alt
    assert broken_links == []
    assert shot.stat().st_size > 0  # the screenshot stays in the temporary copy; tests never write into the tree


def test_no_page_level_horizontal_overflow_on_a_phone_or_a_laptop(built_project):
    overflow = {}
    with report_in_browser(built_project) as (browser, url):
        for width in (390, 1280):
            page = browser.new_page(viewport={"width": width, "height": 900}, bypass_csp=True)
            page.goto(url, wait_until="load")
            page.add_style_tag(content=RENDER_ALL)
            overflow[width] = page.evaluate(
                "document.documentElement.scrollWidth - document.documentElement.clientWidth"
            )
            page.close()
    assert overflow == {390: 0, 1280: 0}


# The WCAG 2.0, 2.1 and 2.2 success criteria of levels A and AA, as axe-core tags them.
WCAG_AA_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]


def test_axe_core_finds_no_wcag_2_2_aa_violation_in_light_or_dark_mode_on_a_phone_or_a_desktop(built_project):
    """axe-core (bundled by axe-playwright-python: no network) on the built report. The report itself has no script
    and forbids scripts in its Content-Security-Policy; only this test page lifts the policy to inject axe."""
    from axe_playwright_python.sync_playwright import Axe
    from playwright.sync_api import sync_playwright

    url = (built_project / "reports" / "report.html").resolve().as_uri()
    axe = Axe()
    found = []
    with sync_playwright() as playwright:
        browser = launch(playwright)
        try:
            for width, scheme in ((1280, "light"), (390, "dark"), (1920, "dark")):
                page = browser.new_page(viewport={"width": width, "height": 900}, color_scheme=scheme, bypass_csp=True)
                page.goto(url, wait_until="load")
                page.add_style_tag(content=RENDER_ALL)
                results = axe.run(
                    page, options={"runOnly": {"type": "tag", "values": WCAG_AA_TAGS}, "resultTypes": ["violations"]}
                )
                for violation in results.response["violations"]:
                    for node in violation["nodes"]:
                        summary = " ".join((node.get("failureSummary") or "").split())
                        found.append(f"{width} px {scheme}: {violation['id']} at {node['target']}: {summary[:240]}")
                page.close()
        finally:
            browser.close()
    assert found == [], f"{len(found)} accessibility violation(s):\n" + "\n".join(found[:60])


def test_the_side_contents_show_the_sections_of_the_chapter_in_view(built_project):
    """On a wide screen (CSS only: scroll-driven animations), only the chapter being read unfolds its sections."""
    unfolded_by_target = {}
    with report_in_browser(built_project) as (browser, url):
        page = browser.new_page(viewport={"width": 1920, "height": 1000})
        for chapter in ("chapter-war", "chapter-cold-war-triangle"):
            page.goto(f"{url}#{chapter}", wait_until="load")
            page.mouse.wheel(0, 2500)  # well into the chapter, past its heading
            page.wait_for_timeout(300)
            unfolded_by_target[chapter] = page.evaluate(
                "Array.from(document.querySelectorAll('.toc-chapter > .toc-sections'))"
                ".filter(list => getComputedStyle(list).visibility === 'visible'"
                " && list.getBoundingClientRect().height > 0).map(list => list.parentElement.id)"
            )
    for chapter, unfolded in unfolded_by_target.items():
        assert unfolded == [f"toc-{chapter}"], f"at #{chapter} the side contents unfold {unfolded}"


def test_the_contents_fold_on_a_phone_and_open_without_script(built_project):
    """A phone reader meets the text, not three screens of contents; one tap (no script) unfolds them."""
    shown = "document.querySelector('.toc-chapters').checkVisibility()"
    with report_in_browser(built_project) as (browser, url):
        wide = browser.new_page(viewport={"width": 1280, "height": 900})
        wide.goto(url, wait_until="load")
        assert wide.evaluate(shown), "the contents are folded on a laptop"
        phone = browser.new_page(viewport={"width": 390, "height": 800})
        phone.goto(url, wait_until="load")
        assert not phone.evaluate(shown), "the contents are unfolded on a phone before the reader asks"
        phone.click(".toc-details > summary")
        assert phone.evaluate(shown), "tapping 'Contents' does not unfold them"


def test_chart_text_reads_at_about_the_body_size_on_a_desktop(built_project):
    """Figures leave the text column on a laptop or wider so that chart text is not small print."""
    measure = (
        "(() => { const body = parseFloat(getComputedStyle(document.querySelector('main p')).fontSize);"
        " const sizes = Array.from(document.querySelectorAll('figure.report-figure svg text')).map(text => {"
        "  const svg = text.ownerSVGElement;"
        "  return parseFloat(getComputedStyle(text).fontSize) * svg.getBoundingClientRect().width"
        "   / svg.viewBox.baseVal.width; }).sort((a, b) => a - b);"
        " return [body, sizes[Math.floor(sizes.length / 10)], sizes[Math.floor(sizes.length / 2)]]; })()"
    )
    with report_in_browser(built_project) as (browser, url):
        for width in (1280, 1440, 1920):
            page = browser.new_page(viewport={"width": width, "height": 900})
            page.goto(url, wait_until="load")
            page.add_style_tag(content=RENDER_ALL)
            body, tenth, median = page.evaluate(measure)
            assert median >= 0.85 * body, f"at {width} px chart text is {median:.1f} px (median) against {body} px"
            assert tenth >= 0.7 * body, f"at {width} px a tenth of chart text is under {tenth:.1f} px"
