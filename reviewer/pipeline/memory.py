"""Company memory on import, re-extraction and open: the main process (which holds the store)
asks the repository for the filer's memory and learned anchors and merges core.memory's and
core.anchors' proposals into the candidates, or, for a stored filing being opened, into its
values.

Extraction itself never sees the store: the memory and the anchors reach it as plain data, here.
Both only propose: the repository never lets a proposal change a value a person decided.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..core.anchors import propose_from_anchors
from ..core.document import Document
from ..core.extract import merge, summarize
from ..core.extract.candidate import Candidate
from ..core.memory import (
    changes,
    filer_keys,
    filing_date,
    propose,
    standing,
    values_of,
    withhold,
)
from ..core.textfind import recognised_filer
from ..core.values import FieldValue, State
from .pool import Processed

if TYPE_CHECKING:
    from ..store.repository import Repository


def with_memory(repo: Repository, processed: Processed, exclude: int | None = None) -> int:
    """Withhold the values analysts turned down for this filer (into `processed.withheld`), then
    add the filer's remembered values that this filing's text holds, then the values after its
    learned anchors, to its candidates (a few indexed queries; `exclude`: the filing itself,
    when stored); returns how many values differ from the filer's memory."""
    values = values_of(processed.candidates)
    keys = _filer(repo, values, processed.document.text)
    memory = repo.memory_for(keys, exclude=exclude, until=filing_date(values))
    anchors = repo.anchors_for(keys)
    if not memory and not anchors:
        return 0
    schema = repo.memory_schema()
    kept, processed.withheld = withhold(processed.candidates, memory, schema)
    proposed = propose(processed.document, kept, memory, schema)
    found = merge([*kept, *proposed], schema) if proposed else kept
    learned = propose_from_anchors(processed.document, found, anchors, schema)
    if proposed or learned or processed.withheld:
        processed.candidates = merge([*found, *learned], schema) if learned else found
        processed.summary = summarize(processed.candidates)
    return len(changes(values_of(processed.candidates), memory, schema)) if memory else 0


def propose_on_open(repo: Repository, doc_id: int, values: Sequence[FieldValue],
                    document: Document, who: str) -> list[int]:
    """A stored filing being opened gets the proposals its filer's memory and learned anchors
    have for it now, when they changed since its last proposals (else this is one indexed
    query): the same rules as at import, never on a field a person decided anything on; and
    its extracted values that analysts have turned down for this filer since are withheld.
    `values`: its stored values, as the caller read them. Returns the ids of the values added."""
    found = standing(values)
    keys = filer_keys(found)
    # a filing that gives no filer of its own looks for one it names only when anything moved
    stamp = repo.proposals_due(doc_id, keys) if keys else repo.proposals_due_any(doc_id)
    if stamp is None:
        return []
    keys = _filer(repo, found, document.text)
    memory = repo.memory_for(keys, exclude=doc_id, until=filing_date(found))
    anchors = repo.anchors_for(keys)
    schema = repo.memory_schema()
    # an extracted value analysts turned down for this filer since it was stored is withheld
    held = [fv.id for fv in values if fv.state is State.EXTRACTED and fv.value
            and (fd := schema.get(fv.field)) is not None and fd.repeats
            and memory.turned_down(fv.field, fv.value, fd)]
    # every other stored value counts as found: a rejected one is not proposed again
    stored = [Candidate(fv.field, fv.value, fv.span_start or 0, fv.span_end or 0,
                        fv.confidence if fv.confidence is not None else 1.0, fv.rule or "")
              for fv in values if fv.value and fv.id not in held]
    proposed = propose(document, stored, memory, schema) if memory else []
    learned = (propose_from_anchors(document, [*stored, *proposed], anchors, schema)
               if anchors else [])
    decided = {fv.field for fv in values if fv.state.touched}
    new = [c for c in (*proposed, *learned) if c.name not in decided]
    return repo.add_proposals(doc_id, new, stamp, who, withhold=held)


def _filer(repo: Repository, values: dict[str, list[str]], text: str) -> list[str]:
    """The keys a filing's filer is remembered under: from its CIK or registrant, else from the
    known filer its text names first (a standalone exhibit that gives no registrant)."""
    keys = repo.company_keys(values)
    if keys:
        return keys
    known = _recognised(repo, text)
    return repo.company_keys({"company_name": [known[1]]}) if known else []


def _recognised(repo: Repository, text: str) -> tuple[str, str] | None:
    return recognised_filer(text, repo.known_names(), repo.memory_schema())
