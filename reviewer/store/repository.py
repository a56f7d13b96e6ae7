"""Typed reads and writes of the store; every change to a value also appends to history.

The only code that writes SQL. The review core sees it through `ReviewStore` (core.review);
a second store (PostgreSQL, for teams) implements the same methods.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Collection, Iterable, Iterator
from contextlib import contextmanager
from typing import Any

import sqlite_utils

from ..core.document import Document
from ..core.extract.candidate import Candidate
from ..core.reextraction import standing_summary
from ..core.review import ReviewStore
from ..core.values import (
    DocumentRecord,
    DocumentSummary,
    FieldValue,
    HistoryEntry,
    State,
)
from .anchors import Anchors
from .db import is_fault, store_error
from .figures import Figures
from .memory import Memory
from .proposals import Proposals
from .reextraction import Reextraction
from .removal import Removal
from .rows import INSERT_EXTRACTED, INSERT_WITHHELD, MEMORY_WHO, extracted_row, now

# The values the queue's columns are made of (core.extract.summarize reads them).
SUMMARY_FIELDS = frozenset(("form_type", "company_name", "period_of_report", "release_date",
                            "filed_date"))
# The values that say whose filing it is: a person's change of one makes its next open look for
# the (new) filer's proposals.
FILER_FIELDS = frozenset(("cik", "company_name"))

class Repository(Figures, Memory, Anchors, Removal, Reextraction, Proposals):
    """The one writer of the store's tables (its read-only figures come from Figures, the
    filers' memory from Memory, removing and restoring filings from Removal, anchors learned
    from corrections from Anchors, proposals made when a filing is opened from Proposals)."""

    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db
        self.conn: sqlite3.Connection = db.conn
        self._depth = 0
        # the file, for messages about it (the path without a read-only URI's parameters)
        self.path: str = next((r[2] for r in self.conn.execute("PRAGMA database_list")
                               if r[1] == "main"), "") or "store"

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One atomic write (BEGIN IMMEDIATE: the write lock is taken up front); nests."""
        if self._depth:
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise (store_error(self.path, exc, writing=True) if is_fault(exc) else exc) from exc
        self._depth = 1
        try:
            yield
            self.conn.execute("COMMIT")
        except BaseException as exc:
            # A failed statement or COMMIT (full disk, I/O error) may have rolled back already:
            # a second ROLLBACK would hide the cause behind "no transaction is active".
            if self.conn.in_transaction:
                try:
                    self.conn.execute("ROLLBACK")
                except sqlite3.Error:
                    pass  # the first error is the one to tell; SQLite undoes the rest on open
            if isinstance(exc, sqlite3.Error) and is_fault(exc):
                raise store_error(self.path, exc, writing=True) from exc
            raise
        finally:
            self._depth = 0

    def data_version(self) -> int:
        """Changes when another connection commits to the store (SQLite's PRAGMA data_version)."""
        return self.conn.execute("PRAGMA data_version").fetchone()[0]

    # -- documents -------------------------------------------------------------------------

    def find_by_sha(self, sha256: str) -> int | None:
        row = self.conn.execute("SELECT id FROM documents WHERE sha256 = ?", (sha256,)).fetchone()
        return row[0] if row else None

    def add_document(
        self,
        *,
        sha256: str,
        source_path: str,
        raw: bytes,
        source_path_bytes: bytes | None = None,
        document: Document,
        candidates: Iterable[Candidate],
        extractor_version: str,
        summary: DocumentSummary,
        who: str,
        flag_note: str | None = None,
        proposed_stamp: int = 0,
        withheld: Iterable[Candidate] = (),
    ) -> tuple[int, bool]:
        """Store a parsed file and its extracted values at once; (id, False) if already there.
        With `flag_note` it lands flagged (not a filing, say), so nobody approves it unseen.
        `proposed_stamp`: the stamp its memory proposals were made at (proposal_stamp()).
        `withheld`: extracted values the filer's memory turned down, stored rejected by
        MEMORY_WHO (shown struck out, with why; a person may restore one)."""
        with self.transaction():
            existing = self.find_by_sha(sha256)
            if existing is not None:
                return existing, False
            candidates = list(candidates)
            at = now()
            cur = self.conn.execute(
                "INSERT INTO documents (sha256, source_path, source_path_bytes, file_name, format,"
                " size, imported_at, extractor_version, form_type, company_name, doc_date,"
                " attention, notices, status, flag_note, proposed_stamp)"
                " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (
                    sha256, source_path, source_path_bytes,
                    source_path.replace("\\", "/").rsplit("/", 1)[-1],
                    document.format, len(raw), at, extractor_version, summary.form_type,
                    summary.company_name, summary.doc_date, summary.attention,
                    json.dumps(document.notices), "flagged" if flag_note else "to_review",
                    flag_note, proposed_stamp,
                ),
            )
            doc_id = cur.lastrowid
            assert doc_id is not None
            self.conn.execute(
                "INSERT INTO document_content (document_id, raw, text, source_map) VALUES (?,?,?,?)",
                (doc_id, raw, document.text, json.dumps(document.source_map())),
            )
            self.conn.executemany(INSERT_EXTRACTED,
                                  [extracted_row(doc_id, c, at, who) for c in candidates])
            self.count_proposed(candidates)  # learned anchors' proposals
            self.append_history(HistoryEntry(document_id=doc_id, action="import", who=who, at=at))
            for c in withheld:
                cur = self.conn.execute(INSERT_WITHHELD, extracted_row(doc_id, c, at, MEMORY_WHO))
                self.append_history(HistoryEntry(
                    document_id=doc_id, field_value_id=cur.lastrowid, field=c.name,
                    action="withhold", after_value=c.value, after_state=State.REJECTED,
                    who=MEMORY_WHO, at=at))
            if flag_note:
                self.append_history(HistoryEntry(
                    document_id=doc_id, action="status", before_value="to_review",
                    after_value="flagged", who=who, at=at))
            return doc_id, True

    def document(self, doc_id: int) -> DocumentRecord | None:
        cur = self.conn.execute("SELECT * FROM documents WHERE id = ?", (doc_id,))
        row = cur.fetchone()
        if row is None:
            return None
        return DocumentRecord.from_row(dict(zip([d[0] for d in cur.description], row, strict=True)))

    def document_ids(self, status: str | None = None, *, not_version: str | None = None,
                     include_removed: bool = False) -> list[int]:
        """Ids in import order; `not_version`: only those extracted by another extractor;
        removed filings only with `include_removed`."""
        where, params = ([] if include_removed else ["removed_at IS NULL"]), []
        if status:
            where.append("status = ?")
            params.append(status)
        if not_version is not None:  # two ranges of the version index, not a scan
            where.append("(extractor_version < ? OR extractor_version > ?)")
            params += [not_version, not_version]
        sql = "SELECT id FROM documents" + (" WHERE " + " AND ".join(where) if where else "")
        return [r[0] for r in self.conn.execute(sql + " ORDER BY id", params)]

    def load_document(self, doc_id: int) -> Document:
        """The stored Document (text and source map), as the viewer shows it."""
        row = self.conn.execute(
            "SELECT d.format, c.text, c.source_map FROM documents d"
            " JOIN document_content c ON c.document_id = d.id WHERE d.id = ?",
            (doc_id,),
        ).fetchone()
        if row is None:
            raise KeyError(doc_id)
        return Document.from_stored(row[1], row[0], json.loads(row[2]))

    def document_text(self, doc_id: int) -> str | None:
        """The filing's text alone (None if it is gone)."""
        row = self.conn.execute("SELECT text FROM document_content WHERE document_id = ?", (doc_id,)).fetchone()
        return row[0] if row else None

    def raw_bytes(self, doc_id: int) -> bytes:
        row = self.conn.execute(
            "SELECT raw FROM document_content WHERE document_id = ?", (doc_id,)
        ).fetchone()
        if row is None:
            raise KeyError(doc_id)
        return row[0]

    # -- field values ----------------------------------------------------------------------

    def field_values(self, doc_id: int) -> list[FieldValue]:
        cur = self.conn.execute(
            "SELECT * FROM field_values WHERE document_id = ? ORDER BY id", (doc_id,)
        )
        names = [d[0] for d in cur.description]
        return [FieldValue.from_row(dict(zip(names, r, strict=True))) for r in cur]

    def field_value(self, fv_id: int) -> FieldValue:
        cur = self.conn.execute("SELECT * FROM field_values WHERE id = ?", (fv_id,))
        row = cur.fetchone()
        if row is None:
            raise KeyError(fv_id)
        return FieldValue.from_row(dict(zip([d[0] for d in cur.description], row, strict=True)))

    def set_value(
        self, fv_id: int, value: str, span: tuple[int, int] | None, who: str
    ) -> FieldValue:
        """The analyst's value for an existing entry: corrected, or confirmed if unchanged."""
        with self.transaction():
            fv = self.field_value(fv_id)
            if fv.state is State.ADDED:
                state = State.ADDED
            elif fv.extracted_value is not None and value == fv.extracted_value:
                state = State.CONFIRMED
            else:
                state = State.CORRECTED
            start, end = span if span else (fv.span_start, fv.span_end)
            after = self._update(fv, value, start, end, state, "edit", who)
            if state is not State.CONFIRMED:
                self.learn(after, span)  # where a person's value was: a learned anchor
            return after

    def confirm(self, fv_id: int, who: str) -> FieldValue:
        with self.transaction():
            fv = self.field_value(fv_id)
            value = fv.value if fv.value is not None else fv.extracted_value
            return self._update(fv, value, fv.span_start, fv.span_end, State.CONFIRMED, "confirm",
                                who)

    def reject(self, fv_id: int, who: str) -> FieldValue:
        """The document does not state this value."""
        with self.transaction():
            fv = self.field_value(fv_id)
            return self._update(fv, fv.value, fv.span_start, fv.span_end, State.REJECTED, "reject",
                                who)

    def add_value(
        self, doc_id: int, field: str, value: str, span: tuple[int, int] | None, who: str
    ) -> FieldValue:
        """A value the extractor missed."""
        with self.transaction():
            at = now()
            start, end = span if span else (None, None)
            cur = self.conn.execute(
                "INSERT INTO field_values (document_id, field, value, span_start, span_end, state,"
                " updated_at, updated_by) VALUES (?,?,?,?,?,'added',?,?)",
                (doc_id, field, value, start, end, at, who),
            )
            fv_id = cur.lastrowid
            assert fv_id is not None
            self.append_history(HistoryEntry(
                document_id=doc_id, field_value_id=fv_id, field=field, action="add",
                after_value=value, after_state=State.ADDED, who=who, at=at))
            if field in SUMMARY_FIELDS | FILER_FIELDS:
                self._refresh_summary(doc_id, field)
            added = self.field_value(fv_id)
            self.learn(added, span)  # where a person's value was: a learned anchor
            return added

    def restore(self, fv_id: int, value: str | None, span: tuple[int | None, int | None],
                state: State, who: str) -> FieldValue:
        """Put an entry back as it was (undo): itself a change, recorded in the history."""
        with self.transaction():
            fv = self.field_value(fv_id)
            after = self._update(fv, value, span[0], span[1], State(state), "undo", who)
            self.relearn(after)  # what the value put back teaches, if anything
            return after

    def _update(self, fv: FieldValue, value: str | None, start: int | None, end: int | None,
                state: State, action: str, who: str) -> FieldValue:
        at = now()
        self.tally(fv, state)  # a decision on a learned anchor's proposal counts for it
        self.conn.execute(
            "UPDATE field_values SET value = ?, span_start = ?, span_end = ?, state = ?,"
            " updated_at = ?, updated_by = ? WHERE id = ?",
            (value, start, end, state, at, who, fv.id),
        )
        self.append_history(HistoryEntry(
            document_id=fv.document_id, field_value_id=fv.id, field=fv.field, action=action,
            before_value=fv.value, before_state=fv.state, after_value=value, after_state=state,
            who=who, at=at))
        if fv.field in SUMMARY_FIELDS | FILER_FIELDS:
            self._refresh_summary(fv.document_id, fv.field)
        return self.field_value(fv.id)

    def _refresh_summary(self, doc_id: int, field: str) -> None:
        """The queue's form, company and date follow a person's change of those values; a
        changed CIK or registrant makes the next open look for the filer's proposals."""
        if field in FILER_FIELDS:
            self.conn.execute("UPDATE documents SET proposed_stamp = 0 WHERE id = ?", (doc_id,))
        if field not in SUMMARY_FIELDS:
            return
        summary = standing_summary(self.field_values(doc_id))
        self.conn.execute("UPDATE documents SET form_type = ?, company_name = ?, doc_date = ?"
                          " WHERE id = ?",
                          (summary.form_type, summary.company_name, summary.doc_date, doc_id))

    # -- review status ---------------------------------------------------------------------

    def mark_reviewed(self, doc_id: int, who: str, unseen: Collection[int] = ()) -> int:
        """Every untouched value becomes confirmed; the filing is reviewed. Returns confirmations.
        Values in `unseen` were approved without anyone looking: their history says so."""
        with self.transaction():
            at = now()
            untouched = [fv for fv in self.field_values(doc_id) if fv.state is State.EXTRACTED]
            for fv in untouched:
                self.tally(fv, State.CONFIRMED)
                self.conn.execute(
                    "UPDATE field_values SET state = 'confirmed', updated_at = ?, updated_by = ?"
                    " WHERE id = ?", (at, who, fv.id),
                )
                self.append_history(HistoryEntry(
                    document_id=doc_id, field_value_id=fv.id, field=fv.field,
                    action="confirm unseen" if fv.id in unseen else "confirm",
                    before_value=fv.value, before_state=fv.state, after_value=fv.value,
                    after_state=State.CONFIRMED, who=who, at=at))
            before = self.document(doc_id)
            self.conn.execute(
                "UPDATE documents SET status = 'reviewed', reviewer = ?, reviewed_at = ?,"
                " attention = 0 WHERE id = ?", (who, at, doc_id),
            )
            self.append_history(HistoryEntry(
                document_id=doc_id, action="status", before_value=before.status if before else None,
                after_value="reviewed", who=who, at=at))
            self.remember(doc_id)  # approval is when a filer's values are remembered
            return len(untouched)

    def set_status(self, doc_id: int, status: str, who: str, note: str | None = None) -> None:
        with self.transaction():
            before = self.document(doc_id)
            if before is None:
                raise KeyError(doc_id)
            self.conn.execute(
                "UPDATE documents SET status = ?, flag_note = ? WHERE id = ?",
                (status, note if status == "flagged" else before.flag_note, doc_id),
            )
            if status != "reviewed":
                self.forget(doc_id)
            self.append_history(HistoryEntry(
                document_id=doc_id, action="status", before_value=before.status,
                after_value=status, who=who, at=now()))

    # -- history ---------------------------------------------------------------

    def append_history(self, entry: HistoryEntry) -> None:
        """One more row of the history (inside the caller's transaction)."""
        self.conn.execute(
            "INSERT INTO history (document_id, field_value_id, field, action, before_value,"
            " before_state, after_value, after_state, who, at) VALUES (?,?,?,?,?,?,?,?,?,?)",
            (entry.document_id, entry.field_value_id, entry.field, entry.action,
             entry.before_value, entry.before_state, entry.after_value, entry.after_state,
             entry.who, entry.at),
        )

    def history(self, doc_id: int | None = None) -> list[dict[str, Any]]:
        sql = "SELECT * FROM history" + (" WHERE document_id = ?" if doc_id is not None else "")
        cur = self.conn.execute(sql + " ORDER BY id", (doc_id,) if doc_id is not None else ())
        names = [d[0] for d in cur.description]
        return [dict(zip(names, r, strict=True)) for r in cur]



def _satisfies_review_store(repo: Repository) -> ReviewStore:
    """Checked by mypy: the repository is a store the review core can work with."""
    return repo
