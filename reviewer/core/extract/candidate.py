"""What an extraction rule proposes: a value, its evidence span, a confidence and the rule."""

from __future__ import annotations

from dataclasses import asdict, dataclass


@dataclass(slots=True, frozen=True)
class Candidate:
    name: str  # a field name of the schema
    value: str  # in the field's normal form
    start: int  # evidence: Document.text[start:end]
    end: int
    confidence: float  # in [0, 1]
    rule: str  # id of the rule that proposed it, e.g. "header.accession_number"

    def to_json(self) -> dict:
        return asdict(self)
