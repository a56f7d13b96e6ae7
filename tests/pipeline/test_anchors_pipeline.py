"""Learned anchors at import and re-extraction: a filer's next filing gets a value at the label
an analyst's correction taught; switched off, or rejected too often, it proposes nothing; a
person's value is never changed."""

from __future__ import annotations

from pathlib import Path

from filings import COVER_8K

from reviewer.core.review import ReviewSession
from reviewer.core.schema import load_schema
from reviewer.core.values import State
from reviewer.pipeline.importer import import_paths
from reviewer.pipeline.reextract import reextract_all
from reviewer.store import Repository

FILING = COVER_8K
SCHEMA = load_schema()


def filing(tmp_path: Path, name: str, contact: str, date: str) -> Path:
    path = tmp_path / name
    path.write_text(FILING.format(contact=contact, date=date), encoding="utf-8")
    return path


def imported(repo: Repository, path: Path) -> int:
    report = import_paths(repo, [path], "ann", workers=0)
    assert not report.failures and report.imported
    return report.imported[0]


def contacts(repo: Repository, doc_id: int) -> list[tuple[str | None, str, str | None, State]]:
    """(value, its evidence, rule, state) of a filing's contact names."""
    text = repo.document_text(doc_id) or ""
    return [(fv.value, text[fv.span_start or 0:fv.span_end or 0], fv.rule, fv.state)
            for fv in repo.field_values(doc_id) if fv.field == "contact_name"]


def learn_on_first(repo: Repository, tmp_path: Path) -> int:
    """The analyst fills the first filing's contact from the text (Ctrl+E) and approves it."""
    first = imported(repo, filing(tmp_path, "a.txt", "Jane Roe", "March 3, 2021"))
    assert contacts(repo, first) == []  # the extractor misses it
    text = repo.document_text(first) or ""
    start = text.index("Jane Roe")
    session = ReviewSession(repo, SCHEMA, "ann")
    session.set_value(first, "contact_name", None, "Jane Roe", (start, start + 8))
    session.mark_reviewed(first)
    [anchor] = repo.learned_anchors()
    assert (anchor.field, anchor.label, anchor.filer) == ("contact_name", "press office",
                                                          "name:acme widgets")
    return anchor.id


def test_the_next_filing_gets_a_contact_at_the_learned_anchor(repo: Repository,
                                                              tmp_path: Path) -> None:
    anchor_id = learn_on_first(repo, tmp_path)
    second = imported(repo, filing(tmp_path, "b.txt", "John Smith", "June 9, 2021"))
    assert contacts(repo, second) == [("John Smith", "John Smith", f"learned.{anchor_id}",
                                       State.EXTRACTED)]
    assert repo.learned_anchors()[0].proposed == 1
    ReviewSession(repo, SCHEMA, "ann").mark_reviewed(second)
    assert repo.learned_anchors()[0].accepted == 1


def test_a_switched_off_anchor_proposes_nothing(repo: Repository, tmp_path: Path) -> None:
    anchor_id = learn_on_first(repo, tmp_path)
    assert repo.set_anchor_enabled(anchor_id, False)
    second = imported(repo, filing(tmp_path, "b.txt", "John Smith", "June 9, 2021"))
    assert contacts(repo, second) == []


def test_an_anchor_rejected_more_than_accepted_stops_proposing(repo: Repository,
                                                               tmp_path: Path) -> None:
    learn_on_first(repo, tmp_path)
    session = ReviewSession(repo, SCHEMA, "ann")
    for i, day in enumerate(("April 1, 2021", "May 3, 2021", "June 1, 2021")):
        doc = imported(repo, filing(tmp_path, f"r{i}.txt", "Ringing Line", day))
        [fv] = [fv for fv in repo.field_values(doc) if fv.field == "contact_name"]
        session.reject(fv.id)  # not a person: the analyst says so, three times
    assert not repo.learned_anchors()[0].enabled
    later = imported(repo, filing(tmp_path, "z.txt", "John Smith", "July 1, 2021"))
    assert contacts(repo, later) == []


def test_reextraction_proposes_but_never_changes_a_persons_value(repo: Repository,
                                                                 tmp_path: Path) -> None:
    decided = imported(repo, filing(tmp_path, "b.txt", "John Smith", "June 9, 2021"))
    untouched = imported(repo, filing(tmp_path, "c.txt", "Ann Other", "July 9, 2021"))
    ReviewSession(repo, SCHEMA, "ann").set_value(decided, "contact_name", None, "Someone Else")
    anchor_id = learn_on_first(repo, tmp_path)
    reextract_all(repo, "ann", workers=0)
    assert contacts(repo, decided) == [("Someone Else", "", None, State.ADDED)]
    assert contacts(repo, untouched) == [("Ann Other", "Ann Other", f"learned.{anchor_id}",
                                          State.EXTRACTED)]
