"""Recovery of a damaged store: what can still be read is copied, table by table, into a new
store; unreadable pages are skipped, and the report says what was copied and what was lost.

The filings, their values and history are copied, and what was learned from them: the anchors
(with the values that taught them) and the proposal stamps. The company memory is not copied
but rebuilt from the approved filings recovered, as `Repository.rebuild_memory` does."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..core.atomic import replaced_whole
from .db import SQLITE_MAGIC, StoreError, connect, open_store
from .repository import Repository

TABLES = ("documents", "document_content", "field_values", "history", "anchors", "anchor_sources",
          "proposal_stamps")
# The filing each table's rows belong to: a row whose filing was lost is left out (an anchor's
# filing is only where it was learned first: the anchor stays, without it).
FILING_KEY = {"documents": "id", "document_content": "document_id", "field_values": "document_id",
              "history": "document_id", "anchor_sources": "document_id", "anchors": "document_id"}
_MIN, _MAX = -(2**63), 2**63 - 1
CHECK_LIMIT = 20  # findings of the integrity check reported (it can find thousands)
LOST_TEXT = "The text of this filing was lost in a damaged store; its values were recovered."


@dataclass(slots=True)
class TableReport:
    """What one table gave: rows copied, ids skipped over unreadable pages, rows left out."""

    name: str
    copied: int = 0
    unreadable: int = 0  # ids skipped over unreadable pages (deleted rows leave gaps too)
    tail_after: int | None = None  # everything after this id was unreadable
    orphans: int = 0  # rows whose filing was lost
    invalid: int = 0  # rows read, but garbled past what the store accepts
    missing: bool = False  # the table itself could not be found

    def line(self) -> str:
        if self.missing:
            return f"{self.name}: unreadable, nothing copied"
        lost = []
        if self.unreadable:
            lost.append(f"about {self.unreadable} unreadable")
        if self.tail_after:
            lost.append(f"every row after id {self.tail_after} unreadable")
        elif self.tail_after is not None:
            lost.append("every row unreadable")
        if self.orphans:
            lost.append(f"{self.orphans} left out (their filing was lost)")
        if self.invalid:
            lost.append(f"{self.invalid} garbled, left out")
        return f"{self.name}: {self.copied} copied, " + ("; ".join(lost) if lost else "none lost")


@dataclass(slots=True)
class RecoverReport:
    """The whole recovery: the source's integrity check, then one line per table."""

    source: Path
    target: Path
    check: list[str] = field(default_factory=list)
    tables: list[TableReport] = field(default_factory=list)
    without_text: int = 0

    def lines(self) -> list[str]:
        problems = [line for row in self.check for line in row.splitlines()
                    if line and not line.startswith("***")]
        out = [f"integrity check of {self.source}: "
               + (f"{len(problems)}{'+' if len(problems) >= CHECK_LIMIT else ''} problems "
                  f"(first: {problems[0]})" if problems else "ok")]
        out += [t.line() for t in self.tables]
        if self.without_text:
            out.append(f"{self.without_text} filings kept without their text (it was unreadable);"
                       " their values and history are kept")
        out.append(f"recovered store: {self.target}")
        return out

    def lost_anything(self) -> bool:
        return bool(self.without_text) or any(
            t.unreadable or t.tail_after is not None or t.orphans or t.invalid or t.missing
            for t in self.tables)


def open_damaged(path: Path) -> sqlite3.Connection:
    """A read-only connection that reads as much as it can: writable_schema lets SQLite read a
    file cut short (it would refuse it whole otherwise); nothing is ever written."""
    for immutable in (False, True):
        try:
            conn = connect(path, readonly=True, immutable=immutable)
            conn.execute("PRAGMA writable_schema = ON")  # a read-only connection: reads only
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            return conn
        except sqlite3.Error as exc:
            last = exc
    raise StoreError(f"{path}: nothing can be read: {last}")


def integrity(conn: sqlite3.Connection, limit: int = CHECK_LIMIT) -> list[str]:
    """PRAGMA integrity_check's findings (empty when the store is sound)."""
    try:
        rows = [r[0] for r in conn.execute(f"PRAGMA integrity_check({limit})")]
    except sqlite3.Error as exc:
        return [f"the check itself failed: {exc}"]
    return [] if rows == ["ok"] else rows


def _columns(conn: sqlite3.Connection, table: str) -> list[str]:
    try:
        return [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]
    except sqlite3.Error:
        return []


def _readable(conn: sqlite3.Connection, table: str, at: int) -> tuple[bool, int | None]:
    """Whether a search from rowid `at` gets through, and the first rowid it finds."""
    try:
        row = conn.execute(f"SELECT rowid FROM {table} WHERE rowid >= ? ORDER BY rowid LIMIT 1",
                           (at,)).fetchone()
    except sqlite3.DatabaseError:
        return False, None
    return True, (row[0] if row else None)


def _next_readable(conn: sqlite3.Connection, table: str, after: int) -> int | None:
    """The first rowid after `after` that can be reached past the damage, or None."""
    bad, step = after, 1
    while True:
        probe = min(after + step, _MAX)
        ok, found = _readable(conn, table, probe)
        if ok:
            break
        bad = probe
        if probe == _MAX:
            return None
        step *= 2
    good = probe
    while good - bad > 1:  # the smallest probe that gets through
        mid = (good + bad) // 2
        ok, mid_found = _readable(conn, table, mid)
        if ok:
            good, found = mid, mid_found
        else:
            bad = mid
    return found


def readable_rows(conn: sqlite3.Connection, table: str, columns: list[str],
                  report: TableReport) -> Iterator[tuple]:
    """Every row that can be read, in rowid order; unreadable stretches are counted, skipped."""
    sql = f"SELECT rowid, {', '.join(columns)} FROM {table} WHERE rowid >= ? ORDER BY rowid"
    resume, last = _MIN, None
    while True:
        progressed = False
        try:
            for row in conn.execute(sql, (resume,)):
                last, progressed = row[0], True
                yield row[1:]
            return
        except sqlite3.DatabaseError:
            pass
        after = last if progressed and last is not None else resume  # else `resume` is unreadable
        nxt = _next_readable(conn, table, after)
        if nxt is None:
            report.tail_after = last if last is not None else 0
            return
        report.unreadable += nxt - after - 1 + (0 if progressed or resume == _MIN else 1)
        resume = nxt


def recover(source: str | Path, target: str | Path) -> RecoverReport:
    """Copy what can be read of the store at `source` into a new store at `target`."""
    src, dest = Path(source), Path(target)
    if not src.is_file():
        raise StoreError(f"{src}: no such store file")
    with src.open("rb") as fh:
        if not fh.read(16).startswith(SQLITE_MAGIC[:6]):
            raise StoreError(f"{src}: not an SQLite database; nothing to recover")
    if dest.exists() and dest.stat().st_size:
        raise StoreError(f"{dest}: already exists; give the name of a new file")
    if dest.resolve() == src.resolve():
        raise StoreError(f"{dest}: is the damaged store itself; give the name of a new file")
    conn = open_damaged(src)
    report = RecoverReport(src, dest, check=integrity(conn))
    try:
        with replaced_whole(dest) as partial:
            db = open_store(partial)
            try:
                _copy(conn, db.conn, report)
                Repository(db).rebuild_memory()  # as the store keeps it, from what was copied
            finally:
                db.conn.close()
    finally:
        conn.close()
    return report


def _copy(src: sqlite3.Connection, out: sqlite3.Connection, report: RecoverReport) -> None:
    doc_ids: set[int] = set()
    with_text: set[int] = set()
    anchor_ids: set[int] = set()
    out.execute("BEGIN IMMEDIATE")
    try:
        for table in TABLES:
            t = TableReport(table)
            report.tables.append(t)
            wanted = _columns(out, table)
            have = _columns(src, table)
            columns = [c for c in wanted if c in have]
            if not columns:
                t.missing = True
                continue
            key = FILING_KEY.get(table)
            k = columns.index(key) if key in columns else None
            a = columns.index("anchor_id") if table == "anchor_sources" else None
            insert = (f"INSERT INTO {table} ({', '.join(columns)}) "
                      f"VALUES ({', '.join('?' * len(columns))})")
            for row in readable_rows(src, table, columns, t):
                if table == "anchors" and k is not None and row[k] not in doc_ids:
                    row = (*row[:k], None, *row[k + 1:])  # its first filing lost, not the anchor
                elif (table != "documents" and k is not None and row[k] not in doc_ids) \
                        or (a is not None and row[a] not in anchor_ids):
                    t.orphans += 1
                    continue
                try:
                    out.execute(insert, row)
                except sqlite3.IntegrityError:
                    t.invalid += 1
                    continue
                t.copied += 1
                if table == "anchors":
                    anchor_ids.add(row[columns.index("id")])
                elif k is not None and table in ("documents", "document_content"):
                    (doc_ids if table == "documents" else with_text).add(row[k])
            if table == "document_content":
                report.without_text = _keep_without_text(out, doc_ids - with_text)
        out.execute("COMMIT")
    except BaseException:
        if out.in_transaction:
            out.execute("ROLLBACK")
        raise


def _keep_without_text(out: sqlite3.Connection, ids: set[int]) -> int:
    """Filings whose text was lost keep their values: an empty text, and a notice saying why."""
    for doc_id in sorted(ids):
        out.execute("INSERT INTO document_content (document_id, raw, text, source_map)"
                    " VALUES (?, x'', '', ?)", (doc_id, json.dumps({"notices": [LOST_TEXT]})))
        row = out.execute("SELECT notices FROM documents WHERE id = ?", (doc_id,)).fetchone()
        try:
            notices = list(json.loads(row[0])) if row and row[0] else []
        except ValueError:
            notices = []
        out.execute("UPDATE documents SET notices = ? WHERE id = ?",
                    (json.dumps([*notices, LOST_TEXT]), doc_id))
    return len(ids)
