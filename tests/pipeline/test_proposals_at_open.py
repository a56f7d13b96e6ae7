"""Proposals when a filing is opened (issue 15): a filing imported before its filer's first
approval gets the filer's remembered values and learned labels at its next open, once; never
over a value a person decided; and an open with nothing new costs one indexed query."""

from __future__ import annotations

from pathlib import Path

from filings import COVER_8K, write

from reviewer.core.review import ReviewSession
from reviewer.core.schema import load_schema
from reviewer.core.values import State
from reviewer.pipeline.importer import import_paths
from reviewer.pipeline.memory import propose_on_open
from reviewer.store import Repository

SCHEMA = load_schema()


def imported(repo: Repository, *paths: Path) -> list[int]:
    report = import_paths(repo, list(paths), "ann", workers=0)
    assert not report.failures and len(report.imported) == len(paths)
    return report.imported


def opened(repo: Repository, doc_id: int) -> list[int]:
    """What the window does when the filing is opened."""
    return propose_on_open(repo, doc_id, repo.field_values(doc_id), repo.load_document(doc_id),
                           "ann")


def contacts(repo: Repository, doc_id: int) -> list[tuple[str | None, str, str | None, State]]:
    text = repo.document_text(doc_id) or ""
    return [(fv.value, text[fv.span_start or 0:fv.span_end or 0], fv.rule, fv.state)
            for fv in repo.field_values(doc_id) if fv.field == "contact_name"]


def two_filings_first_approved(repo: Repository, tmp_path: Path) -> tuple[int, int]:
    """Both imported first; then the analyst types the contact the extractor missed in the
    first, and approves it."""
    first, second = imported(repo, write(tmp_path, 1, "20050115", "100 Main Street", "62701"),
                             write(tmp_path, 2, "20050301", "100 Main Street", "62701"))
    assert contacts(repo, first) == contacts(repo, second) == []
    session = ReviewSession(repo, SCHEMA, "ann")
    session.set_value(first, "contact_name", None, "Jane Roe")
    session.mark_reviewed(first)
    return first, second


def test_an_opened_filing_gets_what_its_filer_taught_since_its_import(repo: Repository,
                                                                       tmp_path: Path) -> None:
    _, second = two_filings_first_approved(repo, tmp_path)
    assert contacts(repo, second) == []  # import came before the approval
    added = opened(repo, second)
    assert contacts(repo, second) == [("Jane Roe", "Jane Roe", "memory.contact_name",
                                       State.EXTRACTED)]
    assert [fv.id for fv in repo.field_values(second) if fv.field == "contact_name"] == added
    assert [h["action"] for h in repo.history(second)][-1] == "propose"
    assert opened(repo, second) == []  # up to date: nothing again, and no second copy
    assert len(contacts(repo, second)) == 1


def test_an_open_with_nothing_new_asks_one_query(repo: Repository, tmp_path: Path) -> None:
    _, second = two_filings_first_approved(repo, tmp_path)
    opened(repo, second)
    values, document = repo.field_values(second), repo.load_document(second)
    statements: list[str] = []
    repo.conn.set_trace_callback(statements.append)
    try:
        assert propose_on_open(repo, second, values, document, "ann") == []
    finally:
        repo.conn.set_trace_callback(None)
    assert len(statements) == 1 and "proposal_stamps" in statements[0]


def test_a_filing_imported_after_the_approval_is_up_to_date(repo: Repository,
                                                            tmp_path: Path) -> None:
    two_filings_first_approved(repo, tmp_path)
    [third] = imported(repo, write(tmp_path, 3, "20050401", "100 Main Street", "62701"))
    assert [c[2] for c in contacts(repo, third)] == ["memory.contact_name"]  # at import
    assert repo.proposals_due(third, ["cik:1234567", "name:acme widgets"]) is None
    assert opened(repo, third) == []


def test_an_open_never_proposes_over_a_persons_decision(repo: Repository, tmp_path: Path) -> None:
    first, second = imported(repo, write(tmp_path, 1, "20050115", "100 Main Street", "62701"),
                             write(tmp_path, 2, "20050301", "100 Main Street", "62701"))
    session = ReviewSession(repo, SCHEMA, "ann")
    session.set_value(second, "contact_name", None, "Someone Else")  # decided before the open
    session.set_value(first, "contact_name", None, "Jane Roe")
    session.mark_reviewed(first)
    assert opened(repo, second) == []
    assert contacts(repo, second) == [("Someone Else", "", None, State.ADDED)]


def test_a_rejected_proposal_is_not_proposed_again(repo: Repository, tmp_path: Path) -> None:
    first, second = two_filings_first_approved(repo, tmp_path)
    [fv_id] = opened(repo, second)
    ReviewSession(repo, SCHEMA, "ann").reject(fv_id)
    repo.set_status(first, "to_review", "ann")
    ReviewSession(repo, SCHEMA, "ann").mark_reviewed(first)  # the filer's memory moves on
    assert repo.proposals_due(second, ["cik:1234567"]) is not None
    assert opened(repo, second) == []
    assert [c[3] for c in contacts(repo, second)] == [State.REJECTED]


def test_a_learned_label_proposes_at_open(repo: Repository, tmp_path: Path) -> None:
    paths = []
    for name, contact, date in (("a.txt", "Jane Roe", "March 3, 2021"),
                                ("b.txt", "John Smith", "June 9, 2021")):
        paths.append(tmp_path / name)
        paths[-1].write_text(COVER_8K.format(contact=contact, date=date), encoding="utf-8")
    first, second = imported(repo, *paths)
    text = repo.document_text(first) or ""
    start = text.index("Jane Roe")
    session = ReviewSession(repo, SCHEMA, "ann")
    session.set_value(first, "contact_name", None, "Jane Roe", (start, start + 8))  # Ctrl+E
    session.mark_reviewed(first)
    [anchor] = repo.learned_anchors()
    assert contacts(repo, second) == []
    opened(repo, second)
    assert contacts(repo, second) == [("John Smith", "John Smith", f"learned.{anchor.id}",
                                       State.EXTRACTED)]
    assert repo.learned_anchors()[0].proposed == 1

