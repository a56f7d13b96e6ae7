"""Removing a filing unlearns what it taught (issue 15): the memory values it gave, the link of
its registrant's name to its CIK, the anchors learned from it alone; an anchor other filings
teach or accepted stays, its counts without the removed filing's. Restoring brings it all back."""

from __future__ import annotations

from acme import add_acme

from reviewer.core.extract.candidate import Candidate
from reviewer.store import Repository

TEXT = "FORM 8-K\nACME CORP\nCIK 0000000042\n\nInvestor Contact:\nMary Major\n(617) 555-0199\n"
START = TEXT.index("Mary Major")
KEYS = ["cik:42", "name:acme"]


def add(repo: Repository, sha: str, *extra: Candidate) -> int:
    return add_acme(repo, sha, TEXT, *extra)


def teach(repo: Repository, sha: str) -> int:
    """A filing where the analyst fills the contact from the text: it teaches the label."""
    doc = add(repo, sha)
    repo.add_value(doc, "contact_name", "Mary Major", (START, START + 10), "ann")
    return doc


def proposal(repo: Repository, sha: str, anchor_id: int) -> int:
    """A filing whose import proposed the contact at the learned anchor; returns the value."""
    doc = add(repo, sha, Candidate("contact_name", "Mary Major", START, START + 10, 0.6,
                                   f"learned.{anchor_id}"))
    return next(fv.id for fv in repo.field_values(doc) if fv.field == "contact_name")


def counts(repo: Repository) -> list[tuple[int, int, int]]:
    return [(a.proposed, a.accepted, a.rejected) for a in repo.learned_anchors()]


def test_an_anchor_taught_by_one_filing_goes_and_comes_back_with_it(repo: Repository) -> None:
    taught = teach(repo, "a")
    [anchor] = repo.learned_anchors()
    assert repo.remove_document(taught, "ann")
    assert repo.learned_anchors() == [] and repo.anchors_for(KEYS) == []
    other = teach(repo, "b")  # another filing still teaches it: it is the same anchor again
    assert [a.id for a in repo.learned_anchors()] == [anchor.id]
    assert repo.remove_document(other, "ann")
    assert repo.learned_anchors() == []
    assert repo.restore_document(taught, "ann")
    assert repo.learned_anchors() == [anchor] and repo.anchors_for(KEYS) == [anchor]


def test_an_anchor_confirmed_elsewhere_stays_with_its_counts_reduced(repo: Repository) -> None:
    taught = teach(repo, "a")
    [anchor] = repo.learned_anchors()
    accepted = proposal(repo, "b", anchor.id)
    repo.confirm(accepted, "ann")
    rejected = proposal(repo, "c", anchor.id)
    repo.reject(rejected, "ann")
    assert counts(repo) == [(2, 1, 1)]
    by_value = {accepted: repo.field_value(accepted).document_id,
                rejected: repo.field_value(rejected).document_id}

    repo.remove_document(by_value[rejected], "ann")
    assert counts(repo) == [(1, 1, 0)]
    repo.remove_document(taught, "ann")  # its teacher gone, but accepted in a filing in review
    assert counts(repo) == [(1, 1, 0)] and repo.anchors_for(KEYS)[0].id == anchor.id
    repo.remove_document(by_value[accepted], "ann")
    assert repo.learned_anchors() == [] and repo.anchors_for(KEYS) == []

    repo.restore_document(taught, "ann")
    assert counts(repo) == [(0, 0, 0)]
    for doc in by_value.values():
        repo.restore_document(doc, "ann")
    assert counts(repo) == [(2, 1, 1)]


def test_the_name_linked_to_a_removed_filings_cik_is_unlinked(repo: Repository) -> None:
    doc = add(repo, "a")
    repo.mark_reviewed(doc, "ann")
    assert repo.company_keys({"company_name": ["Acme Corp"]}) == ["name:acme", "cik:42"]
    repo.remove_document(doc, "ann")
    assert repo.company_keys({"company_name": ["Acme Corp"]}) == ["name:acme"]
    assert not repo.memory_for(["name:acme", "cik:42"])
    repo.restore_document(doc, "ann")
    assert repo.company_keys({"company_name": ["Acme Corp"]}) == ["name:acme", "cik:42"]
    assert repo.memory_for("cik:42").latest("company_name").document_id == doc


def test_rebuilding_the_memory_leaves_removed_filings_out(repo: Repository) -> None:
    kept, removed = add(repo, "a"), add(repo, "b")
    repo.mark_reviewed(kept, "ann")
    repo.mark_reviewed(removed, "ann")
    repo.remove_document(removed, "ann")
    assert repo.rebuild_memory() == 1
    assert repo.memory_for("cik:42").latest("cik").confirmations == 1
