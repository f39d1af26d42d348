"""The execution cache: what counts as a change of code, and how prose edits reuse outputs."""

from __future__ import annotations

import copy

import nbformat

from analysis.report.execute import code_fingerprint


def _notebook():
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.cells = [
        nbformat.v4.new_markdown_cell("# A chapter"),
        nbformat.v4.new_code_cell("x = 1"),
        nbformat.v4.new_markdown_cell("Prose with {eval}`x`."),
        nbformat.v4.new_code_cell("y = x + 1"),
    ]
    return nb


def test_prose_does_not_change_the_code_fingerprint():
    base = _notebook()
    edited = copy.deepcopy(base)
    edited.cells[2].source = "Other prose."
    edited.cells.insert(1, nbformat.v4.new_markdown_cell("A new paragraph."))
    assert code_fingerprint(edited, "shared") == code_fingerprint(base, "shared")


def test_code_its_order_metadata_kernel_and_shared_inputs_do():
    base = _notebook()
    reference = code_fingerprint(base, "shared")
    changes = []
    for change in ("source", "order", "metadata", "kernel"):
        edited = copy.deepcopy(base)
        if change == "source":
            edited.cells[3].source = "y = x + 2"
        elif change == "order":
            edited.cells[1], edited.cells[3] = edited.cells[3], edited.cells[1]
        elif change == "metadata":
            edited.cells[1].metadata["tags"] = ["raises-exception"]
        else:
            edited.metadata["kernelspec"]["name"] = "other"
        changes.append(code_fingerprint(edited, "shared"))
    changes.append(code_fingerprint(base, "other shared inputs"))
    assert reference not in changes and len(set(changes)) == len(changes)
