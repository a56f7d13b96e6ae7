"""Scoring the extractor against labelled filings, with SCHEMA.md's comparison rules."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

from .schema import Schema


@dataclass(slots=True)
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def support(self) -> int:
        return self.tp + self.fn

    @property
    def wrong(self) -> int:
        """Values to edit: a missing value and an extra one of a field are one wrong value."""
        return min(self.fn, self.fp)

    @property
    def corrections(self) -> int:
        """What an analyst does to this field: each wrong, missing or extra value is one."""
        return max(self.fn, self.fp)

    def add(self, other: Score) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn


@dataclass(slots=True)
class Mismatch:
    file: str
    field: str
    missing: list[str]  # in the gold, not extracted
    extra: list[str]  # extracted, not in the gold


@dataclass(slots=True)
class Evaluation:
    fields: dict[str, Score] = field(default_factory=dict)
    files: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)
    mismatches: list[Mismatch] = field(default_factory=list)
    corrections: dict[str, int] = field(default_factory=dict)  # file -> corrections it needs

    @property
    def corrections_per_filing(self) -> float:
        """What an analyst does per filing: a wrong value is one correction, a missing or an
        extra value one each (per field, the larger of its missing and extra values)."""
        return sum(self.corrections.values()) / self.files if self.files else 0.0

    @property
    def without_corrections(self) -> float:
        """The share of filings the analyst only confirms."""
        return sum(1 for n in self.corrections.values() if n == 0) / self.files if self.files else 0.0

    @property
    def micro(self) -> Score:
        total = Score()
        for s in self.fields.values():
            total.add(s)
        return total

    def to_json(self) -> dict:
        def row(s: Score) -> dict:
            return {"precision": round(s.precision, 4), "recall": round(s.recall, 4),
                    "f1": round(s.f1, 4), "tp": s.tp, "fp": s.fp, "fn": s.fn, "support": s.support}

        return {
            "files": self.files,
            "micro": row(self.micro),
            "corrections": {"per_filing": round(self.corrections_per_filing, 4),
                            "filings_without": round(self.without_corrections, 4)},
            "fields": {k: row(v) for k, v in sorted(self.fields.items())},
            "failures": [{"file": f, "reason": r} for f, r in self.failures],
            "mismatches": [
                {"file": m.file, "field": m.field, "missing": m.missing, "extra": m.extra}
                for m in self.mismatches
            ],
        }


def comparable(value: str, name: str, ftype: str) -> str:
    """The form two values are compared in: equal here means the same value."""
    v = " ".join(value.split())
    if ftype in ("integer", "decimal"):
        try:
            return str(Decimal(v.replace(",", "")).normalize())
        except InvalidOperation:
            return v
    if ftype == "code":
        return v.casefold()
    if ftype == "text":
        v = v.casefold().rstrip(".,").strip()
        if name == "principal_office_address":
            v = " ".join(re.sub(r"[^\w\s]", " ", v).split())
        return v
    return v


def score_file(gold: dict[str, list[str]], predicted: dict[str, list[str]], schema: Schema
               ) -> dict[str, tuple[Score, list[str], list[str]]]:
    """Per field: the score, the gold values missed, and the extracted values not in the gold."""
    out = {}
    for name in sorted(set(gold) | set(predicted)):  # a stable report, whatever the hash seed
        fd = schema.get(name)
        if fd is None or not fd.core:
            continue
        g = {comparable(v, name, fd.type): v for v in gold.get(name, [])}
        p = {comparable(v, name, fd.type): v for v in predicted.get(name, [])}
        s = Score(tp=len(g.keys() & p.keys()), fp=len(p.keys() - g.keys()),
                  fn=len(g.keys() - p.keys()))
        out[name] = (s, [g[k] for k in g.keys() - p.keys()], [p[k] for k in p.keys() - g.keys()])
    return out


def read_gold(path: Path) -> list[dict]:
    records = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            try:
                records.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise ValueError(f"{path}:{n}: not JSON: {exc.msg}") from None
    return records


def evaluate(
    records: Iterable[dict],
    root: Path,
    schema: Schema,
    predict: Callable[[Path], dict[str, list[str]]],
) -> Evaluation:
    """Score `predict` (file -> {field: [values]}) on gold records."""
    ev = Evaluation()
    for rec in records:
        path = root / rec["file"]
        try:
            predicted = predict(path)
        except Exception as exc:  # noqa: BLE001 - one unreadable file is a result, not a crash
            ev.failures.append((rec["file"], str(exc)))
            predicted = {}
        ev.files += 1
        ev.corrections[rec["file"]] = 0
        for name, (s, missing, extra) in score_file(rec["fields"], predicted, schema).items():
            ev.fields.setdefault(name, Score()).add(s)
            if missing or extra:
                ev.mismatches.append(Mismatch(rec["file"], name, sorted(missing), sorted(extra)))
                ev.corrections[rec["file"]] += s.corrections
    return ev


@dataclass(slots=True)
class Bucket:
    low: float
    high: float
    values: int = 0
    correct: int = 0

    @property
    def accuracy(self) -> float:
        return self.correct / self.values if self.values else 0.0


def calibration(
    records: Iterable[dict],
    root: Path,
    schema: Schema,
    candidates: Callable[[Path], list[tuple[str, str, float]]],
    edges: tuple[float, ...] = (0.0, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0001),
) -> list[Bucket]:
    """How often a value extracted at each confidence is right: (name, value, confidence) per file."""
    buckets = [Bucket(lo, hi) for lo, hi in zip(edges, edges[1:], strict=False)]
    for rec in records:
        try:
            found = candidates(root / rec["file"])
        except Exception:  # noqa: BLE001 - a file that cannot be read has no values to judge
            continue
        for name, value, conf in found:
            fd = schema.get(name)
            if fd is None or not fd.core:
                continue
            gold = {comparable(v, name, fd.type) for v in rec["fields"].get(name, [])}
            bucket = next(b for b in buckets if b.low <= conf < b.high)
            bucket.values += 1
            bucket.correct += comparable(value, name, fd.type) in gold
    return buckets


def wrong_below(buckets: list[Bucket], threshold: float) -> tuple[int, int]:
    """Of the wrong values, how many were shown under `threshold` (for attention), and all."""
    wrong = sum(b.values - b.correct for b in buckets)
    return sum(b.values - b.correct for b in buckets if b.high <= threshold), wrong


Found = Callable[[Path], list[tuple[str, str, float]]]  # file -> (field, value, confidence)


def extractor_candidates(schema: Schema) -> Found:
    """The extractor's values for a file, read and extracted once however often they are asked for."""
    from .extract import extract
    from .ingest import ingest_bytes

    seen: dict[Path, list[tuple[str, str, float]]] = {}

    def found(path: Path) -> list[tuple[str, str, float]]:
        if path not in seen:
            seen[path] = [(c.name, c.value, c.confidence)
                          for c in extract(ingest_bytes(path.read_bytes()), schema)]
        return seen[path]

    return found


def predictions(found: Found) -> Callable[[Path], dict[str, list[str]]]:
    """The values as `evaluate` takes them: {field: [values]} per file."""

    def predict(path: Path) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for name, value, _ in found(path):
            out.setdefault(name, []).append(value)
        return out

    return predict


def extractor_predictions(schema: Schema) -> Callable[[Path], dict[str, list[str]]]:
    """The extractor as `evaluate` sees it: a file's path in, {field: [values]} out."""
    return predictions(extractor_candidates(schema))
