"""JupyterLab settings for this project's environment (run by ``make setup``).

Chapters are MyST Markdown files (``notebooks/<slug>.md``); jupytext lets JupyterLab open them as
notebooks, and this makes that the default viewer, so a double click opens a runnable chapter. The
settings go into the environment (``.venv/share/jupyter/lab/settings``), never into the user's home.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

OVERRIDES = {
    "@jupyterlab/docmanager-extension:plugin": {
        "defaultViewers": {"markdown": "Jupytext Notebook", "myst": "Jupytext Notebook"}
    }
}


def main() -> int:
    """Write the overrides file of the environment's JupyterLab."""
    target = Path(sys.prefix) / "share" / "jupyter" / "lab" / "settings" / "overrides.json"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(OVERRIDES, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
