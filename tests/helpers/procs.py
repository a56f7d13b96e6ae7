"""Processes as /proc shows them: whose children, and whether still alive."""

from __future__ import annotations

import time
from pathlib import Path


def _stat(pid: int | str) -> list[str] | None:
    try:
        return (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None


def children(pid: int) -> set[int]:
    """Every process whose parent is `pid`."""
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            fields = _stat(entry.name)
            if fields is not None and int(fields[1]) == pid:
                found.add(int(entry.name))
    return found


def alive(pid: int) -> bool:
    fields = _stat(pid)
    return fields is not None and fields[0] != "Z"


def survivors(pids: set[int], within: float = 5.0) -> list[int]:
    """The processes of `pids` still running after `within` seconds: a killed process takes a
    moment to exit on a loaded machine (tearing down its memory), a leaked one never does."""
    deadline = time.monotonic() + within
    while True:
        left = sorted(pid for pid in pids if alive(pid))
        if not left or time.monotonic() > deadline:
            return left
        time.sleep(0.05)
