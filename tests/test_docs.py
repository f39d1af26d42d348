"""``make docs``: the library reference from the docstrings, built offline and byte for byte the same twice."""

from __future__ import annotations

import re
import subprocess

import pytest
from conftest import ROOT

# A resource the page would load (script, style sheet, image, frame) from the network.
REMOTE_RESOURCE = re.compile(r"<(?:script|link|img|iframe)\b[^>]*\b(?:src|href)=[\"']?(?:https?:)?//", re.I)


def _build(target) -> dict[str, bytes]:
    result = subprocess.run(
        ["make", "--no-print-directory", "docs", f"API_DIR={target}"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return {str(path.relative_to(target)): path.read_bytes() for path in sorted(target.rglob("*")) if path.is_file()}


@pytest.mark.slow
def test_make_docs_builds_the_library_reference_deterministically_and_offline(tmp_path):
    first = _build(tmp_path / "first")
    assert {"index.html", "search.js", "analysis.html", "analysis/present/text.html"} <= set(first)
    assert b"typed_numbers" in first["analysis/present/text.html"]
    assert b"record_panel" in first["analysis/chapter_setup.html"]
    for name, content in first.items():
        text = content.decode("utf-8")
        assert str(ROOT) not in text, f"{name} names the checkout's absolute path"
        assert not REMOTE_RESOURCE.search(text), f"{name} loads a resource from the network"
    assert _build(tmp_path / "second") == first
