"""Company memory in the store: the values analysts approved, by filer, one row per filing.

Repository inherits this. Approval (mark_reviewed) remembers a filing's decided values of the
repeating fields; reopening it forgets them; everything here can be rebuilt from the approved
filings. What is done with a memory (proposals, what changed) is core.memory's, not SQL's.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from contextlib import AbstractContextManager

from ..core.memory import Change, FilerMemory, changes, filer_key, filing_date, standing
from ..core.schema import Schema, load_schema
from ..core.values import FieldValue
from .rows import now


class Memory:
    """The memory table's reads and writes (writes only inside the caller's transaction)."""

    conn: sqlite3.Connection
    _memory_schema: Schema | None = None

    def field_values(self, doc_id: int) -> list[FieldValue]:
        raise NotImplementedError  # the Repository's

    def transaction(self) -> AbstractContextManager[None]:
        raise NotImplementedError  # the Repository's

    def use_schema(self, schema: Schema) -> None:
        """Which fields repeat (and their types) come from this schema (default: the core one)."""
        self._memory_schema = schema

    def memory_schema(self) -> Schema:
        if self._memory_schema is None:
            self._memory_schema = load_schema()
        return self._memory_schema

    def remember(self, doc_id: int) -> None:
        """Keep an approved filing's decided values of the repeating fields for its filer (in
        place of what it held before), and count what changed since the filer's other filings."""
        schema = self.memory_schema()
        values = standing(self.field_values(doc_id))
        key = filer_key(values)
        self.set_changes(doc_id, len(self._changes(values, key, doc_id)))
        self.forget(doc_id)
        if key is None:
            return
        at = now()
        date = filing_date(values)
        self.conn.executemany(
            "INSERT INTO memory (filer_key, field, value, document_id, filing_date, updated_at)"
            " VALUES (?,?,?,?,?,?)",
            [(key, name, v, doc_id, date, at) for name, vs in values.items()
             if (fd := schema.get(name)) is not None and fd.repeats for v in vs])

    def forget(self, doc_id: int) -> None:
        """A filing no longer approved is no longer remembered."""
        self.conn.execute("DELETE FROM memory WHERE document_id = ?", (doc_id,))

    def memory_for(self, key: str | None, *, exclude: int | None = None,
                   until: str | None = None) -> FilerMemory:
        """The filer's memory (one indexed query); `exclude`: without that filing's values;
        `until`: only filings dated then or before (undated ones too)."""
        if key is None:
            return FilerMemory(None)
        sql = "SELECT field, value, document_id, filing_date FROM memory WHERE filer_key = ?"
        params: list[object] = [key]
        if exclude is not None:
            sql += " AND document_id != ?"
            params.append(exclude)
        if until is not None:
            sql += " AND (filing_date IS NULL OR filing_date <= ?)"
            params.append(until)
        return FilerMemory.from_rows(key, self.conn.execute(sql, params), self.memory_schema())

    def changes_for(self, doc_id: int, values: Iterable[FieldValue] | None = None) -> list[Change]:
        """What differs in this filing from its filer's other approved filings (not later ones):
        for the field panel's 'was X in the filing of <date>'. `values`: the filing's values
        when the caller has them already (the window has just read them)."""
        found = standing(self.field_values(doc_id) if values is None else values)
        return self._changes(found, filer_key(found), doc_id)

    def _changes(self, values: dict[str, list[str]], key: str | None,
                 doc_id: int | None) -> list[Change]:
        memory = self.memory_for(key, exclude=doc_id, until=filing_date(values))
        return changes(values, memory, self.memory_schema()) if memory else []

    def set_changes(self, doc_id: int, count: int) -> None:
        """How many values of a filing differ from its filer's memory (the queue's filter)."""
        with self.transaction():
            self.conn.execute("UPDATE documents SET changes = ? WHERE id = ?", (count, doc_id))

    def count_with_changes(self, status: str | None = None) -> int:
        """Filings with a value that changed since the filer's last approved one (an index)."""
        sql = "SELECT count(*) FROM documents WHERE changes > 0"
        params: Sequence[str] = ()
        if status:
            sql += " AND status = ?"
            params = (status,)
        return self.conn.execute(sql, params).fetchone()[0]

    def rebuild_memory(self) -> int:
        """The memory again from the approved filings (if the table was lost or emptied, or
        the schema's repeating fields changed); returns the filings remembered."""
        with self.transaction():
            self.conn.execute("DELETE FROM memory")
            ids = [r[0] for r in self.conn.execute(
                "SELECT id FROM documents WHERE status = 'reviewed' ORDER BY id")]
            for doc_id in ids:
                self.remember(doc_id)
            for doc_id in ids:  # each against all the others, whatever order they came in
                self.set_changes(doc_id, len(self.changes_for(doc_id)))
        return len(ids)
