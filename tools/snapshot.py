"""Look at a built page as a reader would.

Printed pages: print an HTML file to PDF with the report's printer and turn chosen pages into PNG images
(for the file viewer) in a folder.

    .venv/bin/python tools/snapshot.py reports/chapter-war.html /tmp/war  [first_page last_page]

writes /tmp/war/page-01.png, /tmp/war/page-02.png, ... (the folder is created; old pages in it are replaced).

Screens: the page in the browser, scripts disabled as a reader's would be, at a desktop width (1,280 px) and a
phone width (390 px), scrolled to an anchor (a chapter by default), as small palette PNGs with fixed names.

    .venv/bin/python tools/snapshot.py --screens reports/report.html docs/img  [anchor]

writes docs/img/chapter-desktop.png and docs/img/chapter-phone.png (the README's screenshots).
"""

import subprocess
import sys
import tempfile
from pathlib import Path

from analysis.report.pdf import launch, print_pdf

# (file name, viewport width, viewport height): a laptop and a common phone, in CSS pixels.
SCREENS = (("chapter-desktop.png", 1280, 800), ("chapter-phone.png", 390, 844))
DEFAULT_ANCHOR = "war--mobilisation-the-capabilities-gap"  # a section: heading, prose and a chart
PALETTE_COLOURS = 64  # text, rules and charts in few colours: a palette PNG is a fraction of the size


def print_pages(html: Path, folder: Path, first: str = "1", last: str = "999") -> list[Path]:
    """PNG images of the printed pages ``first`` to ``last`` of ``html``, in ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("page-*.png"):
        old.unlink()
    with tempfile.TemporaryDirectory() as tmp:
        pdf = Path(tmp) / "page.pdf"
        print_pdf(html, pdf)
        subprocess.run(
            ["pdftoppm", "-r", "60", "-png", "-f", first, "-l", last, str(pdf), str(folder / "page")], check=True
        )
    return sorted(folder.glob("page-*.png"))


def _optimise(png: bytes, target: Path) -> None:
    """Write ``png`` as a palette image, compressed as far as Pillow goes (same input, same bytes)."""
    import io

    from PIL import Image

    image = Image.open(io.BytesIO(png)).convert("RGB")
    palette = image.quantize(colors=PALETTE_COLOURS, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    palette.save(target, format="PNG", optimize=True)


def screens(html: Path, folder: Path, anchor: str = DEFAULT_ANCHOR) -> list[Path]:
    """Browser screenshots of ``html`` at ``anchor``, at each of SCREENS' sizes, JavaScript disabled, into ``folder``."""
    from playwright.sync_api import sync_playwright

    folder.mkdir(parents=True, exist_ok=True)
    url = f"{html.resolve().as_uri()}#{anchor}"
    written = []
    with sync_playwright() as playwright:
        browser = launch(playwright)
        try:
            for name, width, height in SCREENS:
                context = browser.new_context(
                    viewport={"width": width, "height": height},
                    device_scale_factor=1,
                    java_script_enabled=False,
                    color_scheme="light",
                    reduced_motion="reduce",
                )
                page = context.new_page()
                page.goto(url, wait_until="load")
                # The side contents unfold by a scroll-driven animation (the report has no other): let it run.
                page.wait_for_timeout(300)
                _optimise(page.screenshot(full_page=False, animations="allow", caret="hide"), folder / name)
                written.append(folder / name)
                context.close()
        finally:
            browser.close()
    return written


def main(argv):
    """Command line: HTML OUTPUT_FOLDER [FIRST LAST], or --screens HTML OUTPUT_FOLDER [ANCHOR]."""
    if argv[:1] == ["--screens"] and len(argv) >= 3:
        written = screens(Path(argv[1]), Path(argv[2]), *(argv[3:4] or [DEFAULT_ANCHOR]))
    elif len(argv) >= 2 and not argv[0].startswith("--"):
        written = print_pages(Path(argv[0]), Path(argv[1]), *((argv[2], argv[3]) if len(argv) > 3 else ()))
    else:
        raise SystemExit(__doc__)
    print("\n".join(f"{path} ({path.stat().st_size // 1024} KB)" for path in written))


if __name__ == "__main__":
    main(sys.argv[1:])
