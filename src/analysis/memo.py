"""Results kept in ``.cache/`` between runs, each under a digest of everything it depends on.

Chapters' kernels run side by side and may write the same memo at once: a memo is written aside and renamed, so a
reader never sees half a file. Each memo starts with the SHA-256 of what it holds, so one damaged on disk is
ignored rather than used. A memo that cannot be read or written only costs the time to compute it again.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path


def read(path: Path) -> bytes | None:
    """The bytes kept at ``path``, or None if there is no memo, or it cannot be read, or it is damaged. A memo read
    is marked as recently used, so pruning keeps it."""
    try:
        stored = path.read_bytes()
        os.utime(path)
    except OSError:
        return None
    digest, _, payload = stored.partition(b"\n")
    return payload if digest == hashlib.sha256(payload).hexdigest().encode() else None


def write(path: Path, payload: bytes, keep: int) -> None:
    """Write ``payload`` to ``path`` atomically, then keep only the ``keep`` most recently used memos of its folder."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        partial.write_bytes(hashlib.sha256(payload).hexdigest().encode() + b"\n" + payload)
        os.replace(partial, path)
        memos = [entry for entry in path.parent.iterdir() if not entry.name.endswith(".tmp")]
        for stale in sorted(memos, key=_last_use)[:-keep]:
            stale.unlink(missing_ok=True)
    except OSError:
        pass  # a read-only or full cache only costs time


def _last_use(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:  # pruned meanwhile by another kernel
        return 0.0
