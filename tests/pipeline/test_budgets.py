"""Budgets that hold: a parse stuck inside C code is stopped at its time budget, a worker may
not pass its share of the import's memory, Cancel stops within a second, and no worker
outlives the process that started it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from procs import alive, children

from reviewer.pipeline.budget import GIB, MIN_PER_WORKER, MemoryBudget
from reviewer.pipeline.importer import import_paths
from reviewer.pipeline.pool import CRASHED, ReaderPool, over_time
from reviewer.pipeline.reextract import reextract_all
from reviewer.store import Repository


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """Where the test's files are (the store is beside it, in tmp_path)."""
    path = tmp_path / "in"
    path.mkdir()
    return path


def slow_html(attributes: int = 40_000) -> bytes:
    """libxml2 is quadratic in the distinct attributes of one element: ~15 s here, all in C."""
    attrs = " ".join(f'a{i}="x"' for i in range(attributes))
    return f"<html><body><p {attrs}>hello</p></body></html>".encode()


def test_a_parse_stuck_in_c_code_is_stopped_at_its_time_budget(folder: Path,
                                                                repo: Repository) -> None:
    (folder / "slow.html").write_bytes(slow_html())
    (folder / "fine.txt").write_text("FORM 8-K\nCURRENT REPORT\nItem 8.01 Other Events\n")
    t0 = time.monotonic()
    report = import_paths(repo, [folder], "t", pool=ReaderPool(2, time_budget_s=2))
    assert time.monotonic() - t0 < 8
    assert [(Path(f.path).name, f.reason) for f in report.failures] == [
        ("slow.html", over_time(2))]
    assert len(report.imported) == 1


def test_a_single_file_in_the_window_path_is_read_in_a_worker_too(folder: Path,
                                                                   repo: Repository) -> None:
    """The window imports small batches with workers=None: no file is parsed in-process."""
    (folder / "slow.html").write_bytes(slow_html())
    t0 = time.monotonic()
    report = import_paths(repo, [folder / "slow.html"], "t",
                          pool=ReaderPool(None, time_budget_s=1))
    assert time.monotonic() - t0 < 6
    assert [f.reason for f in report.failures] == [over_time(1)]


def test_cancel_stops_a_stuck_parse_within_a_second(folder: Path, repo: Repository) -> None:
    for i in range(3):
        (folder / f"slow{i}.html").write_bytes(slow_html() + str(i).encode())
    asked: list[float] = []

    def cancelled() -> bool:
        if not asked and time.monotonic() - t0 > 2:  # the user presses Cancel after 2 s
            asked.append(time.monotonic())
        return bool(asked)

    t0 = time.monotonic()
    report = import_paths(repo, [folder], "t", cancelled=cancelled, pool=ReaderPool(2))
    assert report.cancelled and report.imported == []
    assert time.monotonic() - asked[0] < 1.0


def test_the_memory_budget_is_for_the_whole_import() -> None:
    budget = MemoryBudget(4 * GIB)
    assert budget.workers(8) == (4 * GIB - budget.main) // MIN_PER_WORKER == 2
    assert budget.per_worker(2) * 2 + budget.main == 4 * GIB
    assert MemoryBudget(int(2.5 * GIB)).workers(8) == 1
    assert ReaderPool(8, memory=budget).workers == 2


def test_a_file_over_its_memory_share_is_refused_with_the_budget_named(folder: Path,
                                                                       repo: Repository) -> None:
    """A 60 MB HTML filing needs far more than a 0.8 GB share of the import's memory."""
    row = "<tr>" + "<td>cell text</td>" * 20 + "</tr>\n"
    (folder / "huge.html").write_text("<html><body><table>" + row * 160_000
                                        + "</table></body></html>")
    pool = ReaderPool(1, memory=MemoryBudget(GIB + 800 * 2**20))
    report = import_paths(repo, [folder], "t", pool=pool)
    assert [f.reason for f in report.failures] == [
        "too large to read within 0.8 GB (the memory budget per file); refused"]


def test_a_crash_in_re_extraction_costs_only_that_filing_even_on_one_worker(
        folder: Path, repo: Repository, monkeypatch) -> None:
    monkeypatch.setenv("PYTHONPATH", str(Path(__file__).resolve().parents[1] / "helpers"))
    import crashy

    for i in range(3):
        (folder / f"f{i}.txt").write_bytes(f"FORM 8-K\nItem 8.01 number {i}\n".encode() + (b"CRASH" if i else b""))
    import_paths(repo, [folder], "t", workers=0)
    report = reextract_all(repo, "t", pool=ReaderPool(1, task=crashy.process))
    assert [reason for _, reason in report.failures] == [CRASHED, CRASHED]
    assert report.documents == 1


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads /proc")
@pytest.mark.slow  # about 10 s: five imports killed
def test_workers_die_with_a_killed_import(tmp_path: Path) -> None:
    folder = tmp_path / "slow"
    folder.mkdir()
    for i in range(4):
        (folder / f"slow{i}.html").write_bytes(slow_html() + str(i).encode())
    left = []
    for n in range(5):
        proc = subprocess.Popen([sys.executable, "-m", "reviewer", "import", "--db",
                                 str(tmp_path / f"s{n}.db"), str(folder)],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 20
        workers: set[int] = set()
        while time.monotonic() < deadline and len(workers) < 3:  # two workers and a tracker
            workers |= children(proc.pid)
            time.sleep(0.1)
        assert workers, "the import started no worker"
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        time.sleep(1.5)
        left += [pid for pid in workers if alive(pid)]
    assert left == []
