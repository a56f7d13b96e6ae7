"""Company memory in the store: the values analysts approved, by filer, one row per filing.

Repository inherits this. Approval (mark_reviewed) remembers a filing's decided values of the
repeating fields, and links its registrant's name to its CIK (one company, one filer: a filing
known only by its name finds the memory kept under the CIK, and the other way round); reopening
or removing it forgets both; everything here can be rebuilt from the approved filings. What is
done with a memory (proposals, what changed) is core.memory's, not SQL's.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from ..core.memory import (
    Change,
    FilerMemory,
    changes,
    filer_key,
    filer_keys,
    filing_date,
    standing,
    turned_down,
)
from ..core.schema import Schema, load_schema
from ..core.values import FieldValue
from .part import StorePart
from .rows import now


class Memory(StorePart):
    """The memory table's reads and writes (writes only inside the caller's transaction)."""

    _memory_schema: Schema | None = None

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
        fvs = self.field_values(doc_id)
        values = standing(fvs)
        self.set_changes(doc_id, len(self._changes(values, doc_id)))
        self.forget(doc_id)
        key = filer_key(values)
        if key is None:
            return
        own = filer_keys(values)
        if len(own) == 2:  # the CIK and the name it goes by: one company
            self.conn.execute("INSERT INTO filer_names (document_id, name_key, cik_key)"
                              " VALUES (?,?,?)", (doc_id, own[1], own[0]))
        self.bump_stamps(self.company_keys(values))  # its filings' next open proposes again
        at = now()
        date = filing_date(values)
        rows = [(name, v, 0) for name, vs in values.items()
                if (fd := schema.get(name)) is not None and fd.repeats for v in vs]
        rows += [(name, v, 1) for name, vs in turned_down(fvs, schema).items() for v in vs]
        self.conn.executemany(
            "INSERT INTO memory (filer_key, field, value, document_id, filing_date, updated_at,"
            " rejected) VALUES (?,?,?,?,?,?,?)",
            [(key, name, v, doc_id, date, at, down) for name, v, down in rows])

    def forget(self, doc_id: int) -> None:
        """A filing no longer approved is no longer remembered, nor its name linked to its CIK."""
        self.conn.execute("DELETE FROM memory WHERE document_id = ?", (doc_id,))
        self.conn.execute("DELETE FROM filer_names WHERE document_id = ?", (doc_id,))

    def company_keys(self, values: Mapping[str, Sequence[str]]) -> list[str]:
        """Every key the filer of these values is remembered under, its own first: with a CIK,
        the names approved filings gave it (and its own name, unless that name is another
        CIK's); with only a name, the CIK it is linked to (when only one) and that CIK's names.
        One or two indexed queries."""
        own = filer_keys(values)
        if not own:
            return []
        if own[0].startswith("cik:"):
            cik, name = own[0], (own[1] if len(own) > 1 else None)
            linked = [r[0] for r in self.conn.execute(
                "SELECT DISTINCT name_key FROM filer_names WHERE cik_key = ?", (cik,))]
            if name is not None and name not in linked and self.conn.execute(
                    "SELECT 1 FROM filer_names WHERE name_key = ? AND cik_key != ? LIMIT 1",
                    (name, cik)).fetchone() is None:
                linked.insert(0, name)
            return [cik, *sorted(linked, key=lambda k: k != name)]
        ciks = [r[0] for r in self.conn.execute(
            "SELECT DISTINCT cik_key FROM filer_names WHERE name_key = ?", (own[0],))]
        if len(ciks) != 1:  # not linked, or a name several companies go by: the name alone
            return own
        others = [r[0] for r in self.conn.execute(
            "SELECT DISTINCT name_key FROM filer_names WHERE cik_key = ? AND name_key != ?",
            (ciks[0], own[0]))]
        return [own[0], ciks[0], *sorted(others)]

    def known_names(self) -> list[tuple[str, str]]:
        """(filer key, registrant's name as approved) of every filer the memory holds a name
        for: what a filing that names no registrant of its own is recognised by."""
        return [(r[0], r[1]) for r in self.conn.execute(
            "SELECT DISTINCT filer_key, value FROM memory WHERE field = 'company_name'"
            " AND rejected = 0 ORDER BY filer_key, value")]

    def memory_for(self, key: str | Sequence[str] | None, *, exclude: int | None = None,
                   until: str | None = None) -> FilerMemory:
        """The filer's memory (one indexed query) under one key or several (company_keys);
        `exclude`: without that filing's values; `until`: only filings dated then or before
        (undated ones too)."""
        keys = [key] if isinstance(key, str) else list(key or ())
        if not keys:
            return FilerMemory(None)
        marks = ",".join("?" * len(keys))
        sql = ("SELECT field, value, document_id, filing_date, rejected FROM memory"
               f" WHERE filer_key IN ({marks})")
        params: list[object] = list(keys)
        if exclude is not None:
            sql += " AND document_id != ?"
            params.append(exclude)
        if until is not None:
            sql += " AND (filing_date IS NULL OR filing_date <= ?)"
            params.append(until)
        return FilerMemory.from_rows(keys[0], self.conn.execute(sql, params),
                                     self.memory_schema())

    def changes_for(self, doc_id: int, values: Iterable[FieldValue] | None = None) -> list[Change]:
        """What differs in this filing from its filer's other approved filings (not later ones):
        for the field panel's 'was X in the filing of <date>'. `values`: the filing's values
        when the caller has them already (the window has just read them)."""
        found = standing(self.field_values(doc_id) if values is None else values)
        return self._changes(found, doc_id)

    def _changes(self, values: dict[str, list[str]], doc_id: int | None) -> list[Change]:
        memory = self.memory_for(self.company_keys(values), exclude=doc_id,
                                 until=filing_date(values))
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
        """The memory and the names linked to CIKs again from the approved filings still in
        review (if lost or emptied, or the schema's repeating fields changed); returns the
        filings remembered."""
        with self.transaction():
            self.conn.execute("DELETE FROM memory")
            self.conn.execute("DELETE FROM filer_names")
            ids = [r[0] for r in self.conn.execute(
                "SELECT id FROM documents WHERE status = 'reviewed' AND removed_at IS NULL"
                " ORDER BY id")]
            for doc_id in ids:
                self.remember(doc_id)
            for doc_id in ids:  # each against all the others, whatever order they came in
                self.set_changes(doc_id, len(self.changes_for(doc_id)))
        return len(ids)
