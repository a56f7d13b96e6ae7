"""Removing a filing from review, and restoring it: a removed filing leaves the queue, the
figures, the export and its filer's memory (the values it taught, the anchors learned from it
alone, what it counted for the others), but stays whole in the store (raw bytes, values,
history), so restoring it brings it back as it was, and what it taught with it.

Repository inherits this; each change is one transaction with its history row.
"""

from __future__ import annotations

from ..core.values import HistoryEntry
from .part import StorePart
from .rows import now


class Removal(StorePart):
    """remove_document, restore_document and is_removed."""

    def remove_document(self, doc_id: int, who: str) -> bool:
        """Take a filing out of the queue, the figures, the export and the filer's memory (and
        the anchors it alone taught); its bytes, values and history stay, so restore_document
        brings it back whole. False if it was removed already."""
        with self.transaction():
            if self._removed_at(doc_id) is not None:
                return False
            at = now()
            self.conn.execute("UPDATE documents SET removed_at = ?, removed_by = ? WHERE id = ?",
                              (at, who, doc_id))
            self.forget(doc_id)
            self.withdraw_anchors(doc_id)
            self.append_history(HistoryEntry(document_id=doc_id, action="remove",
                                             after_value="removed", who=who, at=at))
            return True

    def restore_document(self, doc_id: int, who: str) -> bool:
        """Bring a removed filing back as it was (its review status too); False if it was not
        removed."""
        with self.transaction():
            if self._removed_at(doc_id) is None:
                return False
            self.conn.execute(
                "UPDATE documents SET removed_at = NULL, removed_by = NULL WHERE id = ?", (doc_id,))
            record = self.document(doc_id)
            if record is not None and record.status == "reviewed":
                self.remember(doc_id)  # an approved filing counts for its filer again
            self.reinstate_anchors(doc_id)
            self.append_history(HistoryEntry(document_id=doc_id, action="restore",
                                             before_value="removed", who=who, at=now()))
            return True

    def is_removed(self, doc_id: int) -> bool:
        """Whether the filing was removed (it is still stored)."""
        row = self.conn.execute("SELECT removed_at FROM documents WHERE id = ?", (doc_id,)).fetchone()
        return row is not None and row[0] is not None

    def _removed_at(self, doc_id: int) -> str | None:
        row = self.conn.execute("SELECT removed_at FROM documents WHERE id = ?", (doc_id,)).fetchone()
        if row is None:
            raise KeyError(doc_id)
        return row[0]
