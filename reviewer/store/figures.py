"""What the window's queue, the status bar, `stats` and the CSV export read: the store's figures.

Reads only; Repository (the one writer) inherits them, so a second store implements both.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from typing import Any

# The queue's columns: the key the window sorts and shows by, and the column that holds it.
QUEUE_COLUMNS = {"status": "status", "form": "form_type", "company": "company_name",
                 "date": "doc_date", "file": "file_name", "attention": "attention", "id": "id"}


class Figures:
    """Queries over many filings at once."""

    conn: sqlite3.Connection

    def _live(self) -> str:
        """The condition that leaves removed filings out, or none when nothing is removed (the
        usual case: the queue's sorts and counts then run on their own indexes; the removed
        index answers the question at once)."""
        any_removed = self.conn.execute(
            "SELECT 1 FROM documents WHERE removed_at IS NOT NULL LIMIT 1").fetchone()
        return "removed_at IS NULL" if any_removed else "1"

    def count_other_versions(self, version: str) -> int:
        """Filings extracted by an extractor other than `version` (re-extraction updates them)."""
        return self.conn.execute(
            f"SELECT count(*) FROM documents WHERE {self._live()}"
            " AND (extractor_version < ? OR extractor_version > ?)", (version, version)).fetchone()[0]

    def queue_ids(self, text: str = "", status: str | None = None, sort: str = "id",
                  descending: bool = False, changed: bool = False) -> list[int]:
        """Ids of the filings the queue shows (removed ones never), filtered and sorted in SQL;
        `changed`: only those with a value that differs from their filer's memory."""
        where: list[str] = [self._live()]
        params: list[Any] = []
        if status:
            where.append("status = ?")
            params.append(status)
        if changed:
            where.append("changes > 0")
        for word in text.split():
            like = f"%{word}%"
            where.append("(company_name LIKE ? OR form_type LIKE ? OR file_name LIKE ?)")
            params += [like, like, like]
        column = QUEUE_COLUMNS.get(sort, "id")
        order = "DESC" if descending else "ASC"
        sql = "SELECT id FROM documents WHERE " + " AND ".join(where)
        sql += f" ORDER BY {column} IS NULL, {column} {order}, id {order}"
        return [r[0] for r in self.conn.execute(sql, params)]

    def queue_rows(self, ids: list[int]) -> dict[int, dict[str, Any]]:
        """The queue's columns for these filings."""
        if not ids:
            return {}
        marks = ",".join("?" * len(ids))
        cur = self.conn.execute(
            "SELECT id, status, form_type, company_name, doc_date, file_name, attention, flag_note"
            f" FROM documents WHERE id IN ({marks})", ids)
        names = [d[0] for d in cur.description]
        return {r[0]: dict(zip(names, r, strict=True)) for r in cur}

    def progress(self) -> dict[str, int]:
        """Filings by review status: cheap (the status index), for the status bar after each change."""
        by_status = dict(self.conn.execute(
            f"SELECT status, count(*) FROM documents WHERE {self._live()} GROUP BY status"))
        return {
            "documents": sum(by_status.values()),
            "reviewed": by_status.get("reviewed", 0),
            "flagged": by_status.get("flagged", 0),
            "to_review": by_status.get("to_review", 0),
        }

    def stats(self) -> dict[str, Any]:
        """Progress, and the states of every field's values (a scan of all values)."""
        fields: dict[str, dict[str, int]] = {}
        for field, state, n in self.conn.execute(
            "SELECT field, state, count(*) FROM field_values WHERE document_id IN"
            " (SELECT id FROM documents WHERE removed_at IS NULL) GROUP BY field, state ORDER BY field"
        ):
            fields.setdefault(field, {})[state] = n
        removed = self.conn.execute(
            "SELECT count(*) FROM documents WHERE removed_at IS NOT NULL").fetchone()[0]
        return {**self.progress(), "removed": removed, "fields": fields}

    def removed_ids(self) -> list[int]:
        """The filings removed from the queue (kept whole, to restore), the latest removed first."""
        return [r[0] for r in self.conn.execute(
            "SELECT id FROM documents WHERE removed_at IS NOT NULL ORDER BY removed_at DESC, id DESC")]

    def export_rows(self, include_unreviewed: bool) -> Iterator[tuple[dict[str, Any], list[tuple[str, str]]]]:
        """(document row, [(field, value)...]) per filing not removed, values that stand (not
        rejected)."""
        where = " WHERE removed_at IS NULL" + ("" if include_unreviewed else " AND status = 'reviewed'")
        cur = self.conn.execute(
            "SELECT id, source_path, file_name, format, status, reviewer, reviewed_at FROM documents"
            + where + " ORDER BY id"
        )
        names = [d[0] for d in cur.description]
        docs = [dict(zip(names, r, strict=True)) for r in cur.fetchall()]
        values: dict[int, list[tuple[str, str]]] = {}
        for doc_id, field, value in self.conn.execute(
            "SELECT document_id, field, value FROM field_values"
            " WHERE state != 'rejected' AND value IS NOT NULL AND value != '' ORDER BY id"
        ):
            values.setdefault(doc_id, []).append((field, value))
        for doc in docs:
            yield doc, values.get(doc["id"], [])
