"""Fuzzing with Hypothesis: arbitrary text in a CSV cell or a chapter's Markdown never makes the validator or the
assembler raise an uncaught exception, and never publishes live markup."""

from __future__ import annotations

import csv
import shutil

import nbformat
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_sanitise import _active_parts

from analysis.data.validate import validate
from analysis.report import assemble
from analysis.report.chapters import Chapter

ROOT_DATA = __import__("conftest").ROOT / "data"
HOSTILE = st.sampled_from(
    [
        "<script>",
        "</p>",
        "<img src=x onerror=alert(1)>",
        "javascript:",
        '"',
        ",",
        "\n",
        "\x00",
        "$",
        "{eval}`x`",
        "`",
        "&#x3c;",
    ]
)
TEXT = st.lists(st.one_of(st.text(max_size=12), HOSTILE), max_size=8).map("".join)


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cell=TEXT, column=st.sampled_from(["title", "date", "event_type", "sources", "description"]))
def test_any_cell_gives_problems_never_an_exception(tmp_path_factory, cell, column):
    data = tmp_path_factory.mktemp("fuzz") / "data"
    shutil.copytree(ROOT_DATA, data)
    path = data / "events.csv"
    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    rows[1][rows[0].index(column)] = cell
    with open(path, "w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows(rows)
    problems = validate(data)  # must return, whatever the cell holds
    assert all(problem.file and problem.rule for problem in problems)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(markdown=TEXT)
def test_any_markdown_is_rendered_inert_or_refused_cleanly(tmp_path_factory, markdown):
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell("# Demo"), nbformat.v4.new_markdown_cell(markdown)]
    path = tmp_path_factory.mktemp("md") / "demo.ipynb"
    nbformat.write(nb, path)
    try:
        body, _ = assemble.render_chapter(
            Chapter(1, "demo", "Demo"), path, include_code=False, used_ids=set(), draft=True
        )
    except assemble.AssemblyError:
        return  # a clear refusal (an unknown fact or citation) is a correct outcome
    assert not _active_parts(body), (markdown, body)
