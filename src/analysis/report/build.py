"""The report build: validate data, execute chapters, export HTML and PDF, publish atomically.

    python -m analysis.report.build report [--jobs N] [--include-code]
    python -m analysis.report.build html | pdf | check-data
    python -m analysis.report.build chapter-html SLUG

Everything is built in a temporary folder inside ``reports/`` and moved into
place only when the whole build succeeded, so a failure leaves the previous
report exactly as it was. Exit codes: 0 success, 1 failed chapter or
assembly, 2 invalid data.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from analysis import paths
from analysis.report.chapters import Chapter, ChapterListError, read_chapters


def log(message: str) -> None:
    """Print a progress line at once, whole (shared with the worker threads' lines)."""
    from analysis.report.execute import say

    say(message)


def check_data() -> bool:
    """Validate ``data/``; print every problem and return False when there is any."""
    from analysis.data.datapackage import DataValidationError
    from analysis.data.validate import validate

    problems = validate()
    if problems:
        print(DataValidationError(problems), file=sys.stderr)
        print("build stopped before anything in reports/ was touched", file=sys.stderr)
        return False
    log("==> data valid")
    return True


def _edition() -> str:
    """'Built from commit abc1234 of 2026-11-30' (plus 'with uncommitted changes' when the tree differs from it)."""
    try:
        commit = subprocess.run(
            ["git", "log", "-1", "--format=%h %cs"], cwd=paths.project_root(), capture_output=True, text=True, timeout=5
        )
        status = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no"],
            cwd=paths.project_root(),
            capture_output=True,
            text=True,
            timeout=10,
        )
    except (OSError, subprocess.SubprocessError):
        return ""
    parts = commit.stdout.split()
    if commit.returncode != 0 or len(parts) != 2:
        return ""
    dirty = " with uncommitted changes" if status.returncode == 0 and status.stdout.strip() else ""
    return f"Built from commit {parts[0]} of {parts[1]}{dirty}"


def _report_fingerprint(chapters: list[Chapter], include_code: bool, want_pdf: bool) -> str:
    from analysis.report.execute import chapter_fingerprint, shared_fingerprint

    shared = shared_fingerprint()
    digest = hashlib.sha256(f"{include_code}{want_pdf}{_edition()}".encode())
    digest.update((paths.chapters_file()).read_bytes())
    for chapter in chapters:
        digest.update(chapter_fingerprint(chapter, shared).encode())
    return digest.hexdigest()


def _chromium() -> str:
    """The browser that prints the PDF (``analysis.report.pdf.CHROMIUM``, which ``USRJ_CHROMIUM`` overrides)."""
    from analysis.report.pdf import CHROMIUM

    return CHROMIUM


def _stamp(fingerprint: str, reports: Path, outputs: list[str]) -> str:
    """What a published report is recorded as: its inputs' fingerprint and each output's SHA-256.

    A damaged or missing output no longer matches, so the next build rebuilds instead of saying "up to date".
    """
    lines = [fingerprint]
    for name in outputs:
        path = reports / name
        lines.append(f"{name} {hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() else 'missing'}")
    return "\n".join(lines)


def _publish(staging: Path, names: list[str]) -> None:
    """Move the new outputs into reports/ together: if one cannot be replaced, the old ones are put back."""
    reports = paths.reports_dir()
    backups: list[tuple[Path, Path]] = []
    replaced: list[Path] = []
    try:
        for name in names:
            target = reports / name
            if target.exists():
                backup = staging / f"{name}.previous"
                os.replace(target, backup)
                backups.append((backup, target))
        for name in names:
            os.replace(staging / name, reports / name)
            replaced.append(reports / name)
    except OSError:
        for path in replaced:
            path.unlink(missing_ok=True)
        for backup, target in backups:
            os.replace(backup, target)
        raise


def build(want_pdf: bool = True, jobs: int = 2, include_code: bool = False, only: str | None = None) -> int:
    """Validate, execute the chapters and publish the report; returns the exit status."""
    started = time.perf_counter()
    if not check_data():
        return 2
    try:
        chapters = read_chapters()
        missing = [chapter for chapter in chapters if not chapter.notebook.exists()]
        if missing:
            raise ChapterListError(
                f"{paths.chapters_file()}: chapter '{missing[0].slug}' has no source {missing[0].notebook.name} in notebooks/"
            )
    except (ChapterListError, OSError, ValueError) as error:  # tomllib.TOMLDecodeError is a ValueError
        print(f"\nBUILD FAILED\nthe chapter list cannot be used: {error}", file=sys.stderr)
        return 2
    if only:
        chapters = [chapter for chapter in chapters if chapter.slug == only]
        if not chapters:
            print(f"no chapter with slug {only!r} in {paths.chapters_file()}", file=sys.stderr)
            return 1
    reports = paths.reports_dir()
    try:
        reports.mkdir(exist_ok=True)
        for leftover in reports.glob(".staging-*"):  # a build killed while publishing leaves these behind
            shutil.rmtree(leftover, ignore_errors=True)
    except OSError as error:
        print(f"\nBUILD FAILED\ncannot write to {reports}: {error}", file=sys.stderr)
        return 1
    outputs = [f"chapter-{only}.html"] if only else ["report.html"] + (["report.pdf"] if want_pdf else [])
    stamp = reports / (f".chapter-{only}.sha256" if only else ".report.sha256")
    fingerprint = _report_fingerprint(chapters, include_code, want_pdf)
    if stamp.exists() and stamp.read_text() == _stamp(fingerprint, reports, outputs):
        log(f"==> report up to date ({', '.join(outputs)}); nothing to do ({time.perf_counter() - started:.2f} s)")
        return 0

    printer = None
    if want_pdf and not only and not Path(_chromium()).exists():
        print(
            f"\nBUILD FAILED\nChromium, which prints the PDF, is not installed at {_chromium()}: run `make system-deps` "
            "(or `make html` for the HTML alone). Nothing was executed; reports/ is unchanged.",
            file=sys.stderr,
        )
        return 2
    # What execution imports is imported here, before the printer and the assembler start importing in their own
    # threads: two threads importing the same packages at once can meet a module half initialised (an ImportError
    # in one of them). Execution needs these first anyway, so nothing is added to the build's time.
    import jupytext  # noqa: F401
    import nbclient  # noqa: F401
    import nbformat  # noqa: F401

    try:
        if want_pdf and not only:
            from analysis.report.pdf import EarlyPrinter

            printer = EarlyPrinter()  # Chromium starts while the chapters execute
        return _execute_and_publish(chapters, jobs, include_code, outputs, stamp, fingerprint, started, printer)
    finally:
        if printer is not None:
            printer.close()


def _import_assembler() -> None:
    """Import the assembler (nbconvert, mistune, nh3: about a second) and let it read the bibliography and the
    data's dates (another second), in the background."""
    try:
        from analysis.report.assemble import prepare

        prepare()
    except Exception:  # noqa: BLE001 - assembly meets the same problem again and reports it, in the main thread
        pass


def _execute_and_publish(chapters, jobs, include_code, outputs, stamp, fingerprint, started, printer) -> int:
    import threading

    from analysis.report.execute import ChapterFailed, execute_chapters, executed_path

    # The assembler is needed only after execution: it is imported meanwhile, on the core the kernels leave free.
    importer = threading.Thread(target=_import_assembler, name="import-assembler", daemon=True)
    importer.start()

    reports = paths.reports_dir()
    log(f"==> executing {len(chapters)} chapter(s), {jobs} at a time")
    try:
        execute_chapters(chapters, jobs=jobs, log=log)
    except ChapterFailed as error:
        print(f"\nBUILD FAILED\n{error}\nThe previous report in reports/ is unchanged.", file=sys.stderr)
        return 1
    executed_at = time.perf_counter()
    importer.join()
    from analysis.report.assemble import AssemblyError, assemble

    try:
        staging = Path(tempfile.mkdtemp(prefix=".staging-", dir=reports))
    except OSError as error:
        print(
            f"\nBUILD FAILED\ncannot write to {reports}: {error}\nThe previous report in reports/ is unchanged.",
            file=sys.stderr,
        )
        return 1
    try:
        log("==> assembling the HTML report")
        try:
            page = assemble(
                chapters,
                {c.slug: executed_path(c) for c in chapters},
                include_code=include_code,
                edition=_edition(),
                draft=outputs[0].startswith("chapter-"),  # a chapter previewed alone may still be a draft
                warn=log,
            )
        except AssemblyError as error:
            print(f"\nBUILD FAILED\n{error}\nThe previous report in reports/ is unchanged.", file=sys.stderr)
            return 1
        html_name = outputs[0]
        try:
            (staging / html_name).write_text(page, encoding="utf-8")
        except OSError as error:  # e.g. a full disk
            print(
                f"\nBUILD FAILED\ncannot write the report: {error}\nThe previous report in reports/ is unchanged.",
                file=sys.stderr,
            )
            return 1
        if printer is not None:
            log("==> printing the PDF with headless Chromium")
            try:
                printer.print_pdf(staging / html_name, staging / "report.pdf")
            except RuntimeError as error:
                print(f"\nBUILD FAILED\n{error}\nThe previous report in reports/ is unchanged.", file=sys.stderr)
                return 1
        try:
            _publish(staging, outputs)
        except OSError as error:
            print(
                f"\nBUILD FAILED\ncannot publish into {reports}: {error}\nThe previous report in reports/ is unchanged.",
                file=sys.stderr,
            )
            return 1
        stamp.write_text(_stamp(fingerprint, reports, outputs))
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    total = time.perf_counter() - started
    log(
        f"==> done: {', '.join('reports/' + name for name in outputs)} (execution {executed_at - started:.1f} s, total {total:.1f} s)"
    )
    return 0


def main(argv: list[str] | None = None) -> int:
    """Command line of the build (``python -m analysis.report.build TARGET``)."""
    parser = argparse.ArgumentParser(prog="python -m analysis.report.build", description=__doc__.split("\n\n")[0])
    parser.add_argument("target", choices=["report", "html", "pdf", "check-data", "chapter-html"])
    parser.add_argument("slug", nargs="?", help="chapter slug for chapter-html")
    parser.add_argument("--jobs", type=int, default=int(os.environ.get("JOBS", "2")))
    parser.add_argument(
        "--include-code", action="store_true", default=os.environ.get("INCLUDE_CODE", "") not in ("", "0")
    )
    args = parser.parse_args(argv)
    if args.target == "check-data":
        return 0 if check_data() else 2
    if args.target == "chapter-html" and not args.slug:
        parser.error("chapter-html needs a chapter slug")
    try:
        with _build_lock():
            if args.target == "chapter-html":
                return build(want_pdf=False, jobs=args.jobs, include_code=args.include_code, only=args.slug)
            return build(want_pdf=args.target in ("report", "pdf"), jobs=args.jobs, include_code=args.include_code)
    except KeyboardInterrupt:
        print("\nBUILD INTERRUPTED\nThe previous report in reports/ is unchanged.", file=sys.stderr)
        return 130
    finally:
        # The interpreter's exit runs the garbage collector over everything still alive (pandas, nbformat
        # trees, the page): over half a second spent finding no cycles worth freeing. Frozen objects are skipped.
        import gc

        gc.freeze()


@contextlib.contextmanager
def _build_lock():
    """Serialise builds in one clone: a second build waits for the first, and says so."""
    import fcntl

    lock_file = paths.cache_dir() / "build.lock"
    lock_file.parent.mkdir(parents=True, exist_ok=True)
    with open(lock_file, "w") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            log("==> another build is running in this clone; waiting for it to finish")
            fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


if __name__ == "__main__":
    raise SystemExit(main())
