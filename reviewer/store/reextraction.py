"""Re-extraction applied to a stored filing: core.reextraction decides what changes, this
writes it in one transaction, every change in the history (action `reextract`).

Repository inherits this.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from ..core.document import Document
from ..core.extract.candidate import Candidate
from ..core.reextraction import ReextractionPlan, plan_reextraction
from ..core.values import HistoryEntry, State
from .part import StorePart
from .rows import INSERT_EXTRACTED, extracted_row, now


class Reextraction(StorePart):
    """reextract: a stored filing brought up to a new extraction."""

    def reextract(self, doc_id: int, document: Document, candidates: Iterable[Candidate], *,
                  extractor_version: str, who: str,
                  proposed_stamp: int | None = None) -> ReextractionPlan:
        """Bring one filing up to a new extraction (core.reextraction decides what changes);
        values a person decided stay as they are. Returns the plan applied. `proposed_stamp`:
        the stamp its memory proposals were made at (proposal_stamp(), read before them)."""
        with self.transaction():
            old_text = self.document_text(doc_id)
            if old_text is None:
                raise KeyError(doc_id)
            plan = plan_reextraction(old_text, self.field_values(doc_id), document, candidates)
            at = now()
            if plan.text_changed:
                self.conn.execute(
                    "UPDATE document_content SET text = ?, source_map = ? WHERE document_id = ?",
                    (document.text, json.dumps(document.source_map()), doc_id))
                self.conn.executemany(
                    "UPDATE field_values SET span_start = ?, span_end = ? WHERE id = ?",
                    [(start, end, fv_id) for fv_id, start, end in plan.moved_spans])
            self.conn.executemany(
                "UPDATE field_values SET extracted_start = ?, extracted_end = ?, span_start = ?,"
                " span_end = ?, confidence = ?, rule = ? WHERE id = ?",
                [(c.start, c.end, c.start, c.end, c.confidence, c.rule, fv_id)
                 for fv_id, c in plan.refreshed])
            for fv in plan.removed:
                self.conn.execute("DELETE FROM field_values WHERE id = ?", (fv.id,))
                self.append_history(HistoryEntry(
                    document_id=doc_id, field_value_id=fv.id, field=fv.field, action="reextract",
                    before_value=fv.value, before_state=fv.state, who=who, at=at))
            for c in plan.added:
                cur = self.conn.execute(INSERT_EXTRACTED, extracted_row(doc_id, c, at, who))
                self.append_history(HistoryEntry(
                    document_id=doc_id, field_value_id=cur.lastrowid, field=c.name,
                    action="reextract", after_value=c.value, after_state=State.EXTRACTED,
                    who=who, at=at))
            self.count_proposed(plan.added)
            if proposed_stamp is not None:
                self.conn.execute("UPDATE documents SET proposed_stamp = ? WHERE id = ?",
                                  (proposed_stamp, doc_id))
            summary = plan.summary
            self.conn.execute(
                "UPDATE documents SET extractor_version = ?, form_type = ?, company_name = ?,"
                " doc_date = ?, attention = CASE WHEN status = 'reviewed' THEN 0 ELSE ? END,"
                " notices = ? WHERE id = ?",
                (extractor_version, summary.form_type, summary.company_name, summary.doc_date,
                 summary.attention, json.dumps(document.notices), doc_id))
            return plan
