"""Memory of what analysts turned down (issue 15, learning from corrections): an extracted value
of a repeating field rejected (or corrected into another) in an approved filing is not proposed
again for that filer: withheld at import, or at the next open of a filing imported before;
stored rejected, so it shows struck out with why, and a person can restore it."""

from __future__ import annotations

from pathlib import Path

from filings import write

from reviewer.core.review import ReviewSession
from reviewer.core.schema import load_schema
from reviewer.core.values import State
from reviewer.pipeline.importer import import_paths
from reviewer.pipeline.memory import propose_on_open
from reviewer.store import MEMORY_WHO, Repository

SCHEMA = load_schema()
ADDRESS = "principal_office_address"


def imported(repo: Repository, *paths: Path) -> list[int]:
    report = import_paths(repo, list(paths), "ann", workers=0)
    assert not report.failures and len(report.imported) == len(paths)
    return report.imported


def addresses(repo: Repository, doc_id: int) -> list[tuple[str | None, State, str]]:
    return [(fv.value, fv.state, fv.updated_by) for fv in repo.field_values(doc_id)
            if fv.field == ADDRESS]


def test_a_rejected_value_is_withheld_from_the_filers_next_filing(repo: Repository,
                                                                  tmp_path: Path) -> None:
    [first] = imported(repo, write(tmp_path, 1, "20050115", "100 Main Street", "62701"))
    session = ReviewSession(repo, SCHEMA, "ann")
    [fv] = [fv for fv in repo.field_values(first) if fv.field == ADDRESS]
    session.reject(fv.id)
    session.mark_reviewed(first)
    [second] = imported(repo, write(tmp_path, 2, "20050301", "100 Main Street", "62701"))
    assert addresses(repo, second) == [
        ("100 Main Street, Springfield, IL 62701", State.REJECTED, MEMORY_WHO)]
    assert [h["action"] for h in repo.history(second)][-1] == "withhold"
    # another address is news, not the value turned down
    [third] = imported(repo, write(tmp_path, 3, "20050401", "9 Elm Road", "62702"))
    assert addresses(repo, third) == [("9 Elm Road, Springfield, IL 62702", State.EXTRACTED, "ann")]


def test_a_value_corrected_away_is_withheld_at_the_next_open(repo: Repository,
                                                             tmp_path: Path) -> None:
    first, second = imported(repo, write(tmp_path, 1, "20050115", "100 Main Street", "62701"),
                             write(tmp_path, 2, "20050301", "100 Main Street", "62701"))
    session = ReviewSession(repo, SCHEMA, "ann")
    [fv] = [fv for fv in repo.field_values(first) if fv.field == ADDRESS]
    session.set_value(first, ADDRESS, fv.id, "100 Main Street, Springfield, Illinois")
    session.mark_reviewed(first)
    assert addresses(repo, second)[0][1] is State.EXTRACTED  # imported before the approval
    held = propose_on_open(repo, second, repo.field_values(second), repo.load_document(second),
                           "ann")
    assert addresses(repo, second) == [
        ("100 Main Street, Springfield, IL 62701", State.REJECTED, MEMORY_WHO)]
    assert held == [fv.id for fv in repo.field_values(second) if fv.field == ADDRESS]
    # approved again by a person, the value is no longer turned down for the filer
    session.confirm(held[0])
    session.mark_reviewed(second)
    [third] = imported(repo, write(tmp_path, 3, "20050401", "100 Main Street", "62701"))
    assert addresses(repo, third)[0][1] is State.EXTRACTED
