"""The report factory end to end, in temporary copies of the project.

One clean build is shared (fixture ``built_project``); other tests copy it, with its
cache, and change one thing.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from conftest import copy_project, run_build

from analysis.report.chapters import read_notebook, write_notebook

pytestmark = pytest.mark.slow


def _clone(built: Path, target: Path) -> Path:
    shutil.copytree(built, target)
    return target


def _append_cell(root: Path, slug: str, cell) -> int:
    """Append a cell to a chapter notebook of the copy; return the notebook's cell count."""
    notebook = root / "notebooks" / f"{slug}.md"
    nb = read_notebook(notebook)
    nb.cells.append(cell)
    write_notebook(nb, notebook)
    return len(nb.cells)


def _chapters(root: Path):
    import tomllib

    return tomllib.loads((root / "notebooks" / "chapters.toml").read_text(encoding="utf-8"))["chapter"]


def test_html_is_one_offline_file_with_contents_and_numbered_figures(built_project):
    page = (built_project / "reports" / "report.html").read_text(encoding="utf-8")
    assert "<script" not in page.lower()
    # Links to sources may point to the web (a click is the reader's choice); nothing may be loaded from it.
    assert not re.search(r'src="(https?:)?//', page), "the report must load nothing from the network"
    assert not re.search(r"<link\b|<script\b|@import|url\((https?:)?//", page, re.I), (
        "no style sheet or script from elsewhere"
    )
    assert re.search(r'<li id="ref-[^"]+">[^<]*<a href="https?://', page), (
        "source addresses in the references are links"
    )
    for chapter in _chapters(built_project):
        assert f'href="#chapter-{chapter["slug"]}"' in page
        assert f'id="chapter-{chapter["slug"]}"' in page
    numbers = [int(n) for n in re.findall(r'<span class="figure-label">Figure (\d+)\.</span>', page)]
    assert numbers == list(range(1, len(numbers) + 1)) and len(numbers) >= 6
    assert page.count('<li class="toc-figure">') >= len(numbers)
    assert "TODO(author)" not in page and "{eval}" not in page
    assert 'class="code-input"' not in page  # code hidden by default


def test_pdf_has_every_chapter_and_embedded_fonts(built_project):
    pdf = built_project / "reports" / "report.pdf"
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    flat = re.sub(r"\s+", " ", text)
    for chapter in _chapters(built_project):
        assert chapter["title"] in flat, chapter["title"]
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout.splitlines()[2:]
    assert fonts, "no fonts listed"
    for line in fonts:
        assert re.search(r"\s(yes)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$", line), f"font not embedded: {line}"
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    assert len(_chapters(built_project)) + 2 <= pages <= 400
    assert "A4" in info or "595.2 x 841.9" in info or "595 x 842" in info


def test_two_clean_builds_are_byte_identical(built_project, tmp_path):
    other = copy_project(tmp_path / "again")
    result = run_build(other, "report")
    assert result.returncode == 0, result.stderr
    for name in ("report.html", "report.pdf"):
        assert (other / "reports" / name).read_bytes() == (built_project / "reports" / name).read_bytes(), name


def test_noop_rebuild_and_one_touched_chapter(built_project, tmp_path):
    root = _clone(built_project, tmp_path / "incremental")
    again = run_build(root, "report")
    assert again.returncode == 0 and "up to date" in again.stdout
    first, second = (chapter["slug"] for chapter in _chapters(root)[:2])
    # Prose alone: nothing is executed, the cached outputs are merged into the new text.
    _append_cell(root, first, nbformat.v4.new_markdown_cell("A sentence added by the incremental-build test."))
    touched = run_build(root, "report")
    assert touched.returncode == 0, touched.stderr
    assert re.findall(r"\] (\S+): started", touched.stdout) == []
    assert f"{first}: prose changed, code unchanged; cached outputs reused" in touched.stdout
    page = (root / "reports" / "report.html").read_text(encoding="utf-8")
    assert "A sentence added by the incremental-build test." in page
    # Code: that chapter, and only that one, is executed again.
    _append_cell(root, second, nbformat.v4.new_code_cell('incremental_test = "code edited"'))
    touched = run_build(root, "html")
    assert touched.returncode == 0, touched.stderr
    assert re.findall(r"\] (\S+): started", touched.stdout) == [second]


def test_a_prose_edit_naming_an_unknown_value_is_refused_without_executing(built_project, tmp_path):
    root = _clone(built_project, tmp_path / "unknown-name")
    first = _chapters(root)[0]["slug"]
    _append_cell(root, first, nbformat.v4.new_markdown_cell("A value never published: {eval}`no_such_fact_here`."))
    result = run_build(root, "html")
    assert result.returncode == 1 and "no_such_fact_here" in result.stderr, result.stderr
    assert "cached outputs reused" in result.stdout


def test_a_failing_cell_stops_the_build_and_keeps_the_previous_report(built_project, tmp_path):
    root = _clone(built_project, tmp_path / "failing")
    before = {name: (root / "reports" / name).read_bytes() for name in ("report.html", "report.pdf")}
    slug = _chapters(root)[1]["slug"]
    failing_cell = _append_cell(root, slug, nbformat.v4.new_code_cell("ratio = 2\nshare = ratio / 0\n"))
    result = run_build(root, "report")
    assert result.returncode == 1
    assert (
        f"chapter '{slug}'" in result.stderr
        and f"cell {failing_cell}" in result.stderr
        and "line 2: `share = ratio / 0`" in result.stderr
        and "ZeroDivisionError" in result.stderr
    )
    assert (root / ".cache" / "failed" / f"{slug}.ipynb").exists(), "the failed chapter is kept to be read"
    assert "Traceback" not in result.stderr
    after = {name: (root / "reports" / name).read_bytes() for name in before}
    assert after == before
    assert not list((root / "reports").glob(".staging-*"))


def test_invalid_data_stops_the_build_before_reports_are_touched(built_project, tmp_path):
    root = _clone(built_project, tmp_path / "baddata")
    before = (root / "reports" / "report.html").read_bytes()
    events = root / "data" / "events.csv"
    events.write_text(events.read_text(encoding="utf-8").replace(",USA,", ",XXX,", 1), encoding="utf-8")
    result = run_build(root, "report")
    assert result.returncode == 2
    assert "events.csv, row" in result.stderr and "[foreign-key]" in result.stderr
    assert (root / "reports" / "report.html").read_bytes() == before


def test_scaffolded_chapter_is_refused_until_written_then_appears_in_both_outputs(built_project, tmp_path):
    root = _clone(built_project, tmp_path / "scaffold")
    env = {"USRJ_ROOT": str(root)}
    scaffold = [
        sys.executable,
        "-m",
        "analysis.authoring.scaffold",
        "--slug",
        "trade-war",
        "--title",
        "Trade and rivalry, 1960–1991",
        "--after",
        "cold-war-triangle",
    ]
    created = subprocess.run(
        scaffold, cwd=root, env={**__import__("os").environ, **env}, capture_output=True, text=True
    )
    assert created.returncode == 0, created.stderr
    slugs = [chapter["slug"] for chapter in _chapters(root)]
    assert slugs.index("trade-war") == slugs.index("cold-war-triangle") + 1
    refused = run_build(root, "report")
    assert refused.returncode == 1 and "chapter 'trade-war'" in refused.stderr and "TODO(author)" in refused.stderr
    # the author replaces the placeholders
    notebook = root / "notebooks" / "trade-war.md"
    text = notebook.read_text(encoding="utf-8")
    notebook.write_text(re.sub(r"TODO\(author\): ?", "Written: ", text), encoding="utf-8")
    built = run_build(root, "report")
    assert built.returncode == 0, built.stderr
    page = (root / "reports" / "report.html").read_text(encoding="utf-8")
    assert 'href="#chapter-trade-war"' in page and "Trade and rivalry, 1960–1991" in page
    pdf_text = subprocess.run(
        ["pdftotext", str(root / "reports" / "report.pdf"), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Trade and rivalry, 1960–1991" in re.sub(r"\s+", " ", pdf_text)


def test_scaffolding_a_duplicate_fails_cleanly_and_changes_nothing(tmp_path):
    root = copy_project(tmp_path / "dup")
    listing = (root / "notebooks" / "chapters.toml").read_bytes()
    env = {**__import__("os").environ, "USRJ_ROOT": str(root)}
    for args in (["--slug", "war", "--title", "Another war"], ["--slug", "new-one", "--title", "The war, 1941–1945"]):
        result = subprocess.run(
            [sys.executable, "-m", "analysis.authoring.scaffold", *args],
            cwd=root,
            env=env,
            capture_output=True,
            text=True,
        )
        assert result.returncode == 2 and "already exists" in result.stderr and "Traceback" not in result.stderr
    assert (root / "notebooks" / "chapters.toml").read_bytes() == listing
    assert not (root / "notebooks" / "new-one.md").exists()


def test_the_code_option_shows_the_code_cells(built_project, tmp_path):
    root = _clone(built_project, tmp_path / "code")
    result = run_build(root, "html", "--include-code")
    assert result.returncode == 0, result.stderr
    page = (root / "reports" / "report.html").read_text(encoding="utf-8")
    assert 'class="code-input"' in page and "chapter_setup" in page
    assert "<script" not in page.lower()


def test_a_draft_previews_alone_with_its_markers_highlighted_but_the_report_refuses_it(tmp_path):
    root = copy_project(tmp_path / "draft")
    env = {**__import__("os").environ, "USRJ_ROOT": str(root)}
    created = subprocess.run(
        [sys.executable, "-m", "analysis.authoring.scaffold", "--slug", "draft-one", "--title", "A draft"],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
    )
    assert created.returncode == 0, created.stderr
    preview = run_build(root, "chapter-html", "draft-one")
    assert preview.returncode == 0, preview.stderr
    assert "WARNING: chapter 'draft-one' is a draft" in preview.stdout
    page = (root / "reports" / "chapter-draft-one.html").read_text(encoding="utf-8")
    assert '<mark class="todo">TODO(author)</mark>' in page
    refused = run_build(root, "html")
    assert refused.returncode == 1 and "TODO(author)" in refused.stderr


def test_damaged_outputs_leftovers_and_a_corrupt_cache_end_in_a_clean_build(built_project, tmp_path):
    root = _clone(built_project, tmp_path / "damaged")
    (root / "reports" / ".staging-killed").mkdir()
    (root / "reports" / "report.html").write_bytes(b"")  # a published report truncated to 0 bytes
    cached = next((root / ".cache" / "executed").glob("*.ipynb"))
    cached.write_text("{}", encoding="utf-8")  # a garbled cache entry
    result = run_build(root, "report")
    assert result.returncode == 0, result.stderr
    assert "up to date" not in result.stdout
    assert "is damaged (not the bytes its stamp records); discarded, re-executing" in result.stdout
    assert (root / "reports" / "report.html").stat().st_size > 0
    assert not list((root / "reports").glob(".staging-*"))


@pytest.mark.parametrize(
    "listing, message",
    [
        ("[[chapter]\nslug = ", "the chapter list cannot be used"),
        ('[[chapter]]\nslug = "no-such-chapter"\ntitle = "Nowhere"\n', "has no source"),
        ("", "the chapter list cannot be used"),
    ],
)
def test_a_broken_chapter_list_is_refused_without_a_traceback(tmp_path, listing, message):
    root = copy_project(tmp_path / "listing")
    (root / "notebooks" / "chapters.toml").write_text(listing, encoding="utf-8")
    result = run_build(root, "html")
    assert result.returncode == 2 and message in result.stderr and "Traceback" not in result.stderr


def test_a_read_only_reports_folder_is_refused_cleanly_and_left_untouched(built_project, tmp_path):
    import os
    import stat

    if os.geteuid() == 0:
        # root ignores permission bits; a file in the way of reports/ is the same refusal for every user
        root = _clone(built_project, tmp_path / "blocked")
        shutil.rmtree(root / "reports")
        (root / "reports").write_text("not a folder", encoding="utf-8")
        result = run_build(root, "html")
        assert result.returncode == 1 and "cannot write" in result.stderr and "Traceback" not in result.stderr
        assert (root / "reports").read_text(encoding="utf-8") == "not a folder"
        return
    root = _clone(built_project, tmp_path / "readonly")
    before = (root / "reports" / "report.html").read_bytes()
    (root / "notebooks" / "conclusion.md").write_text(
        (root / "notebooks" / "conclusion.md").read_text(encoding="utf-8") + "\nA new sentence.\n", encoding="utf-8"
    )
    (root / "reports").chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        result = run_build(root, "html")
    finally:
        (root / "reports").chmod(stat.S_IRWXU)
    assert result.returncode == 1 and "cannot write" in result.stderr and "Traceback" not in result.stderr
    assert (root / "reports" / "report.html").read_bytes() == before


def test_a_missing_chromium_is_named_before_any_chapter_runs(tmp_path):
    root = copy_project(tmp_path / "nochromium")
    result = run_build(root, "report", env_extra={"USRJ_CHROMIUM": str(tmp_path / "no-such-chromium")})
    assert result.returncode == 2 and "make system-deps" in result.stderr and "Traceback" not in result.stderr
    assert "executing" not in result.stdout and not (root / ".cache" / "executed").exists()


def test_a_second_build_in_the_same_clone_waits_for_the_first(tmp_path):
    import fcntl
    import os
    import time

    root = copy_project(tmp_path / "locked")
    (root / ".cache").mkdir()
    with open(root / ".cache" / "build.lock", "w") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        env = {**os.environ, "USRJ_ROOT": str(root)}
        build = subprocess.Popen(
            [sys.executable, "-m", "analysis.report.build", "chapter-html", "conclusion"],
            cwd=root,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        time.sleep(3)
        assert build.poll() is None, "the second build must wait while the lock is held"
        fcntl.flock(held, fcntl.LOCK_UN)
    out, err = build.communicate(timeout=600)
    assert build.returncode == 0, err
    assert "another build is running in this clone; waiting" in out


def test_the_edition_says_when_the_tree_differs_from_its_commit(tmp_path, monkeypatch):
    from analysis.report import build

    repo = tmp_path / "repo"
    repo.mkdir()
    git = ["git", "-c", "user.email=t@example.org", "-c", "user.name=t"]
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    (repo / "file.txt").write_text("one\n")
    subprocess.run([*git, "-C", str(repo), "add", "file.txt"], check=True)
    subprocess.run([*git, "-C", str(repo), "commit", "-qm", "one"], check=True)
    monkeypatch.setenv("USRJ_ROOT", str(repo))
    assert build._edition().startswith("Built from commit ") and "uncommitted" not in build._edition()
    (repo / "file.txt").write_text("two\n")
    assert build._edition().endswith("with uncommitted changes")
