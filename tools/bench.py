"""`make bench`: time the report build against the naive way, and keep the table.

Measures, in temporary copies of the project (the working tree is not touched):
  1. the naive way: one `jupyter nbconvert --execute --to html` call per chapter,
     then one headless-Chromium PDF print per chapter;
  2. a clean build (`python -m analysis.report.build report`, JOBS=2);
  3. a no-op rebuild with nothing changed;
  4. rebuilds after editing one chapter, the median of a few edits (and which chapters re-executed): its prose
     (HTML and PDF), its code (HTML and PDF, HTML only, and HTML and PDF with the chart memo emptied, which
     shows what reusing unchanged charts saves).
Prints the ratios and writes docs/benchmarks.md with the machine it ran on.
"""

from __future__ import annotations

import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat

from analysis.report.chapters import read_notebook, write_notebook
from analysis.report.pdf import CHROMIUM_ARGS

sys.path.insert(0, str(Path(__file__).resolve().parent))
import measure_page  # noqa: E402 - a sibling tool

write_ipynb = nbformat.write

ROOT = Path(__file__).resolve().parents[1]
IGNORED = shutil.ignore_patterns(
    ".venv", ".git", "reports", ".cache", "__pycache__", ".pytest_cache", ".staging", "*.egg-info"
)
VENV_BIN = Path(sys.executable).parent
EDIT_RUNS = 3
ORDINALS = ("first", "second", "third", "fourth", "fifth")
# The report's own printing flags (no network, no stray connections), plus those of a command-line print.
CHROMIUM_FLAGS = ["--headless", *CHROMIUM_ARGS, "--no-pdf-header-footer"]


def timed(command: list[str], cwd: Path, env: dict | None = None) -> tuple[float, str]:
    start = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, env={**os.environ, **(env or {})}, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"benchmark step failed: {' '.join(command)}\n{result.stdout}\n{result.stderr}")
    return elapsed, result.stdout


def chapters(root: Path) -> list[str]:
    import tomllib

    return [entry["slug"] for entry in tomllib.loads((root / "notebooks" / "chapters.toml").read_text())["chapter"]]


def naive(root: Path) -> float:
    out = root / "naive"
    out.mkdir()
    total = 0.0
    env = {"USRJ_ROOT": str(root)}
    for slug in chapters(root):
        # nbconvert reads .ipynb only: the MyST source is converted first (not timed).
        notebook = out / f"{slug}.ipynb"
        write_ipynb(read_notebook(root / "notebooks" / f"{slug}.md"), notebook)
        seconds, _ = timed(
            [
                str(VENV_BIN / "jupyter"),
                "nbconvert",
                "--execute",
                "--to",
                "html",
                "--output-dir",
                str(out),
                str(notebook),
            ],
            root,
            env,
        )
        total += seconds
        profile = tempfile.mkdtemp()
        seconds, _ = timed(
            [
                "chromium",
                *CHROMIUM_FLAGS,
                f"--user-data-dir={profile}",
                f"--print-to-pdf={out / (slug + '.pdf')}",
                (out / f"{slug}.html").as_uri(),
            ],
            root,
        )
        shutil.rmtree(profile, ignore_errors=True)
        total += seconds
    return total


def machine() -> str:
    cpu = "unknown CPU"
    try:
        cpu = next(
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        )
    except (OSError, StopIteration):
        pass
    memory = ""
    try:
        kib = int(re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text()).group(1))
        memory = f", {kib / 1024 / 1024:.0f} GiB"
    except (OSError, AttributeError):
        pass
    return f"{cpu}, {os.cpu_count()} cores{memory}; {platform.platform()}; Python {platform.python_version()}"


def main() -> int:
    build = [sys.executable, "-m", "analysis.report.build", "report"]
    with tempfile.TemporaryDirectory() as tmp:
        naive_root = Path(shutil.copytree(ROOT, Path(tmp) / "naive-project", ignore=IGNORED))
        print("==> naive: one nbconvert --execute call and one Chromium print per chapter")
        naive_seconds = naive(naive_root)
        root = Path(shutil.copytree(ROOT, Path(tmp) / "project", ignore=IGNORED))
        env = {"USRJ_ROOT": str(root), "JOBS": os.environ.get("JOBS", "2")}
        print("==> clean build")
        clean_seconds, _ = timed(build, root, env)
        print("==> no-op rebuild")
        noop_seconds, _ = timed(build, root, env)
        slug = chapters(root)[0]
        notebook = root / "notebooks" / f"{slug}.md"
        # Three edits of the first chapter, each repeated (one run would be at the mercy of the machine's other
        # work): a new paragraph (prose: the cached outputs are reused), and a new code cell (the chapter runs
        # again), rebuilt as HTML and PDF, and as HTML only. Words, not digits: the build refuses typed numbers.
        edits = {
            ("prose", "report"): lambda run: nbformat.v4.new_markdown_cell(f"Benchmark edit, {ORDINALS[run]} run."),
            ("code", "report"): lambda run: nbformat.v4.new_code_cell(f'benchmark_edit = "{ORDINALS[run]} run"'),
            ("code", "html"): lambda run: nbformat.v4.new_code_cell(f'benchmark_edit_html = "{ORDINALS[run]} run"'),
            # What the chart memo saves: the same code edit with .cache/charts emptied first, so every chart of
            # the chapter is drawn again.
            ("code (charts redrawn)", "report"): lambda run: nbformat.v4.new_code_cell(
                f'benchmark_edit_redrawn = "{ORDINALS[run]} run"'
            ),
        }
        times: dict[tuple[str, str], list[float]] = {edit: [] for edit in edits}
        executed: dict[tuple[str, str], list[str]] = {}
        for run in range(EDIT_RUNS):
            for (kind, target), new_cell in edits.items():
                nb = read_notebook(notebook)
                nb.cells.append(new_cell(run))
                write_notebook(nb, notebook)
                if "redrawn" in kind:
                    shutil.rmtree(root / ".cache" / "charts", ignore_errors=True)
                print(f"==> rebuild after a {kind} edit of {slug} ({target}, run {run + 1} of {EDIT_RUNS})")
                seconds, output = timed([*build[:-1], target], root, env)
                times[(kind, target)].append(seconds)
                executed[(kind, target)] = re.findall(r"\] (\S+): started", output)
        prose_seconds, code_seconds, html_seconds, redrawn_seconds = (statistics.median(times[e]) for e in edits)
        print("==> the page: sizes and load time in Chromium")
        timed(build, root, env)  # the PDF again, after the HTML-only runs
        page = measure_page.measure(root / "reports" / "report.html")
    rows = [
        ("naive: nbconvert --execute --to html per chapter + Chromium PDF per chapter", naive_seconds, "1.00"),
        ("clean build (`make report`, JOBS=2)", clean_seconds, f"{clean_seconds / naive_seconds:.2f}"),
        ("no-op rebuild", noop_seconds, f"{noop_seconds / naive_seconds:.3f}"),
        (
            f"rebuild after a prose edit of `{slug}`, HTML and PDF (re-executed: "
            f"{', '.join(executed[('prose', 'report')]) or 'none'}; median of {EDIT_RUNS})",
            prose_seconds,
            f"{prose_seconds / naive_seconds:.2f}",
        ),
        (
            f"rebuild after a code edit of `{slug}`, HTML and PDF (re-executed: "
            f"{', '.join(executed[('code', 'report')]) or 'none'}; median of {EDIT_RUNS})",
            code_seconds,
            f"{code_seconds / naive_seconds:.2f}",
        ),
        (
            f"the same code edit, HTML only (`make html`; median of {EDIT_RUNS})",
            html_seconds,
            f"{html_seconds / naive_seconds:.2f}",
        ),
        (
            f"the same code edit, HTML and PDF, with the chart memo emptied first (median of {EDIT_RUNS})",
            redrawn_seconds,
            f"{redrawn_seconds / naive_seconds:.2f}",
        ),
    ]
    table = "\n".join(f"| {name} | {seconds:.1f} | {ratio} |" for name, seconds, ratio in rows)
    targets = (
        f"- clean build ≤ 0.4 × naive: {'met' if clean_seconds <= 0.4 * naive_seconds else 'NOT met'} ({clean_seconds / naive_seconds:.2f})\n"
        f"- no-op ≤ 1 s: {'met' if noop_seconds <= 1 else 'NOT met'} ({noop_seconds:.2f} s)\n"
        f"- a code edit re-executes that chapter only, a prose edit none: "
        f"{'met' if executed[('code', 'report')] == [slug] and executed[('prose', 'report')] == [] else 'NOT met'}\n"
        f"- rebuild after one chapter's prose edit (HTML and PDF) ≤ 0.4 × clean build: "
        f"{'met' if prose_seconds <= 0.4 * clean_seconds else 'NOT met'} ({prose_seconds / clean_seconds:.2f})\n"
        f"- rebuild after one chapter's code edit (HTML and PDF) ≤ 0.4 × clean build: "
        f"{'met' if code_seconds <= 0.4 * clean_seconds else 'NOT met'} ({code_seconds / clean_seconds:.2f})\n"
        f"- HTML ≤ 5 MB, PDF ≤ 10 MB, load under 1 s: {'met' if page['within_limits'] else 'NOT met'}\n"
    )
    document = (
        "# Benchmarks\n\n"
        "Written by `make bench` (tools/bench.py); the latest run replaces this file. Wall-clock seconds, "
        f"{len(chapters(ROOT))} chapters, one run each.\n\n"
        f"Machine: {machine()}\n\n"
        "| what | seconds | × naive |\n|---|---:|---:|\n"
        f"{table}\n\n## The page\n\n"
        + "".join(f"- {line}\n" for line in measure_page.report_lines(page))
        + f"\n## Targets\n\n{targets}\n"
        "The naive route also yields one PDF per chapter rather than one report, without a table of contents or figure numbers.\n"
    )
    (ROOT / "docs" / "benchmarks.md").write_text(document, encoding="utf-8")
    print(document)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
