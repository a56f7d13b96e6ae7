"""Numbered schema migrations, each in one transaction, with a backup copy taken first."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import sqlite_utils

from ..core.atomic import replaced_whole
from ..core.memory import filer_keys

APPLICATION_ID = 0x46525631  # "FRV1": marks a file as a Filing Reviewer store

_V1 = """
CREATE TABLE documents (
    id INTEGER PRIMARY KEY,
    sha256 TEXT NOT NULL UNIQUE,
    source_path TEXT NOT NULL,
    file_name TEXT NOT NULL,
    format TEXT NOT NULL CHECK (format IN ('edgar', 'html', 'text', 'pdf')),
    size INTEGER NOT NULL,
    imported_at TEXT NOT NULL,
    extractor_version TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'to_review' CHECK (status IN ('to_review', 'reviewed', 'flagged')),
    reviewer TEXT,
    reviewed_at TEXT,
    flag_note TEXT,
    form_type TEXT,
    company_name TEXT,
    doc_date TEXT,
    attention INTEGER NOT NULL DEFAULT 0,
    notices TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX documents_status ON documents(status);
CREATE TABLE document_content (
    document_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    raw BLOB NOT NULL,
    text TEXT NOT NULL,
    source_map TEXT NOT NULL
);
CREATE TABLE field_values (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    field TEXT NOT NULL,
    extracted_value TEXT,
    extracted_start INTEGER,
    extracted_end INTEGER,
    confidence REAL,
    rule TEXT,
    value TEXT,
    span_start INTEGER,
    span_end INTEGER,
    state TEXT NOT NULL CHECK (state IN ('extracted', 'confirmed', 'corrected', 'added', 'rejected')),
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL
);
CREATE INDEX field_values_document ON field_values(document_id, field);
CREATE TABLE history (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id),
    field_value_id INTEGER,
    field TEXT,
    action TEXT NOT NULL,
    before_value TEXT,
    before_state TEXT,
    after_value TEXT,
    after_state TEXT,
    who TEXT NOT NULL,
    at TEXT NOT NULL
);
CREATE INDEX history_document ON history(document_id);
CREATE TRIGGER history_no_update BEFORE UPDATE ON history
BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;
CREATE TRIGGER history_no_delete BEFORE DELETE ON history
BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;
"""


def _v1(conn: sqlite3.Connection) -> None:
    for statement in _V1.split(";\n"):
        if statement.strip():
            conn.execute(statement if "TRIGGER" not in statement else statement + ";")


def _v2(conn: sqlite3.Connection) -> None:
    """Indexes for the queue's sort and filter columns, and for a value's history."""
    for column in ("form_type", "company_name", "doc_date", "file_name", "attention"):
        conn.execute(f"CREATE INDEX documents_{column} ON documents({column})")
    conn.execute("CREATE INDEX history_field_value ON history(field_value_id)")


def _v3(conn: sqlite3.Connection) -> None:
    """An index on the extractor version: the filings an older extractor read are counted at
    every window start and after every other writer's commit, in two index ranges."""
    conn.execute("CREATE INDEX documents_extractor_version ON documents(extractor_version)")


def _v4(conn: sqlite3.Connection) -> None:
    """A file name's bytes, kept when they are not UTF-8: source_path shows them with
    replacement characters, source_path_bytes keeps the name losslessly."""
    conn.execute("ALTER TABLE documents ADD COLUMN source_path_bytes BLOB")


def _v5(conn: sqlite3.Connection) -> None:
    """Company memory: a filer's approved values of repeating fields, one row per filing (so
    approving a filing again replaces its own rows); and per filing how many values changed
    since the filer's last approved one, indexed for the queue's filter and count."""
    conn.execute(
        "CREATE TABLE memory (id INTEGER PRIMARY KEY, filer_key TEXT NOT NULL, field TEXT NOT NULL,"
        " value TEXT NOT NULL,"
        " document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,"
        " filing_date TEXT, updated_at TEXT NOT NULL)")
    conn.execute("CREATE INDEX memory_filer ON memory(filer_key)")
    conn.execute("CREATE INDEX memory_document ON memory(document_id)")
    conn.execute("ALTER TABLE documents ADD COLUMN changes INTEGER NOT NULL DEFAULT 0")
    conn.execute("CREATE INDEX documents_changes ON documents(changes)")


def _v6(conn: sqlite3.Connection) -> None:
    """Removed filings: out of the queue, the figures and the export, but kept whole (bytes,
    values, history) so that restoring one brings it back as it was. The index serves the
    queue's and the status bar's counts of the filings that are not removed."""
    conn.execute("ALTER TABLE documents ADD COLUMN removed_at TEXT")
    conn.execute("ALTER TABLE documents ADD COLUMN removed_by TEXT")
    conn.execute("CREATE INDEX documents_removed_status ON documents(removed_at, status)")


def _v7(conn: sqlite3.Connection) -> None:
    """Anchors learned from corrections: a field's label and region, for one filer or (NULL)
    every filer, with how often it was proposed, accepted and rejected, and whether it is on;
    and the person's values each was learned from (undone, they unlearn it)."""
    conn.execute(
        "CREATE TABLE anchors (id INTEGER PRIMARY KEY, field TEXT NOT NULL, label TEXT NOT NULL,"
        " region TEXT NOT NULL, filer_key TEXT,"
        " proposed INTEGER NOT NULL DEFAULT 0, accepted INTEGER NOT NULL DEFAULT 0,"
        " rejected INTEGER NOT NULL DEFAULT 0, enabled INTEGER NOT NULL DEFAULT 1,"
        " document_id INTEGER REFERENCES documents(id) ON DELETE SET NULL,"
        " created_at TEXT NOT NULL)")
    conn.execute("CREATE UNIQUE INDEX anchors_key"
                 " ON anchors(field, label, region, COALESCE(filer_key, ''))")
    conn.execute("CREATE INDEX anchors_filer ON anchors(filer_key, enabled)")
    conn.execute(
        "CREATE TABLE anchor_sources ("
        " anchor_id INTEGER NOT NULL REFERENCES anchors(id) ON DELETE CASCADE,"
        " field_value_id INTEGER NOT NULL,"
        " document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,"
        " filer_key TEXT NOT NULL, PRIMARY KEY (anchor_id, field_value_id))")
    conn.execute("CREATE INDEX anchor_sources_value ON anchor_sources(field_value_id)")


def _v8(conn: sqlite3.Connection) -> None:
    """One company, one filer: the CIK an approved filing gives its registrant's name, one row
    per filing (its memory rows' lifetime). Proposals at open: a stamp per filer key ('*': every
    filer's anchors) moved on whenever what would be proposed for it grows, and per filing the
    stamp its proposals were made at. Anchors forgotten with the filings that taught them."""
    conn.execute(
        "CREATE TABLE filer_names (document_id INTEGER PRIMARY KEY"
        " REFERENCES documents(id) ON DELETE CASCADE, name_key TEXT NOT NULL,"
        " cik_key TEXT NOT NULL)")
    conn.execute("CREATE INDEX filer_names_name ON filer_names(name_key, cik_key)")
    conn.execute("CREATE INDEX filer_names_cik ON filer_names(cik_key, name_key)")
    conn.execute("CREATE TABLE proposal_stamps (filer_key TEXT PRIMARY KEY,"
                 " stamp INTEGER NOT NULL)")
    conn.execute("CREATE INDEX proposal_stamps_stamp ON proposal_stamps(stamp)")
    conn.execute("ALTER TABLE documents ADD COLUMN proposed_stamp INTEGER NOT NULL DEFAULT 0")
    conn.execute("ALTER TABLE anchors ADD COLUMN forgotten INTEGER NOT NULL DEFAULT 0")
    # The approved filings' links, and a first stamp for every filer with memory or anchors:
    # filings imported before their filer's first approval get its proposals at their next open.
    links: dict[int, dict[str, list[str]]] = {}
    for doc_id, field, value in conn.execute(
            "SELECT v.document_id, v.field, v.value FROM field_values v JOIN documents d"
            " ON d.id = v.document_id WHERE d.status = 'reviewed' AND d.removed_at IS NULL"
            " AND v.field IN ('cik', 'company_name') AND v.state != 'rejected'"
            " AND v.value IS NOT NULL AND v.value != '' ORDER BY v.id").fetchall():
        links.setdefault(doc_id, {}).setdefault(field, []).append(value)
    for doc_id, values in links.items():
        keys = filer_keys(values)
        if len(keys) == 2:
            conn.execute("INSERT INTO filer_names (document_id, name_key, cik_key) VALUES (?,?,?)",
                         (doc_id, keys[1], keys[0]))
    conn.execute(
        "INSERT INTO proposal_stamps (filer_key, stamp) SELECT DISTINCT filer_key, 1 FROM memory"
        " UNION SELECT name_key, 1 FROM filer_names"
        " UNION SELECT COALESCE(filer_key, '*'), 1 FROM anchors")


def _v9(conn: sqlite3.Connection) -> None:
    """Company memory keeps the values analysts turned down (rejected, or corrected into another)
    in the filings they approved, beside those they approved: extraction's next proposal of one
    for that filer is withheld. Existing memory rows are approved values; the turned-down ones
    of filings approved before this version are remembered when memory is rebuilt. An index
    serves the known registrants' names."""
    conn.execute("ALTER TABLE memory ADD COLUMN rejected INTEGER NOT NULL DEFAULT 0")
    # the registrants' names a filing that gives none of its own is recognised by
    conn.execute("CREATE INDEX memory_field ON memory(field, rejected, filer_key, value)")


def _v10(conn: sqlite3.Connection) -> None:
    """Anchors learned from the words right before a value in running text ("... to the
    Company's Form 8-K"), not only from a label: how many words the value is (0: a label)."""
    conn.execute("ALTER TABLE anchors ADD COLUMN words INTEGER NOT NULL DEFAULT 0")


MIGRATIONS: list[tuple[int, str, Callable[[sqlite3.Connection], None]]] = [
    (1, "documents, content, field values and append-only history", _v1),
    (2, "indexes for the queue and for a value's history", _v2),
    (3, "an index on the extractor version", _v3),
    (4, "the bytes of file names that are not UTF-8", _v4),
    (5, "company memory, and the count of changed values per filing", _v5),
    (6, "removed filings: when and by whom", _v6),
    (7, "anchors learned from corrections, and what each was learned from", _v7),
    (8, "filer names linked to CIKs, proposal stamps, forgotten anchors", _v8),
    (9, "company memory of the values analysts turned down", _v9),
    (10, "anchors learned from the words before a value", _v10),
]
LATEST = MIGRATIONS[-1][0]


def schema_version(db: sqlite_utils.Database) -> int:
    return db.execute("PRAGMA user_version").fetchone()[0]


def online_backup(conn: sqlite3.Connection, target: Path) -> Path:
    """A consistent copy of a live store (SQLite online backup), written whole or not at all."""
    with replaced_whole(target) as partial:
        dest = sqlite3.connect(str(partial))
        try:
            conn.backup(dest)
        finally:
            dest.close()
    return target


def backup_copy(db: sqlite_utils.Database, path: Path, version: int) -> Path:
    """The copy written beside a store before migrating it."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
    return online_backup(db.conn, path.with_name(f"{path.name}.v{version}-{stamp}.bak"))


def migrate(db: sqlite_utils.Database, path: Path, upto: int | None = None) -> list[int]:
    """Apply the migrations the store lacks (up to `upto`, for tests); returns the versions applied."""
    current = schema_version(db)
    target = LATEST if upto is None else upto
    if current > LATEST:
        raise ValueError(
            f"made by a newer Filing Reviewer (schema {current}, this version knows {LATEST}); "
            "not modified"
        )
    if current >= target:
        return []
    if current > 0:
        backup_copy(db, path, current)
    applied = []
    conn = db.conn
    for version, _name, step in MIGRATIONS:
        if version <= current or version > target:
            continue
        conn.execute("BEGIN IMMEDIATE")
        try:
            step(conn)
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            conn.execute(f"PRAGMA user_version = {version}")
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:  # a failed COMMIT (full disk) may have rolled back already
                conn.execute("ROLLBACK")
            raise
        applied.append(version)
    return applied
