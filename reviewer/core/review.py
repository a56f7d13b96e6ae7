"""The review session: apply an analyst's change, undo and redo it, and what is left to check.

Pure Python over a store seen through `ReviewStore` (the SQLite Repository satisfies it; a
shared store for teams will too). Every change is written at once; undo is a new change that
puts the old value back, never a deletion.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from typing import Protocol

from .extract.normalize import normalize
from .schema import Schema
from .values import DocumentRecord, FieldValue, State

EXPECTED_FORM = {
    "date": "a date, e.g. 2002-11-27 or November 27, 2002",
    "month": "a month, e.g. 2002-11 or November 2002",
    "date_or_month": "a date (2002-11-27) or a month (2002-11)",
    "integer": "a whole number, e.g. 232900000 or 232.9 million",
    "decimal": "a number, e.g. 0.25",
    "text": "text",
    "code": "a code, e.g. 8-K or 99.1",
    "phone": "a phone number, e.g. (212) 555-0100 or +82 2 3488 8058",
    "email": "an e-mail address, e.g. ir@company.com",
    "web": "a web address, e.g. www.company.com or company.com/investors",
}

# What a typed value of a kind must look like (after the type's normal form).
_KIND_PATTERNS = {
    "phone": re.compile(r"\+?\(?\d[\d\s().\-/]*\d(?:\s*(?:x|ext\.?)\s*\d+)?", re.I),
    "email": re.compile(r"[^@\s]+@[^@\s]+\.[a-z]{2,}", re.I),
    "web": re.compile(r"(?:https?://)?(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}(?:[/?#]\S*)?",
                      re.I),
}
PHONE_DIGITS = (7, 15)  # E.164 holds at most 15 digits; fewer than 7 is no phone number


def events_reported(values: Sequence[FieldValue]) -> set[str]:
    """The event types a filing's standing values say it reports."""
    return {fv.value for fv in values
            if fv.field == "event_type" and fv.value and fv.state is not State.REJECTED}


class InvalidValue(ValueError):
    """The text typed is not a value of the field's type; the message says what is expected."""


class ReviewStore(Protocol):
    """What the review core asks of a store: each write is atomic and appends to the history."""

    def transaction(self) -> AbstractContextManager[None]: ...
    def document(self, doc_id: int) -> DocumentRecord | None: ...
    def field_values(self, doc_id: int) -> list[FieldValue]: ...
    def field_value(self, fv_id: int) -> FieldValue: ...
    def set_value(self, fv_id: int, value: str, span: tuple[int, int] | None,
                  who: str) -> FieldValue: ...
    def add_value(self, doc_id: int, field: str, value: str, span: tuple[int, int] | None,
                  who: str) -> FieldValue: ...
    def confirm(self, fv_id: int, who: str) -> FieldValue: ...
    def reject(self, fv_id: int, who: str) -> FieldValue: ...
    def restore(self, fv_id: int, value: str | None, span: tuple[int | None, int | None],
                state: State, who: str) -> FieldValue: ...
    def mark_reviewed(self, doc_id: int, who: str, unseen: Collection[int] = ()) -> int: ...
    def set_status(self, doc_id: int, status: str, who: str, note: str | None = None) -> None: ...
    def remove_document(self, doc_id: int, who: str) -> bool: ...
    def restore_document(self, doc_id: int, who: str) -> bool: ...
    def is_removed(self, doc_id: int) -> bool: ...


@dataclass(slots=True)
class ValueState:
    value: str | None
    start: int | None
    end: int | None
    state: State


@dataclass(slots=True)
class Change:
    """One undoable step: values before and after, and the filing's status before and after."""

    document_id: int
    label: str
    values: list[tuple[int, ValueState, ValueState]] = field(default_factory=list)
    status: tuple[str, str] | None = None  # (before, after)
    flag_note: tuple[str | None, str | None] | None = None
    removed: tuple[bool, bool] | None = None  # taken out of the queue: (before, after)


def _state_of(fv: FieldValue) -> ValueState:
    return ValueState(fv.value, fv.span_start, fv.span_end, fv.state)


class ReviewSession:
    """The analyst's actions, each stored at once and kept for undo and redo."""

    def __init__(self, repo: ReviewStore, schema: Schema, who: str) -> None:
        self.repo = repo
        self.schema = schema
        self.who = who
        self.undo_stack: list[Change] = []
        self.redo_stack: list[Change] = []
        self.left_alone: list[str] = []  # what the last undo/redo left: changed by someone since

    # -- values ----------------------------------------------------------------------------

    def normal_value(self, field_name: str, text: str) -> str:
        """`text` in the field's normal form, or InvalidValue saying what is expected."""
        fd = self.schema.get(field_name)
        ftype = fd.type if fd else "text"
        value = normalize(text, ftype)
        if not value:
            raise InvalidValue(f"{fd.label if fd else field_name}: expected {EXPECTED_FORM[ftype]}")
        if fd and fd.choices and value.lower() not in fd.choices:
            raise InvalidValue(f"{fd.label}: one of {', '.join(fd.choices)}")
        if fd and fd.kind and not _of_kind(value, fd.kind):
            raise InvalidValue(f"{fd.label}: expected {EXPECTED_FORM[fd.kind]}")
        return value.lower() if fd and fd.choices else value

    def set_value(self, doc_id: int, field_name: str, fv_id: int | None, text: str,
                  span: tuple[int, int] | None = None) -> FieldValue:
        """Correct a value (fv_id) or add one (fv_id None); empty text rejects the value."""
        if not text.strip() and fv_id is not None:
            return self.reject(fv_id)
        value = self.normal_value(field_name, text)
        if fv_id is None:
            fv = self.repo.add_value(doc_id, field_name, value, span, self.who)
            before = ValueState(None, None, None, State.REJECTED)
            self._record(Change(doc_id, f"add {field_name}", [(fv.id, before, _state_of(fv))]))
            return fv
        old = self.repo.field_value(fv_id)
        fv = self.repo.set_value(fv_id, value, span, self.who)
        self._record(Change(doc_id, f"edit {field_name}", [(fv_id, _state_of(old), _state_of(fv))]))
        return fv

    def reject(self, fv_id: int) -> FieldValue:
        """The document does not state this value."""
        return self._decide(fv_id, self.repo.reject, "reject")

    def confirm(self, fv_id: int) -> FieldValue:
        return self._decide(fv_id, self.repo.confirm, "confirm")

    def _decide(self, fv_id: int, apply: Callable[[int, str], FieldValue],
                verb: str) -> FieldValue:
        old = self.repo.field_value(fv_id)
        fv = apply(fv_id, self.who)
        self._record(Change(old.document_id, f"{verb} {old.field}",
                            [(fv_id, _state_of(old), _state_of(fv))]))
        return fv

    # -- filings ---------------------------------------------------------------------------

    def mark_reviewed(self, doc_id: int, unseen: Collection[int] = ()) -> int:
        """Confirm every untouched value and mark the filing reviewed; returns confirmations.
        `unseen`: values approved although nobody looked at them (the history says so)."""
        before_doc = self._document(doc_id)
        before = {fv.id: _state_of(fv) for fv in self.repo.field_values(doc_id)}
        n = self.repo.mark_reviewed(doc_id, self.who, unseen)
        after = {fv.id: _state_of(fv) for fv in self.repo.field_values(doc_id)}
        changed = [(i, before[i], after[i]) for i in before if before[i] != after[i]]
        self._record(Change(doc_id, "mark reviewed", changed, (before_doc.status, "reviewed")))
        return n

    def flag(self, doc_id: int, note: str) -> None:
        before = self._document(doc_id)
        self.repo.set_status(doc_id, "flagged", self.who, note)
        self._record(Change(doc_id, "flag", [], (before.status, "flagged"),
                            (before.flag_note, note)))

    def remove(self, doc_id: int) -> None:
        """Take a filing out of the queue and the export (kept in the store; undo restores)."""
        if self.repo.remove_document(doc_id, self.who):
            self._record(Change(doc_id, "remove filing", removed=(False, True)))

    def _document(self, doc_id: int) -> DocumentRecord:
        doc = self.repo.document(doc_id)
        if doc is None:
            raise KeyError(doc_id)
        return doc

    # -- undo and redo ---------------------------------------------------------------------

    def _record(self, change: Change) -> None:
        self.undo_stack.append(change)
        self.redo_stack.clear()

    def _apply(self, change: Change, backwards: bool) -> None:
        """Undo (or redo) only what still stands as this change left it: a value or a status
        that someone else has changed since is left as they set it, and named in left_alone."""
        self.left_alone = []
        with self.repo.transaction():
            for fv_id, before, after in change.values:
                expected, target = (after, before) if backwards else (before, after)
                try:
                    current = self.repo.field_value(fv_id)
                except KeyError:  # gone since (a re-extraction removed it)
                    self.left_alone.append(f"a value of {change.label.split()[-1]}")
                    continue
                if _state_of(current) != expected:
                    self.left_alone.append(current.field)
                    continue
                self.repo.restore(fv_id, target.value, (target.start, target.end), target.state,
                                  self.who)
            if change.removed:
                expected_removed, target_removed = (change.removed[::-1] if backwards
                                                    else change.removed)
                if self.repo.is_removed(change.document_id) != expected_removed:
                    self.left_alone.append("the filing's removal")
                elif target_removed:
                    self.repo.remove_document(change.document_id, self.who)
                else:
                    self.repo.restore_document(change.document_id, self.who)
            if change.status:
                status, expected_status = ((change.status[0], change.status[1]) if backwards
                                           else (change.status[1], change.status[0]))
                if self._document(change.document_id).status != expected_status:
                    self.left_alone.append("the filing's status")
                    return
                note = None
                if change.flag_note:
                    note = change.flag_note[0] if backwards else change.flag_note[1]
                self.repo.set_status(change.document_id, status, self.who, note)

    def undo(self) -> Change | None:
        """Put back what the last change replaced; returns it (its document_id says where)."""
        if not self.undo_stack:
            return None
        change = self.undo_stack.pop()
        self._apply(change, backwards=True)
        self.redo_stack.append(change)
        return change

    def redo(self) -> Change | None:
        if not self.redo_stack:
            return None
        change = self.redo_stack.pop()
        self._apply(change, backwards=False)
        self.undo_stack.append(change)
        return change

    # -- what is left to check -------------------------------------------------------------

    def attention(self, values: Sequence[FieldValue], form_type: str | None = None, *,
                  every_field: bool = False) -> list[tuple[str, int | None]]:
        """(field, value id) needing a look: low-confidence values first, then the missing
        fields this filing can hold (its form's, and the details of the events it reports;
        `every_field`: all of the form's fields)."""
        low = sorted((fv for fv in values if fv.needs_attention), key=lambda fv: fv.confidence or 0)
        present = {fv.field for fv in values if fv.state is not State.REJECTED}
        events = None if every_field else events_reported(values)
        missing = [fd.name for fd in self.schema.fields
                   if fd.name not in present and fd.applies(form_type, events)]
        return [(fv.field, fv.id) for fv in low] + [(name, None) for name in missing]


def _of_kind(value: str, kind: str) -> bool:
    if not _KIND_PATTERNS[kind].fullmatch(value.strip()):
        return False
    if kind == "phone":
        digits = sum(ch.isdigit() for ch in value.split("x")[0].split("ext")[0])
        return PHONE_DIGITS[0] <= digits <= PHONE_DIGITS[1]
    return True
