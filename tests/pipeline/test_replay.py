"""Replaying review: a filer's second filing gets what the analyst decided in its first."""

from __future__ import annotations

import json
from pathlib import Path

from filings import COVER_8K

from reviewer.cli import main
from reviewer.core.ingest import ingest_bytes
from reviewer.core.schema import load_schema
from reviewer.pipeline.replay import by_filer, replay

FILING = COVER_8K.replace("{contact}", "Jane Roe")


def gold(tmp_path: Path) -> list[dict]:
    """Two filings of one filer; the extractor misses the contact (a bare name) in both."""
    records = []
    for name, date, iso in (("b.txt", "June 9, 2021", "2021-06-09"),
                            ("a.txt", "March 3, 2021", "2021-03-03")):
        (tmp_path / name).write_text(FILING.format(date=date), encoding="utf-8")
        records.append({"file": name, "fields": {
            "form_type": ["8-K"], "company_name": ["ACME WIDGETS, INC."],
            "period_of_report": [iso], "item": ["8.01"], "event_type": ["other"],
            "principal_office_address": ["100 Main Street, Springfield, Illinois 62701"],
            "contact_name": ["Jane Roe"]}})
    return records


def test_the_second_filing_gets_the_first_ones_contact_with_its_span(tmp_path: Path) -> None:
    records = gold(tmp_path)
    assert [r["file"] for _, recs in by_filer(records) for r in recs] == ["a.txt", "b.txt"]
    result = replay(records, tmp_path, load_schema())
    first, later = result.filings
    assert (first.file, first.first, later.file, later.first) == ("a.txt", True, "b.txt", False)
    assert first.without_memory.missing == first.with_memory.missing == 1
    assert later.without_memory.total == 1 and later.with_memory.total == 0
    [proposal] = later.memory_proposed
    text = ingest_bytes((tmp_path / "b.txt").read_bytes()).text
    assert (proposal.field, proposal.value, proposal.right) == ("contact_name", "Jane Roe", True)
    assert proposal.start is not None
    assert text[proposal.start:proposal.end] == "Jane Roe"
    assert result.memory_precision == 1.0


def test_reviewer_evaluate_replay_json(tmp_path: Path, capsys) -> None:
    records = gold(tmp_path)
    path = tmp_path / "gold.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    assert main(["evaluate", str(path), "--root", str(tmp_path), "--replay", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["without_memory"] == {"first": 1.0, "later": 1.0}
    assert out["with_memory"] == {"first": 1.0, "later": 0.0}
    assert out["memory_precision"] == 1.0
