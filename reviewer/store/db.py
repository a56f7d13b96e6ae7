"""Opening a store: WAL, foreign keys, a busy timeout, the schema brought up to date, and every
fault of the file (full disk, read-only, damaged, another program's) told in one line."""

from __future__ import annotations

import errno
import os
import sqlite3
from pathlib import Path
from urllib.parse import quote

import sqlite_utils

from .migrations import APPLICATION_ID, LATEST, migrate


class StoreError(Exception):
    """A store that cannot be opened or used; the message is the one-line reason."""


class StoreReadOnly(StoreError):
    """The store can be read but not written (file, folder or disk read-only)."""


class StoreDamaged(StoreError):
    """The store's file is damaged; `reviewer recover` copies what can be read."""


BUSY_TIMEOUT_MS = 10_000
SQLITE_MAGIC = b"SQLite format 3\x00"
HEADER_BYTES = 100

_READ_ONLY = ("the store is read-only (the file, its folder or the disk cannot be written); "
              "nothing was changed; `reviewer export`, `stats` and `backup` can still read it")


def _damaged(path: Path, detail: str) -> StoreDamaged:
    return StoreDamaged(f"{path}: the store is damaged ({detail}); "
                        f"`reviewer recover {path} NEW.db` copies what can be read into a new store")


def store_error(path: str | Path, exc: BaseException, *, writing: bool = False) -> StoreError:
    """The one-line StoreError for an SQLite or OS fault met while using the store at `path`."""
    p = Path(path)
    done = "nothing was half-written" if writing else "nothing was changed"
    if isinstance(exc, StoreError):
        return exc
    if isinstance(exc, OSError):
        if exc.errno in (errno.ENOSPC, errno.EDQUOT):
            return StoreError(f"{p}: the disk is full; {done}")
        if exc.errno == errno.EFBIG:
            return StoreError(f"{p}: the file size limit was reached; {done}")
        if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
            return StoreReadOnly(f"{p}: {_READ_ONLY}")
        return StoreError(f"{p}: {exc.strerror or exc}; {done}")
    name = getattr(exc, "sqlite_errorname", "") or ""
    if name == "SQLITE_FULL":
        return StoreError(f"{p}: the disk is full; {done}")
    if name.startswith("SQLITE_READONLY"):
        return StoreReadOnly(f"{p}: {_READ_ONLY}")
    if name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")) or name == "SQLITE_IOERR_SHORT_READ":
        return _damaged(p, str(exc))
    if name in ("SQLITE_IOERR_READ",):
        return StoreError(f"{p}: cannot read the store (disk I/O error: a failing disk?); {done}")
    if name.startswith("SQLITE_IOERR"):
        return StoreError(f"{p}: cannot write the store (disk I/O error: a full disk, a file size "
                          f"limit or a failing device); {done}")
    if name.startswith("SQLITE_CANTOPEN"):
        return StoreError(f"{p}: cannot open the store file (its folder is missing or not "
                          f"readable); {done}")
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")):
        return StoreError(f"{p}: the store is locked by another program (waited "
                          f"{BUSY_TIMEOUT_MS // 1000} s); {done}")
    return StoreError(f"{p}: {exc}")


def is_fault(exc: BaseException) -> bool:
    """An error of the file or the disk (not of the statement): full, read-only, damaged..."""
    name = getattr(exc, "sqlite_errorname", "") or ""
    return name.startswith(("SQLITE_FULL", "SQLITE_IOERR", "SQLITE_READONLY", "SQLITE_CORRUPT",
                            "SQLITE_NOTADB", "SQLITE_CANTOPEN"))


def connect(path: str | Path, *, readonly: bool = False, immutable: bool = False
            ) -> sqlite3.Connection:
    """A connection with the pragmas every user of the store relies on (read-only: a URI)."""
    target: str = str(path)
    if readonly:
        target = "file:" + quote(os.path.abspath(path)) + "?mode=ro" + ("&immutable=1" if immutable
                                                                       else "")
    conn = sqlite3.connect(target, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None,
                           check_same_thread=False, uri=readonly)
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


def read_header(p: Path) -> bytes | None:
    """The file's first 100 bytes (the SQLite header), or None if it is missing or empty."""
    try:
        if not p.exists() or p.stat().st_size == 0:
            return None
        with p.open("rb") as fh:
            return fh.read(HEADER_BYTES)
    except OSError as exc:
        raise StoreError(f"{p}: cannot read the store file: {exc.strerror or exc}") from None


def _wal_holds_frames(p: Path) -> bool:
    """A write-ahead log beside the store with frames in it (SQLite replays them on open)."""
    try:
        return p.with_name(p.name + "-wal").stat().st_size > 32  # more than its header
    except OSError:
        return False


def check_header(p: Path, header: bytes) -> None:
    """Refuse, from its bytes alone and before SQLite touches it, a file that is not a store
    of ours, or a store cut short; a file of another program is never modified."""
    if len(header) < HEADER_BYTES:
        if header and SQLITE_MAGIC.startswith(header[:16]) and len(header) >= 4:
            raise _damaged(p, f"cut short: {len(header)} bytes")
        raise StoreError(f"{p}: not a Filing Reviewer store (not an SQLite database); not modified")
    if not header.startswith(SQLITE_MAGIC):
        raise StoreError(f"{p}: not a Filing Reviewer store (not an SQLite database); not modified")
    app_id = int.from_bytes(header[68:72], "big")
    if app_id != APPLICATION_ID and not _app_id_in_wal(p, app_id):
        raise StoreError(f"{p}: an SQLite database of another application (application_id "
                         f"{app_id:#x}), not a Filing Reviewer store; refusing to modify it")
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    if header[24:28] == header[92:96] and pages and not _wal_holds_frames(p):
        # The header's page count is valid, and no write-ahead log can still hold the pages:
        # a checkpoint killed half-way leaves the file short, and the log completes it.
        size = p.stat().st_size
        if size < pages * page_size:
            raise _damaged(p, f"cut short: {size:,} of {pages * page_size:,} bytes")


def _app_id_in_wal(p: Path, app_id: int) -> bool:
    """A store whose first commit is still in its WAL (made by an older version, which switched
    to WAL before migrating) shows application_id 0 in the file itself; ask SQLite, read-only."""
    wal = p.with_name(p.name + "-wal")
    if app_id != 0 or not wal.exists() or wal.stat().st_size == 0:
        return False
    try:
        conn = connect(p, readonly=True)
        try:
            return bool(conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID)
        finally:
            conn.close()
    except sqlite3.Error:
        return False


def _open_readonly(p: Path) -> sqlite3.Connection:
    """Read-only; where the folder cannot take the WAL's index (-shm), as an immutable file."""
    try:
        conn = connect(p, readonly=True)
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return conn
    except sqlite3.Error as exc:
        name = getattr(exc, "sqlite_errorname", "") or ""
        if not name.startswith(("SQLITE_READONLY", "SQLITE_CANTOPEN")):
            raise store_error(p, exc) from None
    try:
        conn = connect(p, readonly=True, immutable=True)
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return conn
    except sqlite3.Error as exc:
        raise store_error(p, exc) from None


def _writable(p: Path) -> bool:
    folder = p.parent if str(p.parent) else Path(".")
    return os.access(p, os.W_OK) and os.access(folder, os.W_OK | os.X_OK)


def _create(p: Path) -> sqlite3.Connection:
    """A brand-new store (the file is missing or empty): migrated first, then switched to WAL."""
    try:
        p.parent.mkdir(parents=True, exist_ok=True)
        conn = connect(p)
    except OSError as exc:
        raise store_error(p, exc) from None
    except sqlite3.Error as exc:
        if not os.access(p.parent, os.W_OK):
            raise StoreReadOnly(f"{p}: cannot create the store: its folder is read-only") from None
        raise store_error(p, exc) from None
    try:
        migrate(sqlite_utils.Database(conn), p)
        mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
    except (sqlite3.Error, OSError) as exc:
        conn.close()
        raise store_error(p, exc, writing=True) from None
    if str(mode).lower() != "wal":
        conn.close()
        raise StoreError(f"{p}: cannot switch the store to WAL mode")
    return conn


def open_store(path: str | Path, *, migrate_schema: bool = True,
               readonly: bool = False) -> sqlite_utils.Database:
    """Open the store at `path`, migrated to the current schema; create it only if the file is
    missing or empty. `readonly`: never written (export, stats, backup), not migrated."""
    p = Path(path)
    try:
        if p.is_dir():
            raise StoreError(f"{p}: is a folder, not a store file")
    except OSError as exc:
        raise StoreError(f"{p}: cannot reach the store file: {exc.strerror or exc}") from None
    header = read_header(p)
    if header is None:
        if readonly:
            raise StoreError(f"{p}: no store here (the file is missing or empty)")
        conn = _create(p)
    else:
        check_header(p, header)
        if readonly:
            conn = _open_readonly(p)
        elif not _writable(p):
            raise StoreReadOnly(f"{p}: {_READ_ONLY}")
        else:
            try:
                conn = connect(p)
                conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
                conn.execute("PRAGMA synchronous = FULL")
            except sqlite3.Error as exc:
                raise store_error(p, exc) from None
    db = sqlite_utils.Database(conn)
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version > LATEST:
            raise StoreError(f"{p}: made by a newer Filing Reviewer (schema {version}, this "
                             f"version knows {LATEST}); not modified")
        if not readonly:
            mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            if str(mode).lower() != "wal":
                raise StoreError(f"{p}: cannot switch the store to WAL mode")
            if migrate_schema:
                _migrate(db, p)
    except BaseException as exc:
        conn.close()
        if isinstance(exc, sqlite3.Error | OSError):
            raise store_error(p, exc) from None
        raise
    return db


def _migrate(db: sqlite_utils.Database, p: Path) -> None:
    try:
        migrate(db, p)
    except (sqlite3.Error, OSError) as exc:
        reason = str(store_error(p, exc, writing=True)).removeprefix(f"{p}: ")
        raise StoreError(f"{p}: cannot migrate: {reason}") from None
    except ValueError as exc:
        raise StoreError(f"{p}: {exc}") from None
