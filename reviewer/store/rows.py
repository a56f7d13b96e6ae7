"""What every writer of the store's rows shares: the time stamp, and an extracted value's row."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from ..core.extract.candidate import Candidate

INSERT_EXTRACTED = (
    "INSERT INTO field_values (document_id, field, extracted_value, extracted_start,"
    " extracted_end, confidence, rule, value, span_start, span_end, state, updated_at,"
    " updated_by) VALUES (?,?,?,?,?,?,?,?,?,?,'extracted',?,?)"
)


# An extracted value the filer's memory withheld: analysts turned it down in an approved filing.
INSERT_WITHHELD = INSERT_EXTRACTED.replace("'extracted'", "'rejected'")
MEMORY_WHO = "memory"  # who withheld it, in the value's row and its history


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


def extracted_row(doc_id: int, c: Candidate, at: str, who: str) -> tuple[Any, ...]:
    return (doc_id, c.name, c.value, c.start, c.end, c.confidence, c.rule, c.value, c.start, c.end,
            at, who)
