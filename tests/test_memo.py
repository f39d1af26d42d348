"""Memos in .cache: written whole, read back, the least recently used pruned."""

import os

from analysis import memo


def test_a_memo_is_read_back_and_a_missing_one_is_none(tmp_path):
    path = tmp_path / "memos" / "key.json"
    assert memo.read(path) is None
    memo.write(path, b"payload", keep=4)
    assert memo.read(path) == b"payload"
    assert [entry.name for entry in path.parent.iterdir()] == ["key.json"]  # nothing left aside


def test_only_the_most_recently_used_memos_are_kept(tmp_path):
    folder = tmp_path / "memos"
    for number in range(3):
        memo.write(folder / f"{number}.svg", b"x", keep=3)
        os.utime(folder / f"{number}.svg", (1_000 + number, 1_000 + number))
    assert memo.read(folder / "0.svg") == b"x"  # used again: now the most recent
    memo.write(folder / "3.svg", b"x", keep=3)
    assert sorted(entry.name for entry in folder.iterdir()) == ["0.svg", "2.svg", "3.svg"]


def test_a_cache_that_cannot_be_written_only_costs_time(tmp_path):
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    memo.write(blocked / "key.svg", b"x", keep=2)  # no error
    assert memo.read(blocked / "key.svg") is None


def test_a_damaged_memo_is_ignored(tmp_path):
    path = tmp_path / "key.svg"
    memo.write(path, b"<svg>whole</svg>", keep=2)
    path.write_bytes(path.read_bytes()[:-3])  # cut short, as by a full disk or a crash elsewhere
    assert memo.read(path) is None
    path.write_bytes(b"<svg>no digest</svg>")
    assert memo.read(path) is None
