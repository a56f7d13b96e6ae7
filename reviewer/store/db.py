"""Opening a store: WAL, foreign keys, a busy timeout, and the schema brought up to date."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import sqlite_utils

from .migrations import APPLICATION_ID, migrate


class StoreError(Exception):
    """A store that cannot be opened or used; the message is the one-line reason."""


BUSY_TIMEOUT_MS = 10_000


def connect(path: str | Path) -> sqlite3.Connection:
    """A connection with the pragmas every user of the store relies on."""
    conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None,
                           check_same_thread=False)
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


def open_store(path: str | Path, *, migrate_schema: bool = True) -> sqlite_utils.Database:
    """Open (creating if needed) the store at `path`, migrated to the current schema."""
    p = Path(path)
    if p.exists() and p.is_dir():
        raise StoreError(f"{p}: is a folder, not a store file")
    p.parent.mkdir(parents=True, exist_ok=True)
    try:
        conn = connect(p)
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        tables = conn.execute("SELECT count(*) FROM sqlite_master WHERE type='table'").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{p}: not a Filing Reviewer store ({exc})") from None
    if tables and app_id != APPLICATION_ID:
        conn.close()
        raise StoreError(f"{p}: an SQLite file of another application; refusing to modify it")
    try:
        mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        conn.execute("PRAGMA synchronous = FULL")
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise StoreError(f"{p}: cannot open: {exc}") from None
    if mode.lower() != "wal":
        conn.close()
        raise StoreError(f"{p}: cannot switch the store to WAL mode (read-only location?)")
    db = sqlite_utils.Database(conn)
    if migrate_schema:
        try:
            migrate(db, p)
        except sqlite3.DatabaseError as exc:
            conn.close()
            raise StoreError(f"{p}: cannot migrate: {exc}") from None
        except ValueError as exc:
            conn.close()
            raise StoreError(f"{p}: {exc}") from None
    return db

