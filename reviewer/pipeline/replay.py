"""Replaying review (issue 15): what company memory saves an analyst, measured on labelled filings.

The labelled filings, grouped by filer and in date order, are each imported into a temporary
store, the corrections an analyst would need are counted against the gold (core.evaluate's
comparison rules), the gold is applied as the analyst's decisions (a value found in the text
filled with its span, as Ctrl+E would; others typed) and the filing is approved. Twice: with
memory and the anchors learned from those decisions, and with a store that remembers and
learns nothing.
"""

from __future__ import annotations

import copy
import hashlib
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..core.evaluate import comparable, score_file
from ..core.memory import filer_key, filing_date, standing
from ..core.schema import Schema
from ..core.textfind import TextFinder
from ..core.values import FieldValue
from ..store import MEMORY_WHO, Repository, open_store
from .importer import import_paths
from .pool import Outcome, ReaderPool, safe_process

WHO = "replay"
PROPOSED_BY = ("memory.", "learned.")  # the rules whose values memory_precision scores


@dataclass(slots=True)
class Corrections:
    """What an analyst changes in one filing to make it match the gold."""

    missing: int = 0
    wrong: int = 0
    extra: int = 0

    @property
    def total(self) -> int:
        return self.missing + self.wrong + self.extra


@dataclass(slots=True, frozen=True)
class Proposal:
    """A value memory or a learned anchor proposed, its evidence, and whether the gold holds it."""

    field: str
    value: str
    start: int | None
    end: int | None
    right: bool
    rule: str = ""


@dataclass(slots=True)
class FilingResult:
    file: str
    filer: str
    first: bool
    without_memory: Corrections
    with_memory: Corrections
    memory_proposed: list[Proposal] = field(default_factory=list)
    withheld: list[Proposal] = field(default_factory=list)  # right: the gold does not hold it


@dataclass(slots=True)
class Replay:
    filings: list[FilingResult] = field(default_factory=list)
    failures: list[tuple[str, str]] = field(default_factory=list)

    def mean(self, memory: bool, first: bool) -> float:
        chosen = [f.with_memory if memory else f.without_memory
                  for f in self.filings if f.first == first]
        return sum(c.total for c in chosen) / len(chosen) if chosen else 0.0

    @property
    def memory_precision(self) -> float:
        proposed = [p.right for f in self.filings for p in f.memory_proposed]
        return sum(proposed) / len(proposed) if proposed else 1.0

    def to_json(self) -> dict[str, Any]:
        def side(memory: bool) -> dict[str, Any]:
            return {"first": round(self.mean(memory, True), 3),
                    "later": round(self.mean(memory, False), 3)}

        proposed = [p for f in self.filings for p in f.memory_proposed]
        withheld = [p for f in self.filings for p in f.withheld]
        return {
            "without_memory": side(False),
            "with_memory": side(True),
            "memory_precision": round(self.memory_precision, 4),
            "memory_proposals": len(proposed),
            "learned_proposals": sum(p.rule.startswith("learned.") for p in proposed),
            "withheld": len(withheld),  # extracted values memory turned down, and wrongly so
            "withheld_wrong": sum(not p.right for p in withheld),
            "filings": {"first": sum(f.first for f in self.filings),
                        "later": sum(not f.first for f in self.filings)},
            "filers": len({f.filer for f in self.filings}),
            "files": [{"file": f.file, "filer": f.filer, "first": f.first,
                       "without_memory": f.without_memory.total,
                       "with_memory": f.with_memory.total,
                       "memory_wrong": [[p.field, p.value, p.rule] for p in f.memory_proposed
                                        if not p.right],
                       "withheld_wrong": [[p.field, p.value] for p in f.withheld if not p.right]}
                      for f in self.filings],
            "failures": [{"file": f, "reason": r} for f, r in self.failures],
        }


def by_filer(records: Iterable[dict]) -> list[tuple[str, list[dict]]]:
    """The records grouped by the gold's filer (CIK, else registrant), each group by date."""
    groups: dict[str, list[dict]] = {}
    for rec in records:
        key = filer_key(rec["fields"]) or f"file:{rec['file']}"
        groups.setdefault(key, []).append(rec)
    for recs in groups.values():
        recs.sort(key=lambda r: (filing_date(r["fields"]) is None, filing_date(r["fields"]) or ""))
    return list(groups.items())


class _Forgetful(Repository):
    """A store that remembers nothing and learns no anchors: the replay without memory."""

    def remember(self, doc_id: int) -> None:
        return None

    def learn(self, fv: FieldValue, span: tuple[int, int] | None) -> int | None:
        return None


def _cached_reader() -> ReaderPool[Any]:
    """Each file parsed once for both replays (a copy each time: the importer adds to it)."""
    seen: dict[str, Outcome] = {}

    def task(data: bytes) -> Outcome:
        sha = hashlib.sha256(data).hexdigest()
        if sha not in seen:
            seen[sha] = safe_process(data)
        return copy.deepcopy(seen[sha])

    return ReaderPool(0, task)


def corrections(repo: Repository, doc_id: int, gold: dict[str, list[str]],
                schema: Schema) -> Corrections:
    """Missing, wrong (a value to edit) and extra values of a stored filing against the gold."""
    out = Corrections()
    for s, _missing, _extra in score_file(gold, standing(repo.field_values(doc_id)),
                                          schema).values():
        out.wrong += s.wrong
        out.missing += s.fn - s.wrong
        out.extra += s.fp - s.wrong
    return out


def decide(repo: Repository, doc_id: int, gold: dict[str, list[str]], schema: Schema) -> None:
    """The gold as the analyst's decisions: wrong values corrected, extra ones rejected, missing
    ones added (with their span where the text holds them), then the filing approved."""
    finder = TextFinder(repo.document_text(doc_id) or "")
    stored: dict[str, list[Any]] = {}
    for fv in repo.field_values(doc_id):
        if fv.state.value != "rejected":
            stored.setdefault(fv.field, []).append(fv)
    for name in sorted(set(gold) | set(stored)):
        fd = schema.get(name)
        if fd is None or not fd.core:
            continue
        want = {comparable(v, name, fd.type): v for v in gold.get(name, [])}
        have = {comparable(fv.value or "", name, fd.type) for fv in stored.get(name, [])}
        todo = [v for k, v in want.items() if k not in have]
        for fv in stored.get(name, []):
            if comparable(fv.value or "", name, fd.type) in want:
                continue
            if todo:
                value = todo.pop(0)
                repo.set_value(fv.id, value, finder.find(value, fd), WHO)
            else:
                repo.reject(fv.id, WHO)
        for value in todo:
            repo.add_value(doc_id, name, value, finder.find(value, fd), WHO)
    repo.mark_reviewed(doc_id, WHO)


def replay(records: Iterable[dict], root: Path, schema: Schema) -> Replay:
    """Review the labelled filings in order, with memory and without."""
    result = Replay()
    reader = _cached_reader()
    with tempfile.TemporaryDirectory(prefix="reviewer-replay-") as tmp:
        on_db, off_db = open_store(Path(tmp) / "on.db"), open_store(Path(tmp) / "off.db")
        on, off = Repository(on_db), _Forgetful(off_db)
        try:
            for repo in (on, off):
                repo.use_schema(schema)
            for key, recs in by_filer(records):
                first = True
                for rec in recs:
                    counted = []
                    for repo in (off, on):
                        report = import_paths(repo, [root / rec["file"]], WHO, pool=reader)
                        ids = report.imported + report.existing
                        if report.failures or not ids:
                            reason = report.failures[0].reason if report.failures else "not imported"
                            result.failures.append((rec["file"], reason))
                            break
                        counted.append(corrections(repo, ids[0], rec["fields"], schema))
                        if repo is on:
                            proposed = _memory_values(repo, ids[0], rec["fields"], schema)
                            withheld = _withheld(repo, ids[0], rec["fields"], schema)
                        decide(repo, ids[0], rec["fields"], schema)
                    else:
                        result.filings.append(FilingResult(rec["file"], key, first, counted[0],
                                                           counted[1], proposed, withheld))
                        first = False
        finally:
            on_db.conn.close()
            off_db.conn.close()
    return result


def _memory_values(repo: Repository, doc_id: int, gold: dict[str, list[str]],
                   schema: Schema) -> list[Proposal]:
    """The values memory and learned anchors proposed for a filing, and whether the gold
    holds each."""
    out = []
    for fv in repo.field_values(doc_id):
        fd = schema.get(fv.field)
        if fd is None or not (fv.rule or "").startswith(PROPOSED_BY) or fv.value is None:
            continue
        right = comparable(fv.value, fv.field, fd.type) in {
            comparable(v, fv.field, fd.type) for v in gold.get(fv.field, [])}
        out.append(Proposal(fv.field, fv.value, fv.span_start, fv.span_end, right, fv.rule or ""))
    return out


def _withheld(repo: Repository, doc_id: int, gold: dict[str, list[str]],
              schema: Schema) -> list[Proposal]:
    """The extracted values memory withheld from a filing (analysts turned them down for its
    filer before), each right when the gold does not hold it."""
    out = []
    for fv in repo.field_values(doc_id):
        fd = schema.get(fv.field)
        if fd is None or fv.updated_by != MEMORY_WHO or fv.value is None:
            continue
        held = comparable(fv.value, fv.field, fd.type) in {
            comparable(v, fv.field, fd.type) for v in gold.get(fv.field, [])}
        out.append(Proposal(fv.field, fv.value, fv.span_start, fv.span_end, not held, "withheld"))
    return out
