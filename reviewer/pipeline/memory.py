"""Company memory on import and re-extraction: the main process (which holds the store) asks the
repository for the filer's memory and merges core.memory's proposals into the candidates.

Extraction itself never sees the store: the memory reaches it as plain data, here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..core.extract import merge, summarize
from ..core.memory import changes, filer_key, filing_date, propose, values_of
from .pool import Processed

if TYPE_CHECKING:
    from ..store.repository import Repository


def with_memory(repo: Repository, processed: Processed, exclude: int | None = None) -> int:
    """Add the filer's remembered values that this filing's text holds to its candidates (one
    indexed query; `exclude`: the filing itself, when stored); returns how many values
    differ from the filer's memory."""
    values = values_of(processed.candidates)
    memory = repo.memory_for(filer_key(values), exclude=exclude, until=filing_date(values))
    if not memory:
        return 0
    schema = repo.memory_schema()
    proposed = propose(processed.document, processed.candidates, memory, schema)
    if proposed:
        processed.candidates = merge([*processed.candidates, *proposed], schema)
        processed.summary = summarize(processed.candidates)
    return len(changes(values_of(processed.candidates), memory, schema))
