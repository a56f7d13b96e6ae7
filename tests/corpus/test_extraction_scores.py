"""The extraction ratchet and the issue targets on the labelled filings of the corpus."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reviewer.core.evaluate import evaluate, extractor_predictions, read_gold
from reviewer.core.schema import load_schema

pytestmark = pytest.mark.corpus

FLOORS = json.loads((Path(__file__).parent / "extraction_floors.json").read_text())
# The project's own labels of corpus files (tests/gold): runs of one filer's filings, and check
# sets labelled without looking at the extractor's output. Measured blind, before -> after the
# session that wrote extractor 0.4/0.5: dev4 0.835 -> 0.845 (then read for families: 0.946),
# dev5 0.889 -> 0.915 (then read for families at 0.7: 0.997); dev6 0.907 at 0.6 -> 0.935 at 0.7
# (no rule written from it) -> 0.948 at 0.8 (corpus-wide hunts read five of its files); dev7
# 0.980 at 0.8 (precision 1.0; labelled in session 6, none of its misses read). dev6 0.965 at
# 0.8.2 after the replay of company runs read a sixth of its files (TASER 2013-04-15). dev8
# 0.856 at 0.8.6 (precision 1.0; labelled in session 7 to extend filer runs for the memory
# replay: certifications, an EX-21, 10-Q/10-K primary documents; no rule written from it).
LOCAL = Path(__file__).parents[1] / "gold"


def _run(corpus: Path, name: str):
    schema = load_schema()
    gold = corpus / "gold" / name if (corpus / "gold" / name).exists() else LOCAL / name
    return evaluate(read_gold(gold), corpus, schema, extractor_predictions(schema))


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_extraction_never_falls_below_its_recorded_floor(corpus: Path, name: str) -> None:
    """A ratchet: raise the floors in extraction_floors.json as extraction improves; never lower them."""
    ev = _run(corpus, name)
    assert not ev.failures
    floor = FLOORS[name]
    assert ev.micro.f1 >= floor["micro_f1"] - 5e-5  # floors are rounded to 4 places
    below = {f: (round(s.f1, 4), floor["fields"][f]) for f, s in ev.fields.items()
             if f in floor["fields"] and s.f1 < floor["fields"][f] - 5e-5}
    assert below == {}


def test_issue_targets_on_the_labelled_files(corpus: Path) -> None:
    assert _run(corpus, "seeds.jsonl").micro.f1 == 1.0
    # Issue 13's targets; dev2 checks that rules generalise
    for name, lowest in (("dev.jsonl", 0.9), ("dev2.jsonl", 0.9)):
        ev = _run(corpus, name)
        assert ev.micro.f1 >= 0.97 and ev.micro.precision >= 0.97, name
        weak = {f: round(s.f1, 3) for f, s in ev.fields.items()
                if s.support >= 5 and s.f1 < lowest}
        assert weak == {}, name
    # what the analyst does: on dev2 at least half the filings need no correction, and fewer
    # than one correction per filing on average
    ev = _run(corpus, "dev2.jsonl")
    assert ev.without_corrections >= 0.5 and ev.corrections_per_filing < 1.0
