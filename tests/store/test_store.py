"""The store: schema lifecycle, atomic imports, analyst decisions and append-only history."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from reviewer.core.document import Document, Part
from reviewer.core.extract.candidate import Candidate
from reviewer.core.values import DocumentSummary
from reviewer.store import Repository, StoreError, open_store
from reviewer.store.migrations import APPLICATION_ID, LATEST, backup_copy

TEXT = "FORM 6-K\nKOREA THRUNET CO., LTD.\n(Name of the Registrant)\n"


def add(repo: Repository, sha: str = "a" * 64, candidates=None) -> tuple[int, bool]:
    doc = Document(TEXT, "text", [Part("body", 0, len(TEXT))])
    cands = candidates if candidates is not None else [
        Candidate("form_type", "6-K", 5, 8, 0.95, "cover.form_type"),
        Candidate("company_name", "KOREA THRUNET CO., LTD.", 9, 32, 0.9, "cover.company_name"),
    ]
    return repo.add_document(sha256=sha, source_path="/x/seed.txt", raw=TEXT.encode(), document=doc,
                             candidates=cands, extractor_version="t", summary=DocumentSummary(),
                             who="ann")


def test_new_store_is_at_the_latest_schema_in_wal_mode(store_path: Path) -> None:
    db = open_store(store_path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == LATEST
    assert db.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert {"documents", "document_content", "field_values", "history"} <= set(db.table_names())


def test_store_from_a_newer_version_is_refused_and_untouched(store_path: Path) -> None:
    db = open_store(store_path)
    db.conn.execute(f"PRAGMA user_version = {LATEST + 5}")
    db.conn.close()  # closed now, not whenever the collector runs: closing checkpoints the WAL
    before = store_path.read_bytes()
    with pytest.raises(StoreError, match="newer"):
        open_store(store_path)
    assert store_path.read_bytes() == before


def test_corrupt_file_is_refused_and_untouched(tmp_path: Path) -> None:
    path = tmp_path / "broken.db"
    path.write_bytes(b"this is not sqlite at all" * 100)
    before = path.read_bytes()
    with pytest.raises(StoreError, match="not a Filing Reviewer store"):
        open_store(path)
    assert path.read_bytes() == before


def test_another_applications_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="another application"):
        open_store(path)


def test_backup_copy_is_a_consistent_store(repo: Repository, store_path: Path) -> None:
    add(repo)
    copy = backup_copy(repo.db, store_path, LATEST)
    conn = sqlite3.connect(copy)
    assert conn.execute("SELECT count(*) FROM documents").fetchone()[0] == 1
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_importing_the_same_bytes_twice_adds_nothing(repo: Repository) -> None:
    first, created = add(repo)
    again, created_again = add(repo)
    assert created and not created_again and first == again
    assert repo.db["documents"].count == 1
    assert repo.db["field_values"].count == 2


def test_a_failed_import_leaves_nothing_half_written(repo: Repository) -> None:
    bad = [Candidate("form_type", "6-K", 0, 3, 0.9, "r"), None]  # the second row fails mid-way
    with pytest.raises(AttributeError):
        add(repo, candidates=bad)
    assert repo.db["documents"].count == 0
    assert repo.db["document_content"].count == 0
    assert repo.db["field_values"].count == 0


def test_correction_keeps_the_extracted_value_and_writes_history(repo: Repository) -> None:
    doc_id, _ = add(repo)
    fv = next(v for v in repo.field_values(doc_id) if v.field == "company_name")
    changed = repo.set_value(fv.id, "Korea Thrunet Co., Ltd.", None, "bob")
    assert changed.state == "corrected"
    assert changed.value == "Korea Thrunet Co., Ltd."
    assert changed.extracted_value == "KOREA THRUNET CO., LTD."
    assert changed.updated_by == "bob"
    last = repo.history(doc_id)[-1]
    assert (last["field"], last["before_value"], last["after_value"], last["who"]) == (
        "company_name", "KOREA THRUNET CO., LTD.", "Korea Thrunet Co., Ltd.", "bob")
    assert (last["before_state"], last["after_state"]) == ("extracted", "corrected")


def test_setting_the_extracted_value_again_is_a_confirmation(repo: Repository) -> None:
    doc_id, _ = add(repo)
    fv = repo.field_values(doc_id)[0]
    assert repo.set_value(fv.id, fv.extracted_value, None, "bob").state == "confirmed"


def test_reject_add_and_review(repo: Repository) -> None:
    doc_id, _ = add(repo)
    form, company = repo.field_values(doc_id)
    repo.reject(form.id, "ann")
    added = repo.add_value(doc_id, "period_of_report", "2002-11", (0, 4), "ann")
    assert added.state == "added" and added.extracted_value is None
    assert repo.mark_reviewed(doc_id, "ann") == 1  # only the untouched company name
    states = {v.field: v.state for v in repo.field_values(doc_id)}
    assert states == {"form_type": "rejected", "company_name": "confirmed",
                      "period_of_report": "added"}
    row = repo.document(doc_id)
    assert row.status == "reviewed" and row.reviewer == "ann" and row.reviewed_at
    exported = dict(next(repo.export_rows(include_unreviewed=False))[1])
    assert "form_type" not in exported  # a rejected value does not stand
    assert exported["period_of_report"] == "2002-11"


def test_history_is_append_only(repo: Repository) -> None:
    doc_id, _ = add(repo)
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        repo.conn.execute("UPDATE history SET who = 'mallory'")
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        repo.conn.execute("DELETE FROM history")


def test_stats_count_documents_and_states(repo: Repository) -> None:
    doc_id, _ = add(repo)
    add(repo, sha="b" * 64)
    repo.mark_reviewed(doc_id, "ann")
    stats = repo.stats()
    assert stats["documents"] == 2 and stats["reviewed"] == 1
    assert stats["fields"]["form_type"] == {"confirmed": 1, "extracted": 1}


def test_an_older_store_is_migrated_with_a_backup_beside_it(tmp_path: Path) -> None:
    from reviewer.store.db import connect
    from reviewer.store.migrations import migrate

    path = tmp_path / "old.db"
    conn = connect(path)
    conn.execute("PRAGMA journal_mode = WAL")
    import sqlite_utils

    old = sqlite_utils.Database(conn)
    migrate(old, path, upto=1)  # a store written by the first release, with a filing in it
    conn.execute("INSERT INTO documents (sha256, source_path, file_name, format, size, imported_at,"
                 " extractor_version) VALUES ('a', 'a.txt', 'a.txt', 'text', 1, 'now', '0.1.0')")
    conn.close()
    db = open_store(path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == LATEST
    assert "documents_company_name" in {i.name for i in db["documents"].indexes}
    assert Repository(db).document_ids() == [1]
    backups = list(tmp_path.glob("old.db.v1-*.bak"))
    assert len(backups) == 1
    copy = sqlite3.connect(backups[0])
    assert copy.execute("PRAGMA user_version").fetchone()[0] == 1
    assert copy.execute("SELECT count(*) FROM documents").fetchone()[0] == 1


def test_a_failing_migration_leaves_the_store_as_it_was(tmp_path: Path, monkeypatch) -> None:
    from reviewer.store import migrations

    path = tmp_path / "s.db"
    db = open_store(path)
    db.conn.execute("PRAGMA user_version = 1")
    db.conn.execute("DROP INDEX IF EXISTS documents_form_type")
    db.conn.close()

    def broken(conn) -> None:
        conn.execute("CREATE INDEX documents_form_type ON documents(form_type)")
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(migrations, "MIGRATIONS", [migrations.MIGRATIONS[0], (2, "broken", broken)])
    with pytest.raises(StoreError, match="cannot migrate"):
        open_store(path)
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    assert "documents_form_type" not in {r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'index'")}
