"""Shared fixtures: a temporary copy of the project, and builds of it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
IGNORED = shutil.ignore_patterns(
    ".venv", ".git", "reports", ".cache", "__pycache__", ".pytest_cache", ".staging", "*.egg-info"
)


def copy_project(target: Path) -> Path:
    """A copy of the project without its environment, history, reports or caches."""
    shutil.copytree(ROOT, target, ignore=IGNORED)
    return target


def extracted(tmp_path: Path, script: str, *inputs: str) -> bytes:
    """The CSV that ``tools/extract/<script>.py`` writes from the release files ``inputs`` (run as a script)."""
    out = tmp_path / f"{script}.csv"
    subprocess.run(
        [sys.executable, str(ROOT / "tools" / "extract" / f"{script}.py"), *inputs, str(out)],
        check=True,
        capture_output=True,
    )
    return out.read_bytes()


def run_build(root: Path, *args: str, env_extra: dict | None = None) -> subprocess.CompletedProcess:
    """Run the build CLI on the project at ``root`` (USRJ_ROOT), with this interpreter."""
    env = {**os.environ, "USRJ_ROOT": str(root), "JOBS": "2", **(env_extra or {})}
    return subprocess.run(
        [sys.executable, "-m", "analysis.report.build", *args],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )


@pytest.fixture(scope="session")
def built_project(tmp_path_factory) -> Path:
    """A clean copy of the project with its full report built (HTML and PDF)."""
    root = copy_project(tmp_path_factory.mktemp("build") / "project")
    result = run_build(root, "report")
    assert result.returncode == 0, result.stdout + result.stderr
    return root


@pytest.fixture()
def data_copy(tmp_path) -> Path:
    """A copy of data/ to corrupt."""
    target = tmp_path / "data"
    shutil.copytree(ROOT / "data", target)
    return target


def chapter_cells(cell_type: str):
    """(chapter slug, cell number from 1, cell) for every cell of ``cell_type`` in every listed chapter."""
    from analysis.report.chapters import read_chapters, read_notebook

    for chapter in read_chapters():
        nb = read_notebook(chapter.notebook)
        for number, cell in enumerate(nb.cells, start=1):
            if cell.cell_type == cell_type:
                yield chapter.slug, number, cell


@pytest.fixture(autouse=True, scope="session")
def _cache_outside_the_checkout(tmp_path_factory):
    """In-process tests keep their caches (e.g. the validation markers of ``load``) in a temporary folder, never in
    the checkout's ``.cache``; a copy of the project (``USRJ_ROOT``) keeps its own."""
    from analysis import paths

    original = paths.cache_dir
    temporary = tmp_path_factory.mktemp("cache")

    def cache_dir() -> Path:
        return temporary if paths.project_root() == ROOT else original()

    paths.cache_dir = cache_dir
    yield
    paths.cache_dir = original
