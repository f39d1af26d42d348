"""Convert between a chapter notebook and a plain-text form that is easy to write and review.

    .venv/bin/python tools/nbtext.py to-ipynb notebooks/src/intro.txt notebooks/introduction.ipynb
    .venv/bin/python tools/nbtext.py to-text notebooks/introduction.ipynb

The text form: cells separated by a line '%% md' or '%% code'. Notebooks are written
without outputs or execution counts, as the project commits them.
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat


def text_to_notebook(text: str):
    """A notebook from its plain-text twin."""
    nb = nbformat.v4.new_notebook()
    nb.metadata = {
        "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
        "language_info": {"name": "python"},
    }
    kind, lines = None, []

    def flush():
        if kind is None:
            return
        source = "\n".join(lines).strip("\n")
        cell = nbformat.v4.new_markdown_cell(source) if kind == "md" else nbformat.v4.new_code_cell(source)
        cell.pop("id", None)
        nb.cells.append(cell)

    for line in text.splitlines():
        if line.strip() in ("%% md", "%% code"):
            flush()
            kind, lines = line.strip()[3:], []
        else:
            lines.append(line)
    flush()
    nb.nbformat_minor = 4
    return nb


def notebook_to_text(nb) -> str:
    """The plain-text twin of a notebook."""
    parts = []
    for cell in nb.cells:
        parts.append(f"%% {'md' if cell.cell_type == 'markdown' else 'code'}\n{cell.source}\n")
    return "\n".join(parts)


def main(argv: list[str]) -> int:
    """Command line of the converter."""
    if len(argv) >= 3 and argv[0] == "to-ipynb":
        nb = text_to_notebook(Path(argv[1]).read_text(encoding="utf-8"))
        nbformat.write(nb, argv[2])
        return 0
    if len(argv) >= 2 and argv[0] == "to-text":
        sys.stdout.write(notebook_to_text(nbformat.read(argv[1], as_version=4)))
        return 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
