"""Look at a built page as a reader would: print an HTML file to PDF with the report's
printer and turn chosen pages into PNG images (for the file viewer) in a folder.

    .venv/bin/python tools/snapshot.py reports/chapter-war.html /tmp/war  [first_page last_page]

writes /tmp/war/page-01.png, /tmp/war/page-02.png, ... (the folder is created; old pages in it are replaced).
"""

import subprocess
import sys
import tempfile
from pathlib import Path

from analysis.report.pdf import print_pdf


def main(argv):
    """Command line: HTML OUTPUT_FOLDER [FIRST LAST]."""
    if len(argv) < 2:
        raise SystemExit(__doc__)
    html, folder = Path(argv[0]), Path(argv[1])
    first, last = (argv[2], argv[3]) if len(argv) > 3 else ("1", "999")
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("page-*.png"):
        old.unlink()
    with tempfile.TemporaryDirectory() as tmp:
        pdf = Path(tmp) / "page.pdf"
        print_pdf(html, pdf)
        subprocess.run(
            ["pdftoppm", "-r", "60", "-png", "-f", first, "-l", last, str(pdf), str(folder / "page")], check=True
        )
    print("\n".join(sorted(str(p) for p in folder.glob("page-*.png"))))


if __name__ == "__main__":
    main(sys.argv[1:])
