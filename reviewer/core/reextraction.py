"""What a newer extraction changes in a stored filing, decided without touching the store.

Untouched (extracted) values are replaced by what the new extractor finds; a field on which a
person confirmed, corrected, added or rejected anything is left exactly as it is, its spans
moved to the same words if the text changed. A store applies the plan in one transaction.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from .document import Document
from .extract import Summarized, summarize
from .extract.candidate import Candidate
from .values import DocumentSummary, FieldValue, State

REMAP_HITS = 50  # occurrences of a decided value's evidence looked at when the text changed


@dataclass(slots=True)
class ReextractionPlan:
    """The changes that bring one stored filing up to a new extraction."""

    text_changed: bool
    moved_spans: list[tuple[int, int | None, int | None]] = field(default_factory=list)
    refreshed: list[tuple[int, Candidate]] = field(default_factory=list)  # same value, new evidence
    removed: list[FieldValue] = field(default_factory=list)
    added: list[Candidate] = field(default_factory=list)
    kept_touched: int = 0
    summary: DocumentSummary = field(default_factory=DocumentSummary)


def remap_span(old_text: str, new_text: str, start: int | None,
               end: int | None) -> tuple[int | None, int | None]:
    """A span in the old text moved to the same words in the new text (nearest), else dropped."""
    if start is None or end is None or old_text == new_text:
        return start, end
    evidence = old_text[start:end]
    if not evidence:
        return None, None
    hits: list[int] = []
    pos = new_text.find(evidence)
    while pos >= 0 and len(hits) < REMAP_HITS:
        hits.append(pos)
        pos = new_text.find(evidence, pos + 1)
    if not hits:
        return None, None
    best = min(hits, key=lambda h: abs(h - start))
    return best, best + len(evidence)


def plan_reextraction(old_text: str, values: Sequence[FieldValue], document: Document,
                      candidates: Iterable[Candidate]) -> ReextractionPlan:
    """The plan for one filing: `values` are its stored values in id order."""
    new_text = document.text
    plan = ReextractionPlan(text_changed=new_text != old_text)
    touched_fields = {fv.field for fv in values if fv.state.touched}
    if plan.text_changed:
        plan.moved_spans = [(fv.id, *remap_span(old_text, new_text, fv.span_start, fv.span_end))
                            for fv in values if fv.state.touched]
    plan.kept_touched = sum(1 for fv in values if fv.state.touched)
    new: dict[tuple[str, str | None], Candidate] = {
        (c.name, c.value): c for c in candidates if c.name not in touched_fields}
    confidence: dict[int, float] = {}
    for fv in values:
        if fv.state is not State.EXTRACTED or fv.field in touched_fields:
            continue
        c = new.pop((fv.field, fv.value), None)
        if c is not None:
            plan.refreshed.append((fv.id, c))
            confidence[fv.id] = c.confidence
        else:
            plan.removed.append(fv)
    plan.added = list(new.values())
    plan.summary = _summary_after(values, plan, confidence)
    return plan


def _summary_after(values: Sequence[FieldValue], plan: ReextractionPlan,
                   confidence: dict[int, float]) -> DocumentSummary:
    """The queue's columns once the plan is applied: the values that stand, in id order."""
    removed = {fv.id for fv in plan.removed}
    return summarize([*_standing(values, removed, confidence), *plan.added])


def standing_summary(values: Sequence[FieldValue]) -> DocumentSummary:
    """The queue's columns of a stored filing as its values stand now (id order)."""
    return summarize(_standing(values, set(), {}))


def _standing(values: Sequence[FieldValue], removed: set[int],
              confidence: dict[int, float]) -> list[Summarized]:
    standing: list[Summarized] = []
    for fv in values:
        if fv.id in removed or fv.state is State.REJECTED:
            continue
        conf = confidence.get(fv.id, fv.confidence)
        standing.append(_Standing(fv.field, fv.value,
                                  conf if fv.state is State.EXTRACTED and conf is not None else 1.0))
    return standing


class _Standing(NamedTuple):
    """A stored value seen as extraction output, so the queue summary is computed one way."""

    name: str
    value: str | None
    confidence: float
