"""The library reference (``make docs``): pdoc's HTML of ``analysis`` from its docstrings, into ``docs/api/``.

Deterministic and offline: string hashing is fixed (``PYTHONHASHSEED=0``, so sets in default values print
in one order), the search index is left for the browser to build (pdoc would otherwise precompile it with
Node.js when installed, so the output would depend on the machine), only pdoc's own templates are used (not
a user's ``~/.config/pdoc``), and the project's absolute path is written as a relative one. No math or
diagram scripts from a CDN; nothing is fetched. Written to a staging folder and moved into place.

    python tools/api_docs.py [OUTPUT_DIR]      # default docs/api
"""

from __future__ import annotations

import json
import os
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FOOTER = "analysis: the library of the report “The United States, the Soviet Union and Japan, 1900–1991”"


def build(output: Path) -> None:
    import pdoc
    import pdoc.render

    pdoc.render.configure(
        docformat="restructuredtext",
        footer_text=FOOTER,
        math=False,
        mermaid=False,
        search=True,
        show_source=True,
    )
    builtin = Path(pdoc.render.__file__).parent
    pdoc.render.env.loader.searchpath = [
        p for p in pdoc.render.env.loader.searchpath if Path(p).is_relative_to(builtin)
    ]
    # The unprocessed index, as pdoc writes it when Node.js is absent: the same bytes on every machine.
    pdoc.render.precompile_index = lambda documents, compile_js: json.dumps(documents)

    import analysis

    source_root = Path(analysis.__file__).resolve().parents[2]
    staging = output.with_name(f".{output.name}.staging")
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    pdoc.pdoc("analysis", output_directory=staging)
    for page in sorted(staging.rglob("*")):
        if page.is_file():
            text = page.read_text(encoding="utf-8")
            relative = text.replace(f"{source_root}/", "")
            if relative != text:
                page.write_text(relative, encoding="utf-8")
    shutil.rmtree(output, ignore_errors=True)
    staging.rename(output)


def main(argv: list[str]) -> int:
    if os.environ.get("PYTHONHASHSEED") != "0":
        os.execve(sys.executable, [sys.executable, *argv], {**os.environ, "PYTHONHASHSEED": "0"})
    output = Path(argv[1]) if len(argv) > 1 else ROOT / "docs" / "api"
    build(output.resolve())
    print(f"==> library reference written to {output}/index.html")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
