"""Proposals when a filing is opened: which filings' memory proposals are out of date, and the
writing of new ones.

A stamp per filer key moves on (one counter for the whole store) whenever what memory or a
learned anchor would propose for that filer grows: an approval, an anchor learned, switched on
or restored with its filing. Every filing keeps the stamp its proposals were made at (import,
re-extraction, or an open), so opening one asks a single indexed question: has any of its
filer's keys (or '*', every filer's anchors) moved on since? Only then does the pipeline look
for proposals (core.memory, core.anchors), which are stored here.

Repository inherits this; each write runs inside the caller's transaction or one of its own.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from ..core.extract.candidate import Candidate
from ..core.reextraction import standing_summary
from ..core.values import HistoryEntry, State
from .part import StorePart
from .rows import INSERT_EXTRACTED, MEMORY_WHO, extracted_row, now

EVERY_FILER = "*"  # the stamp of the anchors that apply to every filer


class Proposals(StorePart):
    """proposal_stamp, bump_stamps, proposals_due and add_proposals."""

    def proposal_stamp(self) -> int:
        """The store's latest stamp: read before a filer's memory is, it is the stamp the
        proposals made from that memory are up to (the index's last entry)."""
        return self.conn.execute("SELECT max(stamp) FROM proposal_stamps").fetchone()[0] or 0

    def bump_stamps(self, keys: Iterable[str | None]) -> None:
        """What would be proposed for these filers grew (None: every filer's anchors): their
        filings' next open looks again. Inside the caller's transaction."""
        wanted = sorted({EVERY_FILER if k is None else k for k in keys})
        if not wanted:
            return
        stamp = self.proposal_stamp() + 1
        self.conn.executemany(
            "INSERT INTO proposal_stamps (filer_key, stamp) VALUES (?, ?)"
            " ON CONFLICT(filer_key) DO UPDATE SET stamp = excluded.stamp",
            [(k, stamp) for k in wanted])

    def proposals_due(self, doc_id: int, keys: Sequence[str]) -> int | None:
        """The stamp to make a filing's proposals at when one of its filer's keys (or every
        filer's anchors) moved on since its last proposals; None when they are up to date.
        One indexed query: what opening a filing costs when nothing changed."""
        wanted = [*keys, EVERY_FILER]
        marks = ",".join("?" * len(wanted))
        row = self.conn.execute(
            f"SELECT s.stamp FROM (SELECT max(stamp) AS stamp FROM proposal_stamps"
            f" WHERE filer_key IN ({marks})) s JOIN documents d ON d.id = ?"
            " WHERE s.stamp > d.proposed_stamp", [*wanted, doc_id]).fetchone()
        return row[0] if row else None

    def proposals_due_any(self, doc_id: int) -> int | None:
        """proposals_due for a filing that gives no filer of its own: the store's latest stamp
        when any filer's moved on since its last proposals (the filer it names may have), else
        None. One indexed query."""
        row = self.conn.execute(
            "SELECT s.stamp FROM (SELECT max(stamp) AS stamp FROM proposal_stamps) s"
            " JOIN documents d ON d.id = ? WHERE s.stamp > d.proposed_stamp", (doc_id,)).fetchone()
        return row[0] if row else None

    def add_proposals(self, doc_id: int, candidates: Sequence[Candidate], stamp: int,
                      who: str, withhold: Sequence[int] = ()) -> list[int]:
        """Store proposals made when a filing was opened (action `propose` in the history), and
        that its proposals are up to `stamp`. A field a person decided anything on since, or a
        value there already, is left as it is. `withhold`: ids of extracted values the filer's
        memory turned down, rejected by MEMORY_WHO (action `withhold`) unless a person has
        decided them since. Returns the ids of the values stored (and withheld)."""
        with self.transaction():
            at = now()
            ids = self._withhold(doc_id, withhold, at)
            values = self.field_values(doc_id)
            touched = {fv.field for fv in values if fv.state.touched and fv.id not in ids}
            have = {(fv.field, fv.value) for fv in values}
            stored: list[Candidate] = []
            for c in candidates:
                if c.name in touched or (c.name, c.value) in have:
                    continue
                cur = self.conn.execute(INSERT_EXTRACTED, extracted_row(doc_id, c, at, who))
                assert cur.lastrowid is not None
                self.append_history(HistoryEntry(
                    document_id=doc_id, field_value_id=cur.lastrowid, field=c.name,
                    action="propose", after_value=c.value, after_state=State.EXTRACTED,
                    who=who, at=at))
                have.add((c.name, c.value))
                stored.append(c)
                ids.append(cur.lastrowid)
            self.conn.execute("UPDATE documents SET proposed_stamp = max(proposed_stamp, ?)"
                              " WHERE id = ?", (stamp, doc_id))
            if not stored and not ids:
                return ids
            self.count_proposed(stored)  # learned anchors' proposals
            values = self.field_values(doc_id)
            summary = standing_summary(values)  # the queue's columns, as re-extraction sets them
            self.conn.execute(
                "UPDATE documents SET form_type = ?, company_name = ?, doc_date = ?,"
                " attention = CASE WHEN status = 'reviewed' THEN 0 ELSE ? END WHERE id = ?",
                (summary.form_type, summary.company_name, summary.doc_date, summary.attention,
                 doc_id))
            self.set_changes(doc_id, len(self.changes_for(doc_id, values)))
            return ids

    def _withhold(self, doc_id: int, fv_ids: Sequence[int], at: str) -> list[int]:
        """Reject these values of the filing as MEMORY_WHO where they are still as extracted."""
        done = []
        for fv_id in fv_ids:
            cur = self.conn.execute(
                "UPDATE field_values SET state = 'rejected', updated_at = ?, updated_by = ?"
                " WHERE id = ? AND document_id = ? AND state = 'extracted'",
                (at, MEMORY_WHO, fv_id, doc_id))
            if cur.rowcount:
                row = self.conn.execute("SELECT field, value FROM field_values WHERE id = ?",
                                        (fv_id,)).fetchone()
                self.append_history(HistoryEntry(
                    document_id=doc_id, field_value_id=fv_id, field=row[0], action="withhold",
                    before_value=row[1], before_state=State.EXTRACTED, after_value=row[1],
                    after_state=State.REJECTED, who=MEMORY_WHO, at=at))
                done.append(fv_id)
        return done
