"""A standalone exhibit that gives no registrant of its own (an auditor's consent) is recognised
by the known filer it names, and gets that filer's memory (issue 15)."""

from __future__ import annotations

from pathlib import Path

from filings import write

from reviewer.core.review import ReviewSession
from reviewer.core.schema import load_schema
from reviewer.pipeline.importer import import_paths
from reviewer.pipeline.memory import propose_on_open
from reviewer.store import Repository

SCHEMA = load_schema()
CONSENT = """CONSENT OF INDEPENDENT REGISTERED PUBLIC ACCOUNTING FIRM

We consent to the incorporation by reference in the Registration Statement on Form S-8 of our
report dated March 2, 2005, relating to the financial statements of ACME WIDGETS INC, appearing
in the Annual Report on Form 10-K for the year ended December 31, 2004.

/s/ Smith & Jones LLP
Springfield, Illinois
May 2, 2005
"""


def test_an_exhibit_naming_a_known_filer_gets_its_registrant(repo: Repository,
                                                             tmp_path: Path) -> None:
    exhibit = tmp_path / "ex23.txt"
    exhibit.write_text(CONSENT)
    report = import_paths(repo, [exhibit], "ann", workers=0)
    [before] = report.imported
    assert "company_name" not in {fv.field for fv in repo.field_values(before)}
    [first] = import_paths(repo, [write(tmp_path, 1, "20050115", "100 Main Street", "62701")],
                           "ann", workers=0).imported
    ReviewSession(repo, SCHEMA, "ann").mark_reviewed(first)
    exhibit.write_text(CONSENT.replace("May 2", "August 2"))
    [after] = import_paths(repo, [exhibit], "ann", workers=0).imported
    text = repo.document_text(after) or ""
    names = [(fv.value, text[fv.span_start or 0:fv.span_end or 0], fv.rule)
             for fv in repo.field_values(after) if fv.field == "company_name"]
    assert names == [("ACME WIDGETS INC", "ACME WIDGETS INC", "memory.company_name")]


def test_an_exhibit_imported_before_gets_its_registrant_at_open_then_one_query(
        repo: Repository, tmp_path: Path) -> None:
    exhibit = tmp_path / "ex23.txt"
    exhibit.write_text(CONSENT)
    [doc] = import_paths(repo, [exhibit], "ann", workers=0).imported
    values, document = repo.field_values(doc), repo.load_document(doc)
    assert propose_on_open(repo, doc, values, document, "ann") == []  # no filer known yet
    [first] = import_paths(repo, [write(tmp_path, 1, "20050115", "100 Main Street", "62701")],
                           "ann", workers=0).imported
    ReviewSession(repo, SCHEMA, "ann").mark_reviewed(first)
    added = propose_on_open(repo, doc, repo.field_values(doc), document, "ann")
    assert [(fv.field, fv.value, fv.rule) for fv in repo.field_values(doc) if fv.id in added] == [
        ("company_name", "ACME WIDGETS INC", "memory.company_name")]
    values = repo.field_values(doc)
    statements: list[str] = []
    repo.conn.set_trace_callback(statements.append)
    try:
        assert propose_on_open(repo, doc, values, document, "ann") == []
    finally:
        repo.conn.set_trace_callback(None)
    assert len(statements) == 1 and "proposal_stamps" in statements[0]
