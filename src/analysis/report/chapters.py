"""The one ordered list of chapters: ``notebooks/chapters.toml``.

The build, the tests and the chapter scaffold read it; nothing else
hard-codes the list. Each entry has a ``slug`` (the chapter is the MyST
Markdown notebook ``notebooks/<slug>.md``, read through jupytext) and a ``title``.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from analysis import paths

SLUG_PATTERN = re.compile(r"^[a-z][a-z0-9-]{1,40}$")


@dataclass(frozen=True)
class Chapter:
    """One chapter of the report: its number, slug and title."""

    number: int
    slug: str
    title: str

    @property
    def notebook(self) -> Path:
        """The chapter's one source: a MyST Markdown notebook (jupytext), opened as a notebook by JupyterLab."""
        return paths.notebooks_dir() / f"{self.slug}.md"

    @property
    def anchor(self) -> str:
        """The chapter's anchor in the HTML report."""
        return f"chapter-{self.slug}"


NOTEBOOK_FORMAT = "md:myst"


def read_notebook(path: Path):
    """A chapter's MyST Markdown source as an ``nbformat`` notebook (cells, metadata)."""
    import jupytext

    return jupytext.read(path, fmt=NOTEBOOK_FORMAT)


def notebook_text(notebook) -> str:
    """The MyST Markdown text of a notebook: what is committed as a chapter's source."""
    import jupytext

    return jupytext.writes(notebook, fmt=NOTEBOOK_FORMAT)


def write_notebook(notebook, path: Path) -> None:
    """Write a notebook as a chapter's MyST Markdown source."""
    path.write_text(notebook_text(notebook), encoding="utf-8")


class ChapterListError(ValueError):
    """The chapter list is malformed."""


def read_chapters(path: Path | None = None) -> list[Chapter]:
    """Read the chapter list, in order, and check it (unique slugs and titles)."""
    path = path or paths.chapters_file()
    with open(path, "rb") as handle:
        entries = tomllib.load(handle).get("chapter", [])
    chapters: list[Chapter] = []
    seen_slugs: set[str] = set()
    seen_titles: set[str] = set()
    for number, entry in enumerate(entries, start=1):
        slug, title = entry.get("slug", ""), entry.get("title", "")
        if not SLUG_PATTERN.match(slug):
            raise ChapterListError(f"{path}: chapter {number}: slug {slug!r} must match {SLUG_PATTERN.pattern}")
        if not title.strip():
            raise ChapterListError(f"{path}: chapter {number} ({slug}): empty title")
        if slug in seen_slugs or title in seen_titles:
            raise ChapterListError(f"{path}: chapter {number}: duplicate slug or title {slug!r} / {title!r}")
        seen_slugs.add(slug)
        seen_titles.add(title)
        chapters.append(Chapter(number, slug, title))
    if not chapters:
        raise ChapterListError(f"{path}: no [[chapter]] entries")
    return chapters


def write_chapters(chapters: list[tuple[str, str]], path: Path | None = None) -> None:
    """Write the list back (slug, title pairs in order), keeping the header comment."""
    path = path or paths.chapters_file()
    lines = [
        "# The one ordered list of chapters. The build, the tests and `make chapter` read it.",
        "# Each chapter is notebooks/<slug>.md (MyST Markdown notebook); order here is reading order.",
        "",
    ]
    for slug, title in chapters:
        escaped = title.replace("\\", "\\\\").replace('"', '\\"')
        lines += ["[[chapter]]", f'slug = "{slug}"', f'title = "{escaped}"', ""]
    path.write_text("\n".join(lines), encoding="utf-8")
