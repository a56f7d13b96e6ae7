"""Re-extraction never overwrites a person's decision; backup copies an open store consistently."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

from reviewer.pipeline.importer import import_paths
from reviewer.pipeline.reextract import reextract_all
from reviewer.store import Repository

SEED = Path(__file__).resolve().parents[2] / "resources" / "samples" / "000_df0f2849f12c5e1a.txt"


def _values(repo: Repository, doc_id: int) -> dict[str, list[tuple[str, str]]]:
    out: dict[str, list[tuple[str, str]]] = {}
    for fv in repo.field_values(doc_id):
        out.setdefault(fv.field, []).append((fv.value, fv.state))
    return out


def test_reextract_keeps_decisions_and_refreshes_the_rest(repo: Repository) -> None:
    import_paths(repo, [SEED], "importer", workers=0)
    doc_id = repo.document_ids()[0]
    vals = {fv.field: fv for fv in repo.field_values(doc_id)}
    # a person's decisions
    repo.set_value(vals["company_name"].id, "Korea Thrunet Company Limited", None, "ann")
    repo.reject(vals["headline"].id, "ann")
    # what an older extractor left: a wrong untouched value, and a value it missed
    repo.conn.execute("UPDATE field_values SET value = 'http://old.example', extracted_value ="
                      " 'http://old.example' WHERE id = ?", (vals["website"].id,))
    repo.conn.execute("DELETE FROM field_values WHERE field = 'dateline'")
    report = reextract_all(repo, "robot", workers=1)
    assert report.documents == 1 and not report.failures
    after = _values(repo, doc_id)
    assert after["company_name"] == [("Korea Thrunet Company Limited", "corrected")]
    assert after["headline"][0][1] == "rejected"
    assert after["website"] == [("http://www.thrunet.com", "extracted")]
    assert after["dateline"] == [("Seoul and New York", "extracted")]
    actions = [(h["field"], h["action"], h["before_value"], h["after_value"]) for h in repo.history(doc_id)
               if h["action"] == "reextract"]
    assert ("website", "reextract", "http://old.example", None) in actions
    assert ("website", "reextract", None, "http://www.thrunet.com") in actions
    assert ("dateline", "reextract", None, "Seoul and New York") in actions
    assert all(h["who"] == "robot" for h in repo.history(doc_id) if h["action"] == "reextract")


def test_reextract_moves_a_decided_span_when_the_text_changes(repo: Repository) -> None:
    import_paths(repo, [SEED], "importer", workers=0)
    doc_id = repo.document_ids()[0]
    company = next(fv for fv in repo.field_values(doc_id) if fv.field == "company_name")
    repo.confirm(company.id, "ann")
    old = repo.load_document(doc_id).text
    repo.conn.execute("UPDATE document_content SET text = ? WHERE document_id = ?",
                      ("PREFIX ADDED BY AN OLDER READER\n" + old, doc_id))
    repo.conn.execute("UPDATE field_values SET span_start = span_start + 32, span_end = span_end + 32"
                      " WHERE id = ?", (company.id,))
    reextract_all(repo, "robot", workers=1)
    kept = repo.field_value(company.id)
    text = repo.load_document(doc_id).text
    assert text == old
    assert (kept.state, text[kept.span_start : kept.span_end]) == ("confirmed", "Korea Thrunet Co., Ltd.")


def test_backup_of_an_open_store_is_consistent(repo: Repository, store_path: Path, tmp_path: Path) -> None:
    import_paths(repo, [SEED], "importer", workers=0)
    doc_id = repo.document_ids()[0]
    repo.mark_reviewed(doc_id, "ann")  # the window keeps its connection open
    copy = tmp_path / "copy.db"
    result = subprocess.run([sys.executable, "-m", "reviewer", "backup", "--db", str(store_path), str(copy)],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    conn = sqlite3.connect(copy)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("SELECT status FROM documents").fetchone()[0] == "reviewed"
    assert not (tmp_path / "copy.db.part").exists()


def test_a_filing_that_crashes_its_reader_costs_only_itself(tmp_path: Path, repo: Repository,
                                                            monkeypatch) -> None:
    """Re-extraction reads through the import's pool: a crash refuses one filing, not the batch."""
    from reviewer.pipeline.pool import CRASHED, ReaderPool

    helpers = Path(__file__).resolve().parents[1] / "helpers"
    monkeypatch.setenv("PYTHONPATH", str(helpers))  # the spawned workers import the helper too
    import crashy

    for i in range(10):
        body = b"FORM 8-K\nCURRENT REPORT\nItem 8.01 Other Events\n" + f"number {i}\n".encode()
        (tmp_path / f"f{i}.txt").write_bytes(body + (b"CRASH\n" if i == 4 else b""))
    import_paths(repo, sorted(tmp_path.glob("f*.txt")), "importer", workers=0)
    crashing = next(d for d in repo.document_ids() if b"CRASH" in repo.raw_bytes(d))
    report = reextract_all(repo, "robot", pool=ReaderPool(2, task=crashy.process))
    assert report.failures == [(crashing, CRASHED)]
    assert report.documents == 9
    assert "1 failed" in report.summary()


def test_only_filings_of_another_extractor_version_are_reextracted(repo: Repository) -> None:
    from reviewer.core.extract import EXTRACTOR_VERSION

    import_paths(repo, [SEED.parent], "importer", workers=0)
    older = repo.document_ids()[1]
    repo.conn.execute("UPDATE documents SET extractor_version = '0.0.1' WHERE id = ?", (older,))
    assert repo.count_other_versions(EXTRACTOR_VERSION) == 1
    report = reextract_all(repo, "robot", workers=1, outdated_only=True)
    assert report.documents == 1 and report.failures == []
    assert repo.document(older).extractor_version == EXTRACTOR_VERSION
    assert repo.count_other_versions(EXTRACTOR_VERSION) == 0
