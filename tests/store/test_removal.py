"""Remove Filing (store side): a removed filing leaves the queue, the figures, the export and its
filer's memory, but stays whole in the store, so restoring it brings it back as it was."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
import sqlite_utils

from reviewer.pipeline.importer import import_paths
from reviewer.store import Repository, open_store
from reviewer.store.db import connect
from reviewer.store.migrations import migrate


@pytest.fixture
def seeded(repo: Repository, samples: Path) -> Repository:
    import_paths(repo, [samples], "ann", workers=0)
    assert len(repo.document_ids()) == 3
    return repo


def _snapshot(repo: Repository, doc_id: int) -> tuple:
    """Everything stored of one filing but the removal itself."""
    row = dict(repo.db["documents"].get(doc_id))
    row.pop("removed_at"), row.pop("removed_by")
    values = [(fv.id, fv.field, fv.value, fv.state, fv.span_start, fv.span_end)
              for fv in repo.field_values(doc_id)]
    return row, repo.raw_bytes(doc_id), repo.document_text(doc_id), values


def test_a_removed_filing_leaves_queue_figures_and_export(seeded: Repository) -> None:
    repo = seeded
    first, second, third = repo.document_ids()
    repo.mark_reviewed(first, "ann")
    before = _snapshot(repo, first)
    assert repo.remove_document(first, "bob") is True
    assert repo.is_removed(first) and not repo.is_removed(second)
    assert repo.queue_ids() == [second, third]
    assert repo.queue_ids(status="reviewed") == []
    assert repo.document_ids() == [second, third]
    assert repo.document_ids(include_removed=True) == [first, second, third]
    assert repo.progress() == {"documents": 2, "reviewed": 0, "flagged": 0, "to_review": 2}
    stats = repo.stats()
    assert stats["removed"] == 1 and stats["documents"] == 2
    assert all("confirmed" not in states for states in stats["fields"].values())  # first's only
    assert [d["id"] for d, _ in repo.export_rows(include_unreviewed=True)] == [second, third]
    assert list(repo.export_rows(include_unreviewed=False)) == []
    assert repo.count_other_versions("no such version") == 2
    assert repo.removed_ids() == [first]
    # kept whole: bytes, text, values, record
    assert _snapshot(repo, first) == before
    row = repo.db["documents"].get(first)
    assert row["removed_by"] == "bob" and row["removed_at"]
    assert [(h["action"], h["who"]) for h in repo.history(first)][-1] == ("remove", "bob")


def test_restore_brings_a_filing_back_whole(seeded: Repository) -> None:
    repo = seeded
    first = repo.document_ids()[0]
    repo.mark_reviewed(first, "ann")
    before = _snapshot(repo, first)
    rows_before = list(repo.export_rows(include_unreviewed=False))
    repo.remove_document(first, "bob")
    assert repo.restore_document(first, "carol") is True
    assert _snapshot(repo, first) == before
    assert not repo.is_removed(first) and repo.removed_ids() == []
    assert repo.db["documents"].get(first)["removed_by"] is None
    assert list(repo.export_rows(include_unreviewed=False)) == rows_before
    assert repo.progress()["reviewed"] == 1 and first in repo.queue_ids()
    assert [(h["action"], h["who"]) for h in repo.history(first)][-2:] == [
        ("remove", "bob"), ("restore", "carol")]


def test_removing_twice_or_restoring_what_is_there_changes_nothing(seeded: Repository) -> None:
    repo = seeded
    doc = repo.document_ids()[0]
    assert repo.restore_document(doc, "ann") is False
    repo.remove_document(doc, "ann")
    history = repo.history(doc)
    assert repo.remove_document(doc, "ann") is False
    assert repo.history(doc) == history
    with pytest.raises(KeyError):
        repo.remove_document(999, "ann")


def test_a_removal_is_one_transaction_with_its_history_row(seeded: Repository, monkeypatch) -> None:
    repo = seeded
    doc = repo.document_ids()[0]

    def broken(entry) -> None:
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(repo, "append_history", broken)
    with pytest.raises(Exception, match="disk I/O error"):
        repo.remove_document(doc, "ann")
    monkeypatch.undo()
    assert not repo.is_removed(doc) and doc in repo.queue_ids()


def test_a_removed_filing_leaves_its_filers_memory_and_restore_brings_it_back(
        seeded: Repository) -> None:
    repo = seeded
    remembered = {}
    for doc in repo.document_ids():
        repo.mark_reviewed(doc, "ann")
        remembered[doc] = repo.db.execute("SELECT count(*) FROM memory WHERE document_id = ?",
                                          [doc]).fetchone()[0]
    doc = max(remembered, key=lambda d: remembered[d])
    assert remembered[doc] > 0
    repo.remove_document(doc, "ann")
    assert repo.db.execute("SELECT count(*) FROM memory WHERE document_id = ?", [doc]).fetchone()[0] == 0
    repo.restore_document(doc, "ann")
    assert repo.db.execute("SELECT count(*) FROM memory WHERE document_id = ?",
                           [doc]).fetchone()[0] == remembered[doc]


def test_importing_a_removed_filing_again_says_so(seeded: Repository, samples: Path) -> None:
    repo = seeded
    doc = repo.document_ids()[0]
    repo.remove_document(doc, "ann")
    report = import_paths(repo, [samples], "ann", workers=0)
    assert report.imported == [] and report.removed == [doc] and len(report.existing) == 3
    assert report.summary().startswith(
        "0 imported, 3 already stored (1 of them removed; restore to review), 0 failed")
    assert repo.is_removed(doc)  # importing does not restore it behind the analyst's back


def test_a_store_of_the_previous_schema_gains_removal(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    conn = connect(path)
    migrate(sqlite_utils.Database(conn), path, upto=5)  # the schema before removal (6)
    conn.execute("INSERT INTO documents (sha256, source_path, file_name, format, size, imported_at,"
                 " extractor_version) VALUES ('a', 'a.txt', 'a.txt', 'text', 1, 'now', '0.1.0')")
    conn.close()
    db = open_store(path)
    assert {"removed_at", "removed_by"} <= set(db["documents"].columns_dict)
    repo = Repository(db)
    assert repo.queue_ids() == [1] and repo.remove_document(1, "ann") and repo.queue_ids() == []
    db.conn.close()
