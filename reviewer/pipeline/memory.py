"""Company memory on import and re-extraction: the main process (which holds the store) asks the
repository for the filer's memory and learned anchors and merges core.memory's and
core.anchors' proposals into the candidates.

Extraction itself never sees the store: the memory and the anchors reach it as plain data, here.
Both only propose: the repository never lets a proposal change a value a person decided.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..core.anchors import propose_from_anchors
from ..core.extract import merge, summarize
from ..core.memory import changes, filer_key, filing_date, propose, values_of
from .pool import Processed

if TYPE_CHECKING:
    from ..store.repository import Repository


def with_memory(repo: Repository, processed: Processed, exclude: int | None = None) -> int:
    """Add the filer's remembered values that this filing's text holds, then the values after
    its learned anchors, to its candidates (two indexed queries; `exclude`: the filing itself,
    when stored); returns how many values differ from the filer's memory."""
    values = values_of(processed.candidates)
    key = filer_key(values)
    memory = repo.memory_for(key, exclude=exclude, until=filing_date(values))
    anchors = repo.anchors_for(key)
    if not memory and not anchors:
        return 0
    schema = repo.memory_schema()
    proposed = propose(processed.document, processed.candidates, memory, schema)
    found = merge([*processed.candidates, *proposed], schema) if proposed else processed.candidates
    learned = propose_from_anchors(processed.document, found, anchors, schema)
    if proposed or learned:
        processed.candidates = merge([*found, *learned], schema) if learned else found
        processed.summary = summarize(processed.candidates)
    return len(changes(values_of(processed.candidates), memory, schema)) if memory else 0
