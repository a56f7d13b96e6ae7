"""Learned anchors in the store: learned with a person's value, counted, switched off, spread."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlite_utils

from reviewer.core.document import Document, Part
from reviewer.core.extract.candidate import Candidate
from reviewer.core.values import DocumentSummary, State
from reviewer.store import Repository, open_store
from reviewer.store.db import connect
from reviewer.store.migrations import migrate

TEXT = ("FORM 8-K\nACME CORP\nCIK {cik}\n\nAcme had a quarter.\n\n"
        "Investor Contact:\nMary Major\n(617) 555-0199\nJohn Doe said hello.\n")


def add(repo: Repository, sha: str, cik: str = "42", extra: list[Candidate] = ()) -> int:
    text = TEXT.format(cik=cik)
    doc = Document(text, "text", [Part("body", 0, len(text))])
    cands = [Candidate("cik", cik, text.index("CIK") + 4, text.index("CIK") + 4 + len(cik), 0.95,
                       "header.cik"),
             Candidate("form_type", "8-K", 5, 8, 0.95, "cover.form_type"), *extra]
    doc_id, _ = repo.add_document(sha256=sha * 64, source_path=f"/x/{sha}.txt", raw=sha.encode(),
                                  document=doc, candidates=cands, extractor_version="t",
                                  summary=DocumentSummary(), who="ann")
    return doc_id


def span(repo: Repository, doc_id: int, value: str) -> tuple[int, int]:
    text = repo.document_text(doc_id) or ""
    return text.index(value), text.index(value) + len(value)


def test_a_value_filled_from_a_selection_teaches_its_label(repo: Repository) -> None:
    doc = add(repo, "a")
    repo.add_value(doc, "contact_name", "Mary Major", span(repo, doc, "Mary Major"), "ann")
    [anchor] = repo.learned_anchors()
    assert (anchor.field, anchor.label, anchor.filer, anchor.document_id, anchor.enabled,
            anchor.proposed, anchor.accepted, anchor.rejected) == (
        "contact_name", "investor contact", "cik:42", doc, True, 0, 0, 0)
    assert anchor.region in {"form", "body", "release"}
    assert repo.anchors_for("cik:42") == [anchor] and repo.anchors_for("cik:7") == []
    assert repo.anchor(anchor.id) == anchor and repo.anchor(anchor.id + 1) is None


def test_a_typed_value_teaches_where_the_text_holds_it(repo: Repository) -> None:
    doc = add(repo, "a")
    repo.add_value(doc, "contact_name", "mary   major", None, "ann")  # typed: found in the text
    assert [a.label for a in repo.learned_anchors()] == ["investor contact"]
    repo.add_value(doc, "contact_name", "Nobody Here", None, "ann")  # not in the text
    repo.add_value(doc, "contact_name", "John Doe", span(repo, doc, "John Doe"), "ann")  # no label
    assert len(repo.learned_anchors()) == 1


def test_a_confirmed_extracted_value_teaches_nothing(repo: Repository) -> None:
    doc = add(repo, "a", extra=[Candidate("contact_name", "Mary Major", 0, 1, 0.8, "x.y")])
    fv = next(fv for fv in repo.field_values(doc) if fv.field == "contact_name")
    repo.set_value(fv.id, "Mary Major", span(repo, doc, "Mary Major"), "ann")
    repo.confirm(fv.id, "ann")
    assert repo.learned_anchors() == []


def test_learning_is_part_of_the_change_and_undone_with_it(repo: Repository) -> None:
    doc = add(repo, "a")
    with pytest.raises(RuntimeError), repo.transaction():
        repo.add_value(doc, "contact_name", "Mary Major", span(repo, doc, "Mary Major"), "ann")
        raise RuntimeError("the change fails")
    assert repo.learned_anchors() == []
    fv = repo.add_value(doc, "contact_name", "Mary Major", span(repo, doc, "Mary Major"), "ann")
    repo.restore(fv.id, None, (None, None), State.REJECTED, "ann")  # Ctrl+Z
    assert repo.learned_anchors() == []
    repo.restore(fv.id, "Mary Major", (fv.span_start, fv.span_end), State.ADDED, "ann")  # redo
    assert len(repo.learned_anchors()) == 1


def proposed(repo: Repository, sha: str, anchor_id: int, cik: str = "42") -> int:
    """A filing whose import proposed Mary Major at a learned anchor."""
    text = TEXT.format(cik=cik)
    start = text.index("Mary Major")
    doc = add(repo, sha, cik, [Candidate("contact_name", "Mary Major", start, start + 10, 0.6,
                                         f"learned.{anchor_id}")])
    return next(fv.id for fv in repo.field_values(doc) if fv.field == "contact_name")


def test_decisions_on_proposals_are_counted_and_undone(repo: Repository) -> None:
    doc = add(repo, "a")
    repo.add_value(doc, "contact_name", "Mary Major", span(repo, doc, "Mary Major"), "ann")
    [anchor] = repo.learned_anchors()
    first = proposed(repo, "b", anchor.id)
    repo.confirm(first, "ann")
    second = proposed(repo, "c", anchor.id)
    repo.mark_reviewed(repo.field_value(second).document_id, "ann")  # approved unseen: accepted
    third = proposed(repo, "d", anchor.id)
    repo.reject(third, "ann")
    [anchor] = repo.learned_anchors()
    assert (anchor.proposed, anchor.accepted, anchor.rejected) == (3, 2, 1)
    repo.restore(third, "Mary Major", (None, None), State.EXTRACTED, "ann")  # undo the reject
    assert repo.learned_anchors()[0].rejected == 0


def test_an_anchor_rejected_more_than_accepted_switches_itself_off(repo: Repository) -> None:
    doc = add(repo, "a")
    repo.add_value(doc, "contact_name", "Mary Major", span(repo, doc, "Mary Major"), "ann")
    [anchor] = repo.learned_anchors()
    repo.confirm(proposed(repo, "b", anchor.id), "ann")
    repo.reject(proposed(repo, "c", anchor.id), "ann")
    assert repo.learned_anchors()[0].enabled  # 1 to 1
    fv = proposed(repo, "d", anchor.id)
    repo.set_value(fv, "Mary Q. Major", None, "ann")  # corrected: rejected too
    [anchor] = repo.learned_anchors()
    assert (anchor.accepted, anchor.rejected, anchor.enabled) == (1, 2, False)
    assert repo.anchors_for("cik:42") == []
    assert repo.set_anchor_enabled(anchor.id, True) and repo.anchors_for("cik:42")[0].enabled
    assert repo.set_anchor_enabled(anchor.id, False) and repo.anchors_for("cik:42") == []
    assert not repo.set_anchor_enabled(9999, True)


def test_learned_on_three_filers_an_anchor_applies_to_every_filer(repo: Repository) -> None:
    for sha, cik in (("a", "1"), ("b", "2")):
        doc = add(repo, sha, cik)
        repo.add_value(doc, "contact_name", "Mary Major", span(repo, doc, "Mary Major"), "ann")
    assert sorted(a.filer for a in repo.learned_anchors()) == ["cik:1", "cik:2"]
    first = repo.learned_anchors()[0]
    repo.confirm(proposed(repo, "p", first.id, cik="1"), "ann")
    assert repo.anchors_for("cik:3") == []
    doc = add(repo, "c", "3")
    repo.add_value(doc, "contact_name", "Mary Major", span(repo, doc, "Mary Major"), "ann")
    [anchor] = repo.learned_anchors()
    assert (anchor.filer_key, anchor.filer, anchor.proposed, anchor.accepted) == (
        None, "every filer", 1, 1)
    assert repo.anchors_for("cik:99") == [anchor] and repo.anchors_for(None) == [anchor]
    doc = add(repo, "d", "4")  # a fourth filer's value joins the same anchor
    repo.add_value(doc, "contact_name", "Mary Major", span(repo, doc, "Mary Major"), "ann")
    assert [a.id for a in repo.learned_anchors()] == [anchor.id]


def test_a_store_of_the_previous_schema_gains_anchors(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    conn = connect(path)
    migrate(sqlite_utils.Database(conn), path, upto=6)  # the schema before anchors (7)
    conn.close()
    db = open_store(path)
    assert {"anchors", "anchor_sources"} <= set(db.table_names())
    assert Repository(db).learned_anchors() == []
    db.conn.close()


def test_a_recovered_store_keeps_what_was_learned_and_rebuilds_the_memory(
        repo: Repository, store_path: Path, tmp_path: Path) -> None:
    """`reviewer recover` copies the anchors (with the values that taught them, their counts and
    switches) and the proposal stamps, and rebuilds the filers' memory from the approved filings."""
    from reviewer.store.recover import recover

    doc = add(repo, "a", "7")
    repo.add_value(doc, "contact_name", "Mary Major", span(repo, doc, "Mary Major"), "ann")
    repo.mark_reviewed(doc, "ann")
    [anchor] = repo.learned_anchors()
    repo.set_anchor_enabled(anchor.id, False)
    later = add(repo, "b", "7")
    stamp = repo.proposal_stamp()
    repo.db.conn.close()

    report = recover(store_path, tmp_path / "new.db")
    assert {t.name: t.copied for t in report.tables}["anchor_sources"] == 1
    new = Repository(open_store(tmp_path / "new.db"))
    try:
        assert [(a.id, a.label, a.filer_key, a.enabled) for a in new.learned_anchors()] == [
            (anchor.id, anchor.label, "cik:7", False)]
        assert new.proposal_stamp() >= stamp  # never back: filings proposed at it stay up to date
        memory = new.memory_for("cik:7")
        assert memory.latest("contact_name").value == "Mary Major"
        new.set_anchor_enabled(anchor.id, True)  # on again: the stamps move on past the old ones
        assert new.proposals_due(later, ["cik:7"]) is not None
        taught = [fv for fv in new.field_values(doc) if fv.value == "Mary Major"]
        new.unlearn(taught[0].id)  # the value that taught it was copied with its id: undone,
        assert new.learned_anchors() == []  # it teaches nothing, and the unused anchor goes
    finally:
        new.db.conn.close()


def test_a_removed_filing_does_not_count_towards_every_filer(repo: Repository) -> None:
    """Three filers spread an anchor to every filer only while their filings are in review."""
    docs = []
    for sha, cik in (("a", "1"), ("b", "2")):
        docs.append(add(repo, sha, cik))
        repo.add_value(docs[-1], "contact_name", "Mary Major", span(repo, docs[-1], "Mary Major"),
                       "ann")
    repo.remove_document(docs[0], "ann")
    doc = add(repo, "c", "3")
    repo.add_value(doc, "contact_name", "Mary Major", span(repo, doc, "Mary Major"), "ann")
    assert sorted(a.filer for a in repo.learned_anchors()) == ["cik:2", "cik:3"]
    doc = add(repo, "d", "4")  # a third filer in review: now it is every filer's
    repo.add_value(doc, "contact_name", "Mary Major", span(repo, doc, "Mary Major"), "ann")
    assert [a.filer for a in repo.learned_anchors()] == ["every filer"]


def test_the_words_of_a_phrase_anchor_are_kept_and_read_back(repo: Repository) -> None:
    text = "Read it with Exhibit 99.2 to the Company's Form 8-K filing.\n"
    doc_obj = Document(text, "text", [Part("body", 0, len(text))])
    doc, _ = repo.add_document(sha256="c" * 64, source_path="/x/c.txt", raw=b"c", document=doc_obj,
                               candidates=[Candidate("cik", "42", 0, 1, 0.95, "header.cik")],
                               extractor_version="t", summary=DocumentSummary(), who="ann")
    repo.add_value(doc, "form_type", "8-K", span(repo, doc, "8-K"), "ann")
    [anchor] = repo.learned_anchors()
    assert (anchor.field, anchor.label, anchor.words, anchor.filer) == (
        "form_type", "…to the company's form", 1, "cik:42")
    assert repo.anchors_for("cik:42") == [anchor]
