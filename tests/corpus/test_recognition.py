"""Every real filing of the corpus (and the seeds) is recognised as an SEC filing, so none is
flagged "not recognised" on import."""

from __future__ import annotations

from pathlib import Path

import pytest

from reviewer.core.recognise import recognise
from reviewer.pipeline.pool import Processed, ReaderPool

pytestmark = pytest.mark.corpus


def test_every_corpus_file_is_recognised_as_a_filing(corpus: Path) -> None:
    files = sorted(p for d in ("raw", "seeds") for p in (corpus / d).rglob("*") if p.is_file())
    read = ReaderPool[Path](2).read((p, p.read_bytes()) for p in files)
    outcomes = {path: outcome for path, outcome in read}
    processed = {p: o for p, o in outcomes.items() if isinstance(o, Processed)}
    assert len(processed) >= len(files) - 1  # the one truncated PDF cannot be read
    missed = [str(p.relative_to(corpus)) for p, o in processed.items()
              if not recognise(o.document, o.candidates).recognised]
    assert missed == []
