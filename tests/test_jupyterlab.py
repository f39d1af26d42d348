"""A chapter rerun in Jupyter: the project kernel runs it top to bottom and every inline value
``{eval}`name``` resolves in the kernel, as jupyterlab-myst asks it to (``user_expressions``)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys

import pytest
from jupyter_client.kernelspec import KernelSpecManager
from jupyter_client.manager import start_new_kernel

from analysis.report.chapters import read_chapters, read_notebook

INLINE = re.compile(r"\{eval\}`\s*([A-Za-z_]\w*)\s*`")


def test_jupyterlab_and_its_extensions_are_installed_with_the_project():
    lab = shutil.which("jupyter-lab", path=os.path.dirname(sys.executable))
    assert lab, "make setup installs JupyterLab into .venv"
    listing = subprocess.run(
        [os.path.join(os.path.dirname(sys.executable), "jupyter"), "labextension", "list"],
        capture_output=True,
        text=True,
    )
    extensions = listing.stdout + listing.stderr
    assert "jupyterlab-myst" in extensions and "jupytext" in extensions


@pytest.mark.slow
def test_a_chapter_runs_in_the_project_kernel_and_its_inline_values_resolve():
    if "usrj" not in KernelSpecManager().find_kernel_specs():
        pytest.fail("the project kernel 'usrj' is missing: make setup installs it")
    chapter = read_chapters()[0]
    nb = read_notebook(chapter.notebook)
    names = sorted({name for cell in nb.cells if cell.cell_type == "markdown" for name in INLINE.findall(cell.source)})
    assert names, "the chapter has inline values"
    manager, client = start_new_kernel(kernel_name="usrj", cwd=str(chapter.notebook.parent))
    try:
        for number, cell in enumerate(nb.cells, start=1):
            if cell.cell_type == "code":
                reply = client.execute_interactive(cell.source, timeout=300, output_hook=lambda msg: None)
                assert reply["content"]["status"] == "ok", f"{chapter.slug} cell {number}: {reply['content']}"
        reply = client.execute_interactive(
            "", user_expressions={name: name for name in names}, timeout=60, output_hook=lambda msg: None
        )
    finally:
        client.stop_channels()
        manager.shutdown_kernel(now=True)
    results = reply["content"]["user_expressions"]
    unresolved = [name for name in names if results[name]["status"] != "ok"]
    assert not unresolved, f"inline values with no fact in the kernel: {unresolved}"
    for name in names:
        shown = results[name]["data"].get("text/html", "")
        assert shown and not shown.startswith("'"), f"{name} would show as {shown!r}"
