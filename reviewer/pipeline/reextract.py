"""Re-extraction: run a newer extractor over stored filings without touching a person's decision.

The raw bytes come from the store and are read in the same reader pool as an import (budgets,
crash isolation); the repository applies each filing's plan (core.reextraction) in one
transaction, with every change in the history (action `reextract`).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..core.extract import EXTRACTOR_VERSION
from .importer import Progress, mark_unrecognised
from .memory import with_memory
from .pool import ReaderPool

if TYPE_CHECKING:
    from ..store.repository import Repository


@dataclass(slots=True)
class ReextractReport:
    documents: int = 0
    added: int = 0
    removed: int = 0
    kept_touched: int = 0
    failures: list[tuple[int, str]] = field(default_factory=list)
    seconds: float = 0.0
    cancelled: bool = False

    def summary(self) -> str:
        text = (f"{self.documents} filings re-extracted: {self.added} values added, {self.removed} "
                f"removed, {self.kept_touched} decided by a person kept; {len(self.failures)} failed "
                f"({self.seconds:.1f} s)")
        return text + (" - cancelled" if self.cancelled else "")


def reextract_all(repo: Repository, who: str, *, workers: int | None = None,
                  progress: Progress | None = None,
                  cancelled: Callable[[], bool] = lambda: False,
                  outdated_only: bool = False,
                  pool: ReaderPool[int] | None = None) -> ReextractReport:
    """Re-run extraction over every stored filing, or only those an older extractor read."""
    t0 = time.perf_counter()
    report = ReextractReport()
    ids = repo.document_ids(not_version=EXTRACTOR_VERSION if outdated_only else None)

    def stored() -> Iterator[tuple[int, bytes]]:
        for doc_id in ids:
            yield doc_id, repo.raw_bytes(doc_id)

    reader = pool if pool is not None else ReaderPool[int](workers)
    for done, (doc_id, outcome) in enumerate(reader.read(stored(), cancelled=cancelled), 1):
        if isinstance(outcome, str):
            report.failures.append((doc_id, outcome))
        else:
            mark_unrecognised(outcome)  # the notice stays with a file that is not a filing
            stamp = repo.proposal_stamp()  # what the memory read next is up to
            with_memory(repo, outcome, exclude=doc_id)  # the filer's memory, as proposals
            plan = repo.reextract(doc_id, outcome.document, outcome.candidates,
                                  extractor_version=EXTRACTOR_VERSION, who=who,
                                  proposed_stamp=stamp)
            repo.set_changes(doc_id, len(repo.changes_for(doc_id)))  # of the values that stand
            report.documents += 1
            report.added += len(plan.added)
            report.removed += len(plan.removed)
            report.kept_touched += plan.kept_touched
        if progress:
            progress(done, len(ids), f"document {doc_id}")
    report.cancelled = reader.cancelled
    report.seconds = time.perf_counter() - t0
    return report
