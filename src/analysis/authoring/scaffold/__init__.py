"""``make chapter NAME=slug TITLE="Title" [AFTER=slug]``: a new chapter from the template.

Creates ``notebooks/<slug>.md``, a MyST Markdown notebook that JupyterLab opens and runs
(house style, standard imports, a first figure calling the library, placeholder text
marked ``TODO(author)`` that the build refuses to publish), and adds the chapter to
``notebooks/chapters.toml`` after ``AFTER`` (default: before the appendix, or
last). Refuses an existing slug or title and then changes nothing.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from analysis import paths
from analysis.report.chapters import SLUG_PATTERN, read_chapters, write_chapters

TEMPLATE = Path(__file__).with_name("chapter-template.md")


class ScaffoldError(ValueError):
    """A chapter cannot be scaffolded (bad slug, title or position)."""


def scaffold(slug: str, title: str, after: str | None = None) -> Path:
    """Create the chapter and list it; return the notebook path. Raises ScaffoldError, changing nothing."""
    chapters = read_chapters()
    title = title.strip()
    if not SLUG_PATTERN.match(slug or ""):
        raise ScaffoldError(
            f"slug {slug!r} must be lower-case letters, digits and hyphens, starting with a letter (pattern {SLUG_PATTERN.pattern})"
        )
    if not title:
        raise ScaffoldError('a TITLE is required: make chapter NAME=slug TITLE="Title"')
    if any(chapter.slug == slug for chapter in chapters):
        raise ScaffoldError(
            f"a chapter with slug {slug!r} already exists in {paths.chapters_file().name}; nothing was changed"
        )
    if any(chapter.title.casefold() == title.casefold() for chapter in chapters):
        raise ScaffoldError(f"a chapter titled {title!r} already exists; nothing was changed")
    notebook = paths.notebooks_dir() / f"{slug}.md"
    if notebook.exists():
        raise ScaffoldError(f"{notebook} already exists; nothing was changed")
    slugs = [chapter.slug for chapter in chapters]
    if after is not None and after not in slugs:
        raise ScaffoldError(f"AFTER={after!r} is not a chapter slug (known: {', '.join(slugs)}); nothing was changed")
    if after is not None:
        position = slugs.index(after) + 1
    else:
        position = slugs.index("appendix") if "appendix" in slugs else len(slugs)
    source = TEMPLATE.read_text(encoding="utf-8").format(title=title, slug=slug)
    notebook.write_text(source, encoding="utf-8")
    entries = [(chapter.slug, chapter.title) for chapter in chapters]
    entries.insert(position, (slug, title))
    write_chapters(entries)
    return notebook


def main(argv: list[str] | None = None) -> int:
    """Command line of ``make chapter``; returns the exit status."""
    parser = argparse.ArgumentParser(prog="make chapter", description="Scaffold a new chapter.")
    parser.add_argument("--slug", required=True)
    parser.add_argument("--title", required=True)
    parser.add_argument("--after")
    args = parser.parse_args(argv)
    try:
        notebook = scaffold(args.slug, args.title, args.after)
    except ScaffoldError as error:
        print(f"make chapter: {error}", file=sys.stderr)
        return 2
    root = paths.project_root()
    print(f"created {notebook.relative_to(root)}; listed in notebooks/chapters.toml")
    print("next:")
    print(
        f"  1. make lab, open notebooks/{args.slug}.md (or edit it as text): narrative in Markdown, library calls in code cells"
    )
    print("  2. run it top to bottom in JupyterLab: inline values {eval}`name` show the published numbers")
    print(f"  3. make chapter-html NAME={args.slug}   (fast preview: reports/chapter-{args.slug}.html)")
    print("  4. replace every TODO(author) marker; the build refuses to publish until you do")
    print("  5. make report && make test")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
