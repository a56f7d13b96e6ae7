"""A process killed (SIGKILL) at any moment never costs a committed change or leaves half a filing."""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from procs import children, survivors

from reviewer.pipeline.importer import import_paths
from reviewer.pipeline.pool import ReaderPool
from reviewer.store import Repository, open_store

HELPERS = Path(__file__).resolve().parents[1] / "helpers"
TRIALS = 20


def _check_store(path: Path) -> Repository:
    repo = Repository(open_store(path))
    assert repo.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    orphans = repo.conn.execute(
        "SELECT count(*) FROM documents d LEFT JOIN document_content c ON c.document_id = d.id"
        " WHERE c.document_id IS NULL").fetchone()[0]
    assert orphans == 0
    return repo


@pytest.mark.slow  # about 23 s: twenty kills
def test_import_killed_at_random_moments(corpus: Path, tmp_path: Path) -> None:
    from reviewer.core.extract import extract
    from reviewer.core.ingest import ingest_bytes
    from reviewer.core.schema import load_schema

    store = tmp_path / "kill.db"
    rng = random.Random(7)
    source = corpus / "raw" / "edgar-txt"
    schema = load_schema()
    seen = 0  # workers running at the moments of the kills
    for _ in range(TRIALS):
        proc = subprocess.Popen([sys.executable, "-m", "reviewer", "import", "-j", "1", "--db", str(store),
                                 str(source)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.3, 2.5))
        workers = children(proc.pid)
        seen += len(workers)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        assert survivors(workers) == []  # none outlives the import
        repo = _check_store(store)
        for doc_id in repo.document_ids()[-3:]:  # the last filings written: whole, with all their fields
            expected = len(extract(ingest_bytes(repo.raw_bytes(doc_id)), schema))
            assert len(repo.field_values(doc_id)) == expected
        repo.db.conn.close()
    repo = Repository(open_store(store))
    assert seen > 0
    report = import_paths(repo, [source], "t", workers=1)  # and the store takes the rest afterwards
    assert not [f for f in report.failures if "internal" in f.reason]
    assert repo.db["documents"].count == len(list(source.iterdir()))
    repo.db.conn.close()


@pytest.mark.slow  # about 18 s: twenty kills
def test_review_changes_killed_at_random_moments(tmp_path: Path) -> None:
    store = tmp_path / "review.db"
    seeds = Path(__file__).resolve().parents[2] / "resources" / "samples"
    repo = Repository(open_store(store))
    import_paths(repo, [seeds], "t", workers=0)
    repo.db.conn.close()
    rng = random.Random(11)
    reported: list[tuple[int, str]] = []
    for _ in range(TRIALS):
        proc = subprocess.Popen([sys.executable, str(HELPERS / "apply_changes.py"), str(store)],
                                stdout=subprocess.PIPE, text=True)
        time.sleep(rng.uniform(0.4, 1.2))
        proc.send_signal(signal.SIGKILL)
        out, _ = proc.communicate()
        reported += [(int(line.split()[1]), line.split(" ", 2)[2]) for line in out.splitlines()
                     if line.startswith("saved ")]
        _check_store(store).db.conn.close()
    assert len(reported) > TRIALS  # the helper did commit changes before each kill
    repo = _check_store(store)
    history = {(h["field_value_id"], h["after_value"]) for h in repo.history()}
    lost = [r for r in reported if r not in history]
    assert lost == []


def test_a_reader_that_crashes_costs_only_its_file(tmp_path: Path, repo: Repository, monkeypatch) -> None:
    monkeypatch.setenv("PYTHONPATH", str(HELPERS))  # the spawned workers import the helper too
    import crashy

    files = []
    for i in range(10):
        f = tmp_path / f"f{i}.txt"
        f.write_bytes(b"FORM 8-K\nCURRENT REPORT\nItem 8.01 Other Events\n" + (b"CRASH\n" if i == 4 else b"")
                      + f"number {i}\n".encode())
        files.append(f)
    report = import_paths(repo, files, "t", pool=ReaderPool(2, task=crashy.process))
    assert [(Path(f.path).name, f.reason) for f in report.failures] == [
        ("f4.txt", "the reader crashed on this file (twice); refused")]
    assert len(report.imported) == 9


@pytest.mark.slow  # about 40 s: twenty kills
def test_reextract_killed_at_random_moments(corpus: Path, tmp_path: Path) -> None:
    """Twenty SIGKILLs of `reviewer reextract`: no worker left, nothing a person decided lost."""
    store = tmp_path / "re.db"
    repo = Repository(open_store(store))
    import_paths(repo, [corpus / "raw" / "edgar-txt"], "t", workers=0)
    decided = {}
    for doc_id in repo.document_ids()[::3]:
        fv = repo.field_values(doc_id)[0]
        decided[fv.id] = repo.set_value(fv.id, f"checked {fv.id}", None, "ann").value
    with repo.transaction():  # stale extracted values give re-extraction work to do
        repo.conn.execute("UPDATE field_values SET value = 'stale' WHERE state = 'extracted'")
    repo.db.conn.close()
    rng = random.Random(11)
    seen = 0
    for _ in range(TRIALS):
        proc = subprocess.Popen([sys.executable, "-m", "reviewer", "reextract", "-j", "2", "--db",
                                 str(store)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.5, 2.0))
        workers = children(proc.pid)
        seen += len(workers)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        assert survivors(workers) == []
        repo = _check_store(store)
        assert {i: repo.field_value(i).value for i in decided} == decided
        repo.db.conn.close()
    assert seen > 0
