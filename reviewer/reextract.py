"""Re-extraction: run a newer extractor over stored filings without touching a person's decision.

Untouched (extracted) values are replaced by what the new extractor finds; a field on which a
person confirmed, corrected, added or rejected anything is left exactly as it is. Every change
is written to the history (action `reextract`), one transaction per filing.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field

from .core.extract import EXTRACTOR_VERSION, summarize
from .importer import Processed, _safe_process
from .store.repository import TOUCHED, Repository, now


@dataclass(slots=True)
class ReextractReport:
    documents: int = 0
    added: int = 0
    removed: int = 0
    kept_touched: int = 0
    failures: list[tuple[int, str]] = field(default_factory=list)
    seconds: float = 0.0

    def summary(self) -> str:
        return (f"{self.documents} filings re-extracted: {self.added} values added, {self.removed} "
                f"removed, {self.kept_touched} decided by a person kept; {len(self.failures)} failed "
                f"({self.seconds:.1f} s)")


def _remap(old_text: str, new_text: str, start: int | None, end: int | None) -> tuple[int | None, int | None]:
    """A span in the old text moved to the same words in the new text (nearest), else dropped."""
    if start is None or end is None or old_text == new_text:
        return start, end
    evidence = old_text[start:end]
    if not evidence:
        return None, None
    hits = []
    pos = new_text.find(evidence)
    while pos >= 0 and len(hits) < 50:
        hits.append(pos)
        pos = new_text.find(evidence, pos + 1)
    if not hits:
        return None, None
    best = min(hits, key=lambda h: abs(h - start))
    return best, best + len(evidence)


def apply(repo: Repository, doc_id: int, result: Processed, who: str, report: ReextractReport) -> None:
    """Store one filing's new extraction; values a person touched stay as they are."""
    with repo.transaction():
        conn = repo.conn
        old_text = conn.execute("SELECT text FROM document_content WHERE document_id = ?",
                                (doc_id,)).fetchone()[0]
        new_text = result.document.text
        at = now()
        values = repo.field_values(doc_id)
        touched_fields = {fv.field for fv in values if fv.state in TOUCHED}
        if new_text != old_text:
            conn.execute("UPDATE document_content SET text = ?, source_map = ? WHERE document_id = ?",
                         (new_text, json.dumps(result.document.source_map()), doc_id))
            for fv in values:
                if fv.state in TOUCHED:
                    s, e = _remap(old_text, new_text, fv.span_start, fv.span_end)
                    conn.execute("UPDATE field_values SET span_start = ?, span_end = ? WHERE id = ?",
                                 (s, e, fv.id))
        report.kept_touched += sum(1 for fv in values if fv.state in TOUCHED)
        new = {(c.name, c.value): c for c in result.candidates if c.name not in touched_fields}
        for fv in values:
            if fv.state != "extracted" or fv.field in touched_fields:
                continue
            c = new.pop((fv.field, fv.value), None)
            if c is not None:  # the same value: refresh its evidence and confidence
                conn.execute(
                    "UPDATE field_values SET extracted_start = ?, extracted_end = ?, span_start = ?,"
                    " span_end = ?, confidence = ?, rule = ? WHERE id = ?",
                    (c.start, c.end, c.start, c.end, c.confidence, c.rule, fv.id))
                continue
            conn.execute("DELETE FROM field_values WHERE id = ?", (fv.id,))
            repo.append_history(doc_id, fv.id, fv.field, "reextract", fv.value, fv.state, None, None, who, at)
            report.removed += 1
        for c in new.values():
            cur = conn.execute(
                "INSERT INTO field_values (document_id, field, extracted_value, extracted_start,"
                " extracted_end, confidence, rule, value, span_start, span_end, state, updated_at,"
                " updated_by) VALUES (?,?,?,?,?,?,?,?,?,?,'extracted',?,?)",
                (doc_id, c.name, c.value, c.start, c.end, c.confidence, c.rule, c.value, c.start, c.end,
                 at, who))
            repo.append_history(doc_id, cur.lastrowid, c.name, "reextract", None, None, c.value, "extracted",
                          who, at)
            report.added += 1
        current = [fv for fv in repo.field_values(doc_id) if fv.state != "rejected"]
        summary = summarize([_AsCandidate(fv) for fv in current])
        conn.execute(
            "UPDATE documents SET extractor_version = ?, form_type = ?, company_name = ?, doc_date = ?,"
            " attention = CASE WHEN status = 'reviewed' THEN 0 ELSE ? END, notices = ? WHERE id = ?",
            (EXTRACTOR_VERSION, summary["form_type"], summary["company_name"], summary["doc_date"],
             summary["attention"], json.dumps(result.document.notices), doc_id))
        report.documents += 1


@dataclass(slots=True)
class _AsCandidate:
    """A stored value seen as a candidate, so the queue summary is computed one way."""

    fv: object

    @property
    def name(self) -> str:
        return self.fv.field

    @property
    def value(self) -> str:
        return self.fv.value

    @property
    def confidence(self) -> float:
        return self.fv.confidence if self.fv.state == "extracted" and self.fv.confidence is not None else 1.0


def reextract_all(repo: Repository, who: str, *, workers: int | None = None,
                  progress: Callable[[int, int], None] | None = None,
                  cancelled: Callable[[], bool] = lambda: False) -> ReextractReport:
    """Re-run extraction over every stored filing (raw bytes from the store)."""
    t0 = time.perf_counter()
    report = ReextractReport()
    ids = repo.document_ids()
    workers = workers if workers is not None else (os.cpu_count() or 1)
    pool = (ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"))
            if workers > 1 and len(ids) >= 8 else None)
    try:
        batch = 16
        for i in range(0, len(ids), batch):
            if cancelled():
                break
            chunk = ids[i : i + batch]
            raws = [repo.raw_bytes(doc_id) for doc_id in chunk]
            results = list(pool.map(_safe_process, raws)) if pool else [_safe_process(r) for r in raws]
            for doc_id, result in zip(chunk, results, strict=True):
                if isinstance(result, str):
                    report.failures.append((doc_id, result))
                else:
                    apply(repo, doc_id, result, who, report)
            if progress:
                progress(min(i + batch, len(ids)), len(ids))
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)
    report.seconds = time.perf_counter() - t0
    return report
