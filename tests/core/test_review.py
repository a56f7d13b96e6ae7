"""The review session over a real store: each change stored at once, undone and redone as a new
change; and attention(), the order in which a filing's values ask for a look."""

from __future__ import annotations

import pytest

from reviewer.core.document import Document
from reviewer.core.extract.candidate import Candidate
from reviewer.core.review import InvalidValue, ReviewSession
from reviewer.core.schema import FieldDef, Schema, load_schema
from reviewer.core.values import DocumentSummary, FieldValue, State

TEXT = "ACME CORP\nFORM 8-K\nDate of report: November 27, 2002\nContact: Jane Roe\n"


@pytest.fixture
def filing(repo) -> tuple[int, dict[str, int]]:
    """A stored filing with three extracted values; (its id, value id by field)."""
    cands = [Candidate("form_type", "8-K", 10, 18, 0.95, "t"),
             Candidate("company_name", "ACME CORP", 0, 9, 0.45, "t"),
             Candidate("contact_name", "Jane Roe", 62, 70, 0.7, "t")]
    doc_id, _ = repo.add_document(sha256="a" * 64, source_path="acme.txt", raw=TEXT.encode(),
                                  document=Document(TEXT, "text"), candidates=cands,
                                  extractor_version="t", summary=DocumentSummary(), who="importer")
    return doc_id, {fv.field: fv.id for fv in repo.field_values(doc_id)}


@pytest.fixture
def session(repo) -> ReviewSession:
    return ReviewSession(repo, load_schema(), "ann")


def states(repo, doc_id: int) -> dict[str, tuple[str | None, str]]:
    return {fv.field: (fv.value, fv.state) for fv in repo.field_values(doc_id)}


def test_a_correction_is_stored_in_normal_form_and_undone_and_redone(repo, session, filing) -> None:
    doc_id, ids = filing
    fv = session.set_value(doc_id, "company_name", ids["company_name"], "Acme  Corp.")
    assert (fv.value, fv.state) == ("Acme Corp.", State.CORRECTED)
    assert session.undo().label == "edit company_name"
    assert states(repo, doc_id)["company_name"] == ("ACME CORP", "extracted")
    assert session.redo().label == "edit company_name"
    assert states(repo, doc_id)["company_name"] == ("Acme Corp.", "corrected")
    actions = [(h["action"], h["before_value"], h["after_value"], h["who"])
               for h in repo.history(doc_id) if h["field"] == "company_name"]
    assert actions == [("edit", "ACME CORP", "Acme Corp.", "ann"),
                       ("undo", "Acme Corp.", "ACME CORP", "ann"),
                       ("undo", "ACME CORP", "Acme Corp.", "ann")]


def test_typing_the_extracted_value_again_confirms_it(repo, session, filing) -> None:
    doc_id, ids = filing
    assert session.set_value(doc_id, "form_type", ids["form_type"], "8-k").state == State.CONFIRMED


def test_empty_text_rejects_the_value(repo, session, filing) -> None:
    doc_id, ids = filing
    session.set_value(doc_id, "contact_name", ids["contact_name"], "   ")
    assert states(repo, doc_id)["contact_name"] == ("Jane Roe", "rejected")


def test_a_missed_value_is_added_and_its_undo_rejects_it(repo, session, filing) -> None:
    doc_id, _ = filing
    fv = session.set_value(doc_id, "release_date", None, "Nov. 28, 2002", (0, 4))
    assert (fv.value, fv.state, fv.span_start, fv.span_end) == ("2002-11-28", "added", 0, 4)
    session.undo()
    assert states(repo, doc_id)["release_date"] == (None, "rejected")


def test_invalid_text_says_what_is_expected_and_stores_nothing(repo, session, filing) -> None:
    doc_id, ids = filing
    before = len(repo.history(doc_id))
    with pytest.raises(InvalidValue, match=r"^Release date: expected a date, e\.g\. 2002-11-27"):
        session.set_value(doc_id, "release_date", None, "soon")
    with pytest.raises(InvalidValue, match="one of earnings, dividend"):
        session.set_value(doc_id, "event_type", None, "alien landing")
    assert session.normal_value("event_type", "Dividend") == "dividend"
    assert len(repo.history(doc_id)) == before and session.undo_stack == []


def test_marking_reviewed_confirms_the_untouched_and_undo_puts_them_back(repo, session,
                                                                          filing) -> None:
    doc_id, ids = filing
    session.reject(ids["contact_name"])
    assert session.mark_reviewed(doc_id) == 2
    assert states(repo, doc_id) == {"form_type": ("8-K", "confirmed"),
                                    "company_name": ("ACME CORP", "confirmed"),
                                    "contact_name": ("Jane Roe", "rejected")}
    assert repo.document(doc_id).status == "reviewed"
    session.undo()
    assert repo.document(doc_id).status == "to_review"
    assert states(repo, doc_id) == {"form_type": ("8-K", "extracted"),
                                    "company_name": ("ACME CORP", "extracted"),
                                    "contact_name": ("Jane Roe", "rejected")}


def test_a_flag_keeps_its_note_and_undo_restores_the_one_before(repo, session, filing) -> None:
    doc_id, _ = filing
    session.flag(doc_id, "check the split ratio")
    session.flag(doc_id, "and the date")
    assert (repo.document(doc_id).status, repo.document(doc_id).flag_note) == (
        "flagged", "and the date")
    session.undo()
    assert repo.document(doc_id).flag_note == "check the split ratio"
    session.undo()
    assert repo.document(doc_id).status == "to_review"


def test_a_new_change_clears_what_could_be_redone(repo, session, filing) -> None:
    doc_id, ids = filing
    session.confirm(ids["form_type"])
    session.undo()
    assert len(session.redo_stack) == 1
    session.reject(ids["contact_name"])
    assert session.redo_stack == [] and session.redo() is None


# -- attention -------------------------------------------------------------------------------

SCHEMA = Schema([
    FieldDef("form_type", "Form", "code", "filing"),
    FieldDef("company_name", "Company", "text", "cover"),
    FieldDef("item", "Item", "code", "filing", multi=True, forms=("8-K", "8-K/A")),
    FieldDef("annual_report_form", "Annual report form", "code", "cover", forms=("6-K",)),
    FieldDef("headline", "Headline", "text", "press_release"),
    FieldDef("ticker", "Ticker", "code", "press_release", multi=True),
])


def value(fv_id: int, field: str, state: State, confidence: float | None) -> FieldValue:
    return FieldValue(fv_id, 1, field, "x", None, None, state, confidence, "t", "x", "", "t")


def test_attention_lists_low_confidence_values_lowest_first_then_missing_fields() -> None:
    session = ReviewSession(None, SCHEMA, "ann")  # type: ignore[arg-type]  # attention reads no store
    values = [
        value(1, "form_type", State.EXTRACTED, 0.95),
        value(2, "company_name", State.EXTRACTED, 0.59),
        value(3, "ticker", State.EXTRACTED, 0.30),
        value(4, "ticker", State.EXTRACTED, 0.60),  # at the threshold: not below it
        value(5, "headline", State.CONFIRMED, 0.10),  # a person looked at it
        value(6, "item", State.REJECTED, 0.20),  # rejected: the field counts as missing
    ]
    assert session.attention(values, "8-K") == [
        ("ticker", 3), ("company_name", 2), ("item", None)]
    assert session.attention(values, "6-K") == [
        ("ticker", 3), ("company_name", 2), ("annual_report_form", None)]
    assert session.attention(values, None) == [
        ("ticker", 3), ("company_name", 2), ("item", None), ("annual_report_form", None)]
    assert session.attention([], "10-K") == [
        ("form_type", None), ("company_name", None), ("headline", None), ("ticker", None)]


def test_a_value_with_no_confidence_needs_attention_until_decided() -> None:
    assert value(1, "headline", State.EXTRACTED, None).needs_attention
    assert not value(1, "headline", State.CORRECTED, None).needs_attention


def test_the_store_is_a_review_store(repo) -> None:
    from reviewer.core.review import ReviewStore

    missing = [name for name in ReviewStore.__dict__ if not name.startswith("_")
               and callable(ReviewStore.__dict__[name]) and not hasattr(repo, name)]
    assert missing == []




def test_undo_of_an_approval_leaves_what_someone_else_changed_since(repo, filing,
                                                                   store_path) -> None:
    """Two windows on one store: Ann approves, Bob corrects a value, Ann undoes her approval."""
    from reviewer.store import Repository, open_store

    doc_id, ids = filing
    ann = ReviewSession(repo, load_schema(), "ann")
    bob = ReviewSession(Repository(open_store(store_path)), load_schema(), "bob")
    ann.mark_reviewed(doc_id)
    bob.set_value(doc_id, "company_name", ids["company_name"], "Acme Corporation")
    ann.undo()
    assert ann.left_alone == ["company_name"]
    assert states(repo, doc_id) == {"form_type": ("8-K", "extracted"),
                                    "company_name": ("Acme Corporation", "corrected"),
                                    "contact_name": ("Jane Roe", "extracted")}
    assert repo.document(doc_id).status == "to_review"
    bob.flag(doc_id, "check the name")
    ann.redo()  # re-approving would now overwrite Bob's flag: the status is left alone
    assert ann.left_alone == ["company_name", "the filing's status"]
    assert repo.document(doc_id).status == "flagged"
