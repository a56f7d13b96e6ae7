"""`reviewer import` and `reextract` are never silent off a terminal (a log, a script, CI): a
progress line every few seconds on stderr, then the summary; on a terminal the bar as before."""

from __future__ import annotations

import os
import pty
import re
import subprocess
import sys
from pathlib import Path

import pytest

FILES = 12
LINE = re.compile(r"reviewer: (\d+)/(\d+) (files|filings)(?:, (\d+\.\d) MB)?, (\d+) s")


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(FILES):
        (folder / f"f{i:02}.txt").write_bytes(b"FORM 8-K\nItem 8.01 Other Events\n" * 2000
                                              + f"number {i}\n".encode())
    return folder


def _reviewer(*args: str, seconds: str | None = "0", **kw) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "REVIEWER_PROGRESS_SECONDS"}
    if seconds is not None:
        env["REVIEWER_PROGRESS_SECONDS"] = seconds  # a line at every file, not every 5 s
    return subprocess.run([sys.executable, "-m", "reviewer", *args], env=env, text=True,
                          timeout=300, **kw)


@pytest.mark.slow  # about 8 s: three CLI runs
def test_import_and_reextract_print_progress_lines_to_a_pipe(folder: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "s.db")
    result = _reviewer("import", "-j", "1", "--db", db, str(folder), capture_output=True)
    assert result.returncode == 0, result.stderr
    lines = result.stderr.splitlines()
    progress = [LINE.fullmatch(line) for line in lines]
    assert all(progress), lines  # nothing else on stderr: no bar, no carriage returns
    assert "\r" not in result.stderr
    done = [int(m.group(1)) for m in progress if m]
    assert done == list(range(1, FILES))  # the last file: the summary says it
    assert {m.group(2) for m in progress if m} == {str(FILES)}
    sizes = [float(m.group(4)) for m in progress if m]
    assert sizes == sorted(sizes) and sizes[-1] == pytest.approx(
        sum(p.stat().st_size for p in sorted(folder.iterdir())[:-1]) / 1e6, abs=0.05)
    assert result.stdout.startswith(f"{FILES} imported, 0 already stored, 0 failed")

    again = _reviewer("reextract", "-j", "1", "--db", db, capture_output=True)
    assert again.returncode == 0, again.stderr
    matches = [LINE.fullmatch(line) for line in again.stderr.splitlines()]
    assert all(m and m.group(3) == "filings" and m.group(4) is None for m in matches)
    assert len(matches) == FILES - 1
    assert again.stdout.startswith(f"{FILES} filings re-extracted")


@pytest.mark.slow  # about 2 s: a CLI import
def test_the_default_interval_keeps_a_quick_import_quiet(folder: Path, tmp_path: Path) -> None:
    for path in sorted(folder.iterdir())[3:]:  # three files: well inside the 5 s interval on a busy machine
        path.unlink()
    result = _reviewer("import", "-j", "1", "--db", str(tmp_path / "s.db"), str(folder),
                       seconds=None, capture_output=True)
    assert result.returncode == 0 and result.stderr == ""
    assert result.stdout.startswith("3 imported, 0 already stored, 0 failed")


@pytest.mark.slow  # about 4 s: a CLI import on a pseudo-terminal
def test_a_terminal_still_gets_the_bar(folder: Path, tmp_path: Path) -> None:
    leader, follower = pty.openpty()
    try:
        result = _reviewer("import", "-j", "1", "--db", str(tmp_path / "s.db"), str(folder),
                           stdout=subprocess.PIPE, stderr=follower)
        os.close(follower)
        shown = b""
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # the terminal closed with the process
                break
            if not chunk:
                break
            shown += chunk
    finally:
        os.close(leader)
    assert result.returncode == 0
    text = shown.decode()
    assert f"\r[{'#' * 30}] {FILES}/{FILES}" in text
    assert not LINE.search(text)
