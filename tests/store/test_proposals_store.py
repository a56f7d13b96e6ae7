"""Proposal stamps in the store: what moves a filer's stamp on, when a filing's proposals are due,
and proposals written at open never over a person's decision."""

from __future__ import annotations

from pathlib import Path

import sqlite_utils
from acme import add_acme

from reviewer.core.extract.candidate import Candidate
from reviewer.core.values import State
from reviewer.store import Repository, open_store
from reviewer.store.db import connect
from reviewer.store.migrations import migrate

TEXT = "FORM 8-K\nACME CORP\nCIK 0000000042\nInvestor Contact:\nMary Major\nJane Roe, CFO\n"


def add(repo: Repository, sha: str, *extra: Candidate, stamp: int = 0) -> int:
    return add_acme(repo, sha, TEXT, *extra, stamp=stamp)


KEYS = ["cik:42", "name:acme"]
MARY = Candidate("contact_name", "Mary Major", TEXT.index("Mary"), TEXT.index("Mary") + 10, 0.75,
                 "memory.contact_name")


def test_an_approval_moves_its_filers_stamps_on(repo: Repository) -> None:
    first, second = add(repo, "a"), add(repo, "b")
    assert repo.proposal_stamp() == 0 and repo.proposals_due(second, KEYS) is None
    repo.mark_reviewed(first, "ann")
    stamp = repo.proposal_stamp()
    assert stamp > 0
    assert repo.proposals_due(second, ["cik:42"]) == stamp
    assert repo.proposals_due(second, ["name:acme"]) == stamp  # a name-only filing of it too
    assert repo.proposals_due(second, ["cik:7"]) is None  # another filer's filing
    third = add(repo, "c", stamp=repo.proposal_stamp())  # imported after: up to date
    assert repo.proposals_due(third, KEYS) is None


def test_a_learned_anchor_and_switching_one_on_move_the_stamp(repo: Repository) -> None:
    first, second = add(repo, "a"), add(repo, "b")
    repo.add_value(first, "contact_name", "Mary Major", (MARY.start, MARY.end), "ann")
    [anchor] = repo.learned_anchors()
    assert repo.proposals_due(second, KEYS) is not None
    repo.add_proposals(second, [], repo.proposal_stamp(), "ann")  # opened: up to date
    assert repo.proposals_due(second, KEYS) is None
    repo.set_anchor_enabled(anchor.id, False)
    assert repo.proposals_due(second, KEYS) is None
    repo.set_anchor_enabled(anchor.id, True)
    assert repo.proposals_due(second, KEYS) is not None


def test_proposals_are_stored_with_their_history_but_never_over_a_decision(
        repo: Repository) -> None:
    doc = add(repo, "a")
    signer = Candidate("signer_name", "Jane Roe", TEXT.index("Jane"), TEXT.index("Jane") + 8,
                       0.75, "memory.signer_name")
    repo.add_value(doc, "signer_name", "J. Roe", None, "ann")  # decided while the window opened
    added = repo.add_proposals(doc, [MARY, signer, MARY], 5, "ann")
    values = {fv.field: fv for fv in repo.field_values(doc)}
    assert [fv.id for fv in repo.field_values(doc) if fv.field == "contact_name"] == added
    mary = values["contact_name"]
    assert (mary.value, mary.state, mary.rule, mary.span_start) == (
        "Mary Major", State.EXTRACTED, "memory.contact_name", MARY.start)
    assert values["signer_name"].value == "J. Roe"
    assert repo.history(doc)[-1]["action"] == "propose"
    assert repo.db["documents"].get(doc)["proposed_stamp"] == 5


def test_a_person_changing_whose_filing_it_is_makes_the_next_open_look(repo: Repository) -> None:
    first = add(repo, "a")
    repo.mark_reviewed(first, "ann")
    second = add(repo, "b", stamp=repo.proposal_stamp())
    assert repo.proposals_due(second, KEYS) is None
    cik = next(fv for fv in repo.field_values(second) if fv.field == "cik")
    repo.set_value(cik.id, "43", None, "ann")
    assert repo.proposals_due(second, ["cik:43", "name:acme"]) is not None


def test_a_store_of_the_previous_schema_gains_links_and_stamps(tmp_path: Path) -> None:
    """Migration 8: the approved filings' names linked to their CIKs, and a first stamp for
    every filer with memory, so filings imported before their filer's first approval get its
    proposals at their next open."""
    path = tmp_path / "old.db"
    conn = connect(path)
    migrate(sqlite_utils.Database(conn), path, upto=7)
    for doc_id, sha, status in ((1, "a", "reviewed"), (2, "b", "to_review")):
        conn.execute("INSERT INTO documents (id, sha256, source_path, file_name, format, size,"
                     " imported_at, extractor_version, status) VALUES (?,?,'x','x','text',1,"
                     " 'now','0.1.0',?)", (doc_id, sha, status))
        for field, value in (("cik", "0000000042"), ("company_name", "Acme Corp")):
            conn.execute("INSERT INTO field_values (document_id, field, value, state, updated_at,"
                         " updated_by) VALUES (?,?,?,'confirmed','now','ann')",
                         (doc_id, field, value))
    conn.execute("INSERT INTO memory (filer_key, field, value, document_id, updated_at)"
                 " VALUES ('cik:42', 'company_name', 'Acme Corp', 1, 'now')")
    conn.commit()
    conn.close()
    repo = Repository(open_store(path))
    try:
        assert repo.company_keys({"company_name": ["ACME CORP."]}) == ["name:acme", "cik:42"]
        assert repo.proposals_due(2, ["name:acme"]) == 1
        assert repo.proposals_due(2, ["cik:42"]) == 1
        assert repo.proposals_due(2, ["cik:7"]) is None
        assert repo.learned_anchors() == []
    finally:
        repo.db.conn.close()
