"""Anchors learned from corrections, in the store: learned when a person fills a value, counted
when their proposals are decided, switched off when rejected more often than accepted, forgotten
with the filings that taught them (removed) and back with them (restored).

Repository inherits this; every write here runs inside the caller's transaction (the change that
taught or decided it). What an anchor is and where it proposes is core.anchors', not SQL's.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime

from ..core.anchor_layout import region_of
from ..core.anchors import EVERY_FILER_AFTER, SWITCH_OFF_AFTER, LearnedAnchor, anchor_of
from ..core.extract.candidate import Candidate
from ..core.extract.normalize import normalize
from ..core.memory import filer_key, standing
from ..core.textfind import TextFinder, value_key
from ..core.values import FieldValue, State
from .part import StorePart

_COLUMNS = ("id, field, label, region, filer_key, proposed, accepted, rejected, enabled, document_id,"
            " words")
_REJECTING = (State.REJECTED, State.CORRECTED)


def learned_id(rule: str | None) -> int | None:
    """The anchor a value was proposed by (rule `learned.<id>`), or None."""
    if rule and rule.startswith("learned."):
        tail = rule.split(".", 1)[1]
        return int(tail) if tail.isdigit() else None
    return None


def _row(row: tuple) -> LearnedAnchor:
    return LearnedAnchor(row[0], row[1], row[2], row[3], row[4], row[5], row[6], row[7],
                         bool(row[8]), row[9], row[10])


class Anchors(StorePart):
    """The anchors tables' reads and writes."""

    # -- learning --------------------------------------------------------------------------

    def learn(self, fv: FieldValue, span: tuple[int, int] | None) -> int | None:
        """Remember the label a person's value stood after (its span; a typed value where the
        text holds it) for the filing's filer; returns the anchor's id, None if nothing to learn."""
        self.unlearn(fv.id)  # a value teaches one anchor: its latest
        fd = self.memory_schema().get(fv.field)
        if fd is None or fd.choices or not fv.value:
            return None
        values = standing(self.field_values(fv.document_id))
        key = filer_key(values)
        if key is None:
            return None  # whose filing it is is not known: nothing to apply it to
        document = self.load_document(fv.document_id)
        if span is not None:  # a typed correction keeps the old value's span: not its place
            held = normalize(document.text[span[0]:span[1]], fd.type)
            span = span if held and value_key(held, fd) == value_key(fv.value, fd) else None
        if span is None:
            span = TextFinder(document.text).find(fv.value, fd)
        anchor = anchor_of(document.text, span) if span else None
        if span is None or anchor is None:
            return None
        region = region_of(document, span[0])
        keys = self.company_keys(values)
        anchor_id = self._anchor_id(fv.field, anchor.label, region, keys, fv.document_id,
                                    anchor.words)
        self.conn.execute(
            "INSERT INTO anchor_sources (anchor_id, field_value_id, document_id, filer_key)"
            " VALUES (?,?,?,?)", (anchor_id, fv.id, fv.document_id, key))
        spread = self._spread(fv.field, anchor.label, region)
        self.bump_stamps([None] if spread else keys)  # the filer's filings' next open proposes
        return spread or anchor_id

    def _anchor_id(self, field: str, label: str, region: str, keys: Sequence[str],
                   doc_id: int, words: int = 0) -> int:
        """The anchor for every filer, else the filer's own (under any of its keys: a learned
        one forgotten with its filings is learned again), else a new one."""
        marks = ",".join("?" * len(keys))
        row = self.conn.execute(
            "SELECT id FROM anchors WHERE field = ? AND label = ? AND region = ?"
            f" AND (filer_key IS NULL OR filer_key IN ({marks}))"
            " ORDER BY filer_key IS NOT NULL, filer_key != ? LIMIT 1",
            (field, label, region, *keys, keys[0])).fetchone()
        if row:
            self.conn.execute("UPDATE anchors SET forgotten = 0 WHERE id = ?", (row[0],))
            return row[0]
        key = keys[0]
        cur = self.conn.execute(
            "INSERT INTO anchors (field, label, region, filer_key, document_id, created_at, words)"
            " VALUES (?,?,?,?,?,?,?)",
            (field, label, region, key, doc_id, datetime.now(UTC).isoformat(timespec="seconds"),
             words))
        assert cur.lastrowid is not None
        return cur.lastrowid

    def _spread(self, field: str, label: str, region: str) -> int | None:
        """Learned on EVERY_FILER_AFTER filers, an anchor applies to every filer: its filers'
        anchors become one (counts summed, on only if all were); returns its id."""
        where = "a.field = ? AND a.label = ? AND a.region = ?"
        rows = self.conn.execute(  # a forgotten one stays apart: restored, it comes back as it was
            f"SELECT a.id, a.filer_key FROM anchors a WHERE {where} AND a.forgotten = 0"
            " ORDER BY a.id", (field, label, region)).fetchall()
        filers = self.conn.execute(  # filers whose filings in review taught it (not removed)
            "SELECT count(DISTINCT s.filer_key) FROM anchor_sources s"
            " JOIN anchors a ON a.id = s.anchor_id JOIN documents d ON d.id = s.document_id"
            f" WHERE {where} AND d.removed_at IS NULL", (field, label, region)
        ).fetchone()[0]
        if filers < EVERY_FILER_AFTER or (len(rows) == 1 and rows[0][1] is None):
            return None
        keep = next((r[0] for r in rows if r[1] is None), rows[0][0])
        others = [r[0] for r in rows if r[0] != keep]
        marks = ",".join("?" * len(others))
        if others:
            self.conn.execute(
                f"UPDATE anchors SET proposed = proposed + (SELECT sum(proposed) FROM anchors"
                f" WHERE id IN ({marks})), accepted = accepted + (SELECT sum(accepted) FROM"
                f" anchors WHERE id IN ({marks})), rejected = rejected + (SELECT sum(rejected)"
                f" FROM anchors WHERE id IN ({marks})), enabled = enabled * (SELECT min(enabled)"
                f" FROM anchors WHERE id IN ({marks})) WHERE id = ?", [*others * 4, keep])
            self.conn.execute(f"UPDATE anchor_sources SET anchor_id = ? WHERE anchor_id IN ({marks})",
                              [keep, *others])
            self.conn.execute(f"DELETE FROM anchors WHERE id IN ({marks})", others)
        self.conn.execute("UPDATE anchors SET filer_key = NULL WHERE id = ?", (keep,))
        return keep

    def relearn(self, fv: FieldValue) -> None:
        """After an undo or redo: the value as it now stands teaches (a person's, with its span),
        or nothing does."""
        if fv.state in (State.ADDED, State.CORRECTED) and fv.span_start is not None \
                and fv.span_end is not None:
            self.learn(fv, (fv.span_start, fv.span_end))
        else:
            self.unlearn(fv.id)

    def unlearn(self, fv_id: int) -> None:
        """A person's value undone no longer teaches its anchor; an anchor taught by nothing
        that has proposed nothing yet is dropped."""
        ids = [r[0] for r in self.conn.execute(
            "SELECT anchor_id FROM anchor_sources WHERE field_value_id = ?", (fv_id,))]
        if not ids:
            return
        self.conn.execute("DELETE FROM anchor_sources WHERE field_value_id = ?", (fv_id,))
        self.conn.executemany(
            "DELETE FROM anchors WHERE id = ? AND proposed = 0 AND NOT EXISTS"
            " (SELECT 1 FROM anchor_sources WHERE anchor_id = anchors.id)", [(i,) for i in ids])

    # -- counting --------------------------------------------------------------------------

    def count_proposed(self, candidates: Iterable[Candidate]) -> None:
        """Each stored `learned.*` value counts as one proposal of its anchor."""
        counts = Counter(i for c in candidates if (i := learned_id(c.rule)) is not None)
        self.conn.executemany("UPDATE anchors SET proposed = proposed + ? WHERE id = ?",
                              [(n, i) for i, n in counts.items()])

    def tally(self, fv: FieldValue, after: State) -> None:
        """A person's decision on a `learned.*` value: confirmed (or approved) accepts its anchor,
        rejected or corrected rejects it, undone takes that back; an anchor rejected more often
        than accepted, after SWITCH_OFF_AFTER decisions, switches itself off."""
        anchor_id = learned_id(fv.rule)
        if anchor_id is None:
            return
        accepted = (after is State.CONFIRMED) - (fv.state is State.CONFIRMED)
        rejected = (after in _REJECTING) - (fv.state in _REJECTING)
        if not accepted and not rejected:
            return
        self.conn.execute("UPDATE anchors SET accepted = accepted + ?, rejected = rejected + ?"
                          " WHERE id = ?", (accepted, rejected, anchor_id))
        self.conn.execute("UPDATE anchors SET enabled = 0 WHERE id = ? AND rejected > accepted"
                          " AND accepted + rejected >= ?", (anchor_id, SWITCH_OFF_AFTER))

    # -- reading and switching -------------------------------------------------------------

    def anchors_for(self, key: str | Sequence[str] | None) -> list[LearnedAnchor]:
        """The anchors that propose in a filer's filings (under one key, or several: its
        company_keys): its own and every filer's, if on and not forgotten."""
        keys = [key] if isinstance(key, str) else list(key or ())
        marks = ",".join("?" * len(keys))
        mine = f" OR filer_key IN ({marks})" if keys else ""
        return [_row(r) for r in self.conn.execute(
            f"SELECT {_COLUMNS} FROM anchors WHERE enabled = 1 AND forgotten = 0"
            f" AND (filer_key IS NULL{mine}) ORDER BY id", keys)]

    def learned_anchors(self) -> list[LearnedAnchor]:
        """Every anchor not forgotten, for Tools > Learned Rules (`.filer` says whose, or "every
        filer")."""
        return [_row(r) for r in self.conn.execute(
            f"SELECT {_COLUMNS} FROM anchors WHERE forgotten = 0 ORDER BY field, label,"
            " filer_key IS NOT NULL, filer_key, id")]

    def anchor(self, anchor_id: int) -> LearnedAnchor | None:
        """One anchor (a `learned.<id>` value's source, for the field panel), None if gone."""
        row = self.conn.execute(f"SELECT {_COLUMNS} FROM anchors WHERE id = ?",
                                (anchor_id,)).fetchone()
        return _row(row) if row else None

    def set_anchor_enabled(self, anchor_id: int, on: bool) -> bool:
        """Switch an anchor on or off (a person's choice); False if there is no such anchor."""
        with self.transaction():
            cur = self.conn.execute("UPDATE anchors SET enabled = ? WHERE id = ?",
                                    (int(on), anchor_id))
            anchor = self.anchor(anchor_id) if on and cur.rowcount else None
            if anchor is not None:  # on again: its filers' filings propose with it at open
                self.bump_stamps([anchor.filer_key])
            return cur.rowcount > 0

    # -- removed and restored filings ------------------------------------------------------

    def withdraw_anchors(self, doc_id: int) -> None:
        """A filing removed from review: what its values counted for their anchors (proposed,
        accepted, rejected) is taken back, and an anchor it taught that no filing in review
        teaches or accepted is forgotten. Inside the caller's transaction, after the removal."""
        self._recount(doc_id, -1)

    def reinstate_anchors(self, doc_id: int) -> None:
        """A removed filing restored: its counts are back, and the anchors it taught with them."""
        self._recount(doc_id, +1)
        self.bump_stamps([a.filer_key for a in self._taught_by(doc_id)])

    def _recount(self, doc_id: int, sign: int) -> None:
        counts: dict[int, list[int]] = {}
        for rule, state in self.conn.execute(
                "SELECT rule, state FROM field_values WHERE document_id = ?"
                " AND rule LIKE 'learned.%'", (doc_id,)):
            anchor_id = learned_id(rule)
            if anchor_id is not None:
                c = counts.setdefault(anchor_id, [0, 0, 0])
                c[0] += 1
                c[1] += state == State.CONFIRMED
                c[2] += state in _REJECTING
        self.conn.executemany(
            "UPDATE anchors SET proposed = proposed + ?, accepted = accepted + ?,"
            " rejected = rejected + ? WHERE id = ?",
            [(sign * p, sign * a, sign * r, i) for i, (p, a, r) in counts.items()])
        ids = [*counts, *(a.id for a in self._taught_by(doc_id))]
        self.conn.executemany(  # taught only by removed filings, and accepted in none in review
            "UPDATE anchors SET forgotten = (accepted <= 0"
            " AND EXISTS (SELECT 1 FROM anchor_sources s WHERE s.anchor_id = anchors.id)"
            " AND NOT EXISTS (SELECT 1 FROM anchor_sources s JOIN documents d"
            " ON d.id = s.document_id WHERE s.anchor_id = anchors.id AND d.removed_at IS NULL))"
            " WHERE id = ?", [(i,) for i in dict.fromkeys(ids)])

    def _taught_by(self, doc_id: int) -> list[LearnedAnchor]:
        return [_row(r) for r in self.conn.execute(
            f"SELECT {_COLUMNS} FROM anchors WHERE id IN"
            " (SELECT anchor_id FROM anchor_sources WHERE document_id = ?)", (doc_id,))]
