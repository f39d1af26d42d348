"""Look at a built page as a reader would: print an HTML file to PDF with the report's
printer and turn chosen pages into PNG images (for the file viewer).

    .venv/bin/python tools/snapshot.py reports/chapter-war.html /tmp/war  [first_page last_page]
"""

import subprocess
import sys
import tempfile
from pathlib import Path

from analysis.report.pdf import print_pdf


def main(argv):
    html, prefix = Path(argv[0]), argv[1]
    first, last = (argv[2], argv[3]) if len(argv) > 3 else ("1", "999")
    with tempfile.TemporaryDirectory() as tmp:
        pdf = Path(tmp) / "page.pdf"
        print_pdf(html, pdf)
        subprocess.run(["pdftoppm", "-r", "60", "-png", "-f", first, "-l", last, str(pdf), prefix], check=True)
    print("\n".join(sorted(str(p) for p in Path(prefix).parent.glob(Path(prefix).name + "*.png"))))


if __name__ == "__main__":
    main(sys.argv[1:])
