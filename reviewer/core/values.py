"""What a stored value is: its state, when it needs a look, and the records the store hands out.

Plain data shared by the review core, the pipeline and every store implementation, so that
none of them has to import another to agree on a value's shape.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

ATTENTION_BELOW = 0.6  # a value under this confidence needs the analyst's eye


class State(StrEnum):
    """Where a value stands: what the extractor said, or what a person decided of it."""

    EXTRACTED = "extracted"
    CONFIRMED = "confirmed"
    CORRECTED = "corrected"
    ADDED = "added"
    REJECTED = "rejected"

    @property
    def touched(self) -> bool:
        """A person decided this value: nothing automatic may change it."""
        return self is not State.EXTRACTED


TOUCHED = frozenset(s for s in State if s.touched)


@dataclass(slots=True)
class FieldValue:
    """One value of one field of one filing, as stored."""

    id: int
    document_id: int
    field: str
    value: str | None
    span_start: int | None
    span_end: int | None
    state: State
    confidence: float | None
    rule: str | None
    extracted_value: str | None
    updated_at: str
    updated_by: str

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> FieldValue:
        values = {k: row[k] for k in cls.__slots__}
        values["state"] = State(values["state"])
        return cls(**values)

    @property
    def needs_attention(self) -> bool:
        """Untouched and below the attention threshold."""
        return self.state is State.EXTRACTED and (self.confidence or 0) < ATTENTION_BELOW


@dataclass(slots=True)
class DocumentRecord:
    """A stored filing's row: where it came from and where its review stands."""

    id: int
    sha256: str
    source_path: str
    file_name: str
    format: str
    size: int
    imported_at: str
    extractor_version: str
    status: str  # to_review, reviewed, flagged
    reviewer: str | None
    reviewed_at: str | None
    flag_note: str | None
    form_type: str | None
    company_name: str | None
    doc_date: str | None
    attention: int

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> DocumentRecord:
        return cls(**{k: row[k] for k in cls.__slots__})


@dataclass(slots=True)
class DocumentSummary:
    """The few values the queue shows, computed once at import."""

    form_type: str | None = None
    company_name: str | None = None
    doc_date: str | None = None
    attention: int = 0


@dataclass(slots=True, frozen=True, kw_only=True)
class HistoryEntry:
    """One row of the append-only history: who changed what, from what, to what, when."""

    document_id: int
    action: str  # import, edit, confirm, reject, add, undo, status, reextract
    who: str
    at: str
    field_value_id: int | None = None
    field: str | None = None
    before_value: str | None = None
    before_state: str | None = None
    after_value: str | None = None
    after_state: str | None = None
