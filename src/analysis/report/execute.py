"""Executing chapters: content-hash cache, parallel kernels, clear failures.

A chapter re-executes only when its code cells, a file in ``data/``, a file of
``src/analysis`` or the locked dependencies changed (SHA-256 of contents,
never mtimes). An edit to its prose alone reuses the cached outputs, merged
into the new text, as jupyter-cache does for Jupyter Book: prose is never
executed, and inline values are filled at assembly from published facts.
Executed copies live in ``.cache/executed/``.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor, as_completed
from pathlib import Path

from analysis import paths
from analysis.present.chart_memo import INPUTS_ENV
from analysis.report.chapters import Chapter, read_notebook

_OUTPUT_LOCK = threading.Lock()


def say(message: str) -> None:
    """Write one whole progress line; worker threads never interleave inside a line."""
    with _OUTPUT_LOCK:
        sys.stdout.write(message + "\n")
        sys.stdout.flush()


class ChapterFailed(Exception):
    """A chapter could not be executed; the message names chapter, cell and error."""


def _hash_files(digest, files) -> None:
    root = paths.project_root()
    for file in sorted(files):
        if file.is_file() and "__pycache__" not in file.parts:
            digest.update(str(file.relative_to(root)).encode())
            digest.update(file.read_bytes())


def shared_fingerprint() -> str:
    """Hash of what every chapter depends on: data, library, locked dependencies, the coding protocol."""
    digest = hashlib.sha256()
    root = paths.project_root()
    _hash_files(digest, paths.data_dir().rglob("*"))
    _hash_files(digest, (root / "src" / "analysis").rglob("*"))
    # The coding protocol is read by the appendix: a change to it must re-execute the chapters.
    _hash_files(digest, [root / "requirements.lock", root / "docs" / "coding-protocol.md"])
    return digest.hexdigest()


def chapter_fingerprint(chapter: Chapter, shared: str) -> str:
    """Hash of the chapter's notebook and of everything shared (data, library, lock file)."""
    digest = hashlib.sha256(shared.encode())
    digest.update(chapter.notebook.read_bytes())
    return digest.hexdigest()


def code_fingerprint(notebook, shared: str) -> str:
    """Hash of what executing a notebook depends on: everything shared, its kernel, and each code cell's source
    and metadata in order. Markdown cells are left out: they are not executed."""
    digest = hashlib.sha256(shared.encode())
    digest.update(json.dumps(notebook.metadata.get("kernelspec", {}), sort_keys=True).encode())
    for cell in notebook.cells:
        if cell.cell_type == "code":
            digest.update(b"\0code\0" + json.dumps([cell.source, cell.get("metadata", {})], sort_keys=True).encode())
    return digest.hexdigest()


def executed_path(chapter: Chapter) -> Path:
    """Where the executed notebook of a chapter is cached."""
    return paths.cache_dir() / "executed" / f"{chapter.slug}.ipynb"


def _stamp_path(chapter: Chapter) -> Path:
    return paths.cache_dir() / "executed" / f"{chapter.slug}.sha256"


def cache_state(chapter: Chapter, fingerprint: str, shared: str | None = None) -> str:
    """'fresh' (the cached execution can be used), 'prose' (only Markdown changed: the cached outputs can be
    merged into the new text; checked when ``shared`` is given), 'stale' (inputs changed or nothing cached) or
    'corrupt'.

    The stamp holds the notebook's fingerprint, its code fingerprint and the SHA-256 of the executed notebook
    written with them, so a truncated or garbled entry is caught by one hash, without parsing megabytes of outputs;
    the notebook is parsed only when its bytes changed."""
    stamp, executed = _stamp_path(chapter), executed_path(chapter)
    recorded = stamp.read_text().split("\n") if stamp.exists() else []
    if not (executed.exists() and len(recorded) == 3):
        return "stale"
    if recorded[0] == fingerprint:
        state = "fresh"
    elif shared is not None and code_fingerprint(read_notebook(chapter.notebook), shared) == recorded[1]:
        state = "prose"
    else:
        return "stale"
    return state if _file_hash(executed) == recorded[2] else "corrupt"


def _write_executed(chapter: Chapter, nb, fingerprint: str, code_print: str) -> None:
    """Write an executed notebook to the cache, then its stamp (a stamp never describes a half-written file)."""
    import nbformat

    target = executed_path(chapter)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_suffix(".tmp")
    nbformat.write(nb, tmp)
    os.replace(tmp, target)
    _stamp_path(chapter).write_text(f"{fingerprint}\n{code_print}\n{_file_hash(target)}")


def reuse_outputs(chapter: Chapter, fingerprint: str, shared: str) -> None:
    """The chapter's new text with the outputs of its cached execution, cell for cell (its code is unchanged)."""
    import nbformat

    notebook = read_notebook(chapter.notebook)
    cached = nbformat.read(executed_path(chapter), as_version=4)
    new_code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    old_code = [cell for cell in cached.cells if cell.cell_type == "code"]
    if [cell.source for cell in new_code] != [cell.source for cell in old_code]:
        raise ValueError(f"chapter '{chapter.slug}': its code differs from the cached execution")
    for new, old in zip(new_code, old_code):
        new.outputs = old.outputs
        new.execution_count = old.execution_count
    _write_executed(chapter, notebook, fingerprint, code_fingerprint(notebook, shared))


def _file_hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


ANSI = re.compile(r"\x1b\[[0-9;]*m")


def _failing_line(source: str, traceback: list[str]) -> str:
    """', line N: `code`': the line of the cell where the error was raised (IPython marks it with an arrow)."""
    for frame in traceback:
        text = ANSI.sub("", frame)
        if "Cell In[" not in text and "Input In [" not in text:
            continue
        marked = re.search(r"^-+>\s*(\d+)", text, flags=re.M)
        if marked:
            number = int(marked.group(1))
            lines = source.splitlines()
            code = lines[number - 1].strip() if 0 < number <= len(lines) else ""
            return f", line {number}: `{code[:160]}`"
    return ""


def failed_path(chapter: Chapter) -> Path:
    """Where the executed notebook of a failed chapter is kept, to be opened and read."""
    return paths.cache_dir() / "failed" / f"{chapter.slug}.ipynb"


def _cell_problem(nb, chapter: Chapter) -> str | None:
    """The first error, stderr or stray text output of an executed notebook, as a message."""
    code_number = 0
    for index, cell in enumerate(nb.cells, start=1):
        if cell.cell_type != "code":
            continue
        code_number += 1
        for output in cell.get("outputs", []):
            where = f"chapter '{chapter.slug}' ({chapter.notebook.name}), cell {index} (code cell {code_number})"
            if output.output_type == "error":
                line = _failing_line(cell.source, output.get("traceback", []))
                return f"{where}{line}: {output.ename}: {output.evalue}"
            if output.output_type == "stream" and output.name == "stderr":
                return f"{where} wrote to stderr (a warning reaches the reader): {output.text.strip()[:500]}"
            if output.output_type == "stream":
                return f"{where} printed stray output: {output.text.strip()[:200]!r}"
            data = output.get("data", {})
            if output.output_type in ("execute_result", "display_data") and set(data) <= {"text/plain"}:
                return f"{where} left a stray value: {data.get('text/plain', '')[:200]!r} (end the line with ';' or display it)"
    return None


def execute_one(
    slug: str,
    title: str,
    number: int,
    root: str,
    fingerprint: str,
    shared: str,
    progress: str = "",
    timeout: int = 600,
) -> tuple[str, float]:
    """Execute one chapter in a fresh kernel (called from a worker thread; the kernel is its own process); return (slug, seconds)."""
    os.environ["USRJ_ROOT"] = root
    if progress:
        say(f"  {progress} {slug}: started")
    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    chapter = Chapter(number, slug, title)
    start = time.perf_counter()
    nb = read_notebook(chapter.notebook)
    code_print = code_fingerprint(nb, shared)
    # The kernel is the python3 kernel of the interpreter running the build: the project's .venv.
    client = NotebookClient(
        nb,
        timeout=timeout,
        kernel_name="python3",
        record_timing=False,
        allow_errors=False,
        # Once the last cell has run, the executed notebook is complete: the kernel is stopped at once rather than
        # asked to shut down and waited for (most of a second per chapter).
        shutdown_kernel="immediate",
        resources={"metadata": {"path": str(chapter.notebook.parent)}},
    )
    try:
        # The kernel's own log (e.g. ipykernel 7's 'running over TCP' notice) is not the reader's business.
        # With the inputs' fingerprint in its environment, the kernel reuses charts whose arguments are unchanged
        # (see analysis.present.chart_memo).
        client.execute(stderr=subprocess.DEVNULL, env={**os.environ, INPUTS_ENV: shared})
    except CellExecutionError:
        pass  # the error output is in the notebook; _cell_problem names the cell
    except Exception as error:  # kernel died, timeout
        raise ChapterFailed(f"chapter '{slug}' ({chapter.notebook.name}): {type(error).__name__}: {error}") from None
    problem = _cell_problem(nb, chapter)
    if problem:
        kept = failed_path(chapter)
        kept.parent.mkdir(parents=True, exist_ok=True)
        nbformat.write(nb, kept)
        raise ChapterFailed(f"{problem}\n(the executed chapter, with its outputs, is kept in {kept})")
    _write_executed(chapter, nb, fingerprint, code_print)
    return slug, time.perf_counter() - start


def execute_chapters(chapters: list[Chapter], jobs: int = 2, log=say) -> dict[str, float]:
    """Execute the chapters whose fingerprint changed, ``jobs`` at a time; return seconds by slug."""
    shared = shared_fingerprint()
    prints = {chapter.slug: chapter_fingerprint(chapter, shared) for chapter in chapters}
    states = {chapter.slug: cache_state(chapter, prints[chapter.slug], shared) for chapter in chapters}
    total = len(chapters)
    position = {chapter.slug: index for index, chapter in enumerate(chapters, start=1)}
    for chapter in chapters:
        where = f"  [{position[chapter.slug]}/{total}] {chapter.slug}"
        if states[chapter.slug] == "corrupt":
            log(
                f"  cache entry of '{chapter.slug}' ({executed_path(chapter).name}) is damaged (not the bytes its stamp records); discarded, re-executing"
            )
        elif states[chapter.slug] == "prose":
            try:
                reuse_outputs(chapter, prints[chapter.slug], shared)
                log(f"{where}: prose changed, code unchanged; cached outputs reused")
                states[chapter.slug] = "reused"
            except (OSError, ValueError) as error:  # e.g. an unreadable cache entry: execute instead
                log(f"  cache entry of '{chapter.slug}' cannot be reused ({error}); re-executing")
        elif states[chapter.slug] == "fresh":
            log(f"{where}: unchanged, cached")
    todo = [chapter for chapter in chapters if states[chapter.slug] not in ("fresh", "reused")]
    timings: dict[str, float] = {}
    if not todo:
        return timings
    root = str(paths.project_root())
    failures: list[str] = []
    # Longest first keeps both workers busy to the end; a notebook's size is a fair guess of its cost.
    todo.sort(key=lambda chapter: chapter.notebook.stat().st_size, reverse=True)
    # Threads suffice: each chapter runs in its own kernel process; a thread only drives it.
    with ThreadPoolExecutor(max_workers=max(1, min(jobs, len(todo)))) as workers:
        futures = {}
        for chapter in todo:
            progress = f"[{position[chapter.slug]}/{total}]"
            futures[
                workers.submit(
                    execute_one,
                    chapter.slug,
                    chapter.title,
                    chapter.number,
                    root,
                    prints[chapter.slug],
                    shared,
                    progress,
                )
            ] = chapter
        for future in as_completed(futures):
            chapter = futures[future]
            try:
                _, seconds = future.result()
            except ChapterFailed as error:
                failures.append(str(error))
                log(f"  [{position[chapter.slug]}/{total}] {chapter.slug}: FAILED")
                continue
            timings[chapter.slug] = seconds
            log(f"  [{position[chapter.slug]}/{total}] {chapter.slug}: done in {seconds:.1f} s")
    if failures:
        raise ChapterFailed("\n".join(failures))
    return timings
