"""Golden extraction: what the extractor says of the sample filings (in full) and of every corpus
file (a digest each), recorded with the EXTRACTOR_VERSION that said it.

`python tests/helpers/golden.py` (make golden) rewrites both files after a deliberate change.
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "resources" / "samples"
CORPUS = ROOT.parent / "shared" / "corpus"
GOLDEN = ROOT / "tests" / "golden"

Row = tuple[str, str, int, int, float, str]  # name, value, start, end, confidence, rule


def digest(text: str, rows: Iterable[Row]) -> str:
    """One line that changes when the text or any extracted value, span, confidence or rule does."""
    h = hashlib.sha256(text.encode("utf-8", "surrogatepass"))
    for row in rows:
        h.update(json.dumps(list(row)).encode())
    return h.hexdigest()


def sample_extraction() -> dict[str, list[dict]]:
    from reviewer.core.extract import extract
    from reviewer.core.ingest import ingest_bytes
    from reviewer.core.schema import load_schema

    schema = load_schema()
    return {p.name: [c.to_json() for c in extract(ingest_bytes(p.read_bytes()), schema)]
            for p in sorted(SAMPLES.iterdir()) if p.is_file()}


def corpus_files() -> list[Path]:
    return sorted(p for d in ("raw", "seeds") for p in (CORPUS / d).rglob("*") if p.is_file())


def corpus_digests() -> dict[str, str]:
    """sha256 of each corpus file's bytes -> digest of its extraction (unreadable files left out)."""
    from reviewer.pipeline.pool import Processed, safe_process

    out = {}
    for path in corpus_files():
        data = path.read_bytes()
        result = safe_process(data)
        if isinstance(result, Processed):
            rows = [(c.name, c.value, c.start, c.end, c.confidence, c.rule) for c in result.candidates]
            out[hashlib.sha256(data).hexdigest()] = digest(result.document.text, rows)
    return out


def write() -> None:
    from reviewer.core.extract import EXTRACTOR_VERSION

    GOLDEN.mkdir(exist_ok=True)
    samples = {"extractor_version": EXTRACTOR_VERSION, "files": sample_extraction()}
    (GOLDEN / "samples.json").write_text(json.dumps(samples, indent=1, ensure_ascii=False) + "\n",
                                          encoding="utf-8")
    corpus = {"extractor_version": EXTRACTOR_VERSION, "digests": corpus_digests()}
    (GOLDEN / "corpus.json").write_text(json.dumps(corpus, indent=1, sort_keys=True) + "\n")
    print(f"golden files written for extractor {EXTRACTOR_VERSION}: "
          f"{len(samples['files'])} samples, {len(corpus['digests'])} corpus files", file=sys.stderr)


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    write()
