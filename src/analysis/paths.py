"""All paths of the project, in one place, built from this file's location.

Notebooks never write ``../data/...``; they ask this module. ``USRJ_ROOT``
overrides the root, which the tests use to build a temporary copy.
"""

from __future__ import annotations

import os
from pathlib import Path


def project_root() -> Path:
    """The project's root folder (the one holding ``data/`` and ``notebooks/``)."""
    override = os.environ.get("USRJ_ROOT")
    if override:
        return Path(override).resolve()
    return Path(__file__).resolve().parents[2]


def data_dir() -> Path:
    """The folder of the curated tables."""
    return project_root() / "data"


def notebooks_dir() -> Path:
    """The folder of the chapters."""
    return project_root() / "notebooks"


def reports_dir() -> Path:
    """Where the built report is published."""
    return project_root() / "reports"


def cache_dir() -> Path:
    """The execution cache (executed notebooks, fingerprints)."""
    return project_root() / ".cache"


def chapters_file() -> Path:
    """The ordered list of chapters."""
    return notebooks_dir() / "chapters.toml"


def package_dir() -> Path:
    """The installed ``analysis`` package."""
    return Path(__file__).resolve().parent


def bibliography_file() -> Path:
    """The BibTeX file every row cites."""
    return data_dir() / "references.bib"
