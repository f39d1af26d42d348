"""Convert between a chapter notebook and its plain-text twin (see analysis.report.nbtext)."""

import sys

from analysis.report.nbtext import main

if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
