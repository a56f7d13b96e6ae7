"""Where a value the filer's memory or a learned anchor proposed came from, and why memory
withheld one: the lines the field panel's tooltips and the status bar give."""

from __future__ import annotations

from collections.abc import Sequence

from ..core.memory import standing
from ..core.values import FieldValue, State
from ..store import MEMORY_WHO, Repository
from ..store.anchors import learned_id

WITHHELD = "withheld:"  # how a value memory withheld is explained (tooltip, status bar)


def memory_sources(repo: Repository, values: Sequence[FieldValue],
                   doc_id: int | None) -> dict[int, str]:
    """{value id: where it came from} for a filing's memory and learned proposals, and why
    memory withheld a value (its filer turned it down before)."""
    sources = {}
    for fv in values:
        anchor_id = learned_id(fv.rule or "")
        anchor = repo.anchor(anchor_id) if anchor_id is not None else None
        if anchor is not None:
            sources[fv.id] = (f"after {anchor.described}, learned from corrections "
                              f"(accepted {anchor.accepted}, rejected {anchor.rejected})")
    proposed = [fv for fv in values if (fv.rule or "").startswith("memory.")]
    held = [fv for fv in values if fv.state is State.REJECTED and fv.updated_by == MEMORY_WHO]
    if not proposed and not held:
        return sources
    memory = repo.memory_for(repo.company_keys(standing(values)), exclude=doc_id)
    schema = repo.memory_schema()
    for fv in proposed:
        seen = next((r for r in memory.fields.get(fv.field, []) if r.value == fv.value), None)
        if seen is not None:
            sources[fv.id] = (f"from the filing of {seen.filing_date or 'an earlier date'} "
                              f"(confirmed in {seen.confirmations})")
    for fv in held:
        fd = schema.get(fv.field)
        down = memory.turned_down(fv.field, fv.value or "", fd) if fd else None
        when = down.filing_date if down and down.filing_date else "an earlier date"
        sources[fv.id] = (f"{WITHHELD} turned down for this filer in the filing of {when};"
                          " confirm it to restore it")
    return sources
